/* test-letter-pack.c — the letter-writing evening pack: letters, envelopes and tally sheet, read back from the PDF.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "askarov-case-pack.h"
#include "askarov-letter-pack.h"
#include "askarov-store-private.h"
#include "askarov-store-targets.h"
#include "test-store-utils.h"

#define MM (72.0 / 25.4)

static gboolean
have_poppler_utils (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    g_test_skip ("pdftotext/pdfinfo (poppler-utils) not installed: cannot read the pack back");
  return pdftotext != NULL && pdfinfo != NULL;
}

/* The output of a poppler tool for page @page (from 1) of @path, or the whole file when @page is 0. */
static char *
poppler (const char *tool,
         const char *option,
         const char *path,
         guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) tool);
  if (option != NULL)
    g_ptr_array_add (argv, (gpointer) option);
  if (page > 0)
    {
      g_ptr_array_add (argv, (gpointer) "-f");
      g_ptr_array_add (argv, number);
      g_ptr_array_add (argv, (gpointer) "-l");
      g_ptr_array_add (argv, number);
    }
  g_ptr_array_add (argv, (gpointer) path);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_steal_pointer (&out);
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *info = poppler ("pdfinfo", NULL, path, 0);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The top-left corner of the first word @word on page @page, from pdftotext -bbox. */
static gboolean
word_position (const char *path,
               guint       page,
               const char *word,
               double     *x,
               double     *y)
{
  g_autofree char *bbox = poppler ("pdftotext", "-bbox", path, page);
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\"[^>]*>%s</word>", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  if (!g_regex_match (regex, bbox, 0, &match))
    return FALSE;
  xs = g_match_info_fetch (match, 1);
  ys = g_match_info_fetch (match, 2);
  *x = g_ascii_strtod (xs, NULL);
  *y = g_ascii_strtod (ys, NULL);
  return TRUE;
}

/* @text with every run of white space made one space: the envelope may wrap a long title. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* The built-in Askarov case, loaded as `askarov --letter-pack --case "UA 61.20"` finds it. */
static AskarovLetterCase *
load_builtin_case (AskarovStore *store)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  AskarovLetterCase *letter_case = NULL;

  g_assert_true (askarov_case_pack_install (store, FALSE, NULL, &error));
  g_assert_no_error (error);
  cases = askarov_store_list_target_cases (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len && letter_case == NULL; i++)
    {
      AskarovTargetCase *c = g_ptr_array_index (cases, i);

      if (g_strcmp0 (c->reference, "61/20") == 0)
        letter_case = askarov_letter_case_load (store, c->case_id, c->document_id, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (letter_case);
  return letter_case;
}

static AskarovLetterPackOptions *
ru_en_options (void)
{
  AskarovLetterPackOptions *options = askarov_letter_pack_options_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  options->languages = g_strsplit ("ru,en", ",", -1);
  options->paper = ASKAROV_PAPER_A4;
  /* A fixed date: the letters do not change with the day the test runs. */
  options->date = g_date_time_new (utc, 2026, 12, 2, 12, 0, 0);
  return options;
}

/* One letter: to the ambassador, who has a postal address, in English. */
static AskarovLetterPackOptions *
ambassador_options (void)
{
  AskarovLetterPackOptions *options = ru_en_options ();

  g_strfreev (options->languages);
  options->languages = g_strsplit ("en", ",", -1);
  options->officials = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (options->officials, (guint) { 1 });
  return options;
}

/* Every official of the built-in case in Russian and English: each letter's
 * pages, then its envelope with the recipient block, then the tally sheet. */
static void
test_builtin_case_ru_en (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovLetterCase) letter_case = load_builtin_case (store);
  g_autoptr(AskarovLetterPackOptions) options = ru_en_options ();
  g_autoptr(AskarovLetterPack) pack = NULL;
  g_autoptr(GArray) officials = askarov_letter_pack_default_officials (letter_case);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("pack.pdf");
  g_autofree char *tally = NULL;
  guint expected_pages = 0;
  guint page = 1;
  GStatBuf st;

  if (!have_poppler_utils ())
    return;
  g_assert_cmpuint (officials->len, ==, 2);   /* the President and the ambassador */
  g_assert_true (askarov_letter_pack_write_pdf (letter_case, options, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  pack = askarov_letter_pack_new (letter_case, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (askarov_letter_pack_get_n_letters (pack), ==, officials->len * 2);

  for (guint i = 0; i < officials->len; i++)
    for (guint l = 0; options->languages[l] != NULL; l++)
      {
        const AskarovTarget *official = g_ptr_array_index (letter_case->targets, g_array_index (officials, guint, i));
        g_autoptr(AskarovLetter) letter = NULL;
        g_autoptr(AskarovLetterPages) pages = NULL;
        g_autofree char *recipient = NULL;
        g_autofree char *salutation = NULL;
        g_autofree char *first_page = NULL;
        g_autofree char *flat_page = NULL;
        g_auto(GStrv) flat_words = NULL;
        g_autofree char *envelope = NULL;
        g_auto(GStrv) lines = NULL;
        guint n_pages;

        /* The same letter as the composer makes for this official. */
        letter = askarov_letter_new_for_case (letter_case, official, options->languages[l],
                                              ASKAROV_CHANNEL_LETTER, options->date, &error);
        g_assert_no_error (error);
        pages = askarov_letter_pages_new_full (letter, ASKAROV_PAPER_A4, ASKAROV_LETTER_PAGES_SIGNATURE_SPACE);
        n_pages = askarov_letter_pages_get_n_pages (pages);
        expected_pages += n_pages + 1;

        first_page = poppler ("pdftotext", NULL, path, page);
        salutation = askarov_letter_dup_salutation (letter);
        g_assert_nonnull (strstr (first_page, salutation));
        /* The official as the letter's language writes them (in Russian: title and
         * name in the dative, in Cyrillic), every line of the recipient block. */
        recipient = askarov_letter_dup_recipient_block (letter);
        lines = g_strsplit (recipient, "\n", -1);
        /* A long title may wrap in the address window: compare words, not lines. */
        flat_page = g_strjoinv (" ", (flat_words = g_strsplit_set (first_page, " \n", -1)));
        for (guint k = 0; lines[k] != NULL; k++)
          if (*lines[k] != '\0' && strstr (flat_page, lines[k]) == NULL)
            g_error ("“%s” is not on page %u:\n%s", lines[k], page, first_page);
        g_clear_pointer (&flat_words, g_strfreev);
        g_clear_pointer (&flat_page, g_free);
        g_clear_pointer (&lines, g_strfreev);
        g_clear_pointer (&recipient, g_free);
        g_assert_cmpint (askarov_letter_pack_get_page_kind (pack, page - 1), ==, ASKAROV_LETTER_PACK_PAGE_LETTER);
        page += n_pages;

        /* The envelope: its own page, DL size, with every line of the recipient block. */
        g_assert_cmpint (askarov_letter_pack_get_page_kind (pack, page - 1), ==, ASKAROV_LETTER_PACK_PAGE_ENVELOPE);
        envelope = poppler ("pdftotext", NULL, path, page);
        g_test_message ("envelope %u (%s):\n%s", page, options->languages[l], envelope);
        recipient = askarov_letter_dup_recipient_block (letter);
        lines = g_strsplit (recipient, "\n", -1);
        g_assert_nonnull (lines[0]);
        for (guint k = 0; lines[k] != NULL; k++)
          {
            g_autofree char *flat_envelope = flatten (envelope);
            g_autofree char *flat_line = flatten (lines[k]);

            g_assert_nonnull (strstr (flat_envelope, flat_line));
          }
        /* No letter text on the envelope. */
        g_assert_null (strstr (envelope, salutation));
        {
          g_autofree char *info = poppler ("pdfinfo", NULL, path, page);

          g_assert_nonnull (strstr (info, "623.622 x 311.811 pts"));
        }
        page++;
      }

  expected_pages += 1;
  g_assert_cmpuint (askarov_letter_pack_get_n_pages (pack), ==, expected_pages);
  g_assert_cmpuint (pdf_page_count (path), ==, expected_pages);

  /* The last page is the tally sheet: every official, every channel, the case. */
  g_assert_cmpint (askarov_letter_pack_get_page_kind (pack, expected_pages - 1), ==, ASKAROV_LETTER_PACK_PAGE_TALLY);
  tally = poppler ("pdftotext", "-layout", path, expected_pages);
  g_test_message ("tally:\n%s", tally);
  g_assert_nonnull (strstr (tally, "Letter-Writing Evening"));
  g_assert_nonnull (strstr (tally, "Azimjan Askarov"));
  g_assert_nonnull (strstr (tally, letter_case->reference));
  g_assert_nonnull (strstr (tally, "61/20"));
  g_assert_nonnull (strstr (tally, "3 June 2020"));
  g_assert_nonnull (strstr (tally, "4 letters"));
  for (guint i = 0; i < officials->len; i++)
    {
      const AskarovTarget *official = g_ptr_array_index (letter_case->targets, g_array_index (officials, guint, i));

      g_assert_nonnull (strstr (tally, official->name));
    }
  for (AskarovChannel c = 0; c < ASKAROV_N_LETTER_CHANNELS; c++)
    g_assert_nonnull (strstr (tally, askarov_channel_get_label (c)));
}

/* The envelope's recipient sits where the letter's does, the window position. */
static void
test_envelope_window_position (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovLetterCase) letter_case = load_builtin_case (store);
  g_autoptr(AskarovLetterPackOptions) options = ambassador_options ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("c5.pdf");
  g_autofree char *info = NULL;
  double letter_x, letter_y, envelope_x, envelope_y;

  if (!have_poppler_utils ())
    return;
  options->envelope = ASKAROV_ENVELOPE_C5;
  g_assert_true (askarov_letter_pack_write_pdf (letter_case, options, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (path), ==, 3);

  info = poppler ("pdfinfo", NULL, path, 2);
  g_assert_nonnull (strstr (info, "649.134 x 459.213 pts"));
  g_assert_true (word_position (path, 1, "2360", &letter_x, &letter_y));
  g_assert_true (word_position (path, 2, "2360", &envelope_x, &envelope_y));
  g_assert_cmpfloat_with_epsilon (envelope_x, letter_x, 1.0);
  g_assert_cmpfloat_with_epsilon (envelope_x, 25 * MM, 1.0);
  /* The envelope's text is a point larger, so its lines sit a little lower. */
  g_assert_cmpfloat_with_epsilon (envelope_y, letter_y, 6.0);
}

/* Sender lines and the return address are each optional; initials-only signing
 * hides the name and street on the envelope as on the letter. */
static void
test_sender_lines (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovLetterCase) letter_case = load_builtin_case (store);
  g_autoptr(AskarovLetterPackOptions) options = ambassador_options ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bare = temp_path ("bare.pdf");
  g_autofree char *signed_path = temp_path ("signed.pdf");
  g_autofree char *initials = temp_path ("initials.pdf");
  g_autofree char *text = NULL;
  g_autofree char *envelope = NULL;

  if (!have_poppler_utils ())
    return;
  options->sender_name = g_strdup ("Nadia Volunteer");
  options->sender_address = g_strdup ("12 Quay Lane");
  options->sender_city = g_strdup ("Leeds");

  g_assert_true (askarov_letter_pack_write_pdf (letter_case, options, bare, &error));
  g_assert_no_error (error);
  text = poppler ("pdftotext", NULL, bare, 0);
  g_assert_null (strstr (text, "Nadia"));
  g_assert_null (strstr (text, "Quay Lane"));
  g_clear_pointer (&text, g_free);

  options->sender_lines = TRUE;
  options->return_address = TRUE;
  g_assert_true (askarov_letter_pack_write_pdf (letter_case, options, signed_path, &error));
  g_assert_no_error (error);
  text = poppler ("pdftotext", NULL, signed_path, 1);
  g_assert_nonnull (strstr (text, "Nadia Volunteer"));
  envelope = poppler ("pdftotext", NULL, signed_path, 2);
  g_assert_nonnull (strstr (envelope, "12 Quay Lane"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&envelope, g_free);

  options->signature = ASKAROV_SIGNATURE_INITIALS_AND_TOWN;
  g_assert_true (askarov_letter_pack_write_pdf (letter_case, options, initials, &error));
  g_assert_no_error (error);
  text = poppler ("pdftotext", NULL, initials, 0);
  envelope = poppler ("pdftotext", NULL, initials, 2);
  g_assert_null (strstr (text, "Nadia"));
  g_assert_null (strstr (text, "Quay Lane"));
  g_assert_nonnull (strstr (envelope, "Leeds"));
}

static void
test_bad_input (void)
{
  g_autoptr(AskarovStore) store = open_store ();
  g_autoptr(AskarovLetterCase) letter_case = load_builtin_case (store);
  g_autoptr(AskarovLetterPackOptions) options = ru_en_options ();
  g_autoptr(AskarovLetterCase) empty = askarov_letter_case_new ();
  g_autoptr(AskarovLetterCase) ended = askarov_letter_case_new ();
  g_autoptr(AskarovLetterPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_dir = g_build_filename (g_get_user_data_dir (), "no-such-folder", "pack.pdf", NULL);
  g_autofree char *path = temp_path ("kept.pdf");
  g_autofree char *contents = NULL;

  options->officials = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (options->officials, (guint) { 7 });
  pack = askarov_letter_pack_new (letter_case, options, &error);
  g_assert_null (pack);
  g_assert_error (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_BAD_OFFICIAL);
  g_assert_nonnull (strstr (error->message, "8"));
  g_clear_error (&error);
  g_array_set_size (options->officials, 0);

  g_strfreev (options->languages);
  options->languages = g_strsplit ("ru,xx", ",", -1);
  pack = askarov_letter_pack_new (letter_case, options, &error);
  g_assert_null (pack);
  g_assert_error (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_BAD_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "xx"));
  g_clear_error (&error);
  g_clear_pointer (&options->languages, g_strfreev);

  /* No officials at all. */
  pack = askarov_letter_pack_new (empty, options, &error);
  g_assert_null (pack);
  g_assert_error (error, ASKAROV_LETTER_PACK_ERROR, ASKAROV_LETTER_PACK_ERROR_NO_OFFICIALS);
  g_clear_error (&error);

  /* A case whose action has ended calls for no letter: said, not printed. */
  ended->state = ASKAROV_CASE_STATE_ENDED;
  g_ptr_array_add (ended->targets, askarov_target_copy (g_ptr_array_index (letter_case->targets, 0)));
  pack = askarov_letter_pack_new (ended, options, &error);
  g_assert_null (pack);
  g_assert_error (error, ASKAROV_LETTER_ERROR, ASKAROV_LETTER_ERROR_NO_LETTER);
  g_clear_error (&error);

  /* A folder that does not exist: a clear error, nothing written. */
  g_assert_false (askarov_letter_pack_write_pdf (letter_case, options, missing_dir, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "pack.pdf"));
  g_clear_error (&error);

  /* A failed pack leaves the file that was there. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_strfreev (options->languages);
  options->languages = g_strsplit ("xx", ",", -1);
  g_assert_false (askarov_letter_pack_write_pdf (letter_case, options, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letter-pack/builtin-case-ru-en", test_builtin_case_ru_en);
  g_test_add_func ("/letter-pack/envelope-window-position", test_envelope_window_position);
  g_test_add_func ("/letter-pack/sender-lines", test_sender_lines);
  g_test_add_func ("/letter-pack/bad-input", test_bad_input);

  return g_test_run ();
}
