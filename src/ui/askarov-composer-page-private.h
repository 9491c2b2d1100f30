/* askarov-composer-page-private.h — what the Compose page's files share: its state and helpers.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "askarov-composer-page.h"

#include "askarov-composer-preview.h"
#include "askarov-letter-pdf.h"
#include "askarov-letter.h"
#include "askarov-salutations.h"
#include "askarov-store-drafts.h"
#include "askarov-store-targets.h"

G_BEGIN_DECLS

/* Autosave: a draft is written this long after the last keystroke, and never
 * later than MAX_WAIT_MS after the first unsaved one, so that steady typing
 * (which keeps restarting the debounce) still reaches the disk every second. */
#define DEBOUNCE_MS 500
#define MAX_WAIT_MS 800

struct _AskarovComposerPage
{
  GtkWidget               parent_instance;

  /* Template children */
  AdwBreakpointBin       *breakpoint_bin;
  AdwToastOverlay        *toasts;
  GtkStack               *main_stack;
  AdwStatusPage          *empty_page;
  AdwToggleGroup         *view_toggle;
  GtkLabel               *save_state_label;
  AdwBanner              *sender_banner;
  AdwBanner              *case_banner;       /* why a closed case gets this letter */
  GtkWidget              *editor_pane;
  GtkWidget              *pane_separator;
  GtkWidget              *preview_pane;
  AdwComboRow            *case_row;
  AdwComboRow            *target_row;
  AdwEntryRow            *name_row;
  AdwEntryRow            *title_row;
  AdwEntryRow            *local_name_row;    /* the name in the letter's script */
  GtkLabel               *local_name_hint;
  GtkButton              *local_name_confirm;
  GtkLabel               *title_hint;        /* the title is kept untranslated */
  AdwComboRow            *language_row;
  AdwComboRow            *channel_row;
  AdwActionRow           *salutation_row;
  AdwComboRow            *role_row;
  AdwComboRow            *form_row;
  AdwSwitchRow           *by_name_row;
  GtkBox                 *paragraphs_box;
  GtkWidget              *asks_group;
  GtkListBox             *asks_list;
  GtkStack               *preview_stack;
  AskarovComposerPreview *preview;
  GtkLabel               *text_heading;
  GtkLabel               *text_preview;
  GtkLabel               *counter_label;
  GtkStringList          *case_model;
  GtkStringList          *target_model;
  GtkStringList          *language_model;
  GtkStringList          *channel_model;
  GtkStringList          *role_model;
  GtkStringList          *form_model;

  AskarovStore           *store;
  GSettings              *settings;
  GCancellable           *cancellable;       /* loads; cancelled when the store changes */

  GPtrArray              *cases;             /* AskarovTargetCase, as in case_model */
  AskarovTargetCase      *target_case;       /* the letter's document, or NULL */
  GArray                 *target_positions;  /* int, as in target_model; -1 = typed in */
  GPtrArray              *languages;         /* codes, as in language_model */
  AskarovLetterCase      *letter_case;       /* what the letter is built from, for letter_case_document */
  gint64                  letter_case_document;
  guint                   letter_case_serial;
  char                   *shown_local_name;  /* what local_name_row was last filled with */
  guint                   name_serial;       /* changes with every lookup of a confirmed spelling */

  gint64                  pending_document;  /* a compose_to() waiting for the cases */
  int                     pending_position;
  gboolean                has_pending;
  gboolean                start_pending;     /* "Start a Letter" waits for the cases */

  AskarovLetter          *letter;
  AskarovDraft           *draft;             /* the letter's row in the drafts table */
  guint                   draft_serial;      /* changes with every letter opened */
  guint                   load_serial;
  guint                   cases_serial;
  gint64                  cases_changes;     /* the store's change count when the list was read */
  gboolean                role_overridden;
  gboolean                narrow;
  guint                   updating;          /* > 0 while rows are filled from code */
  gboolean                editing_paragraph;
  guint                   n_editors;

  /* Autosave state (askarov-composer-page-autosave.c). */
  guint                   debounce_id;
  guint                   max_wait_id;
  gboolean                dirty;             /* edits on screen not yet queued */
  GPtrArray              *queues;            /* DraftQueue: one per draft with saves left */
  GPtrArray              *flushes;           /* GTask: flushes waiting for the queues */
  gboolean                save_error_shown;
  gboolean                disposed;
  gboolean                drafts_wanted;     /* a load waits for a running save */
};

/* What a save or a load started for one letter brings back to its callback. */
typedef struct
{
  AskarovComposerPage *self;   /* a reference */
  guint                serial;
  gint64               changes;  /* the store's change count when it started */
} SaveJob;

void _askarov_composer_page_toast (AskarovComposerPage *self,
                                   const char          *message);
AskarovPaper _askarov_composer_page_current_paper (AskarovComposerPage *self);
char *_askarov_composer_page_target_label (const AskarovTargetRow *target);
void _askarov_composer_page_fill_targets (AskarovComposerPage *self);
void _askarov_composer_page_fill_cases (AskarovComposerPage *self);
void _askarov_composer_page_fill_languages (AskarovComposerPage *self);
void _askarov_composer_page_set_letter_actions_enabled (AskarovComposerPage *self,
                                                        gboolean             enabled);
void _askarov_composer_page_update_save_state (AskarovComposerPage *self,
                                               const char          *text);
AskarovDraft *_askarov_composer_page_snapshot_draft (AskarovComposerPage *self);
void _askarov_composer_page_save_now (AskarovComposerPage *self);
void _askarov_composer_page_schedule_save (AskarovComposerPage *self);
void _askarov_composer_page_close_letter (AskarovComposerPage *self);
void _askarov_composer_page_mark_sent (AskarovComposerPage *self,
                                       GVariant            *fields);
void _askarov_composer_page_autosave_dispose (AskarovComposerPage *self);
gboolean _askarov_composer_page_saves_settled (AskarovComposerPage *self);
void _askarov_composer_page_free_draft_queue (gpointer data);
void _askarov_composer_page_sync_paragraph_editors (AskarovComposerPage *self);
void _askarov_composer_page_update_salutation_row (AskarovComposerPage *self);
void _askarov_composer_page_update_asks (AskarovComposerPage *self);
void _askarov_composer_page_update_preview (AskarovComposerPage *self);
void _askarov_composer_page_update_panes (AskarovComposerPage *self);
void _askarov_composer_page_update_letter_view (AskarovComposerPage *self);
void _askarov_composer_page_list_drafts_when_saved (AskarovComposerPage *self);
void _askarov_composer_page_load_letter (AskarovComposerPage *self);
void _askarov_composer_page_select_case (AskarovComposerPage *self,
                                         AskarovTargetCase   *target_case,
                                         int                  position);
void _askarov_composer_page_replace_paragraphs_chosen_cb (GObject      *object,
                                                          GAsyncResult *result,
                                                          gpointer      user_data);
/* Starts a letter to the newest Urgent Action's first official, once the list is read afresh. */
void _askarov_composer_page_start (AskarovComposerPage *self);
void _askarov_composer_page_install_actions (GtkWidgetClass *widget_class);
/* The "Name in the Letter" row (askarov-composer-page-name.c). */
void _askarov_composer_page_update_name_row (AskarovComposerPage *self);
void _askarov_composer_page_lookup_local_name (AskarovComposerPage *self);
void _askarov_composer_page_init_name_row (AskarovComposerPage *self);
void _askarov_composer_page_install_name_actions (GtkWidgetClass *widget_class);
void _askarov_composer_page_add_shortcuts (AskarovComposerPage *self);

G_END_DECLS
