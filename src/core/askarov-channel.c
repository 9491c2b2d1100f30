/* askarov-channel.c — the ways an action is taken: letter, email, fax, post, call, petition, other.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-channel"

#include "config.h"

#include "askarov-channel.h"

#include <glib/gi18n.h>

G_DEFINE_ENUM_TYPE (AskarovChannel, askarov_channel,
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_FAX, "fax"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_POST, "post"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_CALL, "call"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_PETITION, "petition"),
  G_DEFINE_ENUM_VALUE (ASKAROV_CHANNEL_OTHER, "other"))

static const struct {
  const char *id;
  const char *label;
  const char *icon_name;
} channels[] = {
  /* Translators: a way to send an appeal */
  { "letter", N_("Letter"), "mail-send-symbolic" },
  /* Translators: a way to send an appeal */
  { "email", N_("Email"), "mail-unread-symbolic" },
  /* Translators: a way to send an appeal */
  { "fax", N_("Fax"), "printer-symbolic" },
  /* Translators: a way to send an appeal: a short social-media post */
  { "post", N_("Short post"), "chat-message-new-symbolic" },
  /* Translators: a way to send an appeal: a phone call */
  { "call", N_("Phone call"), "call-start-symbolic" },
  /* Translators: an action taken for a case: signing a petition */
  { "petition", N_("Petition"), "document-edit-symbolic" },
  /* Translators: an action taken for a case that is none of the others */
  { "other", N_("Other"), "view-more-horizontal-symbolic" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (channels) == ASKAROV_N_CHANNELS);

const char *
askarov_channel_to_id (AskarovChannel channel)
{
  g_return_val_if_fail (channel < ASKAROV_N_CHANNELS, NULL);

  return channels[channel].id;
}

/**
 * askarov_channel_from_id:
 * @id: (nullable): "letter", "email", …
 *
 * Returns: %TRUE and sets @channel when @id names a channel
 */
gboolean
askarov_channel_from_id (const char     *id,
                         AskarovChannel *channel)
{
  g_return_val_if_fail (channel != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (g_strcmp0 (id, channels[i].id) == 0)
      {
        *channel = (AskarovChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
askarov_channel_get_label (AskarovChannel channel)
{
  g_return_val_if_fail (channel < ASKAROV_N_CHANNELS, NULL);

  return _(channels[channel].label);
}

const char *
askarov_channel_get_icon_name (AskarovChannel channel)
{
  g_return_val_if_fail (channel < ASKAROV_N_CHANNELS, NULL);

  return channels[channel].icon_name;
}
