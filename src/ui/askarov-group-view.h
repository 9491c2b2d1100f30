/* askarov-group-view.h — the Actions part's Group view: what the whole letter-writing group did.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "askarov-group.h"

G_BEGIN_DECLS

#define ASKAROV_TYPE_GROUP_VIEW (askarov_group_view_get_type ())
G_DECLARE_FINAL_TYPE (AskarovGroupView, askarov_group_view, ASKAROV, GROUP_VIEW, AdwBin)

GtkWidget *askarov_group_view_new       (void);
/* Follows @group: totals per volunteer, case, channel and month, refreshed
 * when the group folder or one's own records change. */
void       askarov_group_view_set_group (AskarovGroupView *self,
                                         AskarovGroup     *group);
/* The number of group actions last shown (for tests). */
guint      askarov_group_view_get_n_actions (AskarovGroupView *self);

G_END_DECLS
