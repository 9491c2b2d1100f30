/* askarov-group.h — a letter-writing group's shared log, through a folder the group already syncs.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "askarov-store.h"
#include "askarov-store-records.h"

G_BEGIN_DECLS

/*
 * The group folder is any folder the group's own sync tool (Nextcloud,
 * Syncthing, a network share, a USB stick) keeps in step. Each volunteer's
 * app writes only its own journal there, "askarov-VOLUNTEER.jsonl": JSON
 * lines, appended, one per change of one of the volunteer's own actions:
 *
 *   {"v":VOLUNTEER,"n":NAME,"t":STAMP,"op":"add"|"edit"|"delete","id":UUID,
 *    "taken_on":…,"case":…,"reference":…,"target":…,"target_title":…,
 *    "channel":…,"outcome":…,"language":…,"note":…,"reported_on":…,
 *    "created_at":…}
 *
 * STAMP is microseconds since 1970, increasing within one journal; for
 * each id the line with the highest stamp wins, so lines may arrive in any
 * order. A line counts only once its newline is there: a torn last line
 * (a crash, a half-synced file) is skipped and read when it is complete;
 * a line that is not valid JSON is skipped. Every other journal in the
 * folder, sync-tool conflict copies included ("askarov-X (conflicted copy
 * …).jsonl", "askarov-X.sync-conflict-….jsonl"), is read and merged into
 * the store's group_records, by id: others' actions never mix with the
 * volunteer's own records, and only an action's author can edit or delete
 * it. Nothing is written anywhere but the chosen folder.
 */

#define ASKAROV_GROUP_ERROR (askarov_group_error_quark ())

typedef enum
{
  ASKAROV_GROUP_ERROR_FOLDER,    /* the folder is missing or cannot be written */
  ASKAROV_GROUP_ERROR_NOT_JOINED,
} AskarovGroupError;

GQuark askarov_group_error_quark (void);

/* library_state keys: the folder's path (as the file chooser gave it: in
 * the Flatpak a document portal path, which stays valid across restarts)
 * and the name the journal carries. */
#define ASKAROV_GROUP_FOLDER_KEY "group_folder"
#define ASKAROV_GROUP_NAME_KEY "volunteer_name"

#define ASKAROV_TYPE_GROUP (askarov_group_get_type ())
G_DECLARE_FINAL_TYPE (AskarovGroup, askarov_group, ASKAROV, GROUP, GObject)

/*
 * Signals, in the main context of the thread that called
 * askarov_group_start():
 *   changed (guint n_changed)   others' actions were added, edited or
 *                               deleted from the group folder
 *   folder-changed ()           joined, left or moved folder
 */

AskarovGroup *askarov_group_new               (AskarovStore *store);
AskarovStore *askarov_group_get_store         (AskarovGroup *self);
/* This database's volunteer id (made by the schema on first start). */
const char   *askarov_group_get_volunteer_id  (AskarovGroup *self);
/* NULL when not in a group. */
const char   *askarov_group_get_folder        (AskarovGroup *self);
/* The own journal's path in the folder, or NULL when not in a group. */
char         *askarov_group_dup_journal_path  (AskarovGroup *self);
/* The name others see next to this volunteer's actions (the UI passes
 * initials when the volunteer signs with initials); NULL or "" = none. */
gboolean      askarov_group_set_display_name  (AskarovGroup *self,
                                               const char   *name,
                                               GError      **error);
char         *askarov_group_dup_display_name  (AskarovGroup *self);

/* Joins the group sharing @folder: checks it can be written, remembers it,
 * and writes the whole own journal there on the next write. A different
 * folder from before forgets the previous group's actions. */
gboolean      askarov_group_join              (AskarovGroup *self,
                                               const char   *folder,
                                               GError      **error);
/* Stops writing and reading, forgets the group's actions, and with
 * @remove_journal deletes this volunteer's own journal from the folder. */
gboolean      askarov_group_leave             (AskarovGroup *self,
                                               gboolean      remove_journal,
                                               GError      **error);

/* Appends a line for each own action added, changed or deleted since the
 * last write (all of them after joining), synced to disk. Any thread. */
gboolean      askarov_group_write_journal     (AskarovGroup *self,
                                               GError      **error);
/* Reads what is new in every other journal and merges it; @n_changed
 * (nullable) gets how many group actions changed. Any thread. Does not
 * emit "changed". */
gboolean      askarov_group_read_journals     (AskarovGroup *self,
                                               guint        *n_changed,
                                               GError      **error);

/* Follows the folder while the app runs: a file monitor and, since portal
 * folders may not deliver events, a poll every @poll_ms (0 = the default,
 * 2000); writes the own journal after each change of the records and reads
 * the others' on each change in the folder, on worker threads. */
void          askarov_group_start             (AskarovGroup *self,
                                               guint         poll_ms);
void          askarov_group_stop              (AskarovGroup *self);

/* ---- The group's actions ------------------------------------------------ */

/* Everything the group did: this database's records and the others'
 * actions, each action once. by_case (key: case name), by_channel, by_month
 * as in AskarovRecordTotals; by_volunteer: key the volunteer id, label
 * their name (or "You" for this volunteer). */
typedef struct
{
  guint      n_actions;
  guint      n_volunteers;
  GPtrArray *by_case;
  GPtrArray *by_channel;
  GPtrArray *by_month;
  GPtrArray *by_volunteer;
} AskarovGroupTotals;

void                askarov_group_totals_free   (AskarovGroupTotals *totals);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskarovGroupTotals, askarov_group_totals_free)

AskarovGroupTotals *askarov_group_compute_totals (AskarovGroup  *self,
                                                  GError       **error);
/* Every group action (own and others'), newest first, each once; the
 * others' have id 0, their uuid and volunteer set.
 * Returns: (transfer full) (element-type AskarovActionRecord). */
GPtrArray          *askarov_group_list_actions   (AskarovGroup  *self,
                                                  GError       **error);
/* The name a volunteer id goes by in the group (NULL when unknown). */
char               *askarov_group_dup_volunteer_name (AskarovGroup *self,
                                                      const char   *volunteer);

G_END_DECLS
