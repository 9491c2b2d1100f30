/* askarov-group.c — a letter-writing group's shared log, through a folder the group already syncs.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-group"

#include "config.h"

#include "askarov-group.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "askarov-records-private.h"
#include "askarov-store-documents.h"

#define JOURNAL_PREFIX "askarov-"
#define JOURNAL_SUFFIX ".jsonl"
#define DEFAULT_POLL_MS 2000
/* Bytes before the read offset whose checksum tells an appended file from
 * a replaced one. */
#define TAIL_BYTES 256
/* A change in the folder is read this long after the last event, so that
 * a burst of writes is read once. */
#define SETTLE_MS 100

struct _AskarovGroup
{
  GObject       parent_instance;

  AskarovStore *store;
  char         *volunteer;
  char         *folder;           /* NULL = not in a group */

  GMutex        io_lock;          /* one journal write or read at a time */
  gint64        last_stamp;

  GMainContext *context;          /* where signals go, set by start() */
  GFileMonitor *monitor;
  GSource      *poll_source;
  GSource      *settle_source;
  gulong        record_handlers[4];
  gboolean      writing;
  gboolean      write_again;
  gboolean      reading;
  gboolean      read_again;
  guint         poll_ms;
};

G_DEFINE_FINAL_TYPE (AskarovGroup, askarov_group, G_TYPE_OBJECT)
G_DEFINE_QUARK (askarov-group-error-quark, askarov_group_error)

enum {
  SIGNAL_CHANGED,
  SIGNAL_FOLDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
askarov_group_dispose (GObject *object)
{
  AskarovGroup *self = ASKAROV_GROUP (object);

  askarov_group_stop (self);

  G_OBJECT_CLASS (askarov_group_parent_class)->dispose (object);
}

static void
askarov_group_finalize (GObject *object)
{
  AskarovGroup *self = ASKAROV_GROUP (object);

  g_clear_object (&self->store);
  g_free (self->volunteer);
  g_free (self->folder);
  g_mutex_clear (&self->io_lock);

  G_OBJECT_CLASS (askarov_group_parent_class)->finalize (object);
}

static void
askarov_group_class_init (AskarovGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = askarov_group_dispose;
  object_class->finalize = askarov_group_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_FOLDER_CHANGED] = g_signal_new ("folder-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
askarov_group_init (AskarovGroup *self)
{
  g_mutex_init (&self->io_lock);
}

AskarovGroup *
askarov_group_new (AskarovStore *store)
{
  AskarovGroup *self;

  g_return_val_if_fail (ASKAROV_IS_STORE (store), NULL);

  self = g_object_new (ASKAROV_TYPE_GROUP, NULL);
  self->store = g_object_ref (store);
  self->volunteer = askarov_store_get_library_state (store, "volunteer_id");
  if (self->volunteer == NULL)
    {
      /* The schema makes one; only a damaged library_state lacks it. */
      self->volunteer = g_uuid_string_random ();
      askarov_store_set_library_state (store, "volunteer_id", self->volunteer, NULL);
    }
  self->folder = askarov_store_get_library_state (store, ASKAROV_GROUP_FOLDER_KEY);
  return self;
}

AskarovStore *
askarov_group_get_store (AskarovGroup *self)
{
  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  return self->store;
}

const char *
askarov_group_get_volunteer_id (AskarovGroup *self)
{
  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  return self->volunteer;
}

const char *
askarov_group_get_folder (AskarovGroup *self)
{
  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  return self->folder;
}

static char *
journal_name (const char *volunteer)
{
  return g_strconcat (JOURNAL_PREFIX, volunteer, JOURNAL_SUFFIX, NULL);
}

char *
askarov_group_dup_journal_path (AskarovGroup *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  if (self->folder == NULL)
    return NULL;
  name = journal_name (self->volunteer);
  return g_build_filename (self->folder, name, NULL);
}

gboolean
askarov_group_set_display_name (AskarovGroup *self,
                                const char   *name,
                                GError      **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), FALSE);

  if (name != NULL && *name == '\0')
    name = NULL;
  old = askarov_store_get_library_state (self->store, ASKAROV_GROUP_NAME_KEY);
  if (g_strcmp0 (old, name) == 0)
    return TRUE;
  return askarov_store_set_library_state (self->store, ASKAROV_GROUP_NAME_KEY, name, error);
}

char *
askarov_group_dup_display_name (AskarovGroup *self)
{
  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  return askarov_store_get_library_state (self->store, ASKAROV_GROUP_NAME_KEY);
}

/* ---- Joining and leaving -------------------------------------------------- */

static gboolean
forget_group_locked (AskarovGroup  *self,
                     GError       **error)
{
  return askarov_store_exec (self->store,
                             "DELETE FROM group_records; DELETE FROM group_files; DELETE FROM group_journal;",
                             error);
}

static gboolean
forget_group (AskarovGroup  *self,
              GError       **error)
{
  g_autoptr(GMutexLocker) locker = askarov_store_lock (self->store);

  if (!askarov_store_begin (self->store, error))
    return FALSE;
  if (!forget_group_locked (self, error))
    {
      askarov_store_rollback (self->store);
      return FALSE;
    }
  return askarov_store_commit (self->store, error);
}

gboolean
askarov_group_join (AskarovGroup *self,
                    const char   *folder,
                    GError      **error)
{
  g_autoptr(GMutexLocker) io = NULL;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is a folder's path */
      g_set_error (error, ASKAROV_GROUP_ERROR, ASKAROV_GROUP_ERROR_FOLDER,
                   _("The folder “%s” does not exist or is not a folder."), folder);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      /* Translators: %s is a folder's path */
      g_set_error (error, ASKAROV_GROUP_ERROR, ASKAROV_GROUP_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to; choose one you may change."), folder);
      return FALSE;
    }

  io = g_mutex_locker_new (&self->io_lock);
  if (g_strcmp0 (folder, self->folder) == 0)
    return TRUE;
  /* Another group: its journals start from nothing, and the own journal
   * is written whole into the new folder. */
  if (!forget_group (self, error) ||
      !askarov_store_set_library_state (self->store, ASKAROV_GROUP_FOLDER_KEY, folder, error))
    return FALSE;
  g_set_str (&self->folder, folder);
  g_clear_pointer (&io, g_mutex_locker_free);

  g_signal_emit (self, signals[SIGNAL_FOLDER_CHANGED], 0);
  return TRUE;
}

gboolean
askarov_group_leave (AskarovGroup *self,
                     gboolean      remove_journal,
                     GError      **error)
{
  g_autoptr(GMutexLocker) io = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), FALSE);

  io = g_mutex_locker_new (&self->io_lock);
  if (self->folder == NULL)
    return TRUE;
  path = askarov_group_dup_journal_path (self);
  if (remove_journal && g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      /* Translators: the first %s is a file's path, the second why it could not be deleted */
      g_set_error (error, ASKAROV_GROUP_ERROR, ASKAROV_GROUP_ERROR_FOLDER,
                   _("Your journal “%s” could not be removed: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!forget_group (self, error) ||
      !askarov_store_set_library_state (self->store, ASKAROV_GROUP_FOLDER_KEY, NULL, error))
    return FALSE;
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&io, g_mutex_locker_free);

  g_signal_emit (self, signals[SIGNAL_FOLDER_CHANGED], 0);
  return TRUE;
}

/* ---- Writing the own journal ---------------------------------------------- */

static void
add_member (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/* The action's fields as JSON object members (the part the hash covers). */
static void
add_record_members (JsonBuilder         *builder,
                    AskarovActionRecord *record)
{
  add_member (builder, "taken_on", askarov_action_record_get_taken_on (record));
  add_member (builder, "case", askarov_action_record_get_case_name (record));
  add_member (builder, "reference", askarov_action_record_get_reference (record));
  add_member (builder, "target", askarov_action_record_get_target_name (record));
  add_member (builder, "target_title", askarov_action_record_get_target_title (record));
  add_member (builder, "channel", askarov_channel_to_id (askarov_action_record_get_channel (record)));
  add_member (builder, "outcome", askarov_outcome_to_string (askarov_action_record_get_outcome (record)));
  add_member (builder, "language", askarov_action_record_get_language (record));
  add_member (builder, "note", askarov_action_record_get_note (record));
  add_member (builder, "reported_on", askarov_action_record_get_reported_on (record));
  add_member (builder, "created_at", askarov_action_record_get_created_at (record));
}

static char *
builder_to_line (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
record_hash (AskarovActionRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_record_members (builder, record);
  json_builder_end_object (builder);
  text = builder_to_line (builder);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);
}

static void
append_line (GString             *out,
             const char          *volunteer,
             const char          *name,
             gint64               stamp,
             const char          *op,
             const char          *uuid,
             AskarovActionRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  add_member (builder, "v", volunteer);
  add_member (builder, "n", name);
  json_builder_set_member_name (builder, "t");
  json_builder_add_int_value (builder, stamp);
  add_member (builder, "op", op);
  add_member (builder, "id", uuid);
  if (record != NULL)
    add_record_members (builder, record);
  json_builder_end_object (builder);
  line = builder_to_line (builder);
  g_string_append (out, line);
  g_string_append_c (out, '\n');
}

typedef struct
{
  char   *uuid;
  char   *hash;   /* "" after a delete */
  gint64  stamp;
} JournalEntry;

static void
journal_entry_free (JournalEntry *entry)
{
  g_free (entry->uuid);
  g_free (entry->hash);
  g_free (entry);
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved)
{
  /* Translators: the first %s is a file's path, the second the system's reason */
  g_set_error (error, ASKAROV_GROUP_ERROR, ASKAROV_GROUP_ERROR_FOLDER,
               _("Writing the group journal “%s” failed: %s"), path, g_strerror (saved));
  return FALSE;
}

/* Appends @lines to @path, after a newline if the file ends in a torn
 * line (so that line stays one bad line and ours stay whole), and syncs. */
static gboolean
append_to_file (const char  *path,
                const char  *lines,
                gsize        len,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  struct stat st;

  if (fd < 0)
    return set_errno_error (error, path, errno);
  if (fstat (fd, &st) == 0 && st.st_size > 0)
    {
      int rfd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      char last = '\n';

      if (rfd >= 0)
        {
          if (pread (rfd, &last, 1, st.st_size - 1) != 1)
            last = '\n';
          close (rfd);
        }
      if (last != '\n' && write (fd, "\n", 1) != 1)
        goto fail;
    }
  while (len > 0)
    {
      ssize_t n = write (fd, lines, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      lines += n;
      len -= (gsize) n;
    }
  if (fsync (fd) != 0)
    goto fail;
  close (fd);
  return TRUE;

fail:
  {
    int saved = errno;

    close (fd);
    return set_errno_error (error, path, saved);
  }
}

static gint64
next_stamp (AskarovGroup *self)
{
  self->last_stamp = MAX (g_get_real_time (), self->last_stamp + 1);
  return self->last_stamp;
}

gboolean
askarov_group_write_journal (AskarovGroup *self,
                             GError      **error)
{
  g_autoptr(GMutexLocker) io = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) journal_entry_free);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) journal_entry_free);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gboolean have_file;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), FALSE);

  io = g_mutex_locker_new (&self->io_lock);
  if (self->folder == NULL)
    return TRUE;
  path = askarov_group_dup_journal_path (self);
  name = askarov_group_dup_display_name (self);
  have_file = g_file_test (path, G_FILE_TEST_EXISTS);

  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (self->store);
    g_autoptr(sqlite3_stmt) stmt = NULL;
    int rc;

    /* A journal someone removed is written again whole. */
    if (!have_file && !askarov_store_exec (self->store, "DELETE FROM group_journal", error))
      return FALSE;

    if (!(stmt = askarov_store_prepare (self->store, "SELECT uuid, hash, stamp FROM group_journal", error)))
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        JournalEntry *entry = g_new0 (JournalEntry, 1);

        entry->uuid = askarov_store_column_dup (stmt, 0);
        entry->hash = askarov_store_column_dup (stmt, 1);
        entry->stamp = sqlite3_column_int64 (stmt, 2);
        self->last_stamp = MAX (self->last_stamp, entry->stamp);
        g_hash_table_replace (written, entry->uuid, entry);
      }
    if (rc != SQLITE_DONE)
      return askarov_store_set_error (self->store, error, _("Reading the group journal"));
    g_clear_pointer (&stmt, sqlite3_finalize);

    if (!(stmt = askarov_store_prepare (self->store,
                                        "SELECT " ASKAROV_RECORD_COLUMNS " FROM " ASKAROV_RECORD_FROM
                                        " WHERE r.volunteer = ? ORDER BY r.id", error)))
      return FALSE;
    sqlite3_bind_text (stmt, 1, self->volunteer, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autoptr(AskarovActionRecord) record = askarov_records_read_row (stmt);
        const char *uuid = askarov_action_record_get_uuid (record);
        g_autofree char *hash = record_hash (record);
        JournalEntry *old = g_hash_table_lookup (written, uuid);
        JournalEntry *change;

        if (old != NULL && g_str_equal (old->hash, hash))
          {
            g_hash_table_remove (written, uuid);
            continue;
          }
        change = g_new0 (JournalEntry, 1);
        change->uuid = g_strdup (uuid);
        change->hash = g_steal_pointer (&hash);
        change->stamp = next_stamp (self);
        append_line (lines, self->volunteer, name, change->stamp,
                     old != NULL && *old->hash != '\0' ? "edit" : "add", uuid, record);
        g_ptr_array_add (changes, change);
        g_hash_table_remove (written, uuid);
      }
    if (rc != SQLITE_DONE)
      return askarov_store_set_error (self->store, error, _("Reading the actions"));
  }

  /* What is left was written once and is gone now: deleted. */
  {
    GHashTableIter iter;
    JournalEntry *old;

    g_hash_table_iter_init (&iter, written);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &old))
      {
        JournalEntry *change;

        if (*old->hash == '\0')
          continue;
        change = g_new0 (JournalEntry, 1);
        change->uuid = g_strdup (old->uuid);
        change->hash = g_strdup ("");
        change->stamp = next_stamp (self);
        append_line (lines, self->volunteer, name, change->stamp, "delete", old->uuid, NULL);
        g_ptr_array_add (changes, change);
      }
  }

  if (changes->len == 0)
    return TRUE;
  /* The lines are on disk before the database says so: a crash in between
   * writes them again, which readers take as the same change. */
  if (!append_to_file (path, lines->str, lines->len, error))
    return FALSE;

  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (self->store);
    g_autoptr(sqlite3_stmt) stmt = NULL;

    if (!askarov_store_begin (self->store, error))
      return FALSE;
    if (!(stmt = askarov_store_prepare (self->store,
                                        "INSERT OR REPLACE INTO group_journal (uuid, hash, stamp) VALUES (?, ?, ?)",
                                        error)))
      goto fail;
    for (guint i = 0; i < changes->len; i++)
      {
        JournalEntry *change = g_ptr_array_index (changes, i);

        sqlite3_bind_text (stmt, 1, change->uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, change->hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 3, change->stamp);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            askarov_store_set_error (self->store, error, _("Saving the group journal"));
            goto fail;
          }
        sqlite3_reset (stmt);
      }
    g_clear_pointer (&stmt, sqlite3_finalize);
    return askarov_store_commit (self->store, error);

fail:
    g_clear_pointer (&stmt, sqlite3_finalize);
    askarov_store_rollback (self->store);
    return FALSE;
  }
}

/* ---- Reading the others' journals ----------------------------------------- */

/* A journal or a sync tool's copy of one: "askarov-….jsonl", but not a
 * sync tool's temporary file (those start with a dot or end otherwise). */
static gboolean
is_journal_name (const char *name)
{
  return g_str_has_prefix (name, JOURNAL_PREFIX) && g_str_has_suffix (name, JOURNAL_SUFFIX);
}

/* One action as a journal line states it. */
typedef struct
{
  char   *uuid;
  char   *volunteer;
  char   *name;
  gint64  stamp;
  gboolean deleted;
  char   *fields[11];   /* in FIELD_KEYS order */
} Line;

static const char * const FIELD_KEYS[] = {
  "case", "reference", "target", "target_title", "channel", "outcome",
  "language", "taken_on", "note", "reported_on", "created_at",
};
enum { F_CASE, F_REFERENCE, F_TARGET, F_TARGET_TITLE, F_CHANNEL, F_OUTCOME,
       F_LANGUAGE, F_TAKEN_ON, F_NOTE, F_REPORTED_ON, F_CREATED_AT };
G_STATIC_ASSERT (G_N_ELEMENTS (FIELD_KEYS) == 11);

static void
line_free (Line *line)
{
  g_free (line->uuid);
  g_free (line->volunteer);
  g_free (line->name);
  for (guint i = 0; i < G_N_ELEMENTS (line->fields); i++)
    g_free (line->fields[i]);
  g_free (line);
}

static char *
dup_member (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* ---- A fast reader for the journal's flat lines ---- */

/* json-glib takes about 30 µs a line here, 30 s for a million: the lines
 * the app writes (a flat object of strings and one integer) are read by
 * this small strict reader instead, and anything it does not handle
 * (nesting, fractions, odd escapes) goes to json-glib, which decides. */

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      value = value * 16 + (gunichar) h;
    }
  *out = value;
  return TRUE;
}

/* A string at *@pp (on its opening quote); NULL when malformed. */
static char *
read_string (const char **pp,
             const char  *end)
{
  const char *p = *pp + 1;
  const char *run = p;
  GString *out = NULL;

  while (p < end && *p != '"')
    {
      if ((guchar) *p < 0x20)
        goto fail;
      if (*p != '\\')
        {
          p++;
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (64);
      g_string_append_len (out, run, p - run);
      if (++p >= end)
        goto fail;
      switch (*p)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c;

            if (!read_hex4 (p + 1, end, &c))
              goto fail;
            p += 4;
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low;

                if (end - p < 7 || p[1] != '\\' || p[2] != 'u' || !read_hex4 (p + 3, end, &low) ||
                    low < 0xDC00 || low > 0xDFFF)
                  goto fail;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            else if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0)
              goto fail;
            g_string_append_unichar (out, c);
          }
          break;
        default:
          goto fail;
        }
      run = ++p;
    }
  if (p >= end)
    goto fail;
  *pp = p + 1;
  if (out == NULL)
    return g_strndup (run, (gsize) (p - run));
  g_string_append_len (out, run, p - run);
  return g_string_free (out, FALSE);

fail:
  if (out != NULL)
    g_string_free (out, TRUE);
  return NULL;
}

/* Where a member's string goes, or NULL for members we do not keep. */
static char **
member_slot (Line       *line,
             char      **op,
             const char *key)
{
  if (g_str_equal (key, "v"))
    return &line->volunteer;
  if (g_str_equal (key, "n"))
    return &line->name;
  if (g_str_equal (key, "id"))
    return &line->uuid;
  if (g_str_equal (key, "op"))
    return op;
  for (guint i = 0; i < G_N_ELEMENTS (FIELD_KEYS); i++)
    if (g_str_equal (key, FIELD_KEYS[i]))
      return &line->fields[i];
  return NULL;
}

/* Reads a flat object into @line and @op; FALSE when the text is not one
 * this reader handles (json-glib then reads it). */
static gboolean
fast_parse (const char *p,
            const char *end,
            Line       *line,
            char      **op,
            gboolean   *has_stamp)
{
  p = skip_space (p, end);
  if (p >= end || *p != '{')
    return FALSE;
  p = skip_space (p + 1, end);
  if (p < end && *p == '}')
    return skip_space (p + 1, end) == end;
  for (;;)
    {
      g_autofree char *key = NULL;
      char **slot;

      if (p >= end || *p != '"' || !(key = read_string (&p, end)))
        return FALSE;
      p = skip_space (p, end);
      if (p >= end || *p != ':')
        return FALSE;
      p = skip_space (p + 1, end);
      if (p >= end)
        return FALSE;
      slot = member_slot (line, op, key);
      if (*p == '"')
        {
          char *value = read_string (&p, end);

          if (value == NULL)
            return FALSE;
          if (slot != NULL)
            {
              g_free (*slot);
              *slot = value;
            }
          else
            g_free (value);
          if (g_str_equal (key, "t"))
            *has_stamp = FALSE;
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *number = p;
          char *number_end = NULL;
          gint64 value;

          if (*p == '-')
            p++;
          if (p >= end || !g_ascii_isdigit (*p) || (*p == '0' && p + 1 < end && g_ascii_isdigit (p[1])))
            return FALSE;
          while (p < end && g_ascii_isdigit (*p))
            p++;
          if (p < end && (*p == '.' || *p == 'e' || *p == 'E') )
            return FALSE;
          if (p - number > 18)
            return FALSE;
          value = g_ascii_strtoll (number, &number_end, 10);
          if (number_end != p)
            return FALSE;
          if (g_str_equal (key, "t"))
            {
              line->stamp = value;
              *has_stamp = TRUE;
            }
          else if (slot != NULL)
            g_clear_pointer (slot, g_free);
        }
      else if ((end - p >= 4 && memcmp (p, "null", 4) == 0) || (end - p >= 4 && memcmp (p, "true", 4) == 0) ||
               (end - p >= 5 && memcmp (p, "false", 5) == 0))
        {
          p += *p == 'f' ? 5 : 4;
          if (slot != NULL)
            g_clear_pointer (slot, g_free);
          if (g_str_equal (key, "t"))
            *has_stamp = FALSE;
        }
      else
        return FALSE;   /* an array or an object: json-glib's job */

      p = skip_space (p, end);
      if (p < end && *p == ',')
        {
          p = skip_space (p + 1, end);
          continue;
        }
      if (p < end && *p == '}')
        return skip_space (p + 1, end) == end;
      return FALSE;
    }
}

/* The same with json-glib, for what fast_parse() leaves; FALSE when the
 * text is not a JSON object. */
static gboolean
glib_parse (JsonParser *parser,
            const char *text,
            gsize       len,
            Line       *line,
            char      **op,
            gboolean   *has_stamp)
{
  JsonObject *object;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, text, (gssize) len, NULL))
    return FALSE;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  node = json_object_get_member (object, "t");
  *has_stamp = node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
  if (*has_stamp)
    line->stamp = json_node_get_int (node);
  line->uuid = dup_member (object, "id");
  line->volunteer = dup_member (object, "v");
  line->name = dup_member (object, "n");
  *op = dup_member (object, "op");
  for (guint i = 0; i < G_N_ELEMENTS (FIELD_KEYS); i++)
    line->fields[i] = dup_member (object, FIELD_KEYS[i]);
  return TRUE;
}

static void
line_clear_fields (Line  *line,
                   char **op)
{
  g_clear_pointer (&line->uuid, g_free);
  g_clear_pointer (&line->volunteer, g_free);
  g_clear_pointer (&line->name, g_free);
  g_clear_pointer (op, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (line->fields); i++)
    g_clear_pointer (&line->fields[i], g_free);
  line->stamp = 0;
}

/* A line with everything an action needs, or NULL: such lines are skipped. */
static Line *
parse_line (JsonParser *parser,
            const char *text,
            gsize       len,
            const char *owner,
            const char *own)
{
  g_autofree char *op = NULL;
  gboolean has_stamp = FALSE;
  Line *line;
  AskarovChannel channel;
  AskarovOutcome outcome;

  if (!g_utf8_validate_len (text, len, NULL))
    return NULL;
  line = g_new0 (Line, 1);
  if (!fast_parse (text, text + len, line, &op, &has_stamp))
    {
      line_clear_fields (line, &op);
      if (!glib_parse (parser, text, len, line, &op, &has_stamp))
        goto skip;
    }
  if (!has_stamp ||
      line->uuid == NULL || !g_uuid_string_is_valid (line->uuid) ||
      line->volunteer == NULL || *line->volunteer == '\0' || g_str_equal (line->volunteer, own) ||
      !g_str_equal (line->volunteer, owner) ||
      op == NULL)
    goto skip;
  if (g_str_equal (op, "delete"))
    {
      line->deleted = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (line->fields); i++)
        g_clear_pointer (&line->fields[i], g_free);
      return line;
    }
  if (!g_str_equal (op, "add") && !g_str_equal (op, "edit"))
    goto skip;
  if (line->fields[F_CHANNEL] == NULL || !askarov_channel_from_id (line->fields[F_CHANNEL], &channel) ||
      !askarov_outcome_from_string (line->fields[F_OUTCOME], &outcome) ||
      !askarov_date_is_valid (line->fields[F_TAKEN_ON]))
    goto skip;
  return line;

skip:
  line_free (line);
  return NULL;
}

/* Keeps, per action, the line with the highest stamp (a delete wins a tie). */
static void
keep_line (GHashTable *best,
           Line       *line)
{
  Line *old = g_hash_table_lookup (best, line->uuid);

  if (old != NULL &&
      (old->stamp > line->stamp || (old->stamp == line->stamp && (old->deleted || !line->deleted))))
    {
      line_free (line);
      return;
    }
  g_hash_table_replace (best, line->uuid, line);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *la = *(const Line * const *) a;
  const Line *lb = *(const Line * const *) b;

  return strcmp (la->uuid, lb->uuid);
}

/* Merges the lines into group_records with the lock held and a
 * transaction open: a line replaces the stored action only when it is
 * newer and comes from the same volunteer. */
static gboolean
merge_lines_locked (AskarovGroup  *self,
                    GHashTable    *best,
                    guint         *n_changed,
                    GError       **error)
{
  g_autoptr(GPtrArray) sorted = g_hash_table_get_values_as_ptr_array (best);
  g_autoptr(AskarovCachedStmt) stmt = NULL;

  /* In id order, the inserts walk the table's index once. */
  g_ptr_array_sort (sorted, compare_lines);
  if (!(stmt = askarov_records_prepare_cached (self->store,
                                               "INSERT INTO group_records (uuid, volunteer, volunteer_name, case_name, "
                                               "reference, target_name, target_title, channel, outcome, language, "
                                               "taken_on, note, reported_on, created_at, stamp, deleted) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce (?8, 'other'), ?9, ?10, "
                                               "coalesce (?11, ''), ?12, ?13, ?14, ?15, ?16) "
                                               "ON CONFLICT (uuid) DO UPDATE SET volunteer_name = excluded.volunteer_name, "
                                               "case_name = CASE WHEN excluded.deleted THEN case_name ELSE excluded.case_name END, "
                                               "reference = CASE WHEN excluded.deleted THEN reference ELSE excluded.reference END, "
                                               "target_name = CASE WHEN excluded.deleted THEN target_name ELSE excluded.target_name END, "
                                               "target_title = CASE WHEN excluded.deleted THEN target_title ELSE excluded.target_title END, "
                                               "channel = CASE WHEN excluded.deleted THEN channel ELSE excluded.channel END, "
                                               "outcome = CASE WHEN excluded.deleted THEN outcome ELSE excluded.outcome END, "
                                               "language = CASE WHEN excluded.deleted THEN language ELSE excluded.language END, "
                                               "taken_on = CASE WHEN excluded.deleted THEN taken_on ELSE excluded.taken_on END, "
                                               "note = CASE WHEN excluded.deleted THEN note ELSE excluded.note END, "
                                               "reported_on = CASE WHEN excluded.deleted THEN reported_on ELSE excluded.reported_on END, "
                                               "created_at = coalesce (excluded.created_at, created_at), "
                                               "stamp = excluded.stamp, deleted = excluded.deleted "
                                               "WHERE excluded.stamp > group_records.stamp "
                                               "AND excluded.volunteer = group_records.volunteer",
                                               error)))
    return FALSE;

  for (guint i = 0; i < sorted->len; i++)
    {
      Line *line = g_ptr_array_index (sorted, i);

      sqlite3_bind_text (stmt, 1, line->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, line->volunteer, -1, SQLITE_STATIC);
      askarov_store_bind_text_or_null (stmt, 3, line->name);
      for (guint f = 0; f < G_N_ELEMENTS (FIELD_KEYS); f++)
        {
          /* Column order: case, reference, target, target_title, channel,
           * outcome, language, taken_on, note, reported_on, created_at. */
          askarov_store_bind_text_or_null (stmt, 4 + (int) f, line->fields[f]);
        }
      sqlite3_bind_int64 (stmt, 15, line->stamp);
      sqlite3_bind_int (stmt, 16, line->deleted);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return askarov_store_set_error (self->store, error, _("Saving the group's actions"));
      *n_changed += (guint) sqlite3_changes (askarov_store_get_db (self->store));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

typedef struct
{
  gint64  size;
  gint64  mtime;
  gint64  offset;
  char   *tail;
} FileState;

static void
file_state_free (FileState *state)
{
  g_free (state->tail);
  g_free (state);
}

static char *
tail_checksum (const char *data,
               gsize       end)
{
  gsize start = end > TAIL_BYTES ? end - TAIL_BYTES : 0;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) data + start, end - start);
}

/* Reads the bytes of @path from @start to its end. */
static gboolean
read_from (const char  *path,
           gint64       start,
           char       **data,
           gsize       *len)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (start == 0)
    return g_file_get_contents (path, data, len, NULL);

  {
    int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
    struct stat st;
    gsize done = 0;

    if (fd < 0)
      return FALSE;
    if (fstat (fd, &st) != 0 || st.st_size < start)
      {
        close (fd);
        return FALSE;
      }
    length = (gsize) (st.st_size - start);
    contents = g_malloc (length + 1);
    while (done < length)
      {
        ssize_t n = pread (fd, contents + done, length - done, start + (gint64) done);

        if (n < 0 && errno == EINTR)
          continue;
        if (n <= 0)
          break;
        done += (gsize) n;
      }
    close (fd);
    contents[done] = '\0';
    *len = done;
    *data = g_steal_pointer (&contents);
    return TRUE;
  }
}

/* Whether the @n bytes of @path before @offset still have @checksum: the
 * file grew by appending, rather than being replaced. */
static gboolean
tail_matches (const char *path,
              gint64      offset,
              const char *checksum)
{
  gint64 start = MAX (offset - TAIL_BYTES, 0);
  char buffer[TAIL_BYTES];
  g_autofree char *sum = NULL;
  int fd;
  ssize_t n;

  if (checksum == NULL || offset == 0)
    return FALSE;
  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  n = pread (fd, buffer, (gsize) (offset - start), start);
  close (fd);
  if (n != offset - start)
    return FALSE;
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) buffer, (gsize) n);
  return g_str_equal (sum, checksum);
}

static gboolean
save_file_state_locked (AskarovGroup  *self,
                        const char    *name,
                        FileState     *state,
                        GError       **error)
{
  g_autoptr(AskarovCachedStmt) stmt = NULL;

  if (!(stmt = askarov_records_prepare_cached (self->store,
                                               "INSERT OR REPLACE INTO group_files (name, size, mtime, offset, tail) "
                                               "VALUES (?, ?, ?, ?, ?)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, state->size);
  sqlite3_bind_int64 (stmt, 3, state->mtime);
  sqlite3_bind_int64 (stmt, 4, state->offset);
  askarov_store_bind_text_or_null (stmt, 5, state->tail);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return askarov_store_set_error (self->store, error, _("Saving the group's actions"));
  return TRUE;
}

static GHashTable *
load_file_states (AskarovGroup  *self,
                  GError       **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) file_state_free);
  g_autoptr(GMutexLocker) locker = askarov_store_lock (self->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = askarov_store_prepare (self->store, "SELECT name, size, mtime, offset, tail FROM group_files", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FileState *state = g_new0 (FileState, 1);

      state->size = sqlite3_column_int64 (stmt, 1);
      state->mtime = sqlite3_column_int64 (stmt, 2);
      state->offset = sqlite3_column_int64 (stmt, 3);
      state->tail = askarov_store_column_dup (stmt, 4);
      g_hash_table_replace (states, askarov_store_column_dup (stmt, 0), state);
    }
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self->store, error, _("Reading the group's actions"));
      return NULL;
    }
  return g_steal_pointer (&states);
}

/* The volunteer a journal belongs to, from its name: "askarov-V.jsonl",
 * "askarov-V (conflicted copy …).jsonl", "askarov-V.sync-conflict-….jsonl".
 * Only that volunteer's lines count in it. */
static char *
journal_owner (const char *name)
{
  const char *start = name + strlen (JOURNAL_PREFIX);
  const char *end = strstr (start, JOURNAL_SUFFIX);
  const char *cut;

  if ((cut = strstr (start, " (")) != NULL && cut < end)
    end = cut;
  if ((cut = strstr (start, ".sync-conflict-")) != NULL && cut < end)
    end = cut;
  return g_strndup (start, (gsize) (end - start));
}

/* Reads one journal from where it was left and merges its new lines. */
static gboolean
read_journal (AskarovGroup  *self,
              JsonParser    *parser,
              const char    *name,
              FileState     *known,
              guint         *n_changed,
              GError       **error)
{
  g_autofree char *path = g_build_filename (self->folder, name, NULL);
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) line_free);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *data = NULL;
  g_autofree char *owner = journal_owner (name);
  FileState state = { 0, };
  GStatBuf st;
  gint64 start = 0;
  gsize len = 0;
  const char *p;
  const char *end;
  const char *last_newline;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;
  state.size = st.st_size;
  state.mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  if (known != NULL && known->size == state.size && known->mtime == state.mtime)
    return TRUE;
  if (known != NULL && state.size >= known->offset && tail_matches (path, known->offset, known->tail))
    start = known->offset;

  if (!read_from (path, start, &data, &len))
    return TRUE;   /* gone meanwhile: the next look sees why */

  /* Only whole lines: the rest is read once its newline arrives. */
  last_newline = NULL;
  for (gsize i = len; i > 0; i--)
    if (data[i - 1] == '\n')
      {
        last_newline = data + i - 1;
        break;
      }
  state.offset = start + (last_newline != NULL ? last_newline - data + 1 : 0);
  if (last_newline != NULL)
    {
      end = last_newline + 1;
      for (p = data; p < end;)
        {
          const char *nl = memchr (p, '\n', (gsize) (end - p));
          Line *line;

          if (nl > p && (line = parse_line (parser, p, (gsize) (nl - p), owner, self->volunteer)))
            keep_line (best, line);
          p = nl + 1;
        }
    }

  /* The tail checksum covers the bytes before the new offset, which may
   * lie partly before @start: read them from the file. */
  if (state.offset > 0)
    {
      gint64 tail_start = MAX (state.offset - TAIL_BYTES, 0);

      if (tail_start >= start)
        state.tail = tail_checksum (data, (gsize) (state.offset - start));
      else
        {
          g_autofree char *buffer = g_malloc (TAIL_BYTES);
          int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
          ssize_t n = fd >= 0 ? pread (fd, buffer, (gsize) (state.offset - tail_start), tail_start) : -1;

          if (fd >= 0)
            close (fd);
          if (n == state.offset - tail_start)
            state.tail = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) buffer, (gsize) n);
        }
    }

  locker = askarov_store_lock (self->store);
  if (!askarov_store_begin (self->store, error))
    {
      g_free (state.tail);
      return FALSE;
    }
  if (!merge_lines_locked (self, best, n_changed, error) ||
      !save_file_state_locked (self, name, &state, error))
    {
      g_free (state.tail);
      askarov_store_rollback (self->store);
      return FALSE;
    }
  g_free (state.tail);
  return askarov_store_commit (self->store, error);
}

gboolean
askarov_group_read_journals (AskarovGroup *self,
                             guint        *n_changed,
                             GError      **error)
{
  g_autoptr(GMutexLocker) io = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  guint changed = 0;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  io = g_mutex_locker_new (&self->io_lock);
  if (self->folder == NULL)
    return TRUE;
  if (!(dir = g_dir_open (self->folder, 0, &local_error)))
    {
      /* Translators: the first %s is a folder's path, the second the system's reason */
      g_set_error (error, ASKAROV_GROUP_ERROR, ASKAROV_GROUP_ERROR_FOLDER,
                   _("The group folder “%s” cannot be read: %s"), self->folder, local_error->message);
      return FALSE;
    }
  if (!(states = load_file_states (self, error)))
    return FALSE;

  own = journal_name (self->volunteer);
  parser = json_parser_new_immutable ();
  {
    g_autoptr(GMutexLocker) locker = askarov_store_lock (self->store);

    /* A first merge of many journals touches a large index: a page cache
     * of up to 64 MB (taken only as needed) keeps it off the disk. */
    askarov_store_exec (self->store, "PRAGMA cache_size = -65536", NULL);
  }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!is_journal_name (name) || g_str_equal (name, own))
        continue;
      if (!read_journal (self, parser, name, g_hash_table_lookup (states, name), &changed, error))
        return FALSE;
    }
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

/* ---- Following the folder ------------------------------------------------- */

static void start_read (AskarovGroup *self);
static void start_write (AskarovGroup *self);

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!askarov_group_write_journal (source, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AskarovGroup *self = ASKAROV_GROUP (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("%s", error->message);
  self->writing = FALSE;
  if (self->write_again && self->context != NULL)
    start_write (self);
}

static void
start_write (AskarovGroup *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }
  self->writing = TRUE;
  self->write_again = FALSE;
  task = g_task_new (self, NULL, write_done, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_run_in_thread (task, write_thread);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  if (!askarov_group_read_journals (source, &n_changed, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_changed);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AskarovGroup *self = ASKAROV_GROUP (source);
  g_autoptr(GError) error = NULL;
  gssize n_changed;

  self->reading = FALSE;
  n_changed = g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    g_debug ("%s", error->message);
  else if (n_changed > 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) n_changed);
  if (self->read_again && self->context != NULL)
    start_read (self);
}

static void
start_read (AskarovGroup *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->reading)
    {
      self->read_again = TRUE;
      return;
    }
  self->reading = TRUE;
  self->read_again = FALSE;
  task = g_task_new (self, NULL, read_done, NULL);
  g_task_set_source_tag (task, start_read);
  g_task_run_in_thread (task, read_thread);
}

static gboolean
settle_cb (gpointer user_data)
{
  AskarovGroup *self = user_data;

  g_clear_pointer (&self->settle_source, g_source_unref);
  start_read (self);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  AskarovGroup *self = user_data;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other_name = other != NULL ? g_file_get_basename (other) : NULL;

  if (!is_journal_name (name) && (other_name == NULL || !is_journal_name (other_name)))
    return;
  if (self->settle_source != NULL)
    g_source_set_ready_time (self->settle_source, g_get_monotonic_time () + SETTLE_MS * 1000);
  else
    {
      self->settle_source = g_timeout_source_new (SETTLE_MS);
      g_source_set_callback (self->settle_source, settle_cb, self, NULL);
      g_source_attach (self->settle_source, self->context);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  start_read (user_data);
  return G_SOURCE_CONTINUE;
}

static void
records_changed_cb (AskarovGroup *self)
{
  if (self->folder != NULL)
    start_write (self);
}

static void
follow_folder (AskarovGroup *self)
{
  g_autoptr(GFile) dir = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }
  if (self->folder == NULL || self->context == NULL)
    return;

  dir = g_file_new_for_path (self->folder);
  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  self->poll_source = g_timeout_source_new (self->poll_ms);
  g_source_set_callback (self->poll_source, poll_cb, self, NULL);
  g_source_attach (self->poll_source, self->context);

  start_write (self);
  start_read (self);
}

static void
on_folder_changed (AskarovGroup *self)
{
  follow_folder (self);
}

void
askarov_group_start (AskarovGroup *self,
                     guint         poll_ms)
{
  AskarovRecordMonitor *monitor;
  static const char * const record_signals[] = { "record-added", "record-changed", "record-removed", "records-reset" };

  g_return_if_fail (ASKAROV_IS_GROUP (self));

  if (self->context != NULL)
    return;
  self->context = g_main_context_ref_thread_default ();
  self->poll_ms = poll_ms > 0 ? poll_ms : DEFAULT_POLL_MS;
  monitor = askarov_store_get_record_monitor (self->store);
  for (guint i = 0; i < G_N_ELEMENTS (record_signals); i++)
    self->record_handlers[i] = g_signal_connect_swapped (monitor, record_signals[i],
                                                         G_CALLBACK (records_changed_cb), self);
  g_signal_connect (self, "folder-changed", G_CALLBACK (on_folder_changed), NULL);
  follow_folder (self);
}

void
askarov_group_stop (AskarovGroup *self)
{
  g_return_if_fail (ASKAROV_IS_GROUP (self));

  if (self->context == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self, on_folder_changed, NULL);
  if (self->store != NULL)
    {
      AskarovRecordMonitor *monitor = askarov_store_get_record_monitor (self->store);

      for (guint i = 0; i < G_N_ELEMENTS (self->record_handlers); i++)
        g_clear_signal_handler (&self->record_handlers[i], monitor);
    }
  g_clear_pointer (&self->folder, g_free);   /* follow_folder() then only stops */
  follow_folder (self);
  self->folder = askarov_store_get_library_state (self->store, ASKAROV_GROUP_FOLDER_KEY);
  if (self->settle_source != NULL)
    {
      g_source_destroy (self->settle_source);
      g_clear_pointer (&self->settle_source, g_source_unref);
    }
  g_clear_pointer (&self->context, g_main_context_unref);
}

/* ---- The group's actions -------------------------------------------------- */

/* Every group action once: this database's records, then the others'
 * that are not among them. Columns: uuid, volunteer, case name, channel,
 * taken_on. */
#define GROUP_ACTIONS \
  "SELECT r.uuid AS uuid, r.volunteer AS volunteer, coalesce (c.name, r.case_name, '') AS case_name, " \
  "r.channel AS channel, r.taken_on AS taken_on FROM records r LEFT JOIN cases c ON c.id = r.case_id " \
  "UNION ALL SELECT g.uuid, g.volunteer, coalesce (g.case_name, ''), g.channel, g.taken_on " \
  "FROM group_records g WHERE g.deleted = 0 AND NOT EXISTS (SELECT 1 FROM records r2 WHERE r2.uuid = g.uuid)"

void
askarov_group_totals_free (AskarovGroupTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->by_case, g_ptr_array_unref);
  g_clear_pointer (&totals->by_channel, g_ptr_array_unref);
  g_clear_pointer (&totals->by_month, g_ptr_array_unref);
  g_clear_pointer (&totals->by_volunteer, g_ptr_array_unref);
  g_free (totals);
}

char *
askarov_group_dup_volunteer_name (AskarovGroup *self,
                                  const char   *volunteer)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  if (g_strcmp0 (volunteer, self->volunteer) == 0)
    return askarov_group_dup_display_name (self);
  locker = askarov_store_lock (self->store);
  if (!(stmt = askarov_store_prepare (self->store,
                                      "SELECT volunteer_name FROM group_records WHERE volunteer = ? "
                                      "AND volunteer_name IS NOT NULL ORDER BY stamp DESC LIMIT 1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, volunteer, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return askarov_store_column_dup (stmt, 0);
}

static gboolean
fill_group_totals (AskarovGroup  *self,
                   const char    *sql,
                   GPtrArray     *rows,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = askarov_store_prepare (self->store, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *label = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (rows, askarov_record_total_new (key != NULL ? key : "",
                                                       label != NULL ? label : "",
                                                       0, (guint) sqlite3_column_int64 (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    return askarov_store_set_error (self->store, error, _("Reading the group's actions"));
  return TRUE;
}

AskarovGroupTotals *
askarov_group_compute_totals (AskarovGroup  *self,
                              GError       **error)
{
  g_autoptr(AskarovGroupTotals) totals = g_new0 (AskarovGroupTotals, 1);
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  g_autofree char *own_name = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  own_name = askarov_group_dup_display_name (self);
  totals->by_case = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  totals->by_channel = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  totals->by_month = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);
  totals->by_volunteer = g_ptr_array_new_with_free_func ((GDestroyNotify) askarov_record_total_free);

  locker = askarov_store_lock (self->store);
  if (!askarov_store_exec (self->store, "BEGIN", error))
    return NULL;
  if (!fill_group_totals (self, "SELECT case_name, case_name, count(*) AS n FROM (" GROUP_ACTIONS ") "
                                "GROUP BY case_name ORDER BY n DESC, case_name", totals->by_case, error) ||
      !fill_group_totals (self, "SELECT channel, channel, count(*) FROM (" GROUP_ACTIONS ") GROUP BY channel",
                          channels, error) ||
      !fill_group_totals (self, "SELECT substr (taken_on, 1, 7) AS m, substr (taken_on, 1, 7), count(*) FROM ("
                                GROUP_ACTIONS ") GROUP BY m ORDER BY m", totals->by_month, error) ||
      !fill_group_totals (self, "SELECT a.volunteer, (SELECT g.volunteer_name FROM group_records g "
                                "WHERE g.volunteer = a.volunteer AND g.volunteer_name IS NOT NULL "
                                "ORDER BY g.stamp DESC LIMIT 1), count(*) AS n FROM (" GROUP_ACTIONS ") a "
                                "GROUP BY a.volunteer ORDER BY n DESC, a.volunteer", totals->by_volunteer, error))
    {
      askarov_store_exec (self->store, "ROLLBACK", NULL);
      return NULL;
    }
  askarov_store_exec (self->store, "COMMIT", NULL);
  g_clear_pointer (&locker, g_mutex_locker_free);

  /* One row per channel in enum order, zeros included, as the own totals. */
  askarov_records_add_channel_totals (totals->by_channel, channels);
  for (guint i = 0; i < totals->by_case->len; i++)
    {
      AskarovRecordTotal *row = g_ptr_array_index (totals->by_case, i);

      totals->n_actions += row->count;
    }
  for (guint i = 0; i < totals->by_volunteer->len; i++)
    {
      AskarovRecordTotal *row = g_ptr_array_index (totals->by_volunteer, i);

      if (g_str_equal (row->key, self->volunteer))
        {
          g_free (row->label);
          /* Translators: this volunteer, in the group's totals */
          row->label = g_strdup (own_name != NULL ? own_name : _("You"));
        }
      else if (*row->label == '\0')
        {
          g_free (row->label);
          /* Translators: a volunteer who gave no name; %.8s is the start of their id */
          row->label = g_strdup_printf (_("Volunteer %.8s"), row->key);
        }
    }
  totals->n_volunteers = totals->by_volunteer->len;
  return g_steal_pointer (&totals);
}

GPtrArray *
askarov_group_list_actions (AskarovGroup  *self,
                            GError       **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ASKAROV_IS_GROUP (self), NULL);

  locker = askarov_store_lock (self->store);
  if (!(stmt = askarov_store_prepare (self->store,
                                      "SELECT * FROM (SELECT " ASKAROV_RECORD_COLUMNS " FROM " ASKAROV_RECORD_FROM
                                      " UNION ALL SELECT 0, 0, g.case_name, g.reference, g.target_name, g.target_title, "
                                      "g.channel, g.outcome, g.language, g.taken_on, g.note, 0, g.reported_on, g.created_at, "
                                      "g.uuid, g.volunteer FROM group_records g WHERE g.deleted = 0 "
                                      "AND NOT EXISTS (SELECT 1 FROM records r2 WHERE r2.uuid = g.uuid)) "
                                      "ORDER BY 10 DESC, 15", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actions, askarov_records_read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      askarov_store_set_error (self->store, error, _("Reading the group's actions"));
      return NULL;
    }
  return g_steal_pointer (&actions);
}
