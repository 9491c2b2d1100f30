/* askarov-search-tokenizer.c — the FTS5 tokenizer that stems words, so that one form of a word finds the others.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "askarov_stem" wraps FTS5's own unicode61 tokenizer (by default with
 * remove_diacritics 2: lower case, accents dropped) and adds, at the same
 * position as each word (FTS5_TOKEN_COLOCATED), the word's Snowball stems.
 * A document's language is not known to a tokenizer, and Urgent Actions mix
 * languages (an English text with model letters in German, French and
 * Spanish), so:
 *
 *  - a Cyrillic word gets its Russian stem, plus the stem without a fleeting
 *    vowel ("пыток" -> "пытк", the stem of "пытки"), which Snowball leaves;
 *  - a Latin word gets its English, German, French, Spanish, Dutch and
 *    Italian stems, each only once (most words have one or two distinct ones).
 *
 * The same happens to the words of a query, where colocated tokens are
 * alternatives: "tortured" matches any indexed word sharing one of its stems.
 * Words typed as a prefix ("tort*") are not stemmed; they match the indexed
 * words themselves. Stemming on the folded word (after unicode61 dropped the
 * accents) keeps what people type without accents equal to the accented text.
 *
 * Stems are looked up in a per-instance cache, since the words of a text
 * repeat (Zipf) and stemming each in six languages is most of the cost. */

#define G_LOG_DOMAIN "askarov-store-documents"

#include "config.h"

#include "askarov-search-tokenizer-private.h"

#include <libstemmer.h>
#include <string.h>

/* The Latin-script languages stemmed, by Snowball's algorithm names. */
static const char * const latin_languages[] = {
  "english", "german", "french", "spanish", "dutch", "italian",
};

#define N_LATIN G_N_ELEMENTS (latin_languages)
/* Longer words are indexed as they are, unstemmed: they are not words. */
#define MAX_STEM_BYTES 64
/* The cache is emptied when it holds this many words. */
#define MAX_CACHED 50000

typedef struct
{
  fts5_tokenizer     parent;          /* unicode61's methods */
  Fts5Tokenizer     *parent_instance;
  struct sb_stemmer *latin[N_LATIN];
  struct sb_stemmer *russian;
  GHashTable        *cache;           /* word -> its extra stems, each '\0'-terminated, then a '\0' */
} StemTokenizer;

typedef struct
{
  StemTokenizer *tokenizer;
  void          *ctx;
  int          (*x_token) (void *, int, const char *, int, int, int);
  gboolean       stem;
  gboolean       query;
} TokenizeContext;

static void
stem_tokenizer_free (StemTokenizer *self)
{
  if (self->parent_instance != NULL)
    self->parent.xDelete (self->parent_instance);
  for (guint i = 0; i < N_LATIN; i++)
    if (self->latin[i] != NULL)
      sb_stemmer_delete (self->latin[i]);
  if (self->russian != NULL)
    sb_stemmer_delete (self->russian);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self);
}

static int
stem_create (void           *user_data,
             const char    **args,
             int             n_args,
             Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  static const char *default_args[] = { "unicode61", "remove_diacritics", "2" };
  StemTokenizer *self = g_new0 (StemTokenizer, 1);
  void *parent_data = NULL;
  int rc;

  /* The arguments name the tokenizer to wrap and its own arguments. */
  if (n_args == 0)
    {
      args = default_args;
      n_args = G_N_ELEMENTS (default_args);
    }
  rc = api->xFindTokenizer (api, args[0], &parent_data, &self->parent);
  if (rc == SQLITE_OK)
    rc = self->parent.xCreate (parent_data, args + 1, n_args - 1, &self->parent_instance);
  for (guint i = 0; rc == SQLITE_OK && i < N_LATIN; i++)
    if (!(self->latin[i] = sb_stemmer_new (latin_languages[i], "UTF_8")))
      rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK && !(self->russian = sb_stemmer_new ("russian", "UTF_8")))
    rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK)
    {
      stem_tokenizer_free (self);
      return rc;
    }
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

static void
stem_delete (Fts5Tokenizer *tokenizer)
{
  stem_tokenizer_free ((StemTokenizer *) tokenizer);
}

static gboolean
is_consonant (gunichar c)
{
  return c >= 0x0431 && c <= 0x0449 &&
         c != 0x0435 && c != 0x0438 && c != 0x0439 && c != 0x043e && c != 0x0443;
}

/* Adds @stem to @stems unless it is @word or already there. */
static void
add_stem (GString    *stems,
          const char *word,
          const char *stem,
          gsize       len)
{
  if (len == 0 || (strlen (word) == len && memcmp (word, stem, len) == 0))
    return;
  for (const char *p = stems->str; *p != '\0'; p += strlen (p) + 1)
    if (strlen (p) == len && memcmp (p, stem, len) == 0)
      return;
  /* Each stem ends with its '\0'; the list ends with an empty one. */
  g_string_truncate (stems, stems->len - 1);
  g_string_append_len (stems, stem, len);
  g_string_append_c (stems, '\0');
  g_string_append_c (stems, '\0');
}

static void
add_snowball_stem (GString           *stems,
                   struct sb_stemmer *stemmer,
                   const char        *word,
                   gsize              len)
{
  const sb_symbol *stem = sb_stemmer_stem (stemmer, (const sb_symbol *) word, (int) len);

  if (stem != NULL)
    add_stem (stems, word, (const char *) stem, sb_stemmer_length (stemmer));
}

/* Russian nouns lose a vowel in some forms: пытка, пытки, but пыток;
 * отец, but отца. Snowball stems those forms apart ("пыток", "пытк"), so a
 * stem ending in consonant, о or е, then к or ц also gets the stem without
 * that vowel. */
static void
add_fleeting_vowel_stem (GString    *stems,
                         const char *stem,
                         gsize       len)
{
  const char *end = stem + len;
  const char *last, *vowel, *before;
  gunichar c_last, c_vowel;

  if (g_utf8_strlen (stem, len) < 4)
    return;
  last = g_utf8_prev_char (end);
  vowel = g_utf8_prev_char (last);
  before = g_utf8_prev_char (vowel);
  c_last = g_utf8_get_char (last);
  c_vowel = g_utf8_get_char (vowel);
  if ((c_last == 0x043a || c_last == 0x0446) && (c_vowel == 0x043e || c_vowel == 0x0435) &&
      is_consonant (g_utf8_get_char (before)))
    {
      GString *s = g_string_new_len (stem, vowel - stem);

      g_string_append_len (s, last, end - last);
      add_stem (stems, "", s->str, s->len);
      g_string_free (s, TRUE);
    }
}

/* The stems of a word other than the word itself, as a list of
 * '\0'-terminated strings ending with an empty one; NULL when none. */
static const char *
word_stems (StemTokenizer *self,
            const char    *token,
            int            n_token)
{
  char word[MAX_STEM_BYTES + 1];
  GString *stems;
  gpointer cached;
  gboolean cyrillic = FALSE, latin = FALSE;

  /* Most words are in the cache: look them up without allocating. */
  g_assert (n_token <= MAX_STEM_BYTES);
  memcpy (word, token, n_token);
  word[n_token] = '\0';
  if (g_hash_table_lookup_extended (self->cache, word, NULL, &cached))
    return cached;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x04ff)
        cyrillic = TRUE;
      else if (c >= 'a' && c <= 'z')
        latin = TRUE;
      else
        {
          /* Digits, other scripts, mixtures: not a word to stem. */
          cyrillic = latin = FALSE;
          break;
        }
    }

  stems = g_string_new_len ("\0", 1);
  if (cyrillic && !latin)
    {
      const sb_symbol *stem = sb_stemmer_stem (self->russian, (const sb_symbol *) word, n_token);

      if (stem != NULL)
        {
          gsize len = sb_stemmer_length (self->russian);

          add_stem (stems, word, (const char *) stem, len);
          add_fleeting_vowel_stem (stems, (const char *) stem, len);
        }
    }
  else if (latin && !cyrillic)
    {
      for (guint i = 0; i < N_LATIN; i++)
        add_snowball_stem (stems, self->latin[i], word, n_token);
    }

  if (g_hash_table_size (self->cache) >= MAX_CACHED)
    g_hash_table_remove_all (self->cache);
  if (stems->len == 1)
    {
      g_string_free (stems, TRUE);
      g_hash_table_insert (self->cache, g_strdup (word), NULL);
      return NULL;
    }
  cached = g_string_free_and_steal (stems);
  g_hash_table_insert (self->cache, g_strdup (word), cached);
  return cached;
}

static int
token_cb (void       *user_data,
          int         flags,
          const char *token,
          int         n_token,
          int         start,
          int         end)
{
  TokenizeContext *context = user_data;
  const char *stems = NULL;
  int rc = SQLITE_OK;

  if (context->stem && n_token <= MAX_STEM_BYTES && n_token >= 3)
    stems = word_stems (context->tokenizer, token, n_token);

  /* In a query, the word's stems alone find every text that has the word
   * (its stems are indexed with it), with one doclist fewer to merge. */
  if (stems == NULL || !context->query)
    rc = context->x_token (context->ctx, flags, token, n_token, start, end);
  else
    {
      rc = context->x_token (context->ctx, flags, stems, (int) strlen (stems), start, end);
      stems += strlen (stems) + 1;
    }

  for (const char *p = stems; p != NULL && *p != '\0' && rc == SQLITE_OK; p += strlen (p) + 1)
    rc = context->x_token (context->ctx, FTS5_TOKEN_COLOCATED, p, (int) strlen (p), start, end);
  return rc;
}

static int
stem_tokenize (Fts5Tokenizer *tokenizer,
               void          *ctx,
               int            flags,
               const char    *text,
               int            n_text,
               int          (*x_token) (void *, int, const char *, int, int, int))
{
  StemTokenizer *self = (StemTokenizer *) tokenizer;
  TokenizeContext context = { self, ctx, x_token, TRUE, (flags & FTS5_TOKENIZE_QUERY) != 0 };

  /* A prefix ("tort*") is matched against the words as written. */
  if ((flags & FTS5_TOKENIZE_PREFIX) != 0)
    context.stem = FALSE;
  return self->parent.xTokenize (self->parent_instance, &context, flags, text, n_text, token_cb);
}

/**
 * askarov_search_register_tokenizer:
 * @db: a connection
 *
 * Registers the "askarov_stem" FTS5 tokenizer on @db. Every connection that
 * reads or writes documents_fts needs it: without it SQLite refuses the
 * table ("no such tokenizer") rather than misreading it.
 *
 * Returns: %TRUE when registered
 */
gboolean
askarov_search_register_tokenizer (sqlite3 *db)
{
  static fts5_tokenizer methods = { stem_create, stem_delete, stem_tokenize };
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2)
    return FALSE;
  rc = api->xCreateTokenizer (api, ASKAROV_SEARCH_TOKENIZER, api, &methods, NULL);
  return rc == SQLITE_OK;
}
