/* test-cli-letter.c — askarov --write-letter, run as the real binary against a seeded database.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "askarov-store-private.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
askarov_bin (void)
{
  const char *bin = g_getenv ("ASKAROV_BIN");

  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("ASKAROV_BIN is not set: run through meson test");
      return NULL;
    }
  return bin;
}

/* Runs askarov with @args (NULL-terminated) in the test's isolated dirs, so it
 * reads the database this test seeded and never the user's. */
static gboolean
run_mode (Run        *run,
          const char *mode,
          va_list     ap)
{
  const char *bin = askarov_bin ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;

  if (bin == NULL)
    return FALSE;
  g_ptr_array_add (argv, (gpointer) bin);
  g_ptr_array_add (argv, (gpointer) mode);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* GLib isolates the dirs inside this process only; hand them to the child. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  return TRUE;
}

/* askarov --write-letter @args (NULL-terminated). */
static gboolean
run_askarov (Run *run,
             ...)
{
  va_list ap;
  gboolean ran;

  va_start (ap, run);
  ran = run_mode (run, "--write-letter", ap);
  va_end (ap);
  return ran;
}

/* askarov --letter-pack @args (NULL-terminated). */
static gboolean
run_letter_pack (Run *run,
                 ...)
{
  va_list ap;
  gboolean ran;

  va_start (ap, run);
  ran = run_mode (run, "--letter-pack", ap);
  va_end (ap);
  return ran;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", "-layout", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_steal_pointer (&out);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) not installed: cannot read the PDF back");
  return path != NULL;
}

static char *
out_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static gint64
insert (AskarovStore *store,
        const char   *sql,
        ...)
{
  g_autoptr(sqlite3_stmt) stmt = askarov_store_prepare (store, sql, NULL);
  const char *value;
  va_list ap;
  int i = 1;

  g_assert_nonnull (stmt);
  va_start (ap, sql);
  while ((value = va_arg (ap, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, value, -1, SQLITE_TRANSIENT);
  va_end (ap);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return sqlite3_last_insert_rowid (askarov_store_get_db (store));
}

/* The two Urgent Actions of the case with their officials, as the Documents
 * part stores them (facts from the corpus, rows written by hand). */
static void
seed_database (void)
{
  g_autofree char *path = askarov_store_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AskarovStore) store = askarov_store_open (path, &error);
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *ua135 = NULL;
  g_autofree char *ua61 = NULL;

  g_assert_no_error (error);
  locker = askarov_store_lock (store);
  /* These Urgent Actions stand in for the built-in case: mark it as offered
   * (as after a volunteer deleted it), so the command line does not add it. */
  g_assert_true (askarov_store_exec (store, "INSERT INTO library_state (key, value) VALUES ('case-pack:askarov', '1')", NULL));
  case_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                             insert (store, "INSERT INTO cases (name) VALUES (?)", "Azimjan Askarov", NULL));
  ua135 = g_strdup_printf ("%" G_GINT64_FORMAT,
    insert (store, "INSERT INTO documents (case_id, title, format, body, search_body, content_hash, kind, reference, "
                   "issued, deadline, languages) VALUES (?, 'Fifth update', 'text', 'b', 'b', 'h135', "
                   "'urgent-action', '135/10', '2010-09-15', '2010-10-27', 'ru,ky,en')", case_id, NULL));
  ua61 = g_strdup_printf ("%" G_GINT64_FORMAT,
    insert (store, "INSERT INTO documents (case_id, title, format, body, search_body, content_hash, kind, reference, "
                   "issued, deadline, languages) VALUES (?, 'Health at risk', 'html', 'b', 'b', 'h61', "
                   "'urgent-action', '61.20', '2020-04-22', '2020-06-03', 'en')", case_id, NULL));

  insert (store, "INSERT INTO targets (document_id, position, name, title, address, email, fax, is_copy) "
                 "VALUES (?, 1, 'Zarylbek Rysaliev', 'Minister of Internal Affairs', "
                 "'Frunze Street, 469\nBishkek 720040, KYRGYZSTAN', 'pressa@mail.mvd.kg', '+996 312 68 20 44', 0)",
          ua135, NULL);
  insert (store, "INSERT INTO targets (document_id, position, name, title, address, fax, is_copy) "
                 "VALUES (?, 2, 'Kubatbek Baibolov', 'General Prosecutor', "
                 "'72, Orozbekova Street\nBishkek 720040, KYRGYZSTAN', '+996 312 66 54 11', 0)", ua135, NULL);
  insert (store, "INSERT INTO targets (document_id, position, name, title, address, email, fax, is_copy) "
                 "VALUES (?, 3, 'Roza Otunbaeva', 'President', 'Dom Pravitelstva\nBishkek 720003, KYRGYZSTAN', "
                 "'admin@kyrgyz-el.kg', '+996 312 62 50 12', 1)", ua135, NULL);
  insert (store, "INSERT INTO targets (document_id, position, name, title, email, social, is_copy) "
                 "VALUES (?, 1, 'Sooronbay Jeenbekov', 'President of Kyrgyzstan', "
                 "'pisma@mail.gov.kg\noip@adm.gov.kg', 'Facebook: @PresidentKyrgyzRepublic\nTwitter: @kyrgyzpresident', 0)",
          ua61, NULL);
  insert (store, "INSERT INTO targets (document_id, position, name, title, address, email, fax, phone, social, is_copy) "
                 "VALUES (?, 2, 'Bolot Isakovich Otunbaev', 'Ambassador, Embassy of the Kyrgyz Republic', "
                 "'2360 Massachusetts Avenue NW\nWashington DC 20008', 'kgembassy.usa@mfa.gov.kg', '202 449 8275', "
                 "'202 449 9822', 'Facebook: @kgembassyusa\nInstagram: @KGEMBASSY', 0)", ua61, NULL);
}

static void
test_russian_prosecutor_pdf (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("ru-prosecutor.pdf");
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;
  seed_database ();
  if (!run_askarov (&run, "--language", "ru", "--role", "prosecutor-general", "--address-form", "man",
                    "--case", "UA 135/10", "--output", path, NULL))
    return;
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (path);
  g_test_message ("%s", text);

  /* The name in Cyrillic, initials and the surname in the dative; the
   * library does not say which country the title is of, so it is kept. */
  g_assert_nonnull (strstr (text, "General Prosecutor"));
  g_assert_nonnull (strstr (text, "К. Байболову"));
  g_assert_null (strstr (text, "Kubatbek"));
  g_assert_nonnull (strstr (text, "72, Orozbekova Street"));
  g_assert_nonnull (strstr (text, "Уважаемый господин Генеральный прокурор!"));
  /* The case is open (no outcome in this library): an appeal naming him, not an after-death letter. */
  g_assert_nonnull (strstr (text, "Азимжан Аскаров"));
  g_assert_null (strstr (text, "скончал"));
  g_assert_nonnull (strstr (text, "С уважением,"));
  /* The UA's "copies to" list, each as the block names an official. */
  g_assert_nonnull (strstr (text, "Копии: President Р. Отунбаевой"));
}

static void
test_kyrgyz_president_pdf (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("ky-president.pdf");
  g_autofree char *text = NULL;

  if (!have_pdftotext ())
    return;
  seed_database ();
  if (!run_askarov (&run, "--language", "ky", "--role", "president", "--address-form", "man",
                    "--case", "61.20", "--output", path, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (path);
  g_test_message ("%s", text);

  /* Kyrgyz: the office, then the initials and the surname with the dative suffix, on one line. */
  g_assert_nonnull (strstr (text, "Кыргыз Республикасынын"));
  g_assert_nonnull (strstr (text, "С. Жээнбековго"));
  g_assert_nonnull (strstr (text, "Урматтуу Президент мырза!"));
  g_assert_nonnull (strstr (text, "Азимжан Аскаров"));
  g_assert_nonnull (strstr (text, "Урматтоо менен,"));
}

static void
test_german_email_ambassador (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) pdf_run = { 0 };
  g_autofree char *path = out_path ("de-ambassador.pdf");
  g_autofree char *text = NULL;

  seed_database ();
  if (!run_askarov (&run, "--language", "de", "--role", "ambassador", "--address-form", "man",
                    "--case", "61.20", "--channel", "email", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_true (g_str_has_prefix (run.out, "Subject: Appell für Azimjan Askarov (UA 61.20)\n\n"
                                            "Sehr geehrter Herr Botschafter,\n\nich schreibe Ihnen"));
  g_assert_nonnull (strstr (run.out, "Mit freundlichen Grüßen"));
  g_assert_null (strstr (run.out, "Grüßen,"));
  /* An email has no postal blocks. */
  g_assert_null (strstr (run.out, "Massachusetts"));

  if (!have_pdftotext ())
    return;
  g_assert_true (run_askarov (&pdf_run, "--language", "de", "--role", "ambassador", "--address-form", "man",
                              "--case", "61.20", "--channel", "email", "--output", path, NULL));
  g_assert_cmpint (pdf_run.status, ==, 0);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Sehr geehrter Herr Botschafter,"));
  g_assert_nonnull (strstr (text, "Mit freundlichen Grüßen"));
}

static void
test_builtin_case_stdout (void)
{
  g_auto(Run) run = { 0 };

  if (!run_askarov (&run, "--language", "en", "--role", "minister", NULL))
    return;
  /* Without --case: the newest Urgent Action, here the built-in case's. He
   * died in 2020 and the pack's outcome says so: the letter asks for an
   * investigation of his death, never for his release, and says why. */
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s\n%s", run.out, run.err);
  g_assert_nonnull (strstr (run.err, "closed"));
  g_assert_nonnull (strstr (run.out, "Azimjan Askarov, who died in custody in Kyrgyzstan on 25 July 2020"));
  /* Its history may tell that the UN Human Rights Committee called for his
   * release; the letter itself no longer asks for it. */
  g_assert_null (strstr (run.out, "release Azimjan Askarov"));
  g_assert_null (strstr (run.out, "immediately and unconditionally"));
  g_assert_nonnull (strstr (run.out, "UN Human Rights Committee found that he had been tortured"));
  g_assert_nonnull (strstr (run.out, "Yours sincerely,"));
}

static void
test_fresh_install_case (void)
{
  g_auto(Run) run = { 0 };

  /* No database yet: the built-in Askarov case is added first, and
   * "UA 61.20" finds it although it is stored as 61/20. */
  if (!run_askarov (&run, "--case", "UA 61.20", "--target", "1", "--language", "ky", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Урматтуу Президент"));
  /* The built-in case is closed: he died in custody. */
  g_assert_nonnull (strstr (run.out, "камакта каза болгон"));
  g_assert_nonnull (strstr (run.out, "Урматтоо менен,"));
}

static void
test_target_number (void)
{
  g_auto(Run) run = { 0 };

  seed_database ();
  /* No --role: detected from the target's title. */
  if (!run_askarov (&run, "--language", "en", "--case", "61.20", "--target", "2", "--channel", "post", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "@kgembassyusa "));
  g_assert_cmpuint (g_utf8_strlen (run.out, -1), <=, 281);
}

static void
test_language_from_document (void)
{
  g_auto(Run) run = { 0 };

  seed_database ();
  /* UA 135/10 asks for Russian first. */
  if (!run_askarov (&run, "--case", "135/10", "--target", "1", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Уважаемый господин Министр!"));
  /* The minister in Cyrillic, initials and the surname in the dative. */
  g_assert_nonnull (strstr (run.out, "З. Рысалиеву"));
}

static void
test_text_file (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("call.txt");
  g_autofree char *contents = NULL;

  if (!run_askarov (&run, "--language", "fr", "--role", "president", "--channel", "call", "--output", path, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Bonjour."));
  g_assert_nonnull (strstr (contents, "Merci de votre temps."));
  {
    GStatBuf st;

    /* What a volunteer says to whom is private: readable by its owner only. */
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
}

static void
test_bad_values (void)
{
  static const struct
  {
    const char *option;
    const char *value;
    const char *listed;   /* a valid value the message must name */
  } cases[] = {
    { "--language", "xx", "ky" },
    { "--role", "king", "prosecutor-general" },
    { "--address-form", "sir", "unknown" },
    { "--channel", "pigeon", "fax" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *language = g_str_equal (cases[i].option, "--language") ? cases[i].value : "en";
      const char *role = g_str_equal (cases[i].option, "--role") ? cases[i].value : "minister";

      if (g_str_equal (cases[i].option, "--language") || g_str_equal (cases[i].option, "--role"))
        {
          if (!run_askarov (&run, "--language", language, "--role", role, NULL))
            return;
        }
      else if (!run_askarov (&run, "--language", language, "--role", role, cases[i].option, cases[i].value, NULL))
        return;
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].value));
      g_assert_nonnull (strstr (run.err, cases[i].listed));
    }
}

static void
test_bad_case_and_target (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) target = { 0 };
  g_auto(Run) no_role = { 0 };

  seed_database ();
  if (!run_askarov (&missing, "--language", "en", "--role", "minister", "--case", "999/99", NULL))
    return;
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "999/99"));

  g_assert_true (run_askarov (&target, "--language", "en", "--case", "61.20", "--target", "7", NULL));
  g_assert_cmpint (target.status, ==, 2);
  g_assert_nonnull (strstr (target.err, "2"));

  /* Without --role the letter goes to the newest UA's first official, in that office. */
  g_assert_true (run_askarov (&no_role, "--language", "en", NULL));
  g_assert_cmpint (no_role.status, ==, 0);
  g_assert_nonnull (strstr (no_role.out, "Sooronbay Jeenbekov"));
}

/* askarov --letter-pack: every official of UA 135/10 in Russian and English,
 * each letter followed by its envelope, and the tally sheet last. */
static void
test_letter_pack (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("pack.pdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (!have_pdftotext ())
    return;
  seed_database ();
  if (!run_letter_pack (&run, "--case", "UA 135/10", "--language", "ru,en", "--envelope", "c5",
                        "--output", path, NULL))
    return;
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* Two officials (the President is only copied) in two languages. */
  g_assert_true (g_str_has_prefix (run.out, "4 letters with their envelopes and a tally sheet, "));
  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages) - 1;   /* pdftotext ends every page with a form feed */
  g_assert_cmpuint (n_pages, >=, 9);
  g_assert_nonnull (strstr (pages[0], "Уважаемый господин Министр!"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Letter-Writing Evening"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Zarylbek Rysaliev"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Kubatbek Baibolov"));
  g_assert_null (strstr (pages[n_pages - 1], "Roza Otunbaeva"));
  /* The page before the tally is the last letter's envelope: the prosecutor's address, no letter text. */
  g_assert_nonnull (strstr (pages[n_pages - 2], "72, Orozbekova Street"));
  g_assert_null (strstr (pages[n_pages - 2], "Dear"));
}

static void
test_letter_pack_officials_and_errors (void)
{
  g_auto(Run) one = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) bad_official = { 0 };
  g_auto(Run) bad_envelope = { 0 };
  g_auto(Run) bad_language = { 0 };
  g_autofree char *path = out_path ("one.pdf");

  seed_database ();
  if (!run_letter_pack (&one, "--case", "135/10", "--official", "2", "--language", "en", "--output", path, NULL))
    return;
  g_assert_cmpint (one.status, ==, 0);
  g_assert_true (g_str_has_prefix (one.out, "1 letter with its envelope and a tally sheet, "));

  g_assert_true (run_letter_pack (&no_output, "--case", "135/10", NULL));
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "--output"));

  g_assert_true (run_letter_pack (&bad_official, "--case", "135/10", "--official", "1,5", "--output", path, NULL));
  g_assert_cmpint (bad_official.status, ==, 2);
  g_assert_nonnull (strstr (bad_official.err, "5"));

  g_assert_true (run_letter_pack (&bad_envelope, "--envelope", "b4", "--output", path, NULL));
  g_assert_cmpint (bad_envelope.status, ==, 2);
  g_assert_nonnull (strstr (bad_envelope.err, "c5"));

  g_assert_true (run_letter_pack (&bad_language, "--language", "ru,xx", "--output", path, NULL));
  g_assert_cmpint (bad_language.status, ==, 2);
  g_assert_nonnull (strstr (bad_language.err, "xx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-letter/russian-prosecutor-pdf", test_russian_prosecutor_pdf);
  g_test_add_func ("/cli-letter/kyrgyz-president-pdf", test_kyrgyz_president_pdf);
  g_test_add_func ("/cli-letter/german-email-ambassador", test_german_email_ambassador);
  g_test_add_func ("/cli-letter/builtin-case-stdout", test_builtin_case_stdout);
  g_test_add_func ("/cli-letter/fresh-install-case", test_fresh_install_case);
  g_test_add_func ("/cli-letter/target-number", test_target_number);
  g_test_add_func ("/cli-letter/language-from-document", test_language_from_document);
  g_test_add_func ("/cli-letter/text-file", test_text_file);
  g_test_add_func ("/cli-letter/bad-values", test_bad_values);
  g_test_add_func ("/cli-letter/bad-case-and-target", test_bad_case_and_target);

  g_test_add_func ("/cli-letter/letter-pack", test_letter_pack);
  g_test_add_func ("/cli-letter/letter-pack-officials-and-errors", test_letter_pack_officials_and_errors);

  return g_test_run ();
}
