/* askarov-store-targets.h — the Urgent Actions that name officials to write to, read for the composer.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-store.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_TARGET_ROW      (askarov_target_row_get_type ())
#define ASKAROV_TYPE_TARGET_CASE (askarov_target_case_get_type ())

/* One official a document asks volunteers to write to (a row of `targets`).
 * Multi-valued fields (address lines, emails, handles) are joined with '\n'. */
typedef struct
{
  int       position;
  char     *name;
  char     *title;
  char     *salutation;   /* as the document gives it, usually in English */
  char     *address;
  char     *email;
  char     *fax;
  char     *phone;
  char     *social;
  gboolean  is_copy;      /* listed under "copies to" */
} AskarovTargetRow;

/* One document with targets, and the case it belongs to. */
typedef struct
{
  gint64      document_id;
  gint64      case_id;               /* 0 when the document has no case */
  char       *case_name;
  char       *title;
  char       *reference;             /* "135/10", or NULL */
  char       *deadline;              /* YYYY-MM-DD, or NULL */
  GStrv       languages;             /* the UA's preferred letter languages, in its order; never NULL */
  gboolean    own_language_allowed;
  char       *facts_json;
  GPtrArray  *targets;               /* AskarovTargetRow, by position */
} AskarovTargetCase;

GType                   askarov_target_row_get_type   (void) G_GNUC_CONST;
GType                   askarov_target_case_get_type  (void) G_GNUC_CONST;

AskarovTargetRow       *askarov_target_row_copy       (const AskarovTargetRow *target);
void                    askarov_target_row_free       (AskarovTargetRow       *target);
AskarovTargetCase      *askarov_target_case_ref       (AskarovTargetCase      *target_case);
void                    askarov_target_case_unref     (AskarovTargetCase      *target_case);
/* The target at @position, or NULL. */
const AskarovTargetRow *askarov_target_case_find      (AskarovTargetCase      *target_case,
                                                       int                     position);

/* Every document that names at least one target, newest first, as a
 * GPtrArray of AskarovTargetCase (with its targets). Thread-safe. */
GPtrArray         *askarov_store_list_target_cases        (AskarovStore         *self,
                                                           GError              **error);
void               askarov_store_list_target_cases_async  (AskarovStore         *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray         *askarov_store_list_target_cases_finish (AskarovStore         *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovTargetRow, askarov_target_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovTargetCase, askarov_target_case_unref)

G_END_DECLS
