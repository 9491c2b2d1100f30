-- askarov-schema-6.sql — schema version 6: the spelling of an official's name the user confirmed per letter language.
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by askarov-store.c as migration 5 -> 6, in one transaction.
--
-- Letters write an official's name in their own script ("Sooronbay Jeenbekov"
-- becomes "Сооронбай Жээнбеков" in Russian). The app transliterates and asks
-- the volunteer to check the spelling; once confirmed, it is kept here and
-- used for every later letter to that official in that language, and in
-- other languages of the same script until one is confirmed there.

CREATE TABLE official_names (
  official     TEXT NOT NULL,   -- the name as the Urgent Action gives it
  language     TEXT NOT NULL,   -- the letter language it was confirmed in (ISO 639-1, "uz-Cyrl")
  script       TEXT NOT NULL,   -- that language's script: 'Cyrl' or 'Latn'
  local_name   TEXT NOT NULL,   -- the confirmed spelling
  confirmed_on TEXT NOT NULL,   -- YYYY-MM-DD
  PRIMARY KEY (official, language)
);

CREATE INDEX official_names_script_idx ON official_names (official, script);
