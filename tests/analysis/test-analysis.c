/* test-analysis.c: the C API of occ-analysis.h, with small cases worked
 * by hand: bootstrap intervals, Krippendorff's alpha, sensitivity and
 * comparison, bulk arrays, errors, cancellation and progress. Also run
 * under valgrind (docs/analysis.md).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <occ/occ.h>

/* Two countries, two phases, one summit T with leaves L1 (rated) and L2
 * (rated in AA, published in BB); one criterion A on 0..4. */
static const char data[] =
  "{\"format\": \"occ-dataset/1\","
  " \"methodology\": {\"id\": \"m\", \"scale\": {\"min\": 0, \"max\": 4},"
  "   \"criteria\": [{\"id\": \"A\"}, {\"id\": \"B\", \"weight\": 3}]},"
  " \"countries\": [{\"id\": \"AA\"}, {\"id\": \"BB\"}],"
  " \"phases\": [{\"id\": \"p1\"}, {\"id\": \"p2\"}],"
  " \"framework\": [{\"id\": \"T\", \"children\": [{\"id\": \"L1\"},"
  "   {\"id\": \"L2\"}]}],"
  " \"raters\": [{\"id\": \"r1\"}, {\"id\": \"r2\"}, {\"id\": \"r3\"}],"
  " \"ratings\": ["
  "  {\"country\": \"AA\", \"phase\": \"p1\", \"node\": \"L1\", \"rater\": \"r1\","
  "   \"scores\": {\"A\": 0, \"B\": 4}},"
  "  {\"country\": \"AA\", \"phase\": \"p1\", \"node\": \"L1\", \"rater\": \"r2\","
  "   \"scores\": {\"A\": 4, \"B\": 4}},"
  "  {\"country\": \"AA\", \"phase\": \"p1\", \"node\": \"L2\", \"rater\": \"r1\","
  "   \"scores\": {\"A\": 2, \"B\": 2}},"
  "  {\"country\": \"AA\", \"phase\": \"p2\", \"node\": \"L1\", \"rater\": \"r1\","
  "   \"scores\": {\"A\": 3, \"B\": 1}},"
  "  {\"country\": \"AA\", \"phase\": \"p2\", \"node\": \"L1\", \"rater\": \"r2\","
  "   \"scores\": {\"A\": 3, \"B\": 1}},"
  "  {\"country\": \"AA\", \"phase\": \"p2\", \"node\": \"L1\", \"rater\": \"r3\","
  "   \"scores\": {\"A\": 3, \"B\": 1}},"
  "  {\"country\": \"BB\", \"phase\": \"p2\", \"node\": \"L1\", \"rater\": \"r1\","
  "   \"scores\": {\"A\": 1, \"B\": 2}},"
  "  {\"country\": \"BB\", \"phase\": \"p2\", \"node\": \"L1\", \"rater\": \"r2\","
  "   \"scores\": {\"A\": 2, \"B\": null}}],"
  " \"published\": ["
  "  {\"country\": \"BB\", \"phase\": \"p2\", \"node\": \"L2\","
  "   \"scores\": {\"A\": 1.5, \"B\": 2.5}},"
  "  {\"country\": \"BB\", \"phase\": \"p1\", \"node\": \"L2\","
  "   \"scores\": {\"A\": 1, \"B\": 1}}]}";

typedef struct
{
  OccDataset *dataset;
  OccResults *results;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  f->dataset = occ_dataset_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  f->results = occ_results_new (f->dataset);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  g_clear_object (&f->results);
  g_clear_object (&f->dataset);
}

static void
test_options (void)
{
  g_autoptr (OccBootstrapOptions) b = occ_bootstrap_options_new ();
  g_autoptr (OccSensitivityOptions) s = occ_sensitivity_options_new ();
  static const OccAggregation two[] = { OCC_AGGREGATION_MEDIAN,
                                        OCC_AGGREGATION_MEAN };
  g_autofree OccAggregation *methods = NULL;
  gsize n = 0;
  double parameter = 0;

  g_assert_cmpuint (occ_bootstrap_options_get_replicates (b), ==, 2000);
  g_assert_cmpfloat (occ_bootstrap_options_get_level (b), ==, 0.90);
  g_assert_cmpuint (occ_bootstrap_options_get_seed (b), ==, 1);
  g_assert_cmpint (occ_bootstrap_options_get_method (b), ==,
                   OCC_INTERVAL_METHOD_PERCENTILE);
  g_assert_cmpuint (occ_bootstrap_options_get_threads (b), ==, 0);
  occ_bootstrap_options_set_replicates (b, 17);
  occ_bootstrap_options_set_level (b, 0.5);
  occ_bootstrap_options_set_seed (b, G_MAXUINT64);
  occ_bootstrap_options_set_method (b, OCC_INTERVAL_METHOD_BCA);
  occ_bootstrap_options_set_threads (b, 3);
  g_assert_cmpuint (occ_bootstrap_options_get_replicates (b), ==, 17);
  g_assert_cmpfloat (occ_bootstrap_options_get_level (b), ==, 0.5);
  g_assert_cmpuint (occ_bootstrap_options_get_seed (b), ==, G_MAXUINT64);
  g_assert_cmpint (occ_bootstrap_options_get_method (b), ==,
                   OCC_INTERVAL_METHOD_BCA);
  g_assert_cmpuint (occ_bootstrap_options_get_threads (b), ==, 3);

  g_assert_cmpuint (occ_sensitivity_options_get_draws (s), ==, 2000);
  g_assert_cmpuint (occ_sensitivity_options_get_seed (s), ==, 1);
  g_assert_cmpint (occ_sensitivity_options_get_weight_draw (s, &parameter),
                   ==, OCC_WEIGHT_DRAW_UNIFORM);
  g_assert_cmpfloat (parameter, ==, 0.20);
  g_assert_false (occ_sensitivity_options_get_vary_level (s,
                                                          OCC_LEVEL_RATERS));
  g_assert_true (occ_sensitivity_options_get_vary_level (s,
                                                         OCC_LEVEL_CRITERIA));
  g_assert_true (occ_sensitivity_options_get_vary_level (s,
                                                         OCC_LEVEL_CHILDREN));
  methods = occ_sensitivity_options_dup_methods (s, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (methods[1], ==, OCC_AGGREGATION_GEOMETRIC);
  g_clear_pointer (&methods, g_free);
  occ_sensitivity_options_set_methods (s, two, 2);
  occ_sensitivity_options_set_draws (s, 9);
  occ_sensitivity_options_set_seed (s, 5);
  occ_sensitivity_options_set_threads (s, 2);
  occ_sensitivity_options_set_weight_draw (s, OCC_WEIGHT_DRAW_DIRICHLET, 40);
  occ_sensitivity_options_set_vary_level (s, OCC_LEVEL_RATERS, TRUE);
  methods = occ_sensitivity_options_dup_methods (s, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (methods[0], ==, OCC_AGGREGATION_MEDIAN);
  g_assert_cmpuint (occ_sensitivity_options_get_draws (s), ==, 9);
  g_assert_cmpuint (occ_sensitivity_options_get_seed (s), ==, 5);
  g_assert_cmpuint (occ_sensitivity_options_get_threads (s), ==, 2);
  g_assert_cmpint (occ_sensitivity_options_get_weight_draw (s, NULL), ==,
                   OCC_WEIGHT_DRAW_DIRICHLET);
  g_assert_true (occ_sensitivity_options_get_vary_level (s,
                                                         OCC_LEVEL_RATERS));
}

static void
count_progress (double fraction, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* AA p1: L1 is rated A (0, 4), B (4, 4); L2 by one rater A 2, B 2. A
 * replicate's L1.A is 0, 2 or 4 with probabilities 1/4, 1/2, 1/4. */
static void
test_bootstrap_hand (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccBootstrapOptions) options = occ_bootstrap_options_new ();
  g_autoptr (OccBootstrap) boot = NULL;
  double low = -1, high = -1, se = -1, last = 0;

  occ_bootstrap_options_set_replicates (options, 4000);
  occ_bootstrap_options_set_threads (options, 2);
  boot = occ_bootstrap_new (f->results, options, count_progress, &last, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (occ_bootstrap_get_results (boot) == f->results);
  g_assert_cmpuint (occ_bootstrap_get_replicates (boot), ==, 4000);
  g_assert_cmpfloat (occ_bootstrap_get_level (boot), ==, 0.90);
  g_assert_cmpuint (occ_bootstrap_get_seed (boot), ==, 1);
  g_assert_cmpint (occ_bootstrap_get_method (boot), ==,
                   OCC_INTERVAL_METHOD_PERCENTILE);

  g_assert_cmpint (occ_bootstrap_lookup (boot, "AA", "p1", "L1", 0, &low,
                                         &high, &se),
                   ==, OCC_INTERVAL_STATUS_ESTIMATED);
  g_assert_cmpfloat (low, ==, 0.0);
  g_assert_cmpfloat (high, ==, 4.0);
  g_assert_cmpfloat_with_epsilon (se, sqrt (2.0), 0.06);
  g_assert_cmpuint (occ_bootstrap_get_n_valid (boot, "AA", "p1", "L1", 0), ==,
                    4000);
  /* B never varies; the leaf is (A + 3 × 4) / 4: 3 to 4. */
  g_assert_cmpint (occ_bootstrap_lookup (boot, "AA", "p1", "L1", 1, &low,
                                         &high, &se),
                   ==, OCC_INTERVAL_STATUS_ESTIMATED);
  g_assert_cmpfloat (low, ==, 4.0);
  g_assert_cmpfloat (high, ==, 4.0);
  g_assert_cmpfloat (se, ==, 0.0);
  occ_bootstrap_lookup (boot, "AA", "p1", "L1", -1, &low, &high, NULL);
  g_assert_cmpfloat (low, ==, 3.0);
  g_assert_cmpfloat (high, ==, 4.0);
  /* The single rater of L2 gives a zero-width interval. */
  occ_bootstrap_lookup (boot, "AA", "p1", "L2", -1, &low, &high, &se);
  g_assert_cmpfloat (low, ==, 2.0);
  g_assert_cmpfloat (high, ==, 2.0);
  g_assert_cmpfloat (se, ==, 0.0);
  /* T = (L1 + L2) / 2: 2.5 to 3; the country the same. */
  occ_bootstrap_lookup (boot, "AA", "p1", NULL, -1, &low, &high, NULL);
  g_assert_cmpfloat (low, ==, 2.5);
  g_assert_cmpfloat (high, ==, 3.0);
  /* All raters equal in p2. */
  occ_bootstrap_lookup (boot, "AA", "p2", "T", -1, &low, &high, &se);
  g_assert_cmpfloat (low, ==, 1.5);
  g_assert_cmpfloat (high, ==, 1.5);
  g_assert_cmpfloat (se, ==, 0.0);
  /* BB: L2 published, so T is partial; in p1 everything is published. */
  g_assert_cmpint (occ_bootstrap_lookup (boot, "BB", "p2", "L2", -1, NULL,
                                         NULL, NULL),
                   ==, OCC_INTERVAL_STATUS_PUBLISHED);
  g_assert_cmpint (occ_bootstrap_lookup (boot, "BB", "p2", "T", -1, NULL,
                                         NULL, NULL),
                   ==, OCC_INTERVAL_STATUS_PARTIAL);
  g_assert_cmpint (occ_bootstrap_lookup (boot, "BB", "p1", NULL, -1, NULL,
                                         NULL, NULL),
                   ==, OCC_INTERVAL_STATUS_PUBLISHED);
  g_assert_cmpuint (occ_bootstrap_get_n_published_only (boot), ==, 2);
  /* Unknown ids and criteria. */
  g_assert_cmpint (occ_bootstrap_lookup (boot, "ZZ", "p1", NULL, -1, NULL,
                                         NULL, NULL),
                   ==, OCC_INTERVAL_STATUS_NONE);
  g_assert_cmpint (occ_bootstrap_lookup (boot, "AA", "p1", "X", -1, NULL,
                                         NULL, NULL),
                   ==, OCC_INTERVAL_STATUS_NONE);
  g_assert_cmpint (occ_bootstrap_lookup (boot, "AA", "p1", "T", 2, NULL, NULL,
                                         NULL),
                   ==, OCC_INTERVAL_STATUS_NONE);
  g_assert_cmpuint (occ_bootstrap_get_n_valid (boot, "AA", "p9", NULL, -1),
                    ==, 0);
}

static void
test_bootstrap_arrays_json (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccBootstrap) boot = NULL;
  g_autofree double *low = NULL, *high = NULL, *se = NULL;
  g_autofree guint8 *status = NULL, *only = NULL;
  g_autofree char *json = NULL;
  gsize n = 0, length = 0;
  double lo, hi, err;

  boot = occ_bootstrap_new (f->results, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  status = occ_bootstrap_dup_intervals (boot, 1, 1, 0, &low, &high, &se, &n);
  g_assert_cmpuint (n, ==, 4); /* T, L1, L2, the country */
  for (gsize j = 0; j < n; j++)
    {
      static const char *const nodes[] = { "T", "L1", "L2", NULL };
      OccIntervalStatus s = occ_bootstrap_lookup (boot, "BB", "p2", nodes[j],
                                                  0, &lo, &hi, &err);

      g_assert_cmpint (status[j], ==, s);
      if (s >= OCC_INTERVAL_STATUS_ESTIMATED)
        {
          g_assert_cmpfloat (low[j], ==, lo);
          g_assert_cmpfloat (high[j], ==, hi);
          g_assert_cmpfloat (se[j], ==, err);
        }
      else
        g_assert_cmpfloat (low[j], ==, 0);
    }
  only = occ_bootstrap_dup_intervals (boot, 0, 0, -1, NULL, NULL, NULL, &n);
  g_assert_cmpint (only[0], ==, OCC_INTERVAL_STATUS_ESTIMATED);

  json = occ_bootstrap_to_data (boot, &length);
  g_assert_cmpuint (length, ==, strlen (json));
  g_assert_nonnull (strstr (json, "\"bootstrap\": {"));
  g_assert_nonnull (strstr (json, "\"ci_status\": \"partial\""));
  g_assert_nonnull (strstr (json, "\"ci_status\": \"published\""));
  g_assert_nonnull (strstr (json, "\"published_only_leaves\": 2"));
  g_assert_null (strstr (json, "nan"));
  g_assert_null (strstr (json, "alpha"));
}

static void
test_bootstrap_cancel_limit (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (OccBootstrapOptions) options = occ_bootstrap_options_new ();
  OccBootstrap *boot;
  OccAgreement *agreement;
  OccSensitivity *s;

  g_cancellable_cancel (cancellable);
  boot = occ_bootstrap_new (f->results, NULL, NULL, NULL, cancellable,
                            &error);
  g_assert_null (boot);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  agreement = occ_agreement_new (f->dataset, NULL, NULL, NULL, cancellable,
                                 &error);
  g_assert_null (agreement);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  s = occ_sensitivity_new (f->dataset, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  occ_bootstrap_options_set_replicates (options, 10000000);
  boot = occ_bootstrap_new (f->results, options, NULL, NULL, NULL, &error);
  g_assert_null (boot);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_LIMIT);
}

/* Krippendorff (2011): 4 coders × 12 units, values 1..5. */
static void
test_alpha_example (void)
{
#define M NAN
  static const double units[] = {
    1, 1, M, 1, 2, 2, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 2, 3, 4,
    4, 4, 4, 4, 1, 1, 2, 1, 2, 2, 2, 2, M, 5, 5, 5, M, M, 1, 1, M, 3, M, M,
  };
#undef M
  static const double expected[] = { 0.743, 0.815, 0.849, 0.797 };

  for (int metric = 0; metric < 4; metric++)
    {
      g_autoptr (GError) error = NULL;
      double alpha = 0;

      g_assert_true (occ_alpha_compute (units, G_N_ELEMENTS (units), 4,
                                        metric, &alpha, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (alpha, expected[metric], 0.0005);
    }
}

static void
test_alpha_errors (void)
{
  static const double same[] = { 2, 2, 2, 2 };
  static const double lonely[] = { 1, NAN, NAN, 2 };
  static const double negative[] = { -1, 1, 2, 2 };
  static const double infinite[] = { INFINITY, 1 };
  double alpha = 0;
  GError *error = NULL;

  g_assert_false (occ_alpha_compute (same, 4, 2, OCC_ALPHA_METRIC_ORDINAL,
                                     &alpha, &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
  g_clear_error (&error);
  g_assert_false (occ_alpha_compute (lonely, 4, 2, OCC_ALPHA_METRIC_NOMINAL,
                                     &alpha, &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
  g_clear_error (&error);
  g_assert_false (occ_alpha_compute (negative, 4, 2, OCC_ALPHA_METRIC_RATIO,
                                     &alpha, &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_true (occ_alpha_compute (negative, 4, 2, OCC_ALPHA_METRIC_INTERVAL,
                                    &alpha, NULL));
  g_assert_false (occ_alpha_compute (infinite, 2, 2,
                                     OCC_ALPHA_METRIC_INTERVAL, &alpha,
                                     &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (occ_alpha_compute (same, 3, 2, OCC_ALPHA_METRIC_NOMINAL,
                                     &alpha, &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
  g_clear_error (&error);
  g_assert_false (occ_alpha_compute (NULL, 0, 2, OCC_ALPHA_METRIC_NOMINAL,
                                     &alpha, &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
  g_clear_error (&error);
}

/* AA p1 units: L1.A (0, 4), L1.B (4, 4); L2 has one rater. Interval
 * metric: n = 4, D_o: 2 × 16 / 1 = 32; D_e: 2n Σ n_g (x − mean)² with
 * values 0, 4, 4, 4 (mean 3): 2 × 4 × 12 = 96; alpha = 1 − 3 × 32 / 96 =
 * 0. */
static void
test_agreement (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccAgreement) a = NULL;
  g_autoptr (OccBootstrapOptions) options = occ_bootstrap_options_new ();
  g_autofree double *alpha = NULL, *low = NULL, *high = NULL;
  g_autofree guint8 *flags = NULL;
  double value = -9, lo = -9, hi = -9;
  gsize n = 0;

  occ_bootstrap_options_set_replicates (options, 300);
  a = occ_agreement_new (f->dataset, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (occ_agreement_get_dataset (a) == f->dataset);
  g_assert_cmpuint (occ_agreement_get_replicates (a), ==, 300);
  g_assert_cmpfloat (occ_agreement_get_level (a), ==, 0.9);
  g_assert_true (occ_agreement_lookup (a, "AA", "p1", -1,
                                       OCC_ALPHA_METRIC_INTERVAL, &value));
  g_assert_cmpfloat_with_epsilon (value, 0.0, 1e-12);
  g_assert_cmpuint (occ_agreement_get_n_units (a, "AA", "p1", -1), ==, 2);
  g_assert_cmpuint (occ_agreement_get_n_values (a, "AA", "p1", -1), ==, 4);
  g_assert_cmpuint (occ_agreement_get_n_units (a, "AA", "p1", 1), ==, 1);
  /* B alone never varies: undefined. */
  g_assert_false (occ_agreement_lookup (a, "AA", "p1", 1,
                                        OCC_ALPHA_METRIC_INTERVAL, &value));
  g_assert_false (occ_agreement_lookup_interval (a, "AA", "p1", 1,
                                                 OCC_ALPHA_METRIC_INTERVAL,
                                                 &lo, &hi));
  /* Resampling the two units: L1.A twice gives alpha -0.5 (D_o 64, D_e
   * 2 × 4 × 16 = 128; 1 − 3 × 64 / 128), one of each 0, L1.B twice
   * leaves alpha undefined. Of the defined replicates a third are -0.5
   * and two thirds 0, so the 5 % and 95 % quantiles are these values,
   * exactly. */
  g_assert_true (occ_agreement_lookup_interval (a, "AA", "p1", -1,
                                                OCC_ALPHA_METRIC_INTERVAL,
                                                &lo, &hi));
  g_assert_cmpfloat (lo, ==, -0.5);
  g_assert_cmpfloat (hi, ==, 0.0);
  /* p2: all equal (3, 3, 3) and (1, 1, 1): alpha is 1 with variation
   * between units. */
  g_assert_true (occ_agreement_lookup (a, "AA", "p2", -1,
                                       OCC_ALPHA_METRIC_ORDINAL, &value));
  g_assert_cmpfloat (value, ==, 1.0);
  /* BB p1 has no ratings; unknown ids and criteria. */
  g_assert_false (occ_agreement_lookup (a, "BB", "p1", -1,
                                        OCC_ALPHA_METRIC_NOMINAL, NULL));
  g_assert_false (occ_agreement_lookup (a, "ZZ", "p1", -1,
                                        OCC_ALPHA_METRIC_NOMINAL, NULL));
  g_assert_false (occ_agreement_lookup (a, "AA", "p1", 5,
                                        OCC_ALPHA_METRIC_NOMINAL, NULL));
  g_assert_cmpuint (occ_agreement_get_n_values (a, "AA", "px", -1), ==, 0);

  flags = occ_agreement_dup_alpha (a, -1, OCC_ALPHA_METRIC_ORDINAL, &alpha,
                                   &low, &high, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (flags[1], ==, 3); /* AA p2: alpha and interval */
  g_assert_cmpfloat (alpha[1], ==, 1.0);
  g_assert_cmpint (flags[2], ==, 0); /* BB p1: nothing */
  g_assert_cmpfloat (alpha[2], ==, 0.0);
  g_clear_pointer (&flags, g_free);
  flags = occ_agreement_dup_alpha (a, 0, OCC_ALPHA_METRIC_NOMINAL, NULL, NULL,
                                   NULL, &n);
  g_assert_cmpuint (n, ==, 4);
}

static void
test_bootstrap_with_agreement (Fixture *f, gconstpointer user_data)
{
  g_autoptr (OccBootstrap) boot = occ_bootstrap_new (f->results, NULL, NULL,
                                                     NULL, NULL, NULL);
  g_autoptr (OccAgreement) a = occ_agreement_new (f->dataset, NULL, NULL,
                                                  NULL, NULL, NULL);
  g_autofree char *json = occ_bootstrap_to_data_with_agreement (boot, a,
                                                                NULL);

  g_assert_nonnull (strstr (json, "\"alpha_metric\": \"ordinal\""));
  g_assert_nonnull (strstr (json, "\"alpha\": 1.0"));
  /* AA p2's alpha has an interval (test_agreement()). */
  g_assert_nonnull (strstr (json, "\"alpha_ci\": ["));
}

static void
test_sensitivity (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccSensitivityOptions) options = occ_sensitivity_options_new ();
  g_autoptr (OccSensitivity) s = NULL;
  static const OccAggregation mean[] = { OCC_AGGREGATION_MEAN };
  g_autofree double *indices = NULL, *median = NULL, *low = NULL,
                    *high = NULL;
  g_autofree guint8 *present = NULL, *ranked = NULL;
  double m = -1, lo = -1, hi = -1, last = 0;
  gsize n = 9;

  /* 10^7 draws × 2 countries × 4 cells × 3 outputs is too many. */
  occ_sensitivity_options_set_draws (options, 10000000);
  g_assert_null (occ_sensitivity_new (f->dataset, options, NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, OCC_ERROR, OCC_ERROR_LIMIT);
  g_clear_error (&error);
  occ_sensitivity_options_set_draws (options, 500);
  occ_sensitivity_options_set_methods (options, mean, 1);
  s = occ_sensitivity_new (f->dataset, options, count_progress, &last, NULL,
                           &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (occ_sensitivity_get_dataset (s) == f->dataset);
  g_assert_cmpuint (occ_sensitivity_get_draws (s), ==, 500);
  /* One method only: the inputs are the two weights. */
  g_assert_cmpuint (occ_sensitivity_get_n_inputs (s), ==, 2);
  g_assert_cmpstr (occ_sensitivity_get_input_name (s, 0), ==, "weight:A");
  g_assert_cmpstr (occ_sensitivity_get_input_name (s, 1), ==, "weight:B");
  /* AA p2: A = 3, B = 1 on every leaf rated; L1 = (3 wA + wB) / (wA +
   * wB) with wA in [0.8, 1.2] and wB in [2.4, 3.6]: between 1.36 and
   * 1.67. */
  g_assert_true (occ_sensitivity_lookup_score (s, "AA", "p2", "L1", &m, &lo,
                                               &hi));
  g_assert_cmpfloat (lo, >=, 1 + 2 * 0.8 / 4.4);
  g_assert_cmpfloat (hi, <=, 1 + 2 * 1.2 / 3.2);
  g_assert_cmpfloat (lo, <=, m);
  g_assert_cmpfloat (m, <=, hi);
  g_assert_cmpfloat_with_epsilon (m, 1.5, 0.05);
  /* Both weights matter, about equally (relative spread 20 % each). */
  indices = occ_sensitivity_dup_indices (s, "AA", "p2", "L1", FALSE,
                                         OCC_RANK_KIND_PEERS, &present, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (present[0] && present[1]);
  g_assert_cmpfloat (indices[0], >, 0.2);
  g_assert_cmpfloat (indices[1], >, 0.2);
  g_assert_cmpfloat (indices[0] + indices[1], <, 1.1);
  g_clear_pointer (&indices, g_free);
  g_clear_pointer (&present, g_free);
  /* All raters equal in AA p1 B: the score of L1 varies with A only
   * through the weights; ranks among peers. */
  g_assert_true (occ_sensitivity_lookup_rank (s, "AA", "p1", "L1",
                                              OCC_RANK_KIND_PEERS, &m, &lo,
                                              &hi));
  g_assert_cmpfloat (m, ==, 1.0); /* L1 (3.0 to 4.0) beats L2 (2.0) */
  g_assert_true (occ_sensitivity_lookup_rank (s, "BB", "p2", NULL,
                                              OCC_RANK_KIND_COUNTRIES, &m,
                                              &lo, &hi));
  /* BB p2's T (about 2.06: L1 1.86 to 1.90, L2 2.17 to 2.32) is above
   * AA's (1.36 to 1.67) in every draw: rank 1 always, AA 2 always. */
  g_assert_cmpfloat (m, ==, 1.0);
  g_assert_cmpfloat (lo, ==, 1.0);
  g_assert_cmpfloat (hi, ==, 1.0);
  g_assert_true (occ_sensitivity_lookup_rank (s, "AA", "p2", NULL,
                                              OCC_RANK_KIND_COUNTRIES, &m,
                                              &lo, &hi));
  g_assert_cmpfloat (m, ==, 2.0);
  g_assert_cmpfloat (lo, ==, 2.0);
  g_assert_cmpfloat (hi, ==, 2.0);
  g_assert_false (occ_sensitivity_lookup_rank (s, "AA", "p9", NULL,
                                               OCC_RANK_KIND_PEERS, NULL,
                                               NULL, NULL));
  indices = occ_sensitivity_dup_indices (s, "AA", "p2", "nope", TRUE,
                                         OCC_RANK_KIND_PEERS, &present, &n);
  g_assert_null (indices);
  g_assert_null (present);
  g_assert_cmpuint (n, ==, 0);
  /* The rank of a node that never varies has no index. */
  indices = occ_sensitivity_dup_indices (s, "AA", "p2", "L1", TRUE,
                                         OCC_RANK_KIND_PEERS, &present, &n);
  g_assert_false (present[0] || present[1]);
  g_assert_cmpfloat (indices[0], ==, 0.0);
  ranked = occ_sensitivity_dup_ranks (s, 0, 0, OCC_RANK_KIND_PEERS, &median,
                                      &low, &high, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (ranked[1] && ranked[2]);
  g_assert_cmpfloat (median[1], ==, 1.0);
  g_assert_cmpfloat (median[2], ==, 2.0);
  g_clear_pointer (&ranked, g_free);
  ranked = occ_sensitivity_dup_ranks (s, 1, 0, OCC_RANK_KIND_COUNTRIES, NULL,
                                      NULL, NULL, &n);
  g_assert_false (ranked[1]); /* BB p1 L1: no score */
}

static void
test_sensitivity_errors (void)
{
  static const char negative[] =
    "{\"format\": \"occ-dataset/1\","
    " \"methodology\": {\"id\": \"n\", \"scale\": {\"min\": -1, \"max\": 1},"
    "   \"criteria\": [{\"id\": \"A\"}]},"
    " \"countries\": [{\"id\": \"AA\"}], \"phases\": [{\"id\": \"p\"}],"
    " \"framework\": [{\"id\": \"L\"}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds = occ_dataset_new_from_data (negative, -1, NULL);
  g_autoptr (OccSensitivityOptions) options = occ_sensitivity_options_new ();
  OccSensitivity *s;

  s = occ_sensitivity_new (ds, NULL, NULL, NULL, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
  g_clear_error (&error);
  occ_sensitivity_options_set_vary_level (options, OCC_LEVEL_CRITERIA, FALSE);
  occ_sensitivity_options_set_vary_level (options, OCC_LEVEL_CHILDREN, FALSE);
  /* Dirichlet weights, fixed methods: runs. */
  occ_sensitivity_options_set_draws (options, 50);
  occ_sensitivity_options_set_weight_draw (options, OCC_WEIGHT_DRAW_DIRICHLET,
                                           0.5);
  s = occ_sensitivity_new (ds, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_sensitivity_get_n_inputs (s), ==, 1);
  g_object_unref (s);
}

static void
test_comparison (Fixture *f, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccBootstrap) boot = occ_bootstrap_new (f->results, NULL, NULL,
                                                     NULL, NULL, NULL);
  g_autoptr (OccComparison) c = NULL;
  g_autofree char *json = NULL;
  double value = 0, delta = 0, low = 0, high = 0;
  OccComparison *bad;

  /* Countries in p2: AA 1.5; BB T = mean (L1, L2). */
  c = occ_comparison_new (f->results, boot, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (occ_comparison_get_phase (c), ==, "p2");
  g_assert_cmpuint (occ_comparison_get_n_rows (c), ==, 2);
  g_assert_null (occ_comparison_get_node (c, 0));
  g_assert_true (occ_comparison_get_value (c, 0, &value));
  g_assert_cmpuint (occ_comparison_get_rank (c, 0), ==, 1);
  g_assert_cmpuint (occ_comparison_get_rank (c, 1), ==, 2);
  g_assert_cmpstr (occ_comparison_get_country (c, 0), ==, "BB");
  /* BB L1: A (1, 2) → 1.5, B (2) → 2: (1.5 + 6) / 4 = 1.875; L2: (1.5 +
   * 7.5) / 4 = 2.25; T 2.0625. */
  g_assert_cmpfloat_with_epsilon (value, 2.0625, 1e-12);
  g_assert_true (occ_comparison_get_delta (c, 0, &delta));
  g_assert_cmpfloat_with_epsilon (delta, 2.0625 - 1.0, 1e-12);
  g_assert_cmpuint (occ_comparison_get_previous_rank (c, 0), ==, 2);
  g_assert_cmpint (occ_comparison_get_interval (c, 0, &low, &high), ==,
                   OCC_INTERVAL_STATUS_PARTIAL);
  g_assert_cmpfloat (low, <=, value);
  g_assert_cmpint (occ_comparison_get_interval (c, 1, &low, &high), ==,
                   OCC_INTERVAL_STATUS_ESTIMATED);
  /* AA p2: all raters equal, a zero-width interval. */
  g_assert_cmpfloat (low, ==, 1.5);
  g_assert_cmpfloat (high, ==, 1.5);
  json = occ_comparison_to_data (c, NULL);
  g_assert_nonnull (strstr (json, "\"previous_phase\": \"p1\""));
  g_assert_nonnull (strstr (json, "\"ci_status\": \"partial\""));
  g_clear_object (&c);

  /* A node in p1, without a bootstrap: only AA scores L1 there... BB has
   * no score for L1 in p1. */
  c = occ_comparison_new (f->results, NULL, "p1", "L1", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_comparison_get_n_rows (c), ==, 1);
  g_assert_cmpstr (occ_comparison_get_node (c, 0), ==, "L1");
  g_assert_cmpuint (occ_comparison_get_previous_rank (c, 0), ==, 0);
  g_assert_false (occ_comparison_get_delta (c, 0, &delta));
  g_assert_cmpint (occ_comparison_get_interval (c, 0, NULL, NULL), ==,
                   OCC_INTERVAL_STATUS_NONE);
  g_clear_object (&c);
  /* Depth 1: L1 in both countries, L2 in BB only (AA did not rate it). */
  c = occ_comparison_new (f->results, NULL, "p2", NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_comparison_get_n_rows (c), ==, 3);

  bad = occ_comparison_new (f->results, NULL, "p3", NULL, -1, &error);
  g_assert_null (bad);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  bad = occ_comparison_new (f->results, NULL, NULL, "X", -1, &error);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  bad = occ_comparison_new (f->results, NULL, NULL, "T", 0, &error);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
  g_clear_error (&error);
  bad = occ_comparison_new (f->results, NULL, NULL, NULL, 7, &error);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_null (bad);
}

/* The same seed gives the same numbers with 1 and 4 threads. */
static void
test_threads (Fixture *f, gconstpointer user_data)
{
  g_autoptr (OccBootstrapOptions) one = occ_bootstrap_options_new ();
  g_autoptr (OccBootstrapOptions) four = occ_bootstrap_options_new ();
  g_autoptr (OccBootstrap) a = NULL, b = NULL;
  g_autofree char *ja = NULL, *jb = NULL;

  occ_bootstrap_options_set_threads (one, 1);
  occ_bootstrap_options_set_threads (four, 4);
  occ_bootstrap_options_set_method (one, OCC_INTERVAL_METHOD_BCA);
  occ_bootstrap_options_set_method (four, OCC_INTERVAL_METHOD_BCA);
  a = occ_bootstrap_new (f->results, one, NULL, NULL, NULL, NULL);
  b = occ_bootstrap_new (f->results, four, NULL, NULL, NULL, NULL);
  ja = occ_bootstrap_to_data (a, NULL);
  jb = occ_bootstrap_to_data (b, NULL);
  g_assert_cmpstr (ja, ==, jb);
}

/* The ci_status names occ-results/1 writes: none for an estimated
 * interval or none at all. */
static void
test_status_names (void)
{
  g_assert_null (occ_interval_status_to_string (OCC_INTERVAL_STATUS_NONE));
  g_assert_cmpstr (
    occ_interval_status_to_string (OCC_INTERVAL_STATUS_PUBLISHED), ==,
    "published");
  g_assert_null (
    occ_interval_status_to_string (OCC_INTERVAL_STATUS_ESTIMATED));
  g_assert_cmpstr (
    occ_interval_status_to_string (OCC_INTERVAL_STATUS_PARTIAL), ==,
    "partial");
  g_assert_null (occ_interval_status_to_string ((OccIntervalStatus) 99));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/options", test_options);
  g_test_add_func ("/analysis/status-names", test_status_names);
  g_test_add ("/analysis/bootstrap/hand", Fixture, NULL, fixture_set_up,
              test_bootstrap_hand, fixture_tear_down);
  g_test_add ("/analysis/bootstrap/arrays-json", Fixture, NULL,
              fixture_set_up, test_bootstrap_arrays_json, fixture_tear_down);
  g_test_add ("/analysis/bootstrap/cancel-limit", Fixture, NULL,
              fixture_set_up, test_bootstrap_cancel_limit, fixture_tear_down);
  g_test_add ("/analysis/bootstrap/threads", Fixture, NULL, fixture_set_up,
              test_threads, fixture_tear_down);
  g_test_add_func ("/analysis/alpha/example", test_alpha_example);
  g_test_add_func ("/analysis/alpha/errors", test_alpha_errors);
  g_test_add ("/analysis/agreement", Fixture, NULL, fixture_set_up,
              test_agreement, fixture_tear_down);
  g_test_add ("/analysis/bootstrap/with-agreement", Fixture, NULL,
              fixture_set_up, test_bootstrap_with_agreement,
              fixture_tear_down);
  g_test_add ("/analysis/sensitivity", Fixture, NULL, fixture_set_up,
              test_sensitivity, fixture_tear_down);
  g_test_add_func ("/analysis/sensitivity/errors", test_sensitivity_errors);
  g_test_add ("/analysis/comparison", Fixture, NULL, fixture_set_up,
              test_comparison, fixture_tear_down);
  return g_test_run ();
}
