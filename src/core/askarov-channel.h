/* askarov-channel.h — the ways an action is taken: letter, email, fax, post, call, petition, other.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The ids ("letter", "email", …) are what the database, the CSV and the
 * JSON use. The first ASKAROV_N_LETTER_CHANNELS are the ones a letter can be
 * written for; petitions and other actions are only logged. */
typedef enum
{
  ASKAROV_CHANNEL_LETTER,
  ASKAROV_CHANNEL_EMAIL,
  ASKAROV_CHANNEL_FAX,
  ASKAROV_CHANNEL_POST,      /* a short social-media post, at most 280 characters */
  ASKAROV_CHANNEL_CALL,      /* a phone call, with a short script */
  ASKAROV_CHANNEL_PETITION,
  ASKAROV_CHANNEL_OTHER,
} AskarovChannel;

#define ASKAROV_N_CHANNELS        (ASKAROV_CHANNEL_OTHER + 1)
#define ASKAROV_N_LETTER_CHANNELS (ASKAROV_CHANNEL_CALL + 1)

#define ASKAROV_TYPE_CHANNEL (askarov_channel_get_type ())

GType       askarov_channel_get_type      (void) G_GNUC_CONST;
const char *askarov_channel_to_id         (AskarovChannel  channel);
gboolean    askarov_channel_from_id       (const char     *id,
                                           AskarovChannel *channel);
const char *askarov_channel_get_label     (AskarovChannel  channel);
const char *askarov_channel_get_icon_name (AskarovChannel  channel);

G_END_DECLS
