/* occ-analysis-commands.c: occ score --ci, occ agreement, occ sensitivity,
 * occ compare
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "occ-tool.h"

/* Options ---------------------------------------------------------------- */

gboolean score_ci = FALSE;
double opt_level = NAN;
int opt_replicates = -1;
char *opt_seed = NULL;
char *opt_method = NULL;
int opt_threads = -1;

static char *opt_format = NULL;
static char *opt_node = NULL;
static int opt_depth = -1;
static char *opt_phase = NULL;
static gboolean opt_ci = FALSE;
static char *opt_metric = NULL;
static int opt_draws = -1;
static char *opt_weights = NULL;
static char *opt_methods = NULL;
static char *opt_levels = NULL;
static char *opt_rank = NULL;

/* The numeric options, by their long and short names. */
static const struct
{
  const char *long_name;
  const char *short_name;
  int *target;
  gint64 min, max;
} int_options[] = {
  { "--replicates", "-B", &opt_replicates, 2, 10000000 },
  { "--threads", NULL, &opt_threads, 0, 256 },
  { "--draws", "-n", &opt_draws, 2, 10000000 },
  { "--depth", "-d", &opt_depth, 0, G_MAXINT },
};

gboolean
occ_tool_number_option (const char *name, const char *value, gpointer data,
                        GError **error)
{
  char *end;
  double level;

  if (strcmp (name, "--level") == 0)
    {
      /* A decimal number: not " 0.9", not hexadecimal "0x0.8". */
      level = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || !(level > 0 && level < 1)
          || !(g_ascii_isdigit (value[0]) || value[0] == '.')
          || strpbrk (value, "xX") != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--level: “%s” is not a number between 0 and 1 "
                       "(such as 0.90)",
                       value);
          return FALSE;
        }
      opt_level = level;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (int_options); i++)
    if (strcmp (name, int_options[i].long_name) == 0
        || g_strcmp0 (name, int_options[i].short_name) == 0)
      {
        gint64 v;

        if (!g_ascii_string_to_signed (value, 10, int_options[i].min,
                                       int_options[i].max, &v, NULL))
          {
            if (int_options[i].max == G_MAXINT)
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "%s: “%s” is not a whole number from %"
                           G_GINT64_FORMAT " up",
                           int_options[i].long_name, value,
                           int_options[i].min);
            else
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "%s: “%s” is not a whole number from %"
                           G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                           int_options[i].long_name, value,
                           int_options[i].min, int_options[i].max);
            return FALSE;
          }
        *int_options[i].target = (int) v;
        return TRUE;
      }
  g_assert_not_reached ();
}

gboolean
score_ci_options_given (void)
{
  return !isnan (opt_level) || opt_replicates >= 0 || opt_seed != NULL
         || opt_method != NULL || opt_threads >= 0;
}

/* Digits only: no blanks, no sign (strtoull() took " -1" for 2^64 - 1). */
static gboolean
parse_seed (guint64 *seed)
{
  if (opt_seed == NULL)
    {
      *seed = 1;
      return TRUE;
    }
  return g_ascii_isdigit (opt_seed[0])
         && g_ascii_string_to_unsigned (opt_seed, 10, 0, G_MAXUINT64, seed,
                                        NULL);
}

/* What is wrong with --seed or --threads, which the bootstrap and the
 * sensitivity analysis share; NULL if nothing. */
static const char *
seed_threads_error (guint64 *seed)
{
  if (!parse_seed (seed))
    return "--seed must be a whole number from 0 to 18446744073709551615";
  return NULL;
}

/* The bootstrap options from the command line, or a usage error. */
static OccBootstrapOptions *
bootstrap_options (int *status)
{
  g_autoptr (OccBootstrapOptions) options = occ_bootstrap_options_new ();
  const char *message;
  guint64 seed;

  /* --level and --replicates were checked as they were parsed. */
  if ((message = seed_threads_error (&seed)) != NULL)
    *status = usage_error (message);
  else if (opt_method != NULL && strcmp (opt_method, "percentile") != 0
           && strcmp (opt_method, "bca") != 0)
    *status = usage_error ("--method must be percentile or bca");
  else
    {
      if (!isnan (opt_level))
        occ_bootstrap_options_set_level (options, opt_level);
      if (opt_replicates >= 0)
        occ_bootstrap_options_set_replicates (options, (guint) opt_replicates);
      occ_bootstrap_options_set_seed (options, seed);
      if (opt_threads >= 0)
        occ_bootstrap_options_set_threads (options, (guint) opt_threads);
      if (opt_method != NULL && strcmp (opt_method, "bca") == 0)
        occ_bootstrap_options_set_method (options, OCC_INTERVAL_METHOD_BCA);
      return g_steal_pointer (&options);
    }
  return NULL;
}

/* json, table or csv; NULL after a usage error. */
static const char *
output_format (const char *fallback, int *status)
{
  const char *format = opt_format ? opt_format : fallback;

  if (strcmp (format, "json") != 0 && strcmp (format, "table") != 0
      && strcmp (format, "csv") != 0)
    {
      g_autofree char *message = g_strdup_printf (
        "unknown format “%s” (json, table or csv)", format);
      *status = usage_error (message);
      return NULL;
    }
  return format;
}

/* The progress bar ------------------------------------------------------- */

/* On standard error, only when it is a terminal and the run has already
 * taken a second: quick runs and pipelines stay quiet. */
typedef struct
{
  gboolean enabled, shown;
  gint64 start;
  const char *what;
} Bar;

static void
bar_init (Bar *bar, const char *what)
{
  bar->enabled = isatty (fileno (stderr));
  bar->shown = FALSE;
  bar->start = g_get_monotonic_time ();
  bar->what = what;
}

static void
bar_update (double fraction, gpointer data)
{
  Bar *bar = data;
  int width = 30, filled = (int) (fraction * width);

  if (!bar->enabled
      || (!bar->shown && g_get_monotonic_time () - bar->start < G_USEC_PER_SEC))
    return;
  bar->shown = TRUE;
  fprintf (stderr, "\r%s [%.*s%*s] %3d%%", bar->what, filled,
           "==============================", width - filled, "",
           (int) (fraction * 100));
  fflush (stderr);
}

static void
bar_done (Bar *bar)
{
  if (bar->shown)
    fprintf (stderr, "\r\033[K");
}

/* Cells ------------------------------------------------------------------ */

static void
row_add (Row *row, char *cell)
{
  g_ptr_array_add (row, cell);
}

static Row *
row_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static Row *
row_of (const char *const *cells)
{
  Row *row = row_new ();

  for (guint i = 0; cells[i] != NULL; i++)
    row_add (row, g_strdup (cells[i]));
  return row;
}

/* Full precision for CSV, the methodology's precision for a table. */
static char *
cell_number (OccMethodology *m, gboolean csv, gboolean known, double value)
{
  return csv ? cell_exact (known, value) : cell_display (m, known, value);
}

/* A figure that is not on the scale (alpha, an index, a median rank):
 * three decimals for a person. */
static char *
cell_fraction (gboolean csv, gboolean known, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!known)
    return NULL;
  if (csv)
    return cell_exact (TRUE, value);
  g_ascii_formatd (buf, sizeof buf, "%.3f", value == 0 ? 0.0 : value);
  return g_strdup (buf);
}

/* A median rank or a rank percentile: whole or half, one decimal. */
static char *
cell_rank (gboolean csv, gboolean known, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!known || csv)
    return cell_exact (known, value);
  g_ascii_formatd (buf, sizeof buf, "%.1f", value);
  return g_strdup (buf);
}

static char *
cell_uint (guint value)
{
  return value > 0 ? g_strdup_printf ("%u", value) : NULL;
}

/* Rows as a table or CSV. */
static void
append_rows (GString *out, GPtrArray *rows, gboolean csv)
{
  if (!csv)
    {
      append_table (out, rows);
      return;
    }
  for (guint r = 0; r < rows->len; r++)
    append_csv_row (out, g_ptr_array_index (rows, r));
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

static const char *
status_note (OccIntervalStatus status)
{
  switch (status)
    {
    case OCC_INTERVAL_STATUS_PUBLISHED:
      return "published";
    case OCC_INTERVAL_STATUS_PARTIAL:
      return "partial";
    default:
      return NULL;
    }
}

/* The note under a table about what has no interval. */
static void
append_published_note (GString *out, OccBootstrap *boot)
{
  gsize n = occ_bootstrap_get_n_published_only (boot);

  if (n == 0)
    return;
  g_string_append_printf (
    out,
    "\nNote: %" G_GSIZE_FORMAT " leaf %s published scores only: no "
    "rater-level data, so no interval (ci_status \"published\"); they "
    "enter every replicate of the nodes above them unchanged (\"partial\").\n",
    n, n == 1 ? "score comes from" : "scores come from");
}

/* occ score --ci -------------------------------------------------------- */

static OccBootstrap *
run_bootstrap (OccResults *results, OccBootstrapOptions *options,
               GError **error)
{
  Bar bar;
  OccBootstrap *boot;

  bar_init (&bar, "bootstrap");
  boot = occ_bootstrap_new (results, options, bar_update, &bar, NULL, error);
  bar_done (&bar);
  return boot;
}

static OccAgreement *
run_agreement_of (OccDataset *dataset, OccBootstrapOptions *options,
                  GError **error)
{
  Bar bar;
  OccAgreement *agreement;

  bar_init (&bar, "agreement");
  agreement = occ_agreement_new (dataset, options, bar_update, &bar, NULL,
                                 error);
  bar_done (&bar);
  return agreement;
}

static Row *
ci_header (OccMethodology *m, gboolean csv)
{
  static const char *const common[] = { "country", "phase", "node", "depth",
                                        "value", "ci_low", "ci_high", "se",
                                        "ci_status", NULL };
  Row *row = row_of (common);

  if (!csv)
    return row;
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      const char *id = occ_methodology_get_criterion_id (m, c);

      row_add (row, g_strdup_printf ("%s.value", id));
      row_add (row, g_strdup_printf ("%s.ci_low", id));
      row_add (row, g_strdup_printf ("%s.ci_high", id));
      row_add (row, g_strdup_printf ("%s.se", id));
    }
  return row;
}

/* value, low, high, se of one slot. */
static void
add_interval_cells (Row *row, OccMethodology *m, gboolean csv,
                    OccBootstrap *boot, OccScore *score, int criterion,
                    gboolean with_status)
{
  const char *node = occ_score_get_node_id (score);
  double value = 0, low = 0, high = 0, se = 0;
  gboolean known = criterion < 0
                     ? occ_score_get_value (score, &value)
                     : occ_score_get_criterion_value (score, (guint) criterion,
                                                      &value);
  OccIntervalStatus status = occ_bootstrap_lookup (
    boot, occ_score_get_country (score), occ_score_get_phase (score), node,
    criterion, &low, &high, &se);
  gboolean has = status >= OCC_INTERVAL_STATUS_ESTIMATED;

  row_add (row, cell_number (m, csv, known, value));
  row_add (row, cell_number (m, csv, has, low));
  row_add (row, cell_number (m, csv, has, high));
  row_add (row, csv ? cell_exact (has, se) : cell_fraction (FALSE, has, se));
  if (with_status)
    row_add (row, g_strdup (status_note (status)));
}

static Row *
ci_row (OccMethodology *m, gboolean csv, OccBootstrap *boot, OccScore *score)
{
  Row *row = row_new ();
  int depth = occ_score_get_depth (score);

  row_add (row, g_strdup (occ_score_get_country (score)));
  row_add (row, g_strdup (occ_score_get_phase (score)));
  row_add (row, g_strdup (occ_score_get_node_id (score)));
  row_add (row, depth >= 0 ? g_strdup_printf ("%d", depth) : NULL);
  add_interval_cells (row, m, csv, boot, score, -1, TRUE);
  if (csv)
    for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
      add_interval_cells (row, m, csv, boot, score, (int) c, FALSE);
  return row;
}

static void
score_ci_rows (OccResults *results, OccBootstrap *boot, gboolean csv,
               GString *out)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  GListModel *model = G_LIST_MODEL (results);
  g_autoptr (GPtrArray) rows = rows_new ();

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
  append_rows (out, rows, csv);
  if (!csv)
    append_published_note (out, boot);
}

int
run_score_ci (OccResults *results, const char *format, GString *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccBootstrapOptions) options = NULL;
  g_autoptr (OccBootstrap) boot = NULL;
  g_autoptr (OccAgreement) agreement = NULL;
  int status = 0;

  options = bootstrap_options (&status);
  if (options == NULL)
    return status;
  boot = run_bootstrap (results, options, &error);
  if (boot == NULL)
    return fail (error);
  if (strcmp (format, "json") == 0)
    {
      g_autofree char *json = NULL;

      agreement = run_agreement_of (occ_results_get_dataset (results),
                                    options, &error);
      if (agreement == NULL)
        return fail (error);
      json = occ_bootstrap_to_data_with_agreement (boot, agreement, NULL);
      g_string_append (out, json);
    }
  else
    score_ci_rows (results, boot, strcmp (format, "csv") == 0, out);
  return write_stdout (out);
}

/* --format of agreement, sensitivity and compare. */
#define TABLE_FORMAT_ENTRY                                                  \
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,                     \
    "Output format: table (the default), json or csv", "FORMAT" },          \
  OCC_TOOL_CSV_RAW_ENTRY

/* occ agreement --------------------------------------------------------- */

const GOptionEntry agreement_entries[] = {
  TABLE_FORMAT_ENTRY,
  { "metric", 'm', 0, G_OPTION_ARG_STRING, &opt_metric,
    "Metric for the table: ordinal (the default), interval, nominal, ratio "
    "or all",
    "METRIC" },
  OCC_BOOTSTRAP_OPTION_ENTRIES,
  OCC_TOOL_RATINGS_ENTRY,
  { NULL }
};

static const char *const metric_names[] = { "nominal", "ordinal", "interval",
                                             "ratio" };

static int
parse_metric (int *metric)
{
  const char *name = opt_metric ? opt_metric : "ordinal";

  if (strcmp (name, "all") == 0)
    {
      *metric = -1;
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    if (strcmp (name, metric_names[i]) == 0)
      {
        *metric = (int) i;
        return 0;
      }
  return usage_error ("--metric must be ordinal, interval, nominal, ratio "
                      "or all");
}

static void
agreement_rows (OccAgreement *a, int metric, gboolean csv, GString *out)
{
  OccDataset *ds = occ_agreement_get_dataset (a);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  guint n_criteria = occ_methodology_get_n_criteria (m);
  static const char *const common[] = { "country", "phase", "criterion",
                                        "units", "values", NULL };
  g_autoptr (GPtrArray) rows = rows_new ();
  Row *header = row_of (common);
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    if (metric < 0 || (int) i == metric)
      {
        row_add (header, g_strdup_printf ("%s", metric_names[i]));
        row_add (header, g_strdup_printf ("%s.ci_low", metric_names[i]));
        row_add (header, g_strdup_printf ("%s.ci_high", metric_names[i]));
      }
  g_ptr_array_add (rows, header);
  for (guint k = 0; k < occ_dataset_get_n_countries (ds); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (ds); p++)
      for (int c = -1; c < (int) n_criteria; c++)
        {
          const char *country = occ_dataset_get_country_id (ds, k);
          const char *phase = occ_dataset_get_phase_id (ds, p);
          Row *row = row_new ();

          row_add (row, g_strdup (country));
          row_add (row, g_strdup (phase));
          row_add (row, g_strdup (c < 0 ? "all"
                                        : occ_methodology_get_criterion_id (m, c)));
          row_add (row, g_strdup_printf (
                          "%u", occ_agreement_get_n_units (a, country, phase, c)));
          row_add (row, g_strdup_printf (
                          "%u", occ_agreement_get_n_values (a, country, phase, c)));
          for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
            {
              double alpha = 0, low = 0, high = 0;
              gboolean has, has_ci;

              if (metric >= 0 && (int) i != metric)
                continue;
              has = occ_agreement_lookup (a, country, phase, c, i, &alpha);
              has_ci = occ_agreement_lookup_interval (a, country, phase, c, i,
                                                      &low, &high);
              any |= has;
              row_add (row, cell_fraction (csv, has, alpha));
              row_add (row, cell_fraction (csv, has_ci, low));
              row_add (row, cell_fraction (csv, has_ci, high));
            }
          g_ptr_array_add (rows, row);
        }
  append_rows (out, rows, csv);
  if (!csv && !any)
    g_string_append (out, "\nNote: no alpha: agreement needs rater-level "
                          "ratings, two or more per rated leaf and "
                          "criterion (a dataset of published scores has "
                          "none).\n");
  else if (!csv)
    g_string_append_printf (out, "\nKrippendorff's alpha, raters as coders, "
                                 "(leaf, criterion) as units; %.0f %% "
                                 "intervals from %u replicates resampling "
                                 "units.\n",
                            occ_agreement_get_level (a) * 100,
                            occ_agreement_get_replicates (a));
}

int
run_agreement (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccBootstrapOptions) options = NULL;
  g_autoptr (OccAgreement) agreement = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *format;
  int status = 0, metric = -1;

  if ((format = output_format ("table", &status)) == NULL)
    return status;
  if ((status = parse_metric (&metric)) != 0)
    return status;
  if ((options = bootstrap_options (&status)) == NULL)
    return status;
  dataset = occ_tool_load_dataset (argc > 1 ? argv[1] : NULL, &error);
  if (dataset == NULL)
    return fail (error);
  agreement = run_agreement_of (dataset, options, &error);
  if (agreement == NULL)
    return fail (error);
  if (strcmp (format, "json") == 0)
    {
      g_autofree char *json = occ_agreement_to_data (agreement, NULL);
      g_string_append (out, json);
    }
  else
    agreement_rows (agreement, metric, strcmp (format, "csv") == 0, out);
  return write_stdout (out);
}

/* occ sensitivity -------------------------------------------------------- */

const GOptionEntry sensitivity_entries[] = {
  TABLE_FORMAT_ENTRY,
  OCC_NUMBER_OPTION ("draws", 'n',
    "Monte Carlo draws, 2 to 10000000 (default 2000)", "N"),
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
    "Levels whose method is drawn, comma-separated from raters, criteria, "
    "children, or none (default criteria,children)",
    "LIST" },
  { "node", 0, 0, G_OPTION_ARG_STRING, &opt_node,
    "A node to report (default: the countries' own scores)", "ID" },
  OCC_NUMBER_OPTION ("depth", 'd', "Report every node of this depth", "DEPTH"),
  { "rank", 0, 0, G_OPTION_ARG_STRING, &opt_rank,
    "Rank to report: countries (between countries, the default with "
    "several countries) or peers (within a country)",
    "KIND" },
  OCC_NUMBER_OPTION ("threads", 0,
    "Threads, 0 to 256 (default 0: one per processor)", "N"),
  OCC_TOOL_RATINGS_ENTRY,
  { NULL }
};

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
  occ_sensitivity_options_set_methods (
    options, (const OccAggregation *) methods->data, methods->len);
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
  const char *message;
  guint64 seed;

  /* --draws was checked as it was parsed. */
  if ((message = seed_threads_error (&seed)) != NULL)
    *status = usage_error (message);
  else if (opt_weights && !parse_weights (options))
    *status = usage_error ("--weights must be uniform:X with 0 <= X < 1, "
                           "dirichlet:K with K > 0, or fixed");
  else if (opt_methods && !parse_methods (options))
    *status = usage_error ("--methods must list mean, median or geometric, "
                           "comma-separated");
  else if (opt_levels && !parse_levels (options))
    *status = usage_error ("--levels must list raters, criteria or "
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
add_spread (Row *row, gboolean csv, OccMethodology *m, gboolean rank,
            gboolean known, const double q[3])
{
  for (guint i = 0; i < 3; i++)
    row_add (row, rank ? cell_rank (csv, known, q[i])
                       : cell_number (m, csv, known, q[i]));
}

static Row *
sensitivity_row (SensitivityOut *so, const char *country, const char *phase,
                 const char *node)
{
  OccDataset *ds = occ_sensitivity_get_dataset (so->s);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  g_autoptr (OccScore) score =
    node ? occ_results_lookup (so->results, country, phase, node)
         : occ_results_lookup_country (so->results, country, phase);
  Row *row = row_new ();
  double value = 0, q[3] = { 0 };
  gboolean has, known = score && occ_score_get_value (score, &value);
  guint rank = 0;

  if (score)
    rank = so->kind == OCC_RANK_KIND_COUNTRIES || node == NULL
             ? occ_score_get_country_rank (score)
             : occ_score_get_rank (score);
  row_add (row, g_strdup (country));
  row_add (row, g_strdup (phase));
  row_add (row, g_strdup (node));
  row_add (row, cell_number (m, so->csv, known, value));
  has = occ_sensitivity_lookup_score (so->s, country, phase, node, &q[0],
                                      &q[1], &q[2]);
  add_spread (row, so->csv, m, FALSE, has, q);
  row_add (row, cell_uint (rank));
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
        row_add (row, cell_fraction (so->csv, present[i], s[i]));
    }
  return row;
}

static void
sensitivity_output (SensitivityOut *so, GPtrArray *nodes, const char *format,
                    GString *out)
{
  OccDataset *ds = occ_sensitivity_get_dataset (so->s);
  gboolean json = strcmp (format, "json") == 0;
  g_autoptr (GPtrArray) rows = rows_new ();
  guint n_inputs = occ_sensitivity_get_n_inputs (so->s);
  static const char *const common[] = {
    "country", "phase", "node", "value", "median", "p5", "p95",
    "rank", "rank_median", "rank_p5", "rank_p95", NULL
  };
  Row *header;

  if (json)
    {
      /* The library writes it, escaping every id; nodes holds NULL for
       * the countries' own scores. */
      g_autofree char *text = NULL;

      g_ptr_array_add (nodes, NULL);
      text = occ_sensitivity_to_data (
        so->s, so->kind,
        g_ptr_array_index (nodes, 0) ? (const char *const *) nodes->pdata
                                     : NULL,
        NULL);
      g_ptr_array_remove_index (nodes, nodes->len - 1);
      g_string_append (out, text);
      return;
    }
  header = row_of (common);
  for (int of_rank = 0; of_rank < 2; of_rank++)
    for (guint i = 0; i < n_inputs; i++)
      row_add (header, g_strdup_printf (
                         "S%s(%s)", of_rank ? "rank" : "",
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
  append_rows (out, rows, so->csv);
  if (!so->csv)
    g_string_append_printf (
      out,
      "\n%u draws. median, p5, p95: the score across draws; rank_*: the "
      "rank %s across draws; S(input): first-order sensitivity index of "
      "each uncertain input on the score, Srank on the rank.\n",
      occ_sensitivity_get_draws (so->s),
      so->kind == OCC_RANK_KIND_PEERS ? "among peers" : "between countries");
}

int
run_sensitivity (int argc, char **argv)
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
  Bar bar;

  if ((format = output_format ("table", &status)) == NULL)
    return status;
  if (opt_node && opt_depth >= 0)
    return usage_error ("give --node or --depth, not both");
  if (opt_rank && strcmp (opt_rank, "countries") != 0
      && strcmp (opt_rank, "peers") != 0)
    return usage_error ("--rank must be countries or peers");
  if ((options = sensitivity_options (&status)) == NULL)
    return status;
  dataset = occ_tool_load_dataset (argc > 1 ? argv[1] : NULL, &error);
  if (dataset == NULL)
    return fail (error);
  if (!selected_nodes (dataset, nodes, &error))
    return fail (error);
  bar_init (&bar, "sensitivity");
  s = occ_sensitivity_new (dataset, options, bar_update, &bar, NULL, &error);
  bar_done (&bar);
  if (s == NULL)
    return fail (error);
  results = occ_results_new (dataset);
  so.s = s;
  so.results = results;
  so.csv = strcmp (format, "csv") == 0;
  so.kind = opt_rank ? (strcmp (opt_rank, "peers") == 0 ? OCC_RANK_KIND_PEERS
                                                         : OCC_RANK_KIND_COUNTRIES)
            : occ_dataset_get_n_countries (dataset) > 1 ? OCC_RANK_KIND_COUNTRIES
                                                        : OCC_RANK_KIND_PEERS;
  sensitivity_output (&so, nodes, format, out);
  return write_stdout (out);
}

/* occ compare ------------------------------------------------------------- */

const GOptionEntry compare_entries[] = {
  TABLE_FORMAT_ENTRY,
  { "node", 0, 0, G_OPTION_ARG_STRING, &opt_node,
    "The node to compare (default: the countries' own scores)", "ID" },
  OCC_NUMBER_OPTION ("depth", 'd', "Compare every node of this depth (0: top-level nodes)", "DEPTH"),
  { "phase", 'p', 0, G_OPTION_ARG_STRING, &opt_phase,
    "The phase (default: the last)", "PHASE" },
  { "ci", 0, 0, G_OPTION_ARG_NONE, &opt_ci,
    "Add bootstrap confidence intervals", NULL },
  { "method", 0, 0, G_OPTION_ARG_STRING, &opt_method,
    "Interval method: percentile (the default) or bca", "METHOD" },
  OCC_BOOTSTRAP_OPTION_ENTRIES,
  OCC_TOOL_RATINGS_ENTRY,
  { NULL }
};

static Row *
compare_row (OccComparison *c, OccMethodology *m, gboolean csv, guint i)
{
  Row *row = row_new ();
  double value = 0, delta = 0, low = 0, high = 0;
  gboolean has_delta = occ_comparison_get_delta (c, i, &delta);
  OccIntervalStatus status = occ_comparison_get_interval (c, i, &low, &high);
  gboolean has_ci = status >= OCC_INTERVAL_STATUS_ESTIMATED;
  const char *node = occ_comparison_get_node (c, i);

  occ_comparison_get_value (c, i, &value);
  row_add (row, g_strdup (node ? node : "(country)"));
  row_add (row, g_strdup (occ_comparison_get_country (c, i)));
  row_add (row, cell_number (m, csv, TRUE, value));
  row_add (row, cell_number (m, csv, has_ci, low));
  row_add (row, cell_number (m, csv, has_ci, high));
  row_add (row, cell_uint (occ_comparison_get_rank (c, i)));
  row_add (row, csv ? cell_exact (has_delta, delta)
                    : (has_delta ? format_change (m, delta) : NULL));
  row_add (row, cell_uint (occ_comparison_get_previous_rank (c, i)));
  row_add (row, g_strdup (status_note (status)));
  return row;
}

int
run_compare (int argc, char **argv)
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

  if ((format = output_format ("table", &status)) == NULL)
    return status;
  if (opt_node && opt_depth >= 0)
    return usage_error ("give --node or --depth, not both");
  if (!opt_ci && score_ci_options_given ())
    return usage_error ("--level, --replicates, --seed, --method and "
                        "--threads go with --ci");
  if ((options = bootstrap_options (&status)) == NULL)
    return status;
  dataset = occ_tool_load_dataset (argc > 1 ? argv[1] : NULL, &error);
  if (dataset == NULL)
    return fail (error);
  results = occ_results_new (dataset);
  if (opt_ci && (boot = run_bootstrap (results, options, &error)) == NULL)
    return fail (error);
  c = occ_comparison_new (results, boot, opt_phase, opt_node, opt_depth,
                          &error);
  if (c == NULL)
    return fail (error);
  if (strcmp (format, "json") == 0)
    {
      g_autofree char *json = occ_comparison_to_data (c, NULL);
      g_string_append (out, json);
    }
  else
    {
      OccMethodology *m = occ_dataset_get_methodology (dataset);
      gboolean csv = strcmp (format, "csv") == 0;
      static const char *const header[] = { "node", "country", "value",
                                            "ci_low", "ci_high", "rank",
                                            "delta", "previous_rank",
                                            "ci_status", NULL };
      g_autoptr (GPtrArray) rows = rows_new ();

      g_ptr_array_add (rows, row_of (header));
      for (guint i = 0; i < occ_comparison_get_n_rows (c); i++)
        g_ptr_array_add (rows, compare_row (c, m, csv, i));
      append_rows (out, rows, csv);
      if (!csv)
        {
          g_autofree char *phase =
            occ_escape_for_terminal (occ_comparison_get_phase (c));

          g_string_append_printf (out, "\nPhase %s; rank between countries; "
                                       "delta and previous_rank against the "
                                       "phase before.\n",
                                  phase);
          if (boot)
            append_published_note (out, boot);
        }
    }
  return write_stdout (out);
}
