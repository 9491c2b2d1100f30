/* askarov-extractor-private.h — what the extractor's files share: the prepared text and small helpers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-extractor.h"

G_BEGIN_DECLS

/* A document's text prepared once for every rule: Markdown emphasis and link
 * syntax removed, no-break spaces made plain, each line trimmed. */
typedef struct
{
  char  *flat;    /* the lines joined with '\n' */
  char **lines;   /* trimmed lines, blank ones kept as "" */
  guint  n_lines;
} ExtractText;

/* A regular expression compiled once, for the life of the process. GRegex is
 * immutable after compilation, so workers may share it. */
GRegex   *extract_regex            (GRegex      **slot,
                                    const char   *pattern,
                                    GRegexCompileFlags flags);

/* Reads a date at the start of @s ("15 September 2010", "September 15, 2010",
 * "15 November, 2017", "2018-12-06", "3. Juni 2020", "15.11.2017"…) and returns
 * it as YYYY-MM-DD, or NULL. When the year is missing, @default_year is used
 * (0: the date is refused). @end receives the first byte after the date. */
char     *extract_parse_date       (const char   *s,
                                    int           default_year,
                                    const char  **end);
/* Finds the first date in [@s, @limit) (any of the forms above); NULL if none. */
char     *extract_find_date        (const char   *s,
                                    const char   *limit,
                                    int           default_year,
                                    const char  **start,
                                    const char  **end);

/* TRUE when @word (any case) is a role such as "President", "Minister", "Ambassador". */
gboolean  extract_is_role_word     (const char   *word);

void      extract_targets          (const ExtractText *text,
                                    GPtrArray         *targets);
void      extract_persons          (const ExtractText *text,
                                    const GPtrArray   *targets,
                                    char            ***persons,
                                    char            ***pronouns);

/* The requests the document lists ("Calling on the authorities to…", bullets
 * after "Please write…"), each one sentence as written; replaces *@asks. */
void      extract_asks             (const ExtractText *text,
                                    char            ***asks);

G_END_DECLS
