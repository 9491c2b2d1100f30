-- askarov-schema-5.sql — schema version 5: a draft remembers how its letter greets the official.
-- SPDX-FileCopyrightText: 2026 The Askarov authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by askarov-store.c as migration 4 -> 5, in one transaction.
--
-- "title" greets by office ("Уважаемый господин Президент!"), "name" by first
-- name and patronymic ("Уважаемый Болот Исакович!") where the letter's
-- language and the official's name allow it: askarov_salutation_style_to_id().

ALTER TABLE drafts ADD COLUMN salutation_style TEXT NOT NULL DEFAULT 'title';
