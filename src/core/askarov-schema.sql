-- askarov-schema.sql — schema version 1 of the Askarov database.
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by askarov-store.c as migration 0 -> 1, in one transaction.
-- Later versions add files askarov-schema-N.sql; released steps never change.

-- Cases: one person at risk (or one campaign), grouping documents and records.
CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  person_key  TEXT,                      -- folded name used to group documents (askarov_fold_person_name)
  summary     TEXT,
  timeline    TEXT,                      -- JSON array of {"date", "text"}: what happened, from a case pack
  pack        TEXT,                      -- id of the embedded case pack it came from, or NULL
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX cases_name_idx ON cases (name);
CREATE INDEX cases_person_key_idx ON cases (person_key);

-- Documents: one imported Urgent Action, update, outcome, statement or article.
CREATE TABLE documents (
  id                    INTEGER PRIMARY KEY,
  case_id               INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  title                 TEXT NOT NULL,
  source_name           TEXT,            -- file name it was imported from
  format                TEXT NOT NULL,   -- text, markdown, html, pdf, pack
  body                  TEXT NOT NULL,   -- imported text, valid UTF-8
  search_title          TEXT NOT NULL DEFAULT '',  -- title folded for search (ё -> е)
  search_body           TEXT NOT NULL,   -- body folded for search (ё -> е)
  content_hash          TEXT NOT NULL UNIQUE,
  kind                  TEXT,            -- urgent-action, update, outcome, statement, article
  reference             TEXT,            -- UA number, NN/YY
  ai_index              TEXT,            -- EUR 58/015/2010
  issued                TEXT,            -- YYYY-MM-DD
  deadline              TEXT,            -- YYYY-MM-DD
  sort_date             TEXT NOT NULL DEFAULT (date('now')),  -- issued, else deadline, else import day: lists are newest first by it
  update_number         INTEGER,
  languages             TEXT,            -- ISO 639-1 codes, comma separated, in the document's order
  own_language_allowed  INTEGER NOT NULL DEFAULT 0,
  persons               TEXT,            -- persons of concern, joined with '\n'
  pronouns              TEXT,            -- parallel to persons, joined with '\n'
  facts_json            TEXT,            -- everything the extractor found, as JSON
  imported_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_case_idx ON documents (case_id, sort_date);
CREATE INDEX documents_sort_idx ON documents (sort_date, id);
CREATE INDEX documents_kind_idx ON documents (kind);

-- Targets: the officials a document asks volunteers to write to.
CREATE TABLE targets (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,        -- from 0, in document order (win.compose-to uses it)
  name         TEXT,
  title        TEXT,
  salutation   TEXT,
  address      TEXT,                    -- lines joined with '\n'
  email        TEXT,                    -- addresses joined with '\n'
  fax          TEXT,
  phone        TEXT,
  social       TEXT,                    -- handles joined with '\n'
  is_copy      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (document_id, position)
);

-- What the library has done once, such as loading the embedded case pack on first start.
CREATE TABLE library_state (
  key    TEXT PRIMARY KEY,
  value  TEXT
);

-- Full-text index over the folded title and body.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  search_title, search_body,
  content = 'documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, search_title, search_body) VALUES (new.id, new.search_title, new.search_body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, search_title, search_body) VALUES ('delete', old.id, old.search_title, old.search_body);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF search_title, search_body ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, search_title, search_body) VALUES ('delete', old.id, old.search_title, old.search_body);
  INSERT INTO documents_fts (rowid, search_title, search_body) VALUES (new.id, new.search_title, new.search_body);
END;

-- Drafts: appeal letters being written, autosaved while typing.
CREATE TABLE drafts (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  document_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  target_name   TEXT,
  target_title  TEXT,
  language      TEXT NOT NULL,
  role          TEXT NOT NULL,
  address_form  TEXT NOT NULL DEFAULT 'unknown',
  channel       TEXT NOT NULL DEFAULT 'letter',
  subject       TEXT,
  body          TEXT NOT NULL DEFAULT '',  -- the paragraphs the user edits
  sent_at       TEXT,
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Records: every action a volunteer took.
CREATE TABLE records (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  case_name     TEXT,                      -- kept so history survives deleted cases
  reference     TEXT,                      -- the UA reference at the time
  target_name   TEXT,
  target_title  TEXT,
  -- The checks are spelt out with OR: an IN list builds a temporary index
  -- on every insert, which cost a third of the time of a bulk import.
  channel       TEXT NOT NULL CHECK (channel = 'letter' OR channel = 'email' OR channel = 'fax' OR channel = 'call'
                                     OR channel = 'post' OR channel = 'petition' OR channel = 'other'),
  outcome       TEXT CHECK (outcome IS NULL OR outcome = 'sent' OR outcome = 'reached' OR outcome = 'voicemail'
                            OR outcome = 'no-answer'),
  language      TEXT,
  taken_on      TEXT NOT NULL,             -- YYYY-MM-DD, when the action was taken
  note          TEXT,
  draft_id      INTEGER REFERENCES drafts (id) ON DELETE SET NULL,
  reported_on   TEXT,                      -- YYYY-MM-DD, or NULL when not reported yet
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- Natural key for merging CSV files: a hash of every exported column but
  -- reported_on, plus a sequence number so that two identical actions (two
  -- unanswered calls on one day) can both exist.
  natural_key   TEXT NOT NULL,
  natural_seq   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (natural_key, natural_seq)
);
CREATE INDEX records_taken_idx ON records (taken_on DESC, id DESC);
CREATE INDEX records_case_idx ON records (case_id, taken_on DESC, id DESC);
CREATE INDEX records_channel_idx ON records (channel, taken_on DESC, id DESC);
CREATE INDEX records_reference_idx ON records (reference);
CREATE INDEX records_unreported_idx ON records (taken_on DESC, id DESC) WHERE reported_on IS NULL;
-- Covers the totals for a period that is not whole months (the summary
-- table below answers whole months): 266 ms -> 20 ms for a month of a
-- million records, for 11% more file.
CREATE INDEX records_period_idx ON records (taken_on, case_id, channel, reported_on, case_name);

-- Totals kept up to date by triggers, so that the totals per case, channel
-- and month stay instant with a million records: one row per combination.
-- case_key is the case id, or 0 with the stored case_name when there is none.
CREATE TABLE record_counts (
  case_key   INTEGER NOT NULL,
  case_name  TEXT NOT NULL,
  channel    TEXT NOT NULL,
  month      TEXT NOT NULL,              -- YYYY-MM
  reported   INTEGER NOT NULL,           -- 0 or 1
  n          INTEGER NOT NULL,
  PRIMARY KEY (case_key, case_name, channel, month, reported)
) WITHOUT ROWID;
CREATE TRIGGER records_counts_insert AFTER INSERT ON records BEGIN
  INSERT INTO record_counts (case_key, case_name, channel, month, reported, n)
  VALUES (coalesce (new.case_id, 0),
          CASE WHEN new.case_id IS NULL THEN coalesce (new.case_name, '') ELSE '' END,
          new.channel, substr (new.taken_on, 1, 7), new.reported_on IS NOT NULL, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER records_counts_delete AFTER DELETE ON records BEGIN
  UPDATE record_counts SET n = n - 1
  WHERE case_key = coalesce (old.case_id, 0)
    AND case_name = CASE WHEN old.case_id IS NULL THEN coalesce (old.case_name, '') ELSE '' END
    AND channel = old.channel AND month = substr (old.taken_on, 1, 7)
    AND reported = (old.reported_on IS NOT NULL);
  DELETE FROM record_counts WHERE n <= 0;
END;
CREATE TRIGGER records_counts_update AFTER UPDATE OF case_id, case_name, channel, taken_on, reported_on ON records BEGIN
  UPDATE record_counts SET n = n - 1
  WHERE case_key = coalesce (old.case_id, 0)
    AND case_name = CASE WHEN old.case_id IS NULL THEN coalesce (old.case_name, '') ELSE '' END
    AND channel = old.channel AND month = substr (old.taken_on, 1, 7)
    AND reported = (old.reported_on IS NOT NULL);
  DELETE FROM record_counts WHERE n <= 0;
  INSERT INTO record_counts (case_key, case_name, channel, month, reported, n)
  VALUES (coalesce (new.case_id, 0),
          CASE WHEN new.case_id IS NULL THEN coalesce (new.case_name, '') ELSE '' END,
          new.channel, substr (new.taken_on, 1, 7), new.reported_on IS NOT NULL, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Deadline reminders already shown, so that none is shown twice.
CREATE TABLE record_reminders (
  case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  deadline  TEXT NOT NULL,               -- YYYY-MM-DD
  sent_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (case_id, deadline)
) WITHOUT ROWID;
