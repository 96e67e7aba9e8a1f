/* occ-cmd-agreement.c: occ agreement, Krippendorff's alpha of the raters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-analysis.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"
#include "occ-tool-table.h"

static char *format = NULL;
static gboolean csv_raw = FALSE;
static char *metric_name = NULL;
static char *ratings = NULL;
static OccToolBootstrapArgs bootstrap = OCC_TOOL_BOOTSTRAP_ARGS_INIT;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry metric_entries[] = {
    { "metric", 'm', 0, G_OPTION_ARG_STRING, &metric_name,
      "Metric for the table: ordinal (the default), interval, nominal, "
      "ratio or all",
      "METRIC" },
    { NULL }
  };

  occ_tool_options_add_table_format (options, &format, &csv_raw);
  occ_tool_options_add_entries (options, metric_entries);
  occ_tool_options_add_bootstrap (options, &bootstrap);
  occ_tool_options_add_ratings (options, &ratings);
}

/* In the order of OccAlphaMetric. */
static const char *const metric_names[] = { "nominal", "ordinal", "interval",
                                            "ratio" };

/* --metric: an OccAlphaMetric, or -1 for all. */
static int
parse_metric (int *metric)
{
  const char *name = metric_name ? metric_name : "ordinal";

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
  return occ_tool_usage_error ("--metric must be ordinal, interval, "
                               "nominal, ratio or all");
}

static void
append_agreement (GString *out, OccAgreement *a, int metric, gboolean csv)
{
  OccDataset *ds = occ_agreement_get_dataset (a);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  guint n_criteria = occ_methodology_get_n_criteria (m);
  static const char *const common[] = { "country", "phase",  "criterion",
                                        "units",   "values", NULL };
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();
  OccToolRow *header = occ_tool_row_of (common);
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    if (metric < 0 || (int) i == metric)
      {
        occ_tool_row_add (header, g_strdup_printf ("%s", metric_names[i]));
        occ_tool_row_add (header,
                          g_strdup_printf ("%s.ci_low", metric_names[i]));
        occ_tool_row_add (header,
                          g_strdup_printf ("%s.ci_high", metric_names[i]));
      }
  g_ptr_array_add (rows, header);
  for (guint k = 0; k < occ_dataset_get_n_countries (ds); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (ds); p++)
      for (int c = -1; c < (int) n_criteria; c++)
        {
          const char *country = occ_dataset_get_country_id (ds, k);
          const char *phase = occ_dataset_get_phase_id (ds, p);
          OccToolRow *row = occ_tool_row_new ();

          occ_tool_row_add (row, g_strdup (country));
          occ_tool_row_add (row, g_strdup (phase));
          occ_tool_row_add (
            row, g_strdup (c < 0 ? "all"
                                 : occ_methodology_get_criterion_id (m, c)));
          occ_tool_row_add (row,
                            g_strdup_printf ("%u", occ_agreement_get_n_units (
                                                     a, country, phase, c)));
          occ_tool_row_add (row, g_strdup_printf ("%u",
                                                  occ_agreement_get_n_values (
                                                    a, country, phase, c)));
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
              occ_tool_row_add (row,
                                occ_tool_cell_fraction (csv, has, alpha));
              occ_tool_row_add (row,
                                occ_tool_cell_fraction (csv, has_ci, low));
              occ_tool_row_add (row,
                                occ_tool_cell_fraction (csv, has_ci, high));
            }
          g_ptr_array_add (rows, row);
        }
  occ_tool_append_rows (out, rows, csv, occ_tool_csv_flags (csv_raw));
  if (!csv && !any)
    g_string_append (out, "\nNote: no alpha: agreement needs rater-level "
                          "ratings, two or more per rated leaf and "
                          "criterion (a dataset of published scores has "
                          "none).\n");
  else if (!csv)
    g_string_append_printf (out,
                            "\nKrippendorff's alpha, raters as coders, "
                            "(leaf, criterion) as units; %.0f %% "
                            "intervals from %u replicates resampling "
                            "units.\n",
                            occ_agreement_get_level (a) * 100,
                            occ_agreement_get_replicates (a));
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccBootstrapOptions) options = NULL;
  g_autoptr (OccAgreement) agreement = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *shown;
  int status = 0, metric = -1;

  if ((shown = occ_tool_output_format (format, "table", occ_tool_formats,
                                       &status))
      == NULL)
    return status;
  if ((status = parse_metric (&metric)) != 0)
    return status;
  if ((options = occ_tool_bootstrap_options (&bootstrap, &status)) == NULL)
    return status;
  dataset = occ_tool_load_dataset_with_ratings (argc > 1 ? argv[1] : NULL,
                                                ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  agreement = occ_tool_run_agreement (dataset, options, &error);
  if (agreement == NULL)
    return occ_tool_fail (error);
  if (strcmp (shown, "json") == 0)
    {
      g_autofree char *json = occ_agreement_to_data (agreement, NULL);
      g_string_append (out, json);
    }
  else
    append_agreement (out, agreement, metric, strcmp (shown, "csv") == 0);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_agreement = {
  "agreement",
  "[DATASET]",
  "Inter-rater agreement (Krippendorff's alpha)",
  "Krippendorff's alpha of the raters' ratings in each country and "
  "phase, over all criteria and criterion by criterion, with bootstrap "
  "intervals (units resampled).",
  add_options,
  0,
  1,
  run,
};
