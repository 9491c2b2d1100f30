/* askarov-letter-pack-private.h — what the pack's files share: its layout and the sheets it draws.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "askarov-letter-pack.h"

G_BEGIN_DECLS

/* One letter of the pack: one official in one language. */
typedef struct
{
  AskarovLetter      *letter;
  AskarovLetterPages *pages;
  guint               official;   /* index into the case's targets */
} PackItem;

typedef struct
{
  AskarovLetterPackPage kind;
  guint                 item;     /* PackItem for letters and envelopes */
  guint                 sub;      /* the letter's page */
} PackPage;

struct _AskarovLetterPack
{
  AskarovLetterCase        *letter_case;
  AskarovLetterPackOptions *options;
  PangoContext             *context;
  GArray                   *officials;   /* guint, the chosen ones in order */
  GPtrArray                *items;       /* PackItem */
  GArray                   *pages;       /* PackPage */
};

void askarov_letter_pack_draw_envelope (AskarovLetterPack *pack,
                                        cairo_t           *cr,
                                        const PackItem    *item);
void askarov_letter_pack_draw_tally    (AskarovLetterPack *pack,
                                        cairo_t           *cr);

G_END_DECLS
