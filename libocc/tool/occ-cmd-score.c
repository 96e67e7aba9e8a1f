/* occ-cmd-score.c: occ score, the scores of every node (and with --ci
 * their bootstrap intervals)
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

static char *format = NULL;
static char *ratings = NULL;
static gboolean csv_raw = FALSE;
static gboolean ci = FALSE;
static OccToolBootstrapArgs bootstrap = OCC_TOOL_BOOTSTRAP_ARGS_INIT;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry format_entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: json (occ-results/1, the default), table or csv",
      "FORMAT" },
    { NULL }
  };
  static const GOptionEntry ci_entries[] = {
    { "ci", 0, 0, G_OPTION_ARG_NONE, &ci,
      "Add bootstrap confidence intervals (ci, se) and inter-rater "
      "agreement (alpha)",
      NULL },
    { NULL }
  };

  occ_tool_options_add_entries (options, format_entries);
  occ_tool_options_add_ratings (options, &ratings);
  occ_tool_options_add_csv_raw (options, &csv_raw);
  occ_tool_options_add_entries (options, ci_entries);
  occ_tool_options_add_method (options, &bootstrap);
  occ_tool_options_add_bootstrap (options, &bootstrap);
}

/* Scores as rows ------------------------------------------------------- */

/* A score's figures, read once for both kinds of row. */
typedef struct
{
  gboolean has_value, has_delta, has_inclusion;
  double value, delta, inclusion;
  guint rank, country_rank;
  int missing;
} Figures;

static Figures
get_figures (OccScore *score)
{
  Figures f = { 0 };

  f.has_value = occ_score_get_value (score, &f.value);
  f.has_delta = occ_score_get_delta (score, &f.delta);
  f.has_inclusion = occ_score_get_inclusion (score, &f.inclusion);
  f.rank = occ_score_get_rank (score);
  f.country_rank = occ_score_get_country_rank (score);
  f.missing = occ_score_get_missing_children (score);
  return f;
}

static Figures
get_criterion_figures (OccScore *score, guint c)
{
  Figures f = { 0 };

  f.has_value = occ_score_get_criterion_value (score, c, &f.value);
  f.has_delta = occ_score_get_criterion_delta (score, c, &f.delta);
  return f;
}

static OccToolRow *
row_new (OccScore *score)
{
  OccToolRow *row = occ_tool_row_new ();

  occ_tool_row_add (row, g_strdup (occ_score_get_country (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_phase (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_node_id (score)));
  occ_tool_row_add (row,
                    occ_tool_cell_int (TRUE, occ_score_get_depth (score)));
  return row;
}

/* Full-precision values of one score, for CSV. Like occ-results/1, a
 * rank between countries is only given when there are several. */
static OccToolRow *
csv_row (OccScore *score, gboolean several_countries)
{
  OccToolRow *row = row_new (score);
  Figures f = get_figures (score);

  occ_tool_row_add (row, occ_tool_cell_exact (f.has_value, f.value));
  occ_tool_row_add (row, g_strdup (occ_score_get_band (score)));
  occ_tool_row_add (row, occ_tool_cell_exact (f.has_delta, f.delta));
  occ_tool_row_add (row, occ_tool_cell_int (f.rank > 0, (int) f.rank));
  occ_tool_row_add (row, occ_tool_cell_int (several_countries
                                              && f.country_rank > 0,
                                            (int) f.country_rank));
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      Figures cf = get_criterion_figures (score, c);
      int n = occ_score_get_criterion_n (score, c);

      occ_tool_row_add (row, occ_tool_cell_exact (cf.has_value, cf.value));
      occ_tool_row_add (row, occ_tool_cell_int (n >= 0, n));
      occ_tool_row_add (row,
                        g_strdup (occ_score_get_criterion_band (score, c)));
      occ_tool_row_add (row, occ_tool_cell_exact (cf.has_delta, cf.delta));
    }
  occ_tool_row_add (row, occ_tool_cell_exact (f.has_inclusion, f.inclusion));
  occ_tool_row_add (row, occ_tool_cell_int (f.missing >= 0, f.missing));
  return row;
}

/* Rounded values of one score, for the human table. */
static OccToolRow *
table_row (OccMethodology *m, OccScore *score)
{
  OccToolRow *row = row_new (score);
  Figures f = get_figures (score);

  occ_tool_row_add (row, occ_tool_cell_display (m, f.has_value, f.value));
  occ_tool_row_add (row, g_strdup (occ_score_get_band (score)));
  occ_tool_row_add (row, occ_tool_cell_change (m, f.has_delta, f.delta));
  occ_tool_row_add (row, occ_tool_cell_int (f.rank > 0, (int) f.rank));
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      Figures cf = get_criterion_figures (score, c);

      occ_tool_row_add (row,
                        occ_tool_cell_display (m, cf.has_value, cf.value));
      occ_tool_row_add (row,
                        g_strdup (occ_score_get_criterion_band (score, c)));
      occ_tool_row_add (row,
                        occ_tool_cell_change (m, cf.has_delta, cf.delta));
    }
  occ_tool_row_add (row, f.has_inclusion
                           ? occ_tool_format_percent (f.inclusion)
                           : NULL);
  occ_tool_row_add (row, occ_tool_cell_int (f.missing >= 0, f.missing));
  return row;
}

/* The header of the CSV (@csv) or of the table. */
static OccToolRow *
header_row (OccMethodology *m, gboolean csv)
{
  static const char *const common[] = { "country", "phase", "node",
                                        "depth",   "value", "band",
                                        "delta",   "rank",  NULL };
  OccToolRow *row = occ_tool_row_of (common);

  if (csv)
    occ_tool_row_add (row, g_strdup ("country_rank"));
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      const char *id = occ_methodology_get_criterion_id (m, c);

      occ_tool_row_add (row, g_strdup_printf (csv ? "%s.value" : "%s", id));
      if (csv)
        occ_tool_row_add (row, g_strdup_printf ("%s.n", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.band", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.delta", id));
    }
  occ_tool_row_add (row, g_strdup (csv ? "inclusion" : "incl"));
  occ_tool_row_add (row, g_strdup (csv ? "missing_children" : "missing"));
  return row;
}

static void
append_scores (GString *out, OccResults *results, gboolean csv)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  gboolean several = occ_dataset_get_n_countries (dataset) > 1;
  GListModel *model = G_LIST_MODEL (results);
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();

  if (occ_tool_is_categorical (m))
    {
      occ_tool_append_categorical_scores (out, results, csv,
                                          occ_tool_csv_flags (csv_raw));
      return;
    }
  g_ptr_array_add (rows, header_row (m, csv));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      g_ptr_array_add (rows,
                       csv ? csv_row (score, several) : table_row (m, score));
    }
  occ_tool_append_rows (out, rows, csv, occ_tool_csv_flags (csv_raw));
}

/* Intervals as rows (--ci) --------------------------------------------- */

static OccToolRow *
ci_header (OccMethodology *m, gboolean csv)
{
  static const char *const common[] = { "country", "phase", "node",
                                        "depth",   "value", "ci_low",
                                        "ci_high", "se",    "ci_status",
                                        NULL };
  OccToolRow *row = occ_tool_row_of (common);

  if (!csv)
    return row;
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      const char *id = occ_methodology_get_criterion_id (m, c);

      occ_tool_row_add (row, g_strdup_printf ("%s.value", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.ci_low", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.ci_high", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.se", id));
    }
  return row;
}

/* value, low, high, se of one slot (@criterion, or -1 for the node). */
static void
add_interval_cells (OccToolRow *row, OccMethodology *m, gboolean csv,
                    OccBootstrap *boot, OccScore *score, int criterion,
                    gboolean with_status)
{
  const char *node = occ_score_get_node_id (score);
  double value = 0, low = 0, high = 0, se = 0;
  gboolean known =
    criterion < 0
      ? occ_score_get_value (score, &value)
      : occ_score_get_criterion_value (score, (guint) criterion, &value);
  OccIntervalStatus status = occ_bootstrap_lookup (
    boot, occ_score_get_country (score), occ_score_get_phase (score), node,
    criterion, &low, &high, &se);
  gboolean has = status >= OCC_INTERVAL_STATUS_ESTIMATED;

  occ_tool_row_add (row, occ_tool_cell_number (m, csv, known, value));
  occ_tool_row_add (row, occ_tool_cell_number (m, csv, has, low));
  occ_tool_row_add (row, occ_tool_cell_number (m, csv, has, high));
  occ_tool_row_add (row, csv ? occ_tool_cell_exact (has, se)
                             : occ_tool_cell_fraction (FALSE, has, se));
  if (with_status)
    occ_tool_row_add (row, occ_tool_cell_status (status));
}

static OccToolRow *
ci_row (OccMethodology *m, gboolean csv, OccBootstrap *boot, OccScore *score)
{
  OccToolRow *row = occ_tool_row_new ();
  int depth = occ_score_get_depth (score);

  occ_tool_row_add (row, g_strdup (occ_score_get_country (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_phase (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_node_id (score)));
  occ_tool_row_add (row, occ_tool_cell_int (depth >= 0, depth));
  add_interval_cells (row, m, csv, boot, score, -1, TRUE);
  if (csv)
    for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
      add_interval_cells (row, m, csv, boot, score, (int) c, FALSE);
  return row;
}

static void
append_intervals (GString *out, OccResults *results, OccBootstrap *boot,
                  gboolean csv)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  GListModel *model = G_LIST_MODEL (results);
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();

  g_ptr_array_add (rows, ci_header (m, csv));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      g_ptr_array_add (rows, ci_row (m, csv, boot, score));
    }
  /* The countries' own scores, as the JSON's countries array. */
  for (guint k = 0; k < occ_dataset_get_n_countries (dataset); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (dataset); p++)
      {
        g_autoptr (OccScore) score = occ_results_lookup_country (
          results, occ_dataset_get_country_id (dataset, k),
          occ_dataset_get_phase_id (dataset, p));
        if (score)
          g_ptr_array_add (rows, ci_row (m, csv, boot, score));
      }
  occ_tool_append_rows (out, rows, csv, occ_tool_csv_flags (csv_raw));
  if (!csv)
    occ_tool_append_published_note (out, boot);
}

/* The bootstrap, and in JSON the agreement beside it. */
static int
run_ci (OccResults *results, const char *shown, GString *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccBootstrapOptions) options = NULL;
  g_autoptr (OccBootstrap) boot = NULL;
  g_autoptr (OccAgreement) agreement = NULL;
  int status = 0;

  options = occ_tool_bootstrap_options (&bootstrap, &status);
  if (options == NULL)
    return status;
  boot = occ_tool_run_bootstrap (results, options, &error);
  if (boot == NULL)
    return occ_tool_fail (error);
  if (strcmp (shown, "json") == 0)
    {
      g_autofree char *json = NULL;

      agreement = occ_tool_run_agreement (occ_results_get_dataset (results),
                                          options, &error);
      if (agreement == NULL)
        return occ_tool_fail (error);
      json = occ_bootstrap_to_data_with_agreement (boot, agreement, NULL);
      g_string_append (out, json);
    }
  else
    append_intervals (out, results, boot, strcmp (shown, "csv") == 0);
  return occ_tool_write_stdout (out);
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *shown;
  int status = 0;

  if ((shown = occ_tool_output_format (format, "json", occ_tool_formats,
                                       &status))
      == NULL)
    return status;
  if (!ci && occ_tool_bootstrap_args_given (&bootstrap))
    return occ_tool_usage_error ("--level, --replicates, --seed, --method "
                                 "and --threads go with --ci");
  dataset = occ_tool_load_dataset_with_ratings (argc > 1 ? argv[1] : NULL,
                                                ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  results = occ_results_new (dataset);
  if (ci)
    return run_ci (results, shown, out);
  if (strcmp (shown, "json") == 0)
    return occ_tool_write_results (results);
  append_scores (out, results, strcmp (shown, "csv") == 0);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_score = {
  "score",
  "[DATASET]",
  "Score a dataset: JSON, table or CSV",
  "Score an occ-dataset/1 file (default: the bundled Peru dataset) and "
  "print the scores of every node as occ-results/1 JSON, an aligned "
  "table or CSV. “-” reads standard input.",
  add_options,
  0,
  1,
  run,
};
