/* test-letter-pdf.c — letter PDFs: text, paper, window position, pages, and no half-written files.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "test-store-utils.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "askarov-letter-pdf.h"

#define MM (72.0 / 25.4)

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_steal_pointer (&out);
}

static gboolean
have_poppler_utils (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext/pdfinfo (poppler-utils) not installed: cannot read the PDF back");
      return FALSE;
    }
  return TRUE;
}

static char *
pdf_text (const char *path)
{
  return run_tool ((const char * const []) { "pdftotext", "-layout", path, "-", NULL });
}

static char *
pdf_info (const char *path)
{
  return run_tool ((const char * const []) { "pdfinfo", path, NULL });
}

static char *
temp_pdf (const char *name)
{
  /* The isolated test dirs are fresh for every test, but not created. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static AskarovLetter *
prosecutor_letter (void)
{
  AskarovLetter *letter = askarov_letter_new ("ru", ASKAROV_ROLE_PROSECUTOR_GENERAL);
  g_autoptr(GDateTime) date = g_date_time_new_local (2010, 10, 1, 9, 0, 0);

  {
    g_autoptr(AskarovLetterCase) c = askarov_letter_case_new ();

    g_strfreev (c->persons);
    c->persons = g_strdupv ((char *[]) { "Azimjan Askarov", NULL });
    c->country = g_strdup ("KG");
    c->reference = g_strdup ("UA 135/10");
    askarov_letter_set_letter_case (letter, c);
  }
  askarov_letter_set_address_form (letter, ASKAROV_ADDRESS_FORM_MAN);
  askarov_letter_set_date (letter, date);
  askarov_letter_set_sender (letter, "Анна Петрова", "ул. Садовая, 3", "Казань", "Россия");
  askarov_letter_set_recipient (letter, "Kubatbek Baibolov", "General Prosecutor",
                                "72, Orozbekova Street\nBishkek 720040, KYRGYZSTAN", NULL, "+996 312 66 54 11", NULL);
  askarov_letter_set_copies_to (letter, (const char * const []) { "President Roza Otunbaeva", NULL });
  return letter;
}

static void
test_russian_a4 (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("ru.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  if (!have_poppler_utils ())
    return;
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  info = pdf_info (path);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Уважаемый господин Генеральный прокурор!"));
  /* The office in the dative, then the initials and the surname in Cyrillic and in the dative. */
  /* (The window of the envelope wraps the office's name.) */
  g_assert_nonnull (strstr (text, "Генеральному прокурору"));
  g_assert_nonnull (strstr (text, "К. Байболову"));
  g_assert_null (strstr (text, "Kubatbek"));
  g_assert_nonnull (strstr (text, "72, Orozbekova Street"));
  g_assert_nonnull (strstr (text, "Казань, 1 октября 2010 г."));
  g_assert_nonnull (strstr (text, "Азимжан Аскаров"));
  g_assert_nonnull (strstr (text, "С уважением,"));
  g_assert_nonnull (strstr (text, "Анна Петрова"));
  g_assert_nonnull (strstr (text, "Копии: President Roza Otunbaeva"));
  g_assert_nonnull (strstr (info, "Pages:           1"));
  g_assert_nonnull (strstr (info, "(A4)"));
}

static void
test_us_letter (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("letter.pdf");
  g_autofree char *info = NULL;
  double width;
  double height;

  if (!have_poppler_utils ())
    return;
  askarov_paper_get_size (ASKAROV_PAPER_US_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpfloat (height, ==, 792.0);
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_US_LETTER, &error));
  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
}

/* Finds @word in pdftotext -bbox output and returns its top-left corner. */
static gboolean
find_word (const char *bbox,
           const char *word,
           double     *x,
           double     *y)
{
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *end = strstr (bbox, needle);
  const char *start;
  const char *attr;

  if (end == NULL)
    return FALSE;
  start = g_strrstr_len (bbox, end - bbox, "<word ");
  attr = strstr (start, "xMin=\"");
  *x = g_ascii_strtod (attr + 6, NULL);
  attr = strstr (start, "yMin=\"");
  *y = g_ascii_strtod (attr + 6, NULL);
  return TRUE;
}

static void
test_window_position (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("window.pdf");
  g_autofree char *bbox = NULL;
  double x;
  double y;

  if (!have_poppler_utils ())
    return;
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error));
  bbox = run_tool ((const char * const []) { "pdftotext", "-bbox", path, "-", NULL });

  /* The recipient's name lies inside the DIN C5/DL window: 20 to 110 mm from
   * the left, below the 17.7 mm return-address strip, above 90 mm. */
  g_assert_true (find_word (bbox, "Байболову", &x, &y));
  g_assert_cmpfloat (x, >=, 20 * MM);
  g_assert_cmpfloat (x, <=, 30 * MM);
  g_assert_cmpfloat (y, >=, 62 * MM);
  g_assert_cmpfloat (y, <=, 85 * MM);
  /* The last address line is still inside the window. */
  g_assert_true (find_word (bbox, "KYRGYZSTAN", &x, &y));
  g_assert_cmpfloat (y, <=, 88 * MM);
  /* The salutation comes below the window. */
  g_assert_true (find_word (bbox, "Уважаемый", &x, &y));
  g_assert_cmpfloat (y, >=, 90 * MM);
}

static void
test_multi_page (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(AskarovLetterPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *path = temp_pdf ("long.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *expected_pages = NULL;

  if (!have_poppler_utils ())
    return;
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *p = g_strdup_printf ("Абзац номер %u. Прошу освободить Азимжана Аскарова и обеспечить ему "
                                            "медицинскую помощь, а также расследовать заявления о пытках.", i);

      g_strv_builder_add (builder, p);
    }
  paragraphs = g_strv_builder_end (builder);
  askarov_letter_set_paragraphs (letter, (const char * const *) paragraphs);

  pages = askarov_letter_pages_new (letter, ASKAROV_PAPER_A4);
  g_assert_cmpuint (askarov_letter_pages_get_n_pages (pages), >=, 2);
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error));
  text = pdf_text (path);
  info = pdf_info (path);
  expected_pages = g_strdup_printf ("Pages:           %u\n", askarov_letter_pages_get_n_pages (pages));
  g_assert_nonnull (strstr (info, expected_pages));
  /* Nothing lost at the page breaks: first, last and the closing are there. */
  g_assert_nonnull (strstr (text, "Абзац номер 1."));
  g_assert_nonnull (strstr (text, "Абзац номер 30."));
  g_assert_nonnull (strstr (text, "С уважением,"));
  g_assert_nonnull (strstr (text, "Копии:"));
}

static void
test_no_half_written (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-such-dir", "x.pdf", NULL);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  g_assert_false (askarov_letter_write_pdf (letter, missing, ASKAROV_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Replacing an existing file leaves exactly the new one, no temporary behind. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error));
  g_assert_no_error (error);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "letter.pdf");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }
}

/* A new PDF is private (0600), and a write that fails part-way (here: the
 * file size limit, which binds root too, unlike permissions) leaves the
 * file that was there byte for byte, with no temporary file beside it. */
static void
test_private_and_failed_write (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "private", NULL);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);
  gboolean ok;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  umask (022);
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  g_assert_true (g_file_set_contents (path, "the letter saved yesterday", -1, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 512;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the letter saved yesterday");
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_paper_for_locale (void)
{
  static const struct
  {
    const char   *locale;
    AskarovPaper  paper;
  } cases[] = {
    { "en_US.UTF-8", ASKAROV_PAPER_US_LETTER },
    { "fr_CA.UTF-8", ASKAROV_PAPER_US_LETTER },
    { "es_MX", ASKAROV_PAPER_US_LETTER },
    { "en_PH.UTF-8", ASKAROV_PAPER_US_LETTER },
    { "en_GB.UTF-8", ASKAROV_PAPER_A4 },
    { "de_DE.UTF-8", ASKAROV_PAPER_A4 },
    { "ru_RU.UTF-8", ASKAROV_PAPER_A4 },
    { "ky_KG", ASKAROV_PAPER_A4 },
    { "C", ASKAROV_PAPER_A4 },
    { "", ASKAROV_PAPER_A4 },
  };
  AskarovPaper paper;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (askarov_paper_for_locale (cases[i].locale), ==, cases[i].paper);
  g_assert_true (askarov_paper_from_id ("us-letter", &paper));
  g_assert_cmpint (paper, ==, ASKAROV_PAPER_US_LETTER);
  g_assert_cmpstr (askarov_paper_to_id (ASKAROV_PAPER_A4), ==, "a4");
  g_assert_false (askarov_paper_from_id ("legal", &paper));
}

static void
write_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = temp_pdf ("async.pdf");
  g_autofree char *text = NULL;

  if (!have_poppler_utils ())
    return;
  askarov_letter_write_pdf_async (letter, path, ASKAROV_PAPER_A4, NULL, write_cb, &result);
  /* The worker has its own copy: editing now does not reach the file. */
  askarov_letter_set_paragraph (letter, 0, "Изменено после вызова.");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (askarov_letter_write_pdf_finish (result, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_null (strstr (text, "Изменено"));
  g_assert_nonnull (strstr (text, "Обращаюсь к Вам"));
}

static void
test_email_and_fax (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fax_path = temp_pdf ("fax.pdf");
  g_autofree char *email_path = temp_pdf ("email.pdf");
  g_autofree char *fax = NULL;
  g_autofree char *email = NULL;

  if (!have_poppler_utils ())
    return;
  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_FAX);
  g_assert_true (askarov_letter_write_pdf (letter, fax_path, ASKAROV_PAPER_A4, &error));
  fax = pdf_text (fax_path);
  /* The cover names the recipient as the block does (the line may wrap before the name). */
  g_assert_nonnull (strstr (fax, "ФАКС. Кому: Генеральному прокурору"));
  g_assert_nonnull (strstr (fax, "К. Байболову"));
  g_assert_nonnull (strstr (fax, "Факс: +996 312 66 54 11"));

  askarov_letter_set_channel (letter, ASKAROV_CHANNEL_EMAIL);
  g_assert_true (askarov_letter_write_pdf (letter, email_path, ASKAROV_PAPER_A4, &error));
  email = pdf_text (email_path);
  g_assert_nonnull (strstr (email, "Обращение: Азимжан Аскаров (UA 135/10)"));
  g_assert_null (strstr (email, "Садовая"));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(AskarovLetter) letter = prosecutor_letter ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("damaged.pdf");
  g_autofree char *text = NULL;

  if (!have_poppler_utils ())
    return;
  /* A damaged field (tests treat warnings as fatal, so Pango must never see it). */
  askarov_letter_set_recipient (letter, "Kubatbek \xff\xfe Baibolov", "General Prosecutor", NULL, NULL, NULL, NULL);
  askarov_letter_set_paragraph (letter, 0, "Broken \xc3 byte, then more text.");
  g_assert_true (askarov_letter_write_pdf (letter, path, ASKAROV_PAPER_A4, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Baibolov"));
  g_assert_nonnull (strstr (text, "then more text."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letter-pdf/russian-a4", test_russian_a4);
  g_test_add_func ("/letter-pdf/us-letter", test_us_letter);
  g_test_add_func ("/letter-pdf/window-position", test_window_position);
  g_test_add_func ("/letter-pdf/multi-page", test_multi_page);
  g_test_add_func ("/letter-pdf/no-half-written", test_no_half_written);
  g_test_add_func ("/letter-pdf/private-and-failed-write", test_private_and_failed_write);
  g_test_add_func ("/letter-pdf/paper-for-locale", test_paper_for_locale);
  g_test_add_func ("/letter-pdf/async", test_async);
  g_test_add_func ("/letter-pdf/email-and-fax", test_email_and_fax);
  g_test_add_func ("/letter-pdf/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
