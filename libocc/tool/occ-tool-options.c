/* occ-tool-options.c: the options several commands share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <string.h>

#include "occ-tool-options.h"
#include "occ-tool-output.h"

/* A numeric option, found by the name GOption gives the callback. */
typedef struct
{
  char *long_name;  /* "--replicates" */
  char *short_name; /* "-B", or NULL */
  int *int_target;  /* a whole number, or */
  double *level;    /* a confidence level */
  gint64 min, max;
} Number;

struct _OccToolOptions
{
  GOptionGroup *group;
  GPtrArray *numbers;
};

static void
number_free (gpointer data)
{
  Number *n = data;

  g_free (n->long_name);
  g_free (n->short_name);
  g_free (n);
}

static void
options_free (gpointer data)
{
  OccToolOptions *self = data;

  g_ptr_array_unref (self->numbers);
  g_free (self);
}

OccToolOptions *
occ_tool_options_new (void)
{
  OccToolOptions *self = g_new0 (OccToolOptions, 1);

  self->numbers = g_ptr_array_new_with_free_func (number_free);
  /* The group's user data is what its callbacks receive. */
  self->group = g_option_group_new (NULL, NULL, NULL, self, options_free);
  return self;
}

GOptionGroup *
occ_tool_options_get_group (OccToolOptions *self)
{
  return self->group;
}

void
occ_tool_options_add_entries (OccToolOptions *self,
                              const GOptionEntry *entries)
{
  g_option_group_add_entries (self->group, entries);
}

/* A decimal number strictly between 0 and 1: not " 0.9", not hexadecimal
 * "0x0.8". */
static gboolean
parse_level (const char *value, double *level, GError **error)
{
  char *end;
  double v = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !(v > 0 && v < 1)
      || !(g_ascii_isdigit (value[0]) || value[0] == '.')
      || strpbrk (value, "xX") != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--level: “%s” is not a number between 0 and 1 "
                   "(such as 0.90)",
                   value);
      return FALSE;
    }
  *level = v;
  return TRUE;
}

static gboolean
parse_int (const Number *n, const char *value, GError **error)
{
  gint64 v;

  if (g_ascii_string_to_signed (value, 10, n->min, n->max, &v, NULL))
    {
      *n->int_target = (int) v;
      return TRUE;
    }
  if (n->max == G_MAXINT)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "%s: “%s” is not a whole number from %" G_GINT64_FORMAT
                 " up",
                 n->long_name, value, n->min);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "%s: “%s” is not a whole number from %" G_GINT64_FORMAT
                 " to %" G_GINT64_FORMAT,
                 n->long_name, value, n->min, n->max);
  return FALSE;
}

static gboolean
number_callback (const char *name, const char *value, gpointer data,
                 GError **error)
{
  OccToolOptions *self = data;

  for (guint i = 0; i < self->numbers->len; i++)
    {
      const Number *n = g_ptr_array_index (self->numbers, i);

      if (strcmp (name, n->long_name) != 0
          && g_strcmp0 (name, n->short_name) != 0)
        continue;
      if (n->level != NULL)
        return parse_level (value, n->level, error);
      return parse_int (n, value, error);
    }
  g_assert_not_reached ();
}

static void
add_number (OccToolOptions *self, const char *long_name, char short_name,
            const char *description, const char *arg_description, Number *n)
{
  const GOptionEntry entries[] = {
    { long_name, short_name, 0, G_OPTION_ARG_CALLBACK,
      (gpointer) number_callback, description, arg_description },
    { NULL }
  };

  n->long_name = g_strconcat ("--", long_name, NULL);
  if (short_name != 0)
    n->short_name = g_strdup_printf ("-%c", short_name);
  g_ptr_array_add (self->numbers, n);
  g_option_group_add_entries (self->group, entries);
}

void
occ_tool_options_add_int (OccToolOptions *self, const char *long_name,
                          char short_name, const char *description,
                          const char *arg_description, int *target, int min,
                          int max)
{
  Number *n = g_new0 (Number, 1);

  n->int_target = target;
  n->min = min;
  n->max = max;
  add_number (self, long_name, short_name, description, arg_description, n);
}

void
occ_tool_options_add_csv_raw (OccToolOptions *self, gboolean *raw)
{
  const GOptionEntry entries[] = {
    { "csv-raw", 0, 0, G_OPTION_ARG_NONE, raw,
      "Write CSV cells as they are, for programs (by default a text cell "
      "that a spreadsheet would evaluate as a formula gets a ' before it)",
      NULL },
    { NULL }
  };

  g_option_group_add_entries (self->group, entries);
}

OccCsvFlags
occ_tool_csv_flags (gboolean raw)
{
  return raw ? OCC_CSV_FLAGS_RAW : OCC_CSV_FLAGS_NONE;
}

void
occ_tool_options_add_ratings (OccToolOptions *self, char **ratings)
{
  const GOptionEntry entries[] = {
    { "ratings", 'r', 0, G_OPTION_ARG_FILENAME, ratings,
      "Take the ratings from a CSV file (replacing the dataset's; “-” reads "
      "standard input)",
      "FILE.csv" },
    { NULL }
  };

  g_option_group_add_entries (self->group, entries);
}

const char *const occ_tool_formats[] = { "json", "table", "csv", NULL };

void
occ_tool_options_add_table_format (OccToolOptions *self, char **format,
                                   gboolean *csv_raw)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, format,
      "Output format: table (the default), json or csv", "FORMAT" },
    { NULL }
  };

  g_option_group_add_entries (self->group, entries);
  occ_tool_options_add_csv_raw (self, csv_raw);
}

const char *
occ_tool_output_format (const char *given, const char *fallback,
                        const char *const *allowed, int *status)
{
  const char *format = given ? given : fallback;
  g_autoptr (GString) message = NULL;
  guint n = g_strv_length ((char **) allowed);

  if (g_strv_contains (allowed, format))
    return format;
  /* "unknown format “x” (json, table or csv)" */
  message = g_string_new (NULL);
  g_string_append_printf (message, "unknown format “%s” (", format);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (message, "%s%s",
                            i == 0       ? ""
                            : i + 1 == n ? " or "
                                         : ", ",
                            allowed[i]);
  g_string_append_c (message, ')');
  *status = occ_tool_usage_error (message->str);
  return NULL;
}

/* Digits only: no blanks, no sign (strtoull() took " -1" for 2^64 - 1). */
gboolean
occ_tool_parse_seed (const char *text, guint64 *seed, int *status)
{
  if (text == NULL)
    {
      *seed = 1;
      return TRUE;
    }
  if (g_ascii_isdigit (text[0])
      && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, seed, NULL))
    return TRUE;
  *status = occ_tool_usage_error (
    "--seed must be a whole number from 0 to 18446744073709551615");
  return FALSE;
}

void
occ_tool_options_add_method (OccToolOptions *self, OccToolBootstrapArgs *args)
{
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &args->method,
      "Interval method: percentile (the default) or bca", "METHOD" },
    { NULL }
  };

  g_option_group_add_entries (self->group, entries);
}

void
occ_tool_options_add_bootstrap (OccToolOptions *self,
                                OccToolBootstrapArgs *args)
{
  const GOptionEntry seed[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &args->seed,
      "Seed of the random generator, 0 to 2^64-1 (default 1)", "SEED" },
    { NULL }
  };
  Number *level = g_new0 (Number, 1);

  level->level = &args->level;
  add_number (self, "level", 0,
              "Confidence level of the intervals, between 0 and 1 (default "
              "0.90)",
              "LEVEL", level);
  occ_tool_options_add_int (self, "replicates", 'B',
                            "Bootstrap replicates, 2 to 10000000 (default "
                            "2000)",
                            "B", &args->replicates, 2, 10000000);
  g_option_group_add_entries (self->group, seed);
  occ_tool_options_add_int (self, "threads", 0,
                            "Threads, 0 to 256 (default 0: one per "
                            "processor)",
                            "N", &args->threads, 0, 256);
}

gboolean
occ_tool_bootstrap_args_given (const OccToolBootstrapArgs *args)
{
  return !isnan (args->level) || args->replicates >= 0 || args->seed != NULL
         || args->method != NULL || args->threads >= 0;
}

OccBootstrapOptions *
occ_tool_bootstrap_options (const OccToolBootstrapArgs *args, int *status)
{
  g_autoptr (OccBootstrapOptions) options = occ_bootstrap_options_new ();
  guint64 seed;

  /* --level and --replicates were checked as they were parsed. */
  if (!occ_tool_parse_seed (args->seed, &seed, status))
    return NULL;
  if (args->method != NULL && strcmp (args->method, "percentile") != 0
      && strcmp (args->method, "bca") != 0)
    {
      *status = occ_tool_usage_error ("--method must be percentile or bca");
      return NULL;
    }
  if (!isnan (args->level))
    occ_bootstrap_options_set_level (options, args->level);
  if (args->replicates >= 0)
    occ_bootstrap_options_set_replicates (options, (guint) args->replicates);
  occ_bootstrap_options_set_seed (options, seed);
  if (args->threads >= 0)
    occ_bootstrap_options_set_threads (options, (guint) args->threads);
  if (args->method != NULL && strcmp (args->method, "bca") == 0)
    occ_bootstrap_options_set_method (options, OCC_INTERVAL_METHOD_BCA);
  return g_steal_pointer (&options);
}
