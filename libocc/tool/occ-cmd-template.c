/* occ-cmd-template.c: occ template, the empty rating sheet of a framework
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "occ-cmd.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"

static gboolean csv_raw = FALSE;

static void
add_options (OccToolOptions *options)
{
  occ_tool_options_add_csv_raw (options, &csv_raw);
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;
  gsize length;

  dataset = occ_tool_load_dataset (argv[1], &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  text = occ_dataset_template_to_csv_full (dataset,
                                           occ_tool_csv_flags (csv_raw),
                                           &length);
  g_string_append_len (out, text, (gssize) length);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_template = {
  "template",
  "DATASET",
  "Write the empty rating sheet of a framework",
  "Write the empty rating sheet of a dataset's framework as CSV: one row "
  "per country, phase and leaf, with the leaf's label, for raters to "
  "fill in a spreadsheet (their rater id, a score per criterion, the "
  "population groups) and to read back with --ratings. Rows left empty "
  "are skipped on reading.",
  add_options,
  1,
  1,
  run,
};
