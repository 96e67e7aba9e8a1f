/* occ-cmd-export.c: occ export, a dataset's ratings as CSV (or the whole
 * dataset as JSON)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"

static char *format = NULL;
static char *ratings = NULL;
static gboolean csv_raw = FALSE;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: csv (the ratings, the default) or json (the whole "
      "dataset, occ-dataset/1)",
      "FORMAT" },
    { NULL }
  };

  occ_tool_options_add_entries (options, entries);
  occ_tool_options_add_ratings (options, &ratings);
  occ_tool_options_add_csv_raw (options, &csv_raw);
}

static int
run (int argc, char **argv)
{
  static const char *const formats[] = { "csv", "json", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *shown;
  int status = 0;
  gsize length;

  if ((shown = occ_tool_output_format (format, "csv", formats, &status))
      == NULL)
    return status;
  dataset = occ_tool_load_dataset_with_ratings (argv[1], ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  if (strcmp (shown, "csv") == 0)
    text = occ_dataset_ratings_to_csv_full (dataset,
                                            occ_tool_csv_flags (csv_raw),
                                            &length);
  else
    text = occ_dataset_to_data (dataset, &length);
  g_string_append_len (out, text, (gssize) length);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_export = {
  "export",
  "DATASET",
  "Write a dataset's ratings as CSV (or JSON)",
  "Write the ratings of an occ-dataset/1 file as CSV, one row per "
  "rating (the layout of docs/csv.md), ready to edit in a spreadsheet "
  "and to read back with --ratings. With --format=json, write the whole "
  "dataset as occ-dataset/1 instead, for instance to turn a dataset and "
  "a ratings CSV (--ratings) into one JSON file.",
  add_options,
  1,
  1,
  run,
};
