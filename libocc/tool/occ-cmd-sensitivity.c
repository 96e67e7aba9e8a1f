/* occ-cmd-sensitivity.c: occ sensitivity, how scores and ranks depend on
 * the weights and the aggregation methods
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-analysis.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"
#include "occ-tool-table.h"

static char *opt_format = NULL;
static gboolean opt_csv_raw = FALSE;
static int opt_draws = -1;
static char *opt_seed = NULL;
static char *opt_weights = NULL;
static char *opt_methods = NULL;
static char *opt_levels = NULL;
static char *opt_node = NULL;
static int opt_depth = -1;
static char *opt_rank = NULL;
static int opt_threads = -1;
static char *opt_ratings = NULL;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry draw_entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &opt_seed,
      "Seed of the random generator (default 1)", "SEED" },
    { "weights", 'w', 0, G_OPTION_ARG_STRING, &opt_weights,
      "How criterion weights vary: uniform:X (within ±X, default "
      "uniform:0.2), dirichlet:K (concentration K) or fixed",
      "SPEC" },
    { "methods", 0, 0, G_OPTION_ARG_STRING, &opt_methods,
      "Aggregation methods to draw from, comma-separated (default "
      "mean,geometric,median)",
      "LIST" },
    { "levels", 0, 0, G_OPTION_ARG_STRING, &opt_levels,
      "Levels whose method is drawn, comma-separated from raters, "
      "criteria, children, or none (default criteria,children)",
      "LIST" },
    { "node", 0, 0, G_OPTION_ARG_STRING, &opt_node,
      "A node to report (default: the countries' own scores)", "ID" },
    { NULL }
  };
  static const GOptionEntry rank_entries[] = {
    { "rank", 0, 0, G_OPTION_ARG_STRING, &opt_rank,
      "Rank to report: countries (between countries, the default with "
      "several countries) or peers (within a country)",
      "KIND" },
    { NULL }
  };

  occ_tool_options_add_table_format (options, &opt_format, &opt_csv_raw);
  occ_tool_options_add_int (options, "draws", 'n',
                            "Monte Carlo draws, 2 to 10000000 (default 2000)",
                            "N", &opt_draws, 2, 10000000);
  occ_tool_options_add_entries (options, draw_entries);
  occ_tool_options_add_int (options, "depth", 'd',
                            "Report every node of this depth", "DEPTH",
                            &opt_depth, 0, G_MAXINT);
  occ_tool_options_add_entries (options, rank_entries);
  occ_tool_options_add_int (options, "threads", 0,
                            "Threads, 0 to 256 (default 0: one per "
                            "processor)",
                            "N", &opt_threads, 0, 256);
  occ_tool_options_add_ratings (options, &opt_ratings);
}

static gboolean
parse_methods (OccSensitivityOptions *options)
{
  g_auto (GStrv) names = g_strsplit (opt_methods, ",", -1);
  g_autoptr (GArray) methods = g_array_new (FALSE, FALSE,
                                            sizeof (OccAggregation));

  for (guint i = 0; names[i] != NULL; i++)
    {
      OccAggregation method = OCC_AGGREGATION_MEAN;

      /* By the library's own names of the methods. */
      while (method <= OCC_AGGREGATION_GEOMETRIC
             && strcmp (names[i], occ_aggregation_to_string (method)) != 0)
        method++;
      if (method > OCC_AGGREGATION_GEOMETRIC)
        return FALSE;
      g_array_append_val (methods, method);
    }
  if (methods->len == 0 || methods->len > 16)
    return FALSE;
  occ_sensitivity_options_set_methods (options,
                                       (const OccAggregation *) methods->data,
                                       methods->len);
  return TRUE;
}

static gboolean
parse_levels (OccSensitivityOptions *options)
{
  g_auto (GStrv) names = g_strsplit (opt_levels, ",", -1);
  static const char *const levels[] = { "raters", "criteria", "children" };
  gboolean vary[3] = { FALSE, FALSE, FALSE };

  if (strcmp (opt_levels, "none") != 0)
    for (guint i = 0; names[i] != NULL; i++)
      {
        guint l = 0;

        while (l < 3 && strcmp (names[i], levels[l]) != 0)
          l++;
        if (l == 3)
          return FALSE;
        vary[l] = TRUE;
      }
  for (guint l = 0; l < 3; l++)
    occ_sensitivity_options_set_vary_level (options, (OccLevel) l, vary[l]);
  return TRUE;
}

static gboolean
parse_weights (OccSensitivityOptions *options)
{
  const char *spec = opt_weights;
  char *end;
  double x;

  if (strcmp (spec, "fixed") == 0)
    {
      occ_sensitivity_options_set_weight_draw (options, OCC_WEIGHT_DRAW_FIXED,
                                               0);
      return TRUE;
    }
  if (g_str_has_prefix (spec, "uniform:"))
    {
      x = g_ascii_strtod (spec + 8, &end);
      if (end == spec + 8 || *end != '\0' || !(x >= 0 && x < 1))
        return FALSE;
      occ_sensitivity_options_set_weight_draw (options,
                                               OCC_WEIGHT_DRAW_UNIFORM, x);
      return TRUE;
    }
  if (g_str_has_prefix (spec, "dirichlet:"))
    {
      x = g_ascii_strtod (spec + 10, &end);
      if (end == spec + 10 || *end != '\0' || !(x > 0 && x < 1e12))
        return FALSE;
      occ_sensitivity_options_set_weight_draw (options,
                                               OCC_WEIGHT_DRAW_DIRICHLET, x);
      return TRUE;
    }
  return FALSE;
}

static OccSensitivityOptions *
sensitivity_options (int *status)
{
  g_autoptr (OccSensitivityOptions) options = occ_sensitivity_options_new ();
  guint64 seed;

  /* --draws was checked as it was parsed. */
  if (!occ_tool_parse_seed (opt_seed, &seed, status))
    return NULL;
  if (opt_weights && !parse_weights (options))
    *status = occ_tool_usage_error ("--weights must be uniform:X with 0 <= X "
                                    "< 1, dirichlet:K with K > 0, or fixed");
  else if (opt_methods && !parse_methods (options))
    *status = occ_tool_usage_error ("--methods must list mean, median or "
                                    "geometric, comma-separated");
  else if (opt_levels && !parse_levels (options))
    *status = occ_tool_usage_error ("--levels must list raters, criteria or "
                                    "children, comma-separated, or be none");
  else
    {
      if (opt_draws >= 0)
        occ_sensitivity_options_set_draws (options, (guint) opt_draws);
      occ_sensitivity_options_set_seed (options, seed);
      if (opt_threads >= 0)
        occ_sensitivity_options_set_threads (options, (guint) opt_threads);
      return g_steal_pointer (&options);
    }
  return NULL;
}

/* The nodes to report: --node, every node of --depth, or the countries'
 * own scores (NULL). */
static gboolean
selected_nodes (OccDataset *ds, GPtrArray *nodes, GError **error)
{
  if (opt_node)
    {
      if (occ_dataset_lookup_node (ds, opt_node) == NULL)
        {
          g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                       "unknown node “%s”", opt_node);
          return FALSE;
        }
      g_ptr_array_add (nodes, opt_node);
      return TRUE;
    }
  if (opt_depth >= 0)
    {
      for (guint i = 0; i < occ_dataset_get_n_nodes (ds); i++)
        {
          OccNode *n = occ_dataset_get_node (ds, i);

          if ((int) occ_node_get_depth (n) == opt_depth)
            g_ptr_array_add (nodes, (gpointer) occ_node_get_id (n));
        }
      if (nodes->len == 0)
        {
          g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                       "no node has depth %d", opt_depth);
          return FALSE;
        }
      return TRUE;
    }
  g_ptr_array_add (nodes, NULL);
  return TRUE;
}

typedef struct
{
  OccSensitivity *s;
  OccResults *results;
  OccRankKind kind;
  gboolean csv;
} SensitivityOut;

static void
add_spread (OccToolRow *row, gboolean csv, OccMethodology *m, gboolean rank,
            gboolean known, const double q[3])
{
  for (guint i = 0; i < 3; i++)
    occ_tool_row_add (row, rank ? occ_tool_cell_rank (csv, known, q[i])
                                : occ_tool_cell_number (m, csv, known, q[i]));
}

static OccToolRow *
sensitivity_row (SensitivityOut *so, const char *country, const char *phase,
                 const char *node)
{
  OccDataset *ds = occ_sensitivity_get_dataset (so->s);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  g_autoptr (OccScore) score =
    node ? occ_results_lookup (so->results, country, phase, node)
         : occ_results_lookup_country (so->results, country, phase);
  OccToolRow *row = occ_tool_row_new ();
  double value = 0, q[3] = { 0 };
  gboolean has, known = score && occ_score_get_value (score, &value);
  guint rank = 0;

  if (score)
    rank = so->kind == OCC_RANK_KIND_COUNTRIES || node == NULL
             ? occ_score_get_country_rank (score)
             : occ_score_get_rank (score);
  occ_tool_row_add (row, g_strdup (country));
  occ_tool_row_add (row, g_strdup (phase));
  occ_tool_row_add (row, g_strdup (node));
  occ_tool_row_add (row, occ_tool_cell_number (m, so->csv, known, value));
  has = occ_sensitivity_lookup_score (so->s, country, phase, node, &q[0],
                                      &q[1], &q[2]);
  add_spread (row, so->csv, m, FALSE, has, q);
  occ_tool_row_add (row, occ_tool_cell_uint (rank));
  has = occ_sensitivity_lookup_rank (so->s, country, phase, node, so->kind,
                                     &q[0], &q[1], &q[2]);
  add_spread (row, so->csv, m, TRUE, has, q);
  for (int of_rank = 0; of_rank < 2; of_rank++)
    {
      g_autofree guint8 *present = NULL;
      gsize n = 0;
      g_autofree double *s = occ_sensitivity_dup_indices (
        so->s, country, phase, node, of_rank, so->kind, &present, &n);

      for (gsize i = 0; i < n; i++)
        occ_tool_row_add (row,
                          occ_tool_cell_fraction (so->csv, present[i], s[i]));
    }
  return row;
}

static void
sensitivity_output (SensitivityOut *so, GPtrArray *nodes, const char *format,
                    GString *out)
{
  OccDataset *ds = occ_sensitivity_get_dataset (so->s);
  gboolean json = strcmp (format, "json") == 0;
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();
  guint n_inputs = occ_sensitivity_get_n_inputs (so->s);
  static const char *const common[] = { "country", "phase",    "node",
                                        "value",   "median",   "p5",
                                        "p95",     "rank",     "rank_median",
                                        "rank_p5", "rank_p95", NULL };
  OccToolRow *header;

  if (json)
    {
      /* The library writes it, escaping every id; nodes holds NULL for
       * the countries' own scores. */
      g_autofree char *text = NULL;

      g_ptr_array_add (nodes, NULL);
      text = occ_sensitivity_to_data (so->s, so->kind,
                                      g_ptr_array_index (nodes, 0)
                                        ? (const char *const *) nodes->pdata
                                        : NULL,
                                      NULL);
      g_ptr_array_remove_index (nodes, nodes->len - 1);
      g_string_append (out, text);
      return;
    }
  header = occ_tool_row_of (common);
  for (int of_rank = 0; of_rank < 2; of_rank++)
    for (guint i = 0; i < n_inputs; i++)
      occ_tool_row_add (
        header, g_strdup_printf ("S%s(%s)", of_rank ? "rank" : "",
                                 occ_sensitivity_get_input_name (so->s, i)));
  g_ptr_array_add (rows, header);
  for (guint j = 0; j < nodes->len; j++)
    for (guint k = 0; k < occ_dataset_get_n_countries (ds); k++)
      for (guint p = 0; p < occ_dataset_get_n_phases (ds); p++)
        {
          const char *country = occ_dataset_get_country_id (ds, k);
          const char *phase = occ_dataset_get_phase_id (ds, p);
          const char *node = g_ptr_array_index (nodes, j);

          if (!occ_sensitivity_lookup_score (so->s, country, phase, node,
                                             NULL, NULL, NULL))
            continue;
          g_ptr_array_add (rows, sensitivity_row (so, country, phase, node));
        }
  occ_tool_append_rows (out, rows, so->csv, occ_tool_csv_flags (opt_csv_raw));
  if (!so->csv)
    g_string_append_printf (
      out,
      "\n%u draws. median, p5, p95: the score across draws; rank_*: the "
      "rank %s across draws; S(input): first-order sensitivity index of "
      "each uncertain input on the score, Srank on the rank.\n",
      occ_sensitivity_get_draws (so->s),
      so->kind == OCC_RANK_KIND_PEERS ? "among peers" : "between countries");
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccSensitivityOptions) options = NULL;
  g_autoptr (OccSensitivity) s = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) nodes = g_ptr_array_new ();
  SensitivityOut so = { 0 };
  const char *format;
  int status = 0;

  if ((format = occ_tool_output_format (opt_format, "table", occ_tool_formats,
                                        &status))
      == NULL)
    return status;
  if (opt_node && opt_depth >= 0)
    return occ_tool_usage_error ("give --node or --depth, not both");
  if (opt_rank && strcmp (opt_rank, "countries") != 0
      && strcmp (opt_rank, "peers") != 0)
    return occ_tool_usage_error ("--rank must be countries or peers");
  if ((options = sensitivity_options (&status)) == NULL)
    return status;
  dataset = occ_tool_load_dataset_with_ratings (argc > 1 ? argv[1] : NULL,
                                                opt_ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  if (!selected_nodes (dataset, nodes, &error))
    return occ_tool_fail (error);
  s = occ_tool_run_sensitivity (dataset, options, &error);
  if (s == NULL)
    return occ_tool_fail (error);
  results = occ_results_new (dataset);
  so.s = s;
  so.results = results;
  so.csv = strcmp (format, "csv") == 0;
  so.kind = opt_rank
              ? (strcmp (opt_rank, "peers") == 0 ? OCC_RANK_KIND_PEERS
                                                 : OCC_RANK_KIND_COUNTRIES)
            : occ_dataset_get_n_countries (dataset) > 1
              ? OCC_RANK_KIND_COUNTRIES
              : OCC_RANK_KIND_PEERS;
  sensitivity_output (&so, nodes, format, out);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_sensitivity = {
  "sensitivity",
  "[DATASET]",
  "How scores and ranks depend on weights",
  "Monte Carlo over the criterion weights and the aggregation methods: "
  "median score and rank with their 5-95 % range across draws, and each "
  "uncertain input's first-order sensitivity index.",
  add_options,
  0,
  1,
  run,
};
