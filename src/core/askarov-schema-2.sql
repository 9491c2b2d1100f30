-- askarov-schema-2.sql — records ids are never reused (AUTOINCREMENT).
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Undo of a delete writes the record back under its old id. Without
-- AUTOINCREMENT SQLite hands the highest free id to the next new action,
-- so deleting the newest action and logging another made Undo fail. The
-- table is rebuilt (SQLite cannot add AUTOINCREMENT in place); its indexes
-- and the triggers that keep record_counts are made again, unchanged.
-- record_counts itself is untouched: the rows are the same.

CREATE TABLE records_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
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

INSERT INTO records_new (id, case_id, case_name, reference, target_name, target_title, channel, outcome, language, taken_on, note, draft_id, reported_on, created_at, natural_key, natural_seq)
  SELECT id, case_id, case_name, reference, target_name, target_title, channel, outcome, language, taken_on, note, draft_id, reported_on, created_at, natural_key, natural_seq FROM records;
DROP TABLE records;
ALTER TABLE records_new RENAME TO records;
CREATE INDEX records_taken_idx ON records (taken_on DESC, id DESC);
CREATE INDEX records_case_idx ON records (case_id, taken_on DESC, id DESC);
CREATE INDEX records_channel_idx ON records (channel, taken_on DESC, id DESC);
CREATE INDEX records_reference_idx ON records (reference);
CREATE INDEX records_unreported_idx ON records (taken_on DESC, id DESC) WHERE reported_on IS NULL;
CREATE INDEX records_period_idx ON records (taken_on, case_id, channel, reported_on, case_name);

-- The triggers that keep record_counts (askarov-schema.sql), unchanged.
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
