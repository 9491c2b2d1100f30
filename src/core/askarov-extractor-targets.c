/* askarov-extractor-targets.c — finds the officials a document asks volunteers to write to.
 * SPDX-FileCopyrightText: 2026 The Askarov authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "askarov-extractor"

#include "config.h"

#include <string.h>

#include "askarov-extractor-honorifics.h"
#include "askarov-extractor-private.h"

/* A target is a block of short lines (title, name, address) followed by
 * contact lines ("Fax:", "Email:", "Salutation:"…), or one line holding all
 * of it ("Mr To Lam, Minister of Public Security, 44 Yet Kieu Street, Hanoi.
 * Email: …"), its parts separated by commas, semicolons, pipes, middle dots,
 * dashes or " I " (a pipe misread by PDF text extraction). The block ends at
 * its salutation line or at the first ordinary line after its contacts.
 * Lines ending in a colon ("…APPEALS BEFORE 27 OCTOBER 2010 TO:"), headings
 * ("Write to", "Destinataire") and full sentences separate blocks; "copies
 * to", "Kopien an", "Copies à", "Copias a", "Копии", "Kopie aan", "Copia a"
 * turn the blocks after them into copies.
 *
 * Honorifics before a name ("Mr", "Frau", "S. E. M.", "г-жа", "Sig.ra"…) are
 * kept out of the name and give the target's form of address; so do pronouns
 * after it ("(she/her)") and, failing both, the salutation ("Sehr geehrter
 * Herr…", "Señora…"). A rank before a name ("Ambassador Farhod Salim")
 * becomes the title when the block has none.
 *
 * The salutation is kept as the document writes it, words and order
 * unchanged ("Dear General Prosecutor" stays so); only its closing
 * punctuation (, ; : . ! |) is dropped, whether it comes from a
 * "Salutation:" line or from the sample letter's opening ("Dear Director,"):
 * the letter adds the punctuation of its own language. */

typedef struct
{
  GPtrArray     *targets;
  GPtrArray     *pending;   /* owned lines waiting for their contacts */
  AskarovTarget *current;   /* owned by @targets once it has contacts */
  gboolean       copy;
  gboolean       awaiting_salutation;  /* "Salutation:" alone: the next line is it */
  char          *opening;   /* the sample letter's "Dear President" */
} Parser;

static const char * const role_words[] = {
  "president", "minister", "prosecutor", "procurator", "general", "ambassador", "governor", "judge",
  "justice", "chair", "chairman", "chairwoman", "chairperson", "director", "head", "chief", "secretary",
  "commissioner", "ombudsman", "ombudsperson", "mayor", "king", "queen", "prime", "speaker",
  "attorney", "commander", "warden", "deputy", "emir", "sheikh", "consul", "colonel", "superintendent",
  "senator", "magistrate",
  /* French */
  "ministre", "président", "présidente", "procureur", "procureure", "ambassadeur", "ambassadrice", "juge",
  "directeur", "directrice", "chargé", "chargée", "général", "générale", "garde",
  /* German */
  "präsident", "präsidentin", "ministerin", "generalstaatsanwalt", "generalstaatsanwältin", "staatsanwalt",
  "botschafter", "botschafterin", "richter", "richterin", "leiter", "leiterin", "direktor", "direktorin",
  "premierminister", "ministerpräsident", "gesandte", "gesandter", "botschaftsrat", "botschaftsrätin",
  "geschäftsträger", "geschäftsträgerin",
  /* Spanish */
  "ministro", "ministra", "presidente", "presidenta", "fiscal", "embajador", "embajadora", "procurador",
  "procuradora", "juez", "jueza", "directora", "encargado", "encargada", "gobernador", "gobernadora",
  /* Italian */
  "ambasciatore", "ambasciatrice", "procuratore", "procuratrice", "giudice", "direttore", "direttrice", "generale",
  /* Dutch */
  "generaal", "officier", "rechter", "zaakgelastigde", "ambassadeur", "voorzitter",
  /* Russian */
  "президент", "министр", "прокурор", "посол", "генеральный", "уполномоченный", "уполномоченная",
  "председатель", "начальник", "директор", "руководитель", "глава", "судья", "генерал", "полковник",
  /* Russian addresses are often in the dative: "Генеральному прокурору". */
  "президенту", "министру", "прокурору", "послу", "генеральному", "уполномоченному", "председателю",
  "начальнику", "директору", "руководителю", "главе", "судье",
};

/* Words that make a capitalised line an office or a place, not a person. */
static const char * const place_words[] = {
  "street", "avenue", "road", "embassy", "ministry", "office", "republic", "house", "government",
  "prison", "court", "committee", "department", "administration", "square", "building", "palace",
  "council", "parliament", "dom", "ulitsa", "prospekt", "rue", "strasse", "straße", "platz",
  "ministère", "ambassade", "botschaft", "bureau", "service", "affairs", "federation", "kingdom",
  "state", "states", "box", "lane", "boulevard", "drive", "place", "city", "colony", "centre", "center",
  "embajada", "ministerio", "calle", "ambasciata", "ministero", "via", "piazza", "ministerie", "straat",
  "министерство", "посольство", "ул", "улица", "suite", "judiciary", "headquarters", "police", "station",
  "university", "hospital", "federation", "федерации", "республики", "ministerium", "justiz",
  "palais", "palazzo", "paleis", "tribunal", "tribunale", "cour", "rechtbank", "gericht", "prokuratura",
  "province", "region", "district", "county", "oblast", "область", "república", "république",
  "plaza", "avenida", "carrera", "paseo", "viale", "corso", "largo", "rua", "praça", "allee", "weg", "gasse",
  "ufer", "laan", "plein", "gracht", "проспект", "площадь", "переулок", "шоссе", "набережная", "ciudad",
  "palacio", "casa", "edificio", "zona", "colonia", "barrio",
};

/* Words that never begin a name ("The Judiciary", "Le Palais"). */
static const char * const article_words[] = {
  "the", "le", "la", "les", "der", "die", "das", "el", "los", "las", "il", "lo", "het",
};

/* Small words inside names. */
static const char * const name_particles[] = {
  "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "der", "den", "ter", "ten",
  "bin", "bint", "ibn", "y", "e",
};

/* Words after which an office's title goes on ("Minister of" / "Internal Affairs"). */
static const char * const connector_words[] = {
  "of", "the", "for", "and", "on", "to", "de", "du", "des", "la", "le", "et", "del", "della", "di", "dei",
  "y", "e", "van", "der", "die", "für", "und", "по", "и", "в",
};

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize length = strlen (folded);

  /* Byte by byte only for ASCII: the last byte of "р" is also one of "’". */
  for (;;)
    {
      if (length > 0 && strchr (",.;:'()", folded[length - 1]) != NULL)
        folded[--length] = '\0';
      else if (g_str_has_suffix (folded, "’"))
        folded[length -= strlen ("’")] = '\0';
      else
        break;
    }
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (folded, list[i]))
      return TRUE;
  return FALSE;
}

gboolean
extract_is_role_word (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  /* German compounds: Innenminister, Justizministerin. */
  if (g_str_has_suffix (folded, "minister") || g_str_has_suffix (folded, "ministerin"))
    return TRUE;
  /* "Gesandte-Botschaftsrätin", "Attorney-General". */
  if (strchr (word, '-') != NULL && strchr (word, '-') != word)
    {
      g_auto(GStrv) parts = g_strsplit (word, "-", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0' && word_in (parts[i], role_words, G_N_ELEMENTS (role_words)))
          return TRUE;
    }
  return word_in (word, role_words, G_N_ELEMENTS (role_words));
}

static gboolean
has_role_word (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (extract_is_role_word (words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_role_word_in (char  **words,
                  guint   n)
{
  for (guint i = 0; i < n && words[i] != NULL; i++)
    if (extract_is_role_word (words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_name (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);

  guint n_particles = 0;

  if (n < 2 || word_in (words[0], article_words, G_N_ELEMENTS (article_words)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gunichar first = g_utf8_get_char (words[i]);

      /* "José de la Cruz", "Mohammed bin Salman", "Ahmed al-Hamid". */
      if (i > 0 && i + 1 < n && word_in (words[i], name_particles, G_N_ELEMENTS (name_particles)))
        {
          n_particles++;
          continue;
        }
      if (i > 0 && (g_str_has_prefix (words[i], "al-") || g_str_has_prefix (words[i], "el-")))
        continue;
      if (!g_unichar_isupper (first) || extract_is_role_word (words[i])
          || word_in (words[i], place_words, G_N_ELEMENTS (place_words)))
        return FALSE;
      for (const char *p = words[i]; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || *p == '@' || *p == ',')
          return FALSE;
    }
  return n - n_particles <= 5;
}

static void
add_line (char       ***strv,
          const char   *line)
{
  guint n = g_strv_length (*strv);

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (line);
  (*strv)[n + 1] = NULL;
}

static gboolean
line_has_digit (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static gboolean
has_digits (char **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (line_has_digit (lines[i]))
      return TRUE;
  return FALSE;
}

static guint
count_words (const char *line)
{
  guint words = *line != '\0' ? 1 : 0;

  for (const char *p = line; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  return words;
}

/* A web address or a date crumb ("12 July 2022", "Published: 3 March 2021")
 * is never a title, a name or an address line. */
static gboolean
is_noise_line (const char *line)
{
  const char *start, *end;
  g_autofree char *date = NULL;

  if (strstr (line, "://") != NULL || g_str_has_prefix (line, "www."))
    return TRUE;
  if (count_words (line) > 5)
    return FALSE;
  date = extract_find_date (line, line + strlen (line), 0, &start, &end);
  return date != NULL;
}

static gboolean
ends_with_connector (const char *title)
{
  const char *last = strrchr (title, ' ');

  last = last != NULL ? last + 1 : title;
  return g_str_has_suffix (title, "-")
         || word_in (last, connector_words, G_N_ELEMENTS (connector_words));
}

static GPtrArray *split_parts (const char *line);

static gboolean
is_person_part (const char *part)
{
  const char *form;
  gboolean honorific;
  g_autofree char *bare = extract_strip_honorifics (part, &form, &honorific);
  g_auto(GStrv) words = g_strsplit (bare, " ", 3);

  if (looks_like_name (bare))
    return TRUE;
  /* "Ambassador Ivo Stan", "Chief Justice Amara Bello" */
  return words[0] != NULL && extract_is_role_word (words[0]) && words[1] != NULL
         && (looks_like_name (strchr (bare, ' ') + 1)
             || (words[2] != NULL && extract_is_role_word (words[1]) && looks_like_name (words[2])));
}

/* "Minister of the Interior, Mr Ali Karim" */
static gboolean
has_honorific_part (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    {
      const char *form;
      gboolean honorific;
      g_autofree char *bare = extract_strip_honorifics (g_ptr_array_index (parts, i), &form, &honorific);

      if (honorific && looks_like_name (bare))
        return TRUE;
    }
  return FALSE;
}

/* A line that starts with a person and goes on with the title or the address
 * ("Mr To Lam, Minister of Public Security") is read as its parts. */
static GPtrArray *
expand_lines (GPtrArray *lines)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      g_autoptr(GPtrArray) parts = split_parts (line);

      if (parts->len > 1 && (is_person_part (g_ptr_array_index (parts, 0)) || has_honorific_part (parts)))
        for (guint j = 0; j < parts->len; j++)
          g_ptr_array_add (out, g_strdup (g_ptr_array_index (parts, j)));
      else
        g_ptr_array_add (out, g_strdup (line));
    }
  return out;
}

/* "Minister of Justice Ali Karim": the longest run of capitalised words at
 * the end of the title that is a name and does not follow "of", "de"… */
static void
split_title_name (AskarovTarget *target)
{
  g_auto(GStrv) words = NULL;
  guint n;

  if (strchr (target->title, ',') != NULL)
    return;
  words = g_strsplit (target->title, " ", -1);
  n = g_strv_length (words);
  for (guint start = 1; start + 2 <= n; start++)
    {
      g_autofree char *rest = g_strjoinv (" ", words + start);

      if (word_in (words[start - 1], connector_words, G_N_ELEMENTS (connector_words)))
        continue;
      if (!has_role_word_in (words, start) || !looks_like_name (rest))
        continue;
      target->name = g_steal_pointer (&rest);
      g_free (target->title);
      target->title = g_strdup (words[0]);
      for (guint i = 1; i < start; i++)
        {
          char *longer = g_strconcat (target->title, " ", words[i], NULL);

          g_free (target->title);
          target->title = longer;
        }
      return;
    }
}

/* "Генеральный прокурор Российской Федерации" is all title when the name
 * follows on the next line. */
static gboolean
next_is_name (GPtrArray *lines,
              guint      i)
{
  const char *form;
  gboolean honorific;
  g_autofree char *line = NULL;
  g_autofree char *bare = NULL;

  if (i + 1 >= lines->len)
    return FALSE;
  line = extract_strip_pronouns (g_ptr_array_index (lines, i + 1), &form);
  bare = extract_strip_honorifics (line, &form, &honorific);
  return looks_like_name (bare);
}

/* "MP", "P.C.", "QC": letters after a name. */
static gboolean
is_post_nominal (const char *word)
{
  static const char * const letters[] = {
    "mp", "mpp", "mla", "mna", "qc", "kc", "sc", "obe", "mbe", "cbe", "ao", "ac", "phd", "esq", "pc", "jr", "sr",
  };
  g_autofree char *bare = g_strdelimit (g_strdup (word), ".,", ' ');
  g_auto(GStrv) bits = g_strsplit (bare, " ", -1);
  g_autofree char *squeezed = g_strjoinv ("", bits);

  return *squeezed != '\0' && word_in (squeezed, letters, G_N_ELEMENTS (letters));
}

/* "Ali Karim MP": letters after a name are no part of it. */
static char *
strip_post_nominals (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  while (n > 2 && is_post_nominal (words[n - 1]))
    {
      g_free (words[n - 1]);
      words[--n] = NULL;
    }
  return g_strjoinv (" ", words);
}

/* Title, name, form of address and address from the lines before the contacts. */
static AskarovTarget *
target_from_lines (GPtrArray *lines)
{
  AskarovTarget *target = askarov_target_new ();
  gboolean title_open = FALSE;   /* the title's line ended in "of", "de"… */
  const char *title_form = NULL;
  g_autoptr(GPtrArray) expanded = expand_lines (lines);

  lines = expanded;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *raw = g_ptr_array_index (expanded, i);
      const char *pronoun_form = NULL, *form = NULL;
      gboolean honorific = FALSE;
      g_autofree char *line = extract_strip_pronouns (raw, &pronoun_form);
      g_autofree char *bare = extract_strip_honorifics (line, &form, &honorific);
      gboolean role = has_role_word (bare);
      /* A name may follow an office ("Embassy of…", then "Ambassador Eva Lind"),
       * but not a street or a postcode. */
      gboolean before_address = !has_digits (target->address);

      if (form == NULL)
        form = pronoun_form;

      if (is_noise_line (line) || (target->name != NULL && strchr (line, ' ') == NULL && is_post_nominal (line)))
        continue;

      /* A title cut at the end of its line goes on in the next one. */
      if (title_open && target->title != NULL && !honorific && !line_has_digit (line))
        {
          char *joined = g_strconcat (target->title, " ", line, NULL);

          g_free (target->title);
          target->title = joined;
          title_open = ends_with_connector (target->title);
          continue;
        }
      title_open = FALSE;

      if (target->name == NULL && before_address && looks_like_name (bare))
        {
          target->name = strip_post_nominals (bare);
          if (form != NULL)
            target->address_form = g_strdup (form);
          continue;
        }

      if (target->name == NULL && before_address && role && !next_is_name (lines, i))
        {
          g_auto(GStrv) words = g_strsplit (bare, " ", -1);
          guint n_role = 0;
          const char *rest = bare;

          /* "Ambassador Bolot Otunbaev", "Prosecutor General Ivan Petrov",
           * "Gesandte-Botschaftsrätin Alena Kupchyna": the rank is the title. */
          while (words[n_role] != NULL && extract_is_role_word (words[n_role]))
            {
              rest += strlen (words[n_role]);
              if (*rest == ' ')
                rest++;
              n_role++;
            }
          if (n_role > 0 && n_role <= 2 && *rest != '\0' && looks_like_name (rest))
            {
              if (target->title == NULL)
                target->title = g_strndup (bare, rest - bare - 1);
              target->name = strip_post_nominals (rest);
              if (form != NULL)
                target->address_form = g_strdup (form);
              continue;
            }
        }

      if (target->title == NULL && before_address && role)
        {
          /* "Herrn Generalstaatsanwalt", then the name. */
          if (form != NULL)
            title_form = form;
          target->title = g_strdup (bare);
          title_open = ends_with_connector (bare);
          continue;
        }

      add_line (&target->address, line);
    }

  if (target->name == NULL && target->title != NULL)
    split_title_name (target);
  if (target->address_form == NULL && title_form != NULL)
    target->address_form = g_strdup (title_form);
  return target;
}

static gboolean
has_name_or_title (GPtrArray *lines)
{
  g_autoptr(AskarovTarget) target = NULL;

  if (lines->len == 0)
    return FALSE;
  target = target_from_lines (lines);
  return target->name != NULL || target->title != NULL;
}

/* The parts of a one-line block: "Mr To Lam, Minister of Public Security, 44 Yet Kieu Street". */
static GPtrArray *
split_parts (const char *line)
{
  static GRegex *regex;
  g_auto(GStrv) parts = g_regex_split (extract_regex (&regex, "\\s*(?:[,;|·•]|\\s[–—-]\\s|\\sI\\s)\\s*", 0),
                                       line, 0);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (out, g_strdup (parts[i]));
    }
  return out;
}

static void
finish_block (Parser *parser)
{
  parser->current = NULL;
  g_ptr_array_set_size (parser->pending, 0);
}

/* Drops what closes a value: separators, a pipe read as "I", punctuation. */
static char *
clean_value (const char *value,
             const char *closing)
{
  char *clean = g_strdup (value);
  gsize length;
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      g_strstrip (clean);
      length = strlen (clean);
      if (length > 2 && g_str_has_suffix (clean, " I"))
        {
          clean[length - 2] = '\0';
          again = TRUE;
        }
      else if (g_str_has_suffix (clean, "·") || g_str_has_suffix (clean, "•") || g_str_has_suffix (clean, "–")
               || g_str_has_suffix (clean, "—"))
        {
          *g_utf8_find_prev_char (clean, clean + length) = '\0';
          again = TRUE;
        }
      else if (length > 0 && strchr (closing, clean[length - 1]) != NULL)
        {
          clean[length - 1] = '\0';
          again = TRUE;
        }
    }
  return clean;
}

static const char *
social_platform (const char *label)
{
  static const char * const platforms[] = { "Facebook", "Twitter", "X", "Instagram", "Telegram", "VK", "Bluesky",
                                            "Mastodon", "TikTok", "YouTube" };

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (g_ascii_strcasecmp (label, platforms[i]) == 0)
      return platforms[i];
  return NULL;
}

#define SALUTATION_LABEL "(?:salutation|suggested salutation|anrede|briefanrede|formule d['’]appel|" \
                         "tratamiento|saludo|обращение|aanhef|formula di cortesia|formula di saluto|" \
                         "appellativo|saluto)"
#define PHONE_LABEL "(?:phone|telephone|tel\\.?|tél\\.?|téléphone|telefon|telefono|teléfono|telefoon)"
#define CONTACT_LABEL "(?:" PHONE_LABEL "\\s*/\\s*fax|fax\\s*/\\s*" PHONE_LABEL "|fax|telefax|télécopie|" \
                      "télécopieur|факс|e-?mail(?:\\s+address)?|courriel|correo(?:-e| electrónico)?|" \
                      "эл\\.?\\s?почта|электронная почта|" PHONE_LABEL "(?:\\s+number)?|тел\\.?|телефон|" \
                      "mobile|cell|facebook|twitter|x|instagram|telegram|vk|bluesky|mastodon|tiktok|youtube|" \
                      "website|web|site web|sitio web|webseite|" SALUTATION_LABEL ")"

static gboolean
is_salutation_label (const char *label)
{
  static GRegex *regex;

  return g_regex_match (extract_regex (&regex, "^" SALUTATION_LABEL "$", G_REGEX_CASELESS), label, 0, NULL);
}

/* Returns TRUE when the line was the target's salutation, which ends it. */
static gboolean
read_contact (AskarovTarget *target,
              const char    *label,
              const char    *value)
{
  static GRegex *email_regex, *note_regex;
  g_autofree char *clean = clean_value (value, "|,;.");
  g_autofree char *folded = g_utf8_casefold (label, -1);
  const char *platform = social_platform (label);

  if (*clean == '\0')
    return FALSE;

  if (is_salutation_label (label))
    {
      g_free (target->salutation);
      target->salutation = clean_value (clean, "|,;.:!");
      return TRUE;
    }
  if (g_str_has_prefix (folded, "web") || strstr (folded, "site") != NULL)
    return FALSE;
  if (platform == NULL && strstr (folded, "mail") == NULL && strstr (folded, "почта") == NULL
      && !g_str_has_prefix (folded, "courriel") && !g_str_has_prefix (folded, "correo"))
    {
      /* "+1 555 0100 (office hours)": the note is no part of the number. */
      char *number = g_regex_replace_literal (extract_regex (&note_regex, "\\s*\\([^)]*\\p{L}[^)]*\\)", 0),
                                              clean, -1, 0, "", 0, NULL);

      g_free (clean);
      clean = number;
      g_strstrip (clean);
      if (*clean == '\0')
        return FALSE;
    }
  if (strstr (folded, "fax") != NULL || g_str_has_prefix (folded, "télécopie") || g_str_has_prefix (folded, "факс"))
    {
      if (target->fax == NULL)
        target->fax = g_steal_pointer (&clean);
    }
  else if (strstr (folded, "mail") != NULL || g_str_has_prefix (folded, "courriel")
           || g_str_has_prefix (folded, "correo") || strstr (folded, "почта") != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (extract_regex (&email_regex, "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0), clean, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *email = g_match_info_fetch (match, 0);

          if (!g_strv_contains ((const char * const *) target->email, email))
            add_line (&target->email, email);
        }
    }
  else if (platform != NULL)
    {
      g_autofree char *handle = g_strdup_printf ("%s: %s", platform, clean);

      add_line (&target->social, handle);
    }
  else if (target->phone == NULL)
    target->phone = g_steal_pointer (&clean);
  return FALSE;
}

/* "(Anrede: Sehr geehrter Herr Generalstaatsanwalt)" is read without its brackets. */
static char *
unwrap (const char *line)
{
  gsize length;

  /* "- Email: …", "• Fax: …" in a list. */
  if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* "))
    line += 2;
  else if (g_str_has_prefix (line, "• ") || g_str_has_prefix (line, "– "))
    line += strlen ("• ");
  length = strlen (line);

  if (length > 2 && line[0] == '(' && line[length - 1] == ')')
    return g_strndup (line + 1, length - 2);
  return g_strdup (line);
}

static AskarovTarget *
start_target (Parser    *parser,
              GPtrArray *lines)
{
  parser->current = target_from_lines (lines);
  parser->current->copy = parser->copy;
  g_ptr_array_add (parser->targets, parser->current);
  g_ptr_array_set_size (parser->pending, 0);
  return parser->current;
}

/* Returns TRUE when the line held contacts; sets *@ended when it was a salutation. */
static gboolean
read_contact_line (Parser     *parser,
                   const char *raw,
                   gboolean   *ended)
{
  static GRegex *label_regex;
  g_autofree char *line = unwrap (raw);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean only_salutation = TRUE;

  *ended = FALSE;
  g_regex_match (extract_regex (&label_regex, "(?<![\\p{L}@.])" CONTACT_LABEL "\\s*:", G_REGEX_CASELESS),
                 line, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
    }
  if (starts->len == 0)
    return FALSE;
  parser->awaiting_salutation = FALSE;

  if (g_array_index (starts, int, 0) > 0)
    {
      /* A one-line block: name, title and address before the first label. */
      g_autofree char *before = g_strndup (line, g_array_index (starts, int, 0));
      g_autofree char *prefix = clean_value (before, "|,;.:");
      g_autoptr(GPtrArray) parts = split_parts (prefix);

      if (count_words (prefix) > 40 || parts->len == 0
          || (parts->len == 1 && !looks_like_name (prefix) && parser->current == NULL && parser->pending->len == 0))
        return FALSE;
      if (has_name_or_title (parts))
        {
          finish_block (parser);
          start_target (parser, parts);
        }
      else if (parser->current == NULL && has_name_or_title (parser->pending))
        {
          /* The end of a block's address runs into its first contact. */
          g_ptr_array_add (parser->pending, g_steal_pointer (&prefix));
        }
      else
        return FALSE;
    }

  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *label = g_strndup (line + g_array_index (starts, int, i),
                                          g_array_index (ends, int, i) - g_array_index (starts, int, i) - 1);

      g_strstrip (label);
      if (!is_salutation_label (label))
        only_salutation = FALSE;
    }

  /* A salutation after a note ("Please write in English") belongs to the
   * official above, not to a new one without a name. */
  if (parser->current == NULL && only_salutation && !has_name_or_title (parser->pending)
      && parser->targets->len > 0)
    {
      AskarovTarget *last = g_ptr_array_index (parser->targets, parser->targets->len - 1);

      if (last->salutation == NULL && last->copy == parser->copy)
        {
          parser->current = last;
          g_ptr_array_set_size (parser->pending, 0);
        }
    }

  if (parser->current == NULL)
    start_target (parser, parser->pending);

  for (guint i = 0; i < starts->len; i++)
    {
      int start = g_array_index (starts, int, i);
      int end = g_array_index (ends, int, i);
      int next = i + 1 < starts->len ? g_array_index (starts, int, i + 1) : (int) strlen (line);
      g_autofree char *label = g_strndup (line + start, end - start - 1);
      g_autofree char *value = g_strndup (line + end, next - end);

      g_strstrip (label);
      if (read_contact (parser->current, label, value))
        *ended = TRUE;
      else if (i + 1 == starts->len && is_salutation_label (label) && strspn (value, " \t") == strlen (value))
        parser->awaiting_salutation = TRUE;
    }
  return TRUE;
}

static void
read_line (Parser     *parser,
           const char *line)
{
  static GRegex *copies_regex, *heading_regex, *opening_regex, *polite_regex, *list_regex;
  g_autoptr(GMatchInfo) copies = NULL;
  g_autoptr(GMatchInfo) heading = NULL;
  gsize length = strlen (line);
  gboolean ended = FALSE;
  gboolean sentence;

  if (length == 0)
    return;

  if (g_regex_match (extract_regex (&copies_regex,
                                    "^(?:(?:and|also|with|please|y|et|und|en|e|и)\\s+)*"
                                    "(?:(?:send|envoyez|envoyer|stuur|invia|inviate|envíen|envíe|envía|enviar)\\s+)?"
                                    "(?:(?:a|une|een|una)\\s+)?"
                                    "(?:copies|copy|copie|copia|copias|kopie|kopien|копии|копию|копия|cc|"
                                    "per conoscenza|p\\.\\s?c\\.)"
                                    "(?:\\s+(?:bitte\\s+)?(?:to|à|a|an|aan|naar)(?![\\p{L}])\\s*:?|\\s*:|\\s*$"
                                    "|(?![\\p{L}])[^:.]{0,40}:)\\s*",
                                    G_REGEX_CASELESS),
                     line, 0, &copies))
    {
      int end;

      finish_block (parser);
      parser->copy = TRUE;
      /* "Copies to: H.E. Ivan Petrov, Ambassador…, Email: …" */
      g_match_info_fetch_pos (copies, 0, NULL, &end);
      if (line[end] != '\0')
        read_line (parser, line + end);
      return;
    }

  if (g_regex_match (extract_regex (&heading_regex,
                                    "^(?:please\\s+)?(?:write to|send appeals to|appeals? to|appelle? an|"
                                    "destinataires?|destinatari[oa]?s?|adres|adresse|адрес|адресаты|"
                                    "écrire à|écrivez à|escriba a|escriban a|schreiben an|scrivi a|"
                                    "schrijf naar)(?:\\s*:\\s*|\\s*$)",
                                    G_REGEX_CASELESS),
                     line, 0, &heading))
    {
      int end;

      finish_block (parser);
      /* "Write to: Prosecutor General Ali Karim, 1 Main Street… Email: …" */
      g_match_info_fetch_pos (heading, 0, NULL, &end);
      if (line[end] != '\0')
        read_line (parser, line + end);
      return;
    }

  if (read_contact_line (parser, line, &ended))
    {
      if (ended)
        finish_block (parser);
      return;
    }

  if (parser->awaiting_salutation)
    {
      parser->awaiting_salutation = FALSE;
      if (parser->current != NULL && parser->current->salutation == NULL && count_words (line) <= 10
          && line[length - 1] != ':')
        {
          parser->current->salutation = clean_value (line, "|,;.:!");
          finish_block (parser);
          return;
        }
    }

  if (g_utf8_strlen (line, -1) < 80 && count_words (line) >= 2
      && (g_regex_match (extract_regex (&opening_regex, "^(?:dear|your excellency|sehr geehrte|уважаем)",
                                        G_REGEX_CASELESS),
                         line, 0, NULL)
          || g_regex_match (extract_regex (&polite_regex,
                                           "^(?:monsieur|madame|señor|señora|estimad[oa]|excelentísim[oa]|"
                                           "egregi[oa]|gentile|signor|signora|geachte|mijnheer|mevrouw|"
                                           "ваше превосходительство)(?![\\p{L}]).*[,:!]$",
                                           G_REGEX_CASELESS),
                            line, 0, NULL)))
    {
      /* A postal-only block ("Write to: Minister…, street, city") right
       * before the sample letter is the official it opens to. */
      if (parser->current == NULL && parser->pending->len >= 2)
        {
          g_autoptr(AskarovTarget) candidate = target_from_lines (parser->pending);

          if (candidate->name != NULL && candidate->address[0] != NULL)
            {
              candidate->copy = parser->copy;
              candidate->salutation = clean_value (line, "|,;.:!");
              g_ptr_array_add (parser->targets, g_steal_pointer (&candidate));
            }
        }
      finish_block (parser);
      if (parser->opening == NULL)
        parser->opening = clean_value (line, "|,;.:!");
      return;
    }

  /* An ordinary line after the contacts starts the next block. */
  if (parser->current != NULL)
    finish_block (parser);

  sentence = g_utf8_strlen (line, -1) > 100 || count_words (line) > 14
             || (line[length - 1] == '.' && count_words (line) >= 5)
             || g_regex_match (extract_regex (&list_regex, "^\\d+[.)]\\s", 0), line, 0, NULL);
  if (line[length - 1] == ':' || (sentence && (line[length - 1] == '.' || parser->pending->len == 0)))
    {
      g_ptr_array_set_size (parser->pending, 0);
      return;
    }
  /* A note inside a block ("please only send mail to the embassy"). */
  if (sentence)
    return;

  if (parser->pending->len == 8)
    g_ptr_array_remove_index (parser->pending, 0);
  g_ptr_array_add (parser->pending, g_strdup (line));
}

static gboolean
shares_word (const char *opening,
             const char *title)
{
  g_autofree char *folded_opening = g_utf8_casefold (opening, -1);
  g_autofree char *folded_title = g_utf8_casefold (title, -1);
  g_auto(GStrv) words = g_strsplit_set (folded_opening, " ,", -1);

  for (guint i = 1; words[i] != NULL; i++)
    if (strlen (words[i]) > 2 && strstr (folded_title, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The sample letter's opening is the salutation for the target it addresses. */
static void
apply_opening (Parser *parser)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  gboolean applied = FALSE;

  if (parser->opening == NULL)
    return;
  for (guint i = 0; i < parser->targets->len; i++)
    {
      AskarovTarget *target = g_ptr_array_index (parser->targets, i);

      if (!target->copy && target->salutation == NULL)
        g_ptr_array_add (candidates, target);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      AskarovTarget *target = g_ptr_array_index (candidates, i);

      if (target->title != NULL && shares_word (parser->opening, target->title))
        {
          target->salutation = g_strdup (parser->opening);
          applied = TRUE;
        }
    }
  if (!applied && candidates->len == 1)
    ((AskarovTarget *) g_ptr_array_index (candidates, 0))->salutation = g_strdup (parser->opening);
}

void
extract_targets (const ExtractText *text,
                 GPtrArray         *targets)
{
  Parser parser = { 0 };

  parser.targets = targets;
  parser.pending = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < text->n_lines; i++)
    read_line (&parser, text->lines[i]);
  apply_opening (&parser);

  for (guint i = targets->len; i > 0; i--)
    {
      AskarovTarget *target = g_ptr_array_index (targets, i - 1);

      /* Labels without values ("Fax:" and nothing) make no target. */
      if (target->name == NULL && target->title == NULL && target->salutation == NULL
          && target->fax == NULL && target->phone == NULL && target->address[0] == NULL
          && target->email[0] == NULL && target->social[0] == NULL)
        {
          g_ptr_array_remove_index (targets, i - 1);
          continue;
        }
      /* "Sehr geehrter Herr…" tells the form of address when no honorific did. */
      if (target->address_form == NULL)
        target->address_form = g_strdup (extract_form_from_salutation (target->salutation));
    }

  g_ptr_array_unref (parser.pending);
  g_free (parser.opening);
}
