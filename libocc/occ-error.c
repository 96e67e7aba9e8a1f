/* occ-error.c: the error domain, and the place every fault names
 *
 * OCC_ERROR is an extended error domain (g_error_domain_register_static):
 * besides its message, each error libocc sets carries the parts of its
 * place (the input's name, line, column, JSON path or CSV column) and the
 * rule broken, so that a program reads them with occ_error_get_location()
 * and the others instead of taking the message apart.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <occ/occ-error.h>

#include "occ-error-private.h"

typedef struct
{
  char *source;
  char *path;
  char *rule;
  guint line;
  guint column;
} OccErrorPrivate;

/* Where GLib keeps the private data of an extended error: just before
 * the GError, aligned as G_DEFINE_EXTENDED_ERROR() computes it (that
 * macro cannot be used: it names the domain "OccError", and the domain
 * has been "occ-error-quark" since 1.0). */
static OccErrorPrivate *
private_of (const GError *error)
{
  const gsize sa = 2 * sizeof (gsize);
  const gsize as = (sizeof (OccErrorPrivate) + (sa - 1)) & -sa;

  return (OccErrorPrivate *) (((guint8 *) error) - as);
}

static void
private_init (GError *error)
{
  (void) error; /* g_error_domain_register zeroes the private data */
}

static void
private_copy (const GError *src, GError *dest)
{
  const OccErrorPrivate *from = private_of (src);
  OccErrorPrivate *to = private_of (dest);

  to->source = g_strdup (from->source);
  to->path = g_strdup (from->path);
  to->rule = g_strdup (from->rule);
  to->line = from->line;
  to->column = from->column;
}

static void
private_clear (GError *error)
{
  OccErrorPrivate *priv = private_of (error);

  g_clear_pointer (&priv->source, g_free);
  g_clear_pointer (&priv->path, g_free);
  g_clear_pointer (&priv->rule, g_free);
}

/**
 * occ_error_quark:
 *
 * The quark of the [error@Occ.Error] domain; C code uses the `OCC_ERROR`
 * macro instead.
 *
 * Returns: the error quark
 *
 * Since: 1.0
 */
GQuark
occ_error_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    {
      GQuark q = g_error_domain_register_static ("occ-error-quark",
                                                 sizeof (OccErrorPrivate),
                                                 private_init, private_copy,
                                                 private_clear);
      g_once_init_leave (&quark, (gsize) q);
    }
  return (GQuark) quark;
}

/* An OCC_ERROR that lost its parts: a binding that turns a GError into
 * an exception of its own and back (PyGObject does) makes a new one from
 * the domain, code and message. The message holds the parts as libocc
 * writes them: SOURCE:LINE:COLUMN: [PATH: ]RULE, or for a CSV sheet
 * SOURCE:LINE:COLUMN (column NAME): RULE; a path is read as such only
 * when it has no blank. */
static void
parse_message (const GError *error, OccErrorPrivate *priv)
{
  static gsize once;
  static GRegex *regex;
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^(.*?):([0-9]+):([0-9]+)(?:: (?:(\\(top level\\)"
                           "|[^\\s:`'\"]+): )?| \\(column (.+?)\\): )(.*)$",
                           G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (g_regex_match (regex, error->message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 2);
      g_autofree char *column = g_match_info_fetch (match, 3);
      g_autofree char *path = g_match_info_fetch (match, 4);
      g_autofree char *csv_column = g_match_info_fetch (match, 5);

      priv->source = g_match_info_fetch (match, 1);
      priv->line = (guint) g_ascii_strtoull (line, NULL, 10);
      priv->column = (guint) g_ascii_strtoull (column, NULL, 10);
      priv->path = *path         ? g_steal_pointer (&path)
                   : *csv_column ? g_steal_pointer (&csv_column)
                                 : NULL;
      /* Last, and atomically: get_private() reads it first, unlocked. */
      g_atomic_pointer_set (&priv->rule, g_match_info_fetch (match, 6));
    }
  else
    g_atomic_pointer_set (&priv->rule, g_strdup (error->message));
}

/* Filling the parts in from the message writes to a const GError that
 * two threads may read at once. */
static GMutex parse_lock;

static OccErrorPrivate *
get_private (const GError *error)
{
  OccErrorPrivate *priv;

  if (error == NULL || error->domain != OCC_ERROR)
    return NULL;
  priv = private_of (error);
  if (g_atomic_pointer_get (&priv->rule) == NULL && error->message != NULL)
    {
      g_mutex_lock (&parse_lock);
      if (priv->rule == NULL)
        parse_message (error, priv);
      g_mutex_unlock (&parse_lock);
    }
  return priv;
}

/* Registered when libocc is loaded, before anything can make an error of
 * the domain by its name (a binding can): an error made before the
 * registration would have no room for the parts. */
__attribute__ ((constructor)) static void
register_domain (void)
{
  occ_error_quark ();
}

void
occ_set_error_at (GError **error, OccError code, const char *source,
                  guint line, guint column, const char *path,
                  const char *format, ...)
{
  g_autofree char *rule = NULL;
  GString *message;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  rule = g_strdup_vprintf (format, args);
  va_end (args);
  message = g_string_new (NULL);
  if (source != NULL)
    g_string_append (message, source);
  if (line > 0)
    g_string_append_printf (message, "%s%u:%u", source ? ":" : "", line,
                            column);
  if (message->len > 0)
    g_string_append (message, ": ");
  if (path != NULL)
    g_string_append_printf (message, "%s: ", path);
  g_string_append (message, rule);
  /* Over an error already set, GLib warns and keeps the first: so must
   * its parts. */
  if (*error != NULL)
    {
      g_set_error_literal (error, OCC_ERROR, (int) code, message->str);
      g_string_free (message, TRUE);
      return;
    }
  g_set_error_literal (error, OCC_ERROR, (int) code, message->str);
  g_string_free (message, TRUE);
  occ_error_set_parts (*error, source, line, column, path, rule);
}

void
occ_error_set_parts (GError *error, const char *source, guint line,
                     guint column, const char *path, const char *rule)
{
  OccErrorPrivate *priv;

  if (error == NULL || error->domain != OCC_ERROR)
    return;
  priv = private_of (error);
  private_clear (error);
  priv->source = g_strdup (source);
  priv->path = g_strdup (path);
  priv->rule = g_strdup (rule);
  priv->line = line;
  priv->column = column;
}

/**
 * occ_error_get_location:
 * @error: a #GError
 * @source: (out) (optional) (nullable) (transfer none): the name of the
 *   input: the file name as GLib displays it, `<data>` for text in
 *   memory, `-` for standard input; %NULL when the error names none
 * @line: (out) (optional): the line of the fault, counted from 1, or 0
 * @column: (out) (optional): its column, in characters from 1, or 0
 *
 * The place an [error@Occ.Error] names: where in its input the fault is.
 * Every fault libocc finds in a JSON document or a CSV sheet has one,
 * syntax and semantic faults alike (an unknown id at the id, a duplicate
 * at its second occurrence, with the first in the message). The message
 * holds the same parts, as `SOURCE:LINE:COLUMN: PATH: RULE`; these
 * functions spare a program from taking it apart. An error that a
 * binding made anew from the domain, code and message (PyGObject turns
 * GErrors into exceptions and back so) has its parts read back from the
 * message; there a JSON path with a blank in a member name is not
 * recognised as one.
 *
 * Returns: %TRUE when @error is an [error@Occ.Error] with a line and
 *   column; %FALSE otherwise (another domain, a fault of no place such
 *   as a bad argument, or a dataset built from a #JsonNode)
 *
 * Since: 1.4
 */
gboolean
occ_error_get_location (const GError *error, const char **source, guint *line,
                        guint *column)
{
  OccErrorPrivate *priv = get_private (error);

  if (source != NULL)
    *source = priv ? priv->source : NULL;
  if (line != NULL)
    *line = priv ? priv->line : 0;
  if (column != NULL)
    *column = priv ? priv->column : 0;
  return priv != NULL && priv->line > 0;
}

/**
 * occ_error_get_path:
 * @error: a #GError
 *
 * The part of the document an [error@Occ.Error] is about: a JSON path
 * such as `ratings[12].scores.R` (`(top level)` for the document
 * itself), or for a CSV sheet the column, such as `scores.R`.
 *
 * Returns: (nullable): the path, or %NULL when the error names none (a
 *   syntax error between values, another domain)
 *
 * Since: 1.4
 */
const char *
occ_error_get_path (const GError *error)
{
  OccErrorPrivate *priv = get_private (error);

  return priv ? priv->path : NULL;
}

/**
 * occ_error_get_rule:
 * @error: a #GError
 *
 * The rule an [error@Occ.Error] says was broken: its message without the
 * place, such as `4 is outside the scale 0..3`.
 *
 * Returns: (nullable): the rule, or %NULL for an error of another domain
 *   or one libocc did not set
 *
 * Since: 1.4
 */
const char *
occ_error_get_rule (const GError *error)
{
  OccErrorPrivate *priv = get_private (error);

  return priv ? priv->rule : NULL;
}
