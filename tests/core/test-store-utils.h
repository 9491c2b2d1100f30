/* test-store-utils.h — what the core tests share: a store in the test's own data dir, raw SQL and a string-list assertion.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-record-list.h"
#include "askarov-store.h"

G_BEGIN_DECLS

/* Opens the database at the default path (G_TEST_OPTION_ISOLATE_DIRS gives
 * every test case its own), asserting that it opens. */
AskarovStore *open_store (void);
/* Runs @sql, asserting that it succeeds. */
void          exec_sql   (AskarovStore *store,
                          const char   *sql);
/* The first column of the first row of @sql, as an int. */
int           count_rows (AskarovStore *store,
                          const char   *sql);
/* Asserts that @actual holds exactly @expected (NULL-terminated), naming @what. */
/* The permission bits of @path (which must exist). */
guint         file_mode  (const char   *path);
void          assert_strv_equal (char               **actual,
                                 const char * const  *expected,
                                 const char          *what);

/* Runs the main loop until @list has read its count (its "loaded" signal). */
void          wait_record_list_loaded (AskarovRecordList *list);

G_END_DECLS
