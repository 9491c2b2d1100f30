/* tracker-test-data.h — cases, documents and records for Actions page tests and screenshots.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-store-records.h"

G_BEGIN_DECLS

/* Adds a case with one Urgent Action whose deadline is @days_from_today away
 * and two targets. Returns the case id. */
gint64               tracker_test_add_case   (AskarovStore *store,
                                              const char   *name,
                                              const char   *reference,
                                              int           days_from_today);
/* Adds an Urgent Action document in no case, with one target; returns its id. */
gint64               tracker_test_add_ua     (AskarovStore *store,
                                              const char   *reference,
                                              const char   *title,
                                              const char   *target,
                                              const char   *target_title);
/* Logs one action through the store (sync). (transfer full) */
AskarovActionRecord *tracker_test_add_record (AskarovStore  *store,
                                              gint64         case_id,
                                              const char    *reference,
                                              const char    *target,
                                              AskarovChannel channel,
                                              AskarovOutcome outcome,
                                              const char    *language,
                                              const char    *taken_on);
/* A few dozen actions over the last months, for screenshots. */
void                 tracker_test_add_sample (AskarovStore *store);
/* YYYY-MM-DD, @days from today (negative: in the past). */
char                *tracker_test_date       (int           days);

G_END_DECLS
