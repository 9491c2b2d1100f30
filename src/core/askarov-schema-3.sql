-- askarov-schema-3.sql — schema version 3: search finds other forms of a word.
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by askarov-store.c as migration 2 -> 3, in one transaction.
-- documents_fts is rebuilt with the askarov_stem tokenizer
-- (askarov-search-tokenizer.c): unicode61 with remove_diacritics 2 as before,
-- plus each word's Snowball stems at the same position. The triggers that
-- keep it in step with documents are unchanged and keep working, since they
-- name the table, not its tokenizer. A connection without the tokenizer
-- cannot read or write the table ("no such tokenizer"), so an app too old for
-- it stops with an error instead of writing an index it cannot read.

DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  search_title, search_body,
  content = 'documents', content_rowid = 'id',
  tokenize = 'askarov_stem unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

-- Search reads the spellings of a case's person from its documents'
-- persons; without this index each row's whole text was read past to get them.
CREATE INDEX documents_case_persons_idx ON documents (case_id, persons);
