/* occ-cmd-validate.c: occ validate, whether a file is a valid dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "occ-cmd.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"

static char *ratings = NULL;

static void
add_options (OccToolOptions *options)
{
  occ_tool_options_add_ratings (options, &ratings);
}

static void
append_count (GString *out, gsize n, const char *one, const char *many)
{
  g_string_append_printf (out, "%" G_GSIZE_FORMAT " %s", n,
                          n == 1 ? one : many);
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *display = NULL;

  dataset = occ_tool_load_dataset_with_ratings (argv[1], ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  {
    g_autofree char *name = occ_tool_display_name (argv[1], ratings);
    display = occ_escape_for_terminal (name);
  }
  g_string_append_printf (out, "%s: valid occ-dataset/1 (", display);
  append_count (out, occ_dataset_get_n_countries (dataset), "country",
                "countries");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_phases (dataset), "phase", "phases");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_nodes (dataset), "node", "nodes");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_ratings (dataset), "rating",
                "ratings");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_published (dataset), "published",
                "published");
  g_string_append (out, ")\n");
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_validate = {
  "validate",
  "DATASET",
  "Check a dataset",
  "Check that a file is a valid occ-dataset/1 document. On error the "
  "message names the place (file:line:column or a JSON path) and the "
  "rule broken, and the exit status is 1.",
  add_options,
  1,
  1,
  run,
};
