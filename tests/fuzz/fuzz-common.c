/* fuzz-common.c: the checks libocc's fuzz targets share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

void
fuzz_fail (const char *where, const char *condition, const char *format, ...)
{
  va_list args;

  fprintf (stderr, "%s: invariant broken: %s: ", where, condition);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* A g_return_if_fail() or a warning inside libocc is a bug that libFuzzer
   * must see as a crash, not a line on stderr. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

void
fuzz_check_load_error (const GError *error)
{
  fuzz_check (error != NULL, "a failed load must set an error");
  fuzz_check (error->domain == OCC_ERROR
                && error->code >= OCC_ERROR_SYNTAX
                && error->code <= OCC_ERROR_LIMIT,
              "not an OccError: %s %d: %s",
              g_quark_to_string (error->domain), error->code,
              error->message);
  fuzz_check (error->message != NULL && error->message[0] != '\0',
              "empty message");
  /* Bindings turn messages into strings: they must be UTF-8. */
  fuzz_check (g_utf8_validate (error->message, -1, NULL),
              "message is not UTF-8");
}

typedef struct
{
  OccMethodology *m;
  double low;
  double high;
  double span;
  double slack;
} Range;

static void
check_value (const Range *r, gboolean present, double value, const char *what,
             OccScore *score)
{
  if (!present)
    return;
  fuzz_check (isfinite (value), "%s of %s/%s/%s is %g", what,
              occ_score_get_country (score), occ_score_get_phase (score),
              occ_score_get_node_id (score), value);
  fuzz_check (value >= r->low - r->slack && value <= r->high + r->slack,
              "%s %.17g of %s is outside the scale %g..%g", what, value,
              occ_score_get_node_id (score), r->low, r->high);
}

static void
check_delta (const Range *r, gboolean present, double delta,
             const char *what, OccScore *score)
{
  if (!present)
    return;
  fuzz_check (isfinite (delta) && fabs (delta) <= r->span + r->slack,
              "%s %.17g of %s is not a change on the scale", what, delta,
              occ_score_get_node_id (score));
}

static void
check_score (const Range *r, OccScore *score)
{
  double value = 0, inclusion = 0;
  gboolean has;

  has = occ_score_get_value (score, &value);
  check_value (r, has, value, "value", score);
  fuzz_check (!has
                || g_strcmp0 (occ_score_get_band (score),
                              occ_methodology_band_for_value (r->m, value))
                     == 0,
              "the band of %s is not the band of its value",
              occ_score_get_node_id (score));
  has = occ_score_get_delta (score, &value);
  check_delta (r, has, value, "delta", score);
  if (occ_score_get_inclusion (score, &inclusion))
    fuzz_check (inclusion >= 0 && inclusion <= 1, "inclusion %.17g of %s",
                inclusion, occ_score_get_node_id (score));
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      has = occ_score_get_criterion_value (score, c, &value);
      check_value (r, has, value, "criterion value", score);
      has = occ_score_get_criterion_delta (score, c, &value);
      check_delta (r, has, value, "criterion delta", score);
    }
}

void
fuzz_check_results (OccResults *results)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  GListModel *model = G_LIST_MODEL (results);
  Range r;

  r.m = m;
  r.low = occ_methodology_get_scale_min (m);
  r.high = occ_methodology_get_scale_max (m);
  r.span = r.high - r.low;
  /* Sums of weighted values may round a few ulps past the scale. */
  r.slack = 1e-9 * MAX (1.0, MAX (fabs (r.low), fabs (r.high)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      check_score (&r, score);
    }
  for (guint k = 0; k < occ_dataset_get_n_countries (dataset); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (dataset); p++)
      {
        const char *country = occ_dataset_get_country_id (dataset, k);
        const char *phase = occ_dataset_get_phase_id (dataset, p);
        g_autoptr (OccScore) score =
          occ_results_lookup_country (results, country, phase);
        g_autoptr (GListModel) best =
          occ_results_get_best (results, country, phase, NULL);
        g_autoptr (GListModel) worst =
          occ_results_get_worst (results, country, phase, NULL);

        if (score != NULL)
          check_score (&r, score);
        fuzz_check ((g_list_model_get_n_items (best) == 0)
                      == (g_list_model_get_n_items (worst) == 0),
                    "best and worst of %s/%s disagree on being empty",
                    country, phase);
      }
}
