/* occ-ratings.c: ratings as CSV in the occ command
 *
 * --ratings FILE.csv for score and validate, occ export and occ template.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-tool.h"

char *occ_tool_ratings = NULL;

/* The dataset, with its ratings replaced by those of --ratings if given.
 * "-" as the ratings reads standard input as a stream, so that a large
 * CSV is never held whole in memory. */
OccDataset *
occ_tool_load_dataset (const char *path, GError **error)
{
  g_autoptr (OccDataset) base = NULL;
  const char *ratings = occ_tool_ratings;

  if (ratings != NULL && strcmp (ratings, "-") == 0 && path != NULL
      && strcmp (path, "-") == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "the dataset and the ratings cannot both be read from "
                   "standard input");
      return NULL;
    }
  base = load_dataset (path, error);
  if (base == NULL || ratings == NULL)
    return g_steal_pointer (&base);
  if (strcmp (ratings, "-") == 0)
    {
      g_autoptr (GInputStream) in = occ_tool_stdin ();

      return occ_dataset_new_with_ratings_csv_stream (base, in, "-", NULL,
                                                      error);
    }
  return occ_dataset_new_with_ratings_csv (base, ratings, error);
}

/* How validate names what it checked. */
char *
occ_tool_display_name (const char *path)
{
  g_autofree char *dataset = g_filename_display_name (path);
  g_autofree char *ratings = NULL;

  if (occ_tool_ratings == NULL)
    return g_steal_pointer (&dataset);
  ratings = g_filename_display_name (occ_tool_ratings);
  return g_strdup_printf ("%s with ratings %s", dataset, ratings);
}

/* occ export ----------------------------------------------------------- */

static char *export_format = NULL;

const GOptionEntry occ_tool_export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &export_format,
    "Output format: csv (the ratings, the default) or json (the whole "
    "dataset, occ-dataset/1)",
    "FORMAT" },
  OCC_TOOL_RATINGS_ENTRY,
  OCC_TOOL_CSV_RAW_ENTRY,
  { NULL }
};

int
occ_tool_run_export (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *format = export_format ? export_format : "csv";
  g_autofree char *text = NULL;
  gsize length;

  if (strcmp (format, "csv") != 0 && strcmp (format, "json") != 0)
    {
      g_autofree char *message =
        g_strdup_printf ("unknown format “%s” (csv or json)", format);
      return usage_error (message);
    }
  dataset = occ_tool_load_dataset (argv[1], &error);
  if (dataset == NULL)
    return fail (error);
  if (strcmp (format, "csv") == 0)
    text = occ_dataset_ratings_to_csv_full (dataset, occ_tool_csv_flags (),
                                            &length);
  else
    text = occ_dataset_to_data (dataset, &length);
  g_string_append_len (out, text, (gssize) length);
  return write_stdout (out);
}

/* occ template --------------------------------------------------------- */

const GOptionEntry occ_tool_template_entries[] = {
  OCC_TOOL_CSV_RAW_ENTRY,
  { NULL }
};

int
occ_tool_run_template (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;
  gsize length;

  dataset = load_dataset (argv[1], &error);
  if (dataset == NULL)
    return fail (error);
  text = occ_dataset_template_to_csv_full (dataset, occ_tool_csv_flags (),
                                           &length);
  g_string_append_len (out, text, (gssize) length);
  return write_stdout (out);
}
