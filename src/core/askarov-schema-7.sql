-- askarov-schema-7.sql — schema version 7: actions have an identity and an author; group journals.
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by askarov-store.c as migration 6 -> 7, in one transaction.
--
-- Every action gets a UUID (the same in CSV files and group journals) and
-- the volunteer id of its author. This database's volunteer id is made here,
-- once, and kept in library_state ("volunteer_id"). Actions read from other
-- volunteers' journals in a shared group folder (askarov-group.c) are kept
-- apart in group_records, never mixed into records.

INSERT OR IGNORE INTO library_state (key, value)
VALUES ('volunteer_id',
        lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
        substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) ||
        substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6))));

ALTER TABLE records ADD COLUMN uuid TEXT;        -- the action's id everywhere (CSV "id", journals)
ALTER TABLE records ADD COLUMN volunteer TEXT;   -- the author's volunteer id (CSV "volunteer")

UPDATE records
SET uuid = lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
           substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) ||
           substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6))),
    volunteer = (SELECT value FROM library_state WHERE key = 'volunteer_id');

CREATE UNIQUE INDEX records_uuid_idx ON records (uuid);
CREATE INDEX records_volunteer_idx ON records (volunteer);

-- Other volunteers' actions, merged from the group folder's journals. A
-- deleted action stays as a tombstone (deleted = 1) so that an older line
-- arriving late cannot bring it back; the line with the highest stamp wins.
-- A rowid table with a unique index, not WITHOUT ROWID: rows land at the
-- end in arrival order and only the small index takes the random ids,
-- which keeps a first merge of a million actions within the page cache.
CREATE TABLE group_records (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  volunteer       TEXT NOT NULL,
  volunteer_name  TEXT,
  case_name       TEXT,
  reference       TEXT,
  target_name     TEXT,
  target_title    TEXT,
  channel         TEXT NOT NULL,
  outcome         TEXT,
  language        TEXT,
  taken_on        TEXT NOT NULL,
  note            TEXT,
  reported_on     TEXT,
  created_at      TEXT,
  stamp           INTEGER NOT NULL,          -- microseconds since 1970 of the winning journal line
  deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX group_records_volunteer_idx ON group_records (volunteer);

-- How far each journal file in the group folder has been read.
CREATE TABLE group_files (
  name    TEXT PRIMARY KEY,
  size    INTEGER NOT NULL,
  mtime   INTEGER NOT NULL,
  offset  INTEGER NOT NULL,                  -- bytes read up to the end of the last complete line
  tail    TEXT                               -- checksum of the bytes before offset, to see a replaced file
) WITHOUT ROWID;

-- What this volunteer's own journal already says about each own action.
CREATE TABLE group_journal (
  uuid     TEXT PRIMARY KEY,
  hash     TEXT NOT NULL,                    -- checksum of the fields written, "" after a delete
  stamp    INTEGER NOT NULL
) WITHOUT ROWID;
