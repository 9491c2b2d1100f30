-- askarov-schema-4.sql — schema version 4: cases know whether they are still open.
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by askarov-store.c as migration 3 -> 4, in one transaction.
--
-- A case's state is worked out from its documents (askarov-store-cases.c):
-- the newest dated document wins, an outcome closing the case and a later
-- Urgent Action or update reopening it. The user may set the state by hand;
-- that choice counts as a document of its date and wins a tie.

ALTER TABLE cases ADD COLUMN state TEXT NOT NULL DEFAULT 'open';  -- askarov_case_state_to_id()
ALTER TABLE cases ADD COLUMN state_date TEXT;                      -- YYYY-MM-DD the state began, or NULL
ALTER TABLE cases ADD COLUMN state_user TEXT;                      -- a state the user chose, or NULL
ALTER TABLE cases ADD COLUMN state_user_date TEXT;                 -- YYYY-MM-DD of that choice

-- The case state a document announces (facts "outcome" / "outcome_date").
ALTER TABLE documents ADD COLUMN outcome TEXT;
ALTER TABLE documents ADD COLUMN outcome_date TEXT;

UPDATE documents
SET outcome = json_extract (facts_json, '$.outcome'),
    outcome_date = json_extract (facts_json, '$.outcome_date')
WHERE facts_json IS NOT NULL AND json_valid (facts_json);

CREATE INDEX documents_reference_idx ON documents (reference);
