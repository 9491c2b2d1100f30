/* askarov-store-drafts.h — letters being written, saved while the user types.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_DRAFT (askarov_draft_get_type ())

/* One row of the drafts table. Enum-like fields hold their ids
 * ("ru", "prosecutor-general", "woman", "email"), as stored. */
typedef struct
{
  gint64  id;            /* 0 until saved */
  gint64  case_id;       /* 0 = none */
  gint64  document_id;   /* 0 = none */
  char   *target_name;
  char   *target_title;
  char   *language;
  char   *role;
  char   *address_form;
  char   *salutation_style; /* "title" or "name": askarov_salutation_style_to_id(); NULL = "title" */
  char   *channel;
  char   *subject;
  char   *body;          /* paragraphs separated by blank lines: askarov_letter_dup_body() */
  char   *sent_at;       /* ISO 8601 UTC, NULL while not sent */
  char   *updated_at;    /* ISO 8601 UTC, set by the store */
} AskarovDraft;

GType         askarov_draft_get_type            (void) G_GNUC_CONST;
AskarovDraft *askarov_draft_new                 (void);
AskarovDraft *askarov_draft_copy                (const AskarovDraft *draft);
void          askarov_draft_free                (AskarovDraft  *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovDraft, askarov_draft_free)

/* Inserts (id 0; sets @draft->id) or updates the draft, in one durable commit:
 * cheap enough to call on a short debounce while typing. Sets @draft->updated_at. */
gboolean      askarov_store_save_draft          (AskarovStore  *self,
                                                 AskarovDraft  *draft,
                                                 GError       **error);
/* The most recently updated unsent draft for the case (0 = none), target name
 * (NULL = none) and language; NULL without error when there is none. */
AskarovDraft *askarov_store_load_latest_draft   (AskarovStore  *self,
                                                 gint64         case_id,
                                                 const char    *target_name,
                                                 const char    *language,
                                                 GError       **error);
AskarovDraft *askarov_store_get_draft           (AskarovStore  *self,
                                                 gint64         id,
                                                 GError       **error);
/* All drafts, newest first, as AskarovDraft (the array frees them). */
GPtrArray    *askarov_store_list_drafts         (AskarovStore  *self,
                                                 gboolean       include_sent,
                                                 GError       **error);
/* Sets sent_at to now. The record of the action is the tracker's (records table,
 * with draft_id); this only takes the draft off the list of unsent ones. */
gboolean      askarov_store_mark_draft_sent     (AskarovStore  *self,
                                                 gint64         id,
                                                 GError       **error);
gboolean      askarov_store_delete_draft        (AskarovStore  *self,
                                                 gint64         id,
                                                 GError       **error);

/* The same on a worker; the draft is copied when the call is made. */
void          askarov_store_save_draft_async    (AskarovStore  *self,
                                                 const AskarovDraft *draft,
                                                 GCancellable  *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer       user_data);
/* Returns the draft's id (> 0), or 0 with @error set. */
gint64        askarov_store_save_draft_finish   (AskarovStore  *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
void          askarov_store_load_latest_draft_async  (AskarovStore  *self,
                                                      gint64         case_id,
                                                      const char    *target_name,
                                                      const char    *language,
                                                      GCancellable  *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer       user_data);
/* NULL with no error when there is no draft. */
AskarovDraft *askarov_store_load_latest_draft_finish (AskarovStore  *self,
                                                      GAsyncResult  *result,
                                                      GError       **error);
void          askarov_store_list_drafts_async   (AskarovStore  *self,
                                                 gboolean       include_sent,
                                                 GCancellable  *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer       user_data);
GPtrArray    *askarov_store_list_drafts_finish  (AskarovStore  *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
void          askarov_store_mark_draft_sent_async  (AskarovStore  *self,
                                                    gint64         id,
                                                    GCancellable  *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer       user_data);
gboolean      askarov_store_mark_draft_sent_finish (AskarovStore  *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

G_END_DECLS
