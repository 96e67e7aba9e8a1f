/* occ-cmd-compare.c: occ compare, countries side by side on a node
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-categorical.h"
#include "occ-tool-analysis.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"
#include "occ-tool-table.h"

static char *opt_format = NULL;
static gboolean opt_csv_raw = FALSE;
static char *opt_node = NULL;
static int opt_depth = -1;
static char *opt_phase = NULL;
static gboolean opt_ci = FALSE;
static OccToolBootstrapArgs opt_bootstrap = OCC_TOOL_BOOTSTRAP_ARGS_INIT;
static char *opt_ratings = NULL;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry node_entries[] = {
    { "node", 0, 0, G_OPTION_ARG_STRING, &opt_node,
      "The node to compare (default: the countries' own scores)", "ID" },
    { NULL }
  };
  static const GOptionEntry phase_entries[] = {
    { "phase", 'p', 0, G_OPTION_ARG_STRING, &opt_phase,
      "The phase (default: the last)", "PHASE" },
    { "ci", 0, 0, G_OPTION_ARG_NONE, &opt_ci,
      "Add bootstrap confidence intervals", NULL },
    { NULL }
  };

  occ_tool_options_add_table_format (options, &opt_format, &opt_csv_raw);
  occ_tool_options_add_entries (options, node_entries);
  occ_tool_options_add_int (options, "depth", 'd',
                            "Compare every node of this depth (0: top-level "
                            "nodes)",
                            "DEPTH", &opt_depth, 0, G_MAXINT);
  occ_tool_options_add_entries (options, phase_entries);
  occ_tool_options_add_method (options, &opt_bootstrap);
  occ_tool_options_add_bootstrap (options, &opt_bootstrap);
  occ_tool_options_add_ratings (options, &opt_ratings);
}

static OccToolRow *
compare_row (OccComparison *c, OccMethodology *m, gboolean csv, guint i)
{
  OccToolRow *row = occ_tool_row_new ();
  double value = 0, delta = 0, low = 0, high = 0;
  gboolean has_delta = occ_comparison_get_delta (c, i, &delta);
  OccIntervalStatus status = occ_comparison_get_interval (c, i, &low, &high);
  gboolean has_ci = status >= OCC_INTERVAL_STATUS_ESTIMATED;
  const char *node = occ_comparison_get_node (c, i);

  occ_comparison_get_value (c, i, &value);
  occ_tool_row_add (row, g_strdup (node ? node : "(country)"));
  occ_tool_row_add (row, g_strdup (occ_comparison_get_country (c, i)));
  occ_tool_row_add (row, occ_tool_cell_number (m, csv, TRUE, value));
  occ_tool_row_add (row, occ_tool_cell_number (m, csv, has_ci, low));
  occ_tool_row_add (row, occ_tool_cell_number (m, csv, has_ci, high));
  occ_tool_row_add (row, occ_tool_cell_uint (occ_comparison_get_rank (c, i)));
  occ_tool_row_add (row, csv ? occ_tool_cell_exact (has_delta, delta)
                             : occ_tool_cell_change (m, has_delta, delta));
  occ_tool_row_add (
    row, occ_tool_cell_uint (occ_comparison_get_previous_rank (c, i)));
  occ_tool_row_add (row, occ_tool_cell_status (status));
  return row;
}

static void
append_comparison (GString *out, OccComparison *c, OccBootstrap *boot,
                   OccMethodology *m, gboolean csv)
{
  static const char *const header[] = {
    "node", "country", "value",         "ci_low",    "ci_high",
    "rank", "delta",   "previous_rank", "ci_status", NULL
  };
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();
  g_autofree char *phase = NULL;

  g_ptr_array_add (rows, occ_tool_row_of (header));
  for (guint i = 0; i < occ_comparison_get_n_rows (c); i++)
    g_ptr_array_add (rows, compare_row (c, m, csv, i));
  occ_tool_append_rows (out, rows, csv, occ_tool_csv_flags (opt_csv_raw));
  if (csv)
    return;
  phase = occ_escape_for_terminal (occ_comparison_get_phase (c));
  g_string_append_printf (out,
                          "\nPhase %s; rank between countries; "
                          "delta and previous_rank against the "
                          "phase before.\n",
                          phase);
  if (boot)
    occ_tool_append_published_note (out, boot);
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (OccBootstrapOptions) options = NULL;
  g_autoptr (OccBootstrap) boot = NULL;
  g_autoptr (OccComparison) c = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *format;
  int status = 0;

  if ((format = occ_tool_output_format (opt_format, "table", occ_tool_formats,
                                        &status))
      == NULL)
    return status;
  if (opt_node && opt_depth >= 0)
    return occ_tool_usage_error ("give --node or --depth, not both");
  if (!opt_ci && occ_tool_bootstrap_args_given (&opt_bootstrap))
    return occ_tool_usage_error ("--level, --replicates, --seed, --method "
                                 "and --threads go with --ci");
  if ((options = occ_tool_bootstrap_options (&opt_bootstrap, &status))
      == NULL)
    return status;
  dataset = occ_tool_load_dataset_with_ratings (argc > 1 ? argv[1] : NULL,
                                                opt_ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  results = occ_results_new (dataset);
  if (occ_tool_is_categorical (occ_dataset_get_methodology (dataset)))
    {
      if (opt_ci || strcmp (format, "json") == 0)
        return occ_tool_usage_error (
          "a categorical methodology's summaries compare as a table or CSV "
          "(occ score --format=json has them all), without --ci");
      if (!occ_tool_append_summary_comparison (
            out, results, opt_phase, opt_node, opt_depth,
            strcmp (format, "csv") == 0, occ_tool_csv_flags (opt_csv_raw),
            &error))
        return occ_tool_fail (error);
      return occ_tool_write_stdout (out);
    }
  if (opt_ci
      && (boot = occ_tool_run_bootstrap (results, options, &error)) == NULL)
    return occ_tool_fail (error);
  c = occ_comparison_new (results, boot, opt_phase, opt_node, opt_depth,
                          &error);
  if (c == NULL)
    return occ_tool_fail (error);
  if (strcmp (format, "json") == 0)
    {
      g_autofree char *json = occ_comparison_to_data (c, NULL);
      g_string_append (out, json);
    }
  else
    append_comparison (out, c, boot, occ_dataset_get_methodology (dataset),
                       strcmp (format, "csv") == 0);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_compare = {
  "compare",
  "[DATASET]",
  "Compare countries on a node",
  "One node (--node), every node of a depth (--depth) or the countries' "
  "own scores across countries in one phase: score, rank between "
  "countries, change and rank since the previous phase, and with --ci "
  "bootstrap intervals.",
  add_options,
  0,
  1,
  run,
};
