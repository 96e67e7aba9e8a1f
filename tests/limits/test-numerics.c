/* test-numerics.c: no NaN or infinity, whatever the weights and however
 * little there is to score
 *
 * Weights are finite and not negative, but two weights of 1e308 sum to
 * infinity and subnormal ones (1e-310) lose their digits; sets can be
 * empty, ratings all null, raters alone. Each case states the score it
 * must give, or that there is none, and every number of the results must
 * be finite, also in occ-results/1.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <string.h>

#include <occ/occ.h>

/* One country X, one phase p, raters r and s; @framework and @ratings are
 * JSON arrays, @methodology_extra members of the methodology. */
static OccDataset *
load (const char *methodology_extra, const char *criteria,
      const char *framework, const char *ratings, const char *published)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"occ-dataset/1\", \"methodology\": {\"id\": \"m\", "
    "\"scale\": {\"min\": 0, \"max\": 3}, \"criteria\": %s%s}, "
    "\"countries\": [{\"id\": \"X\"}], \"phases\": [{\"id\": \"p\"}], "
    "\"raters\": [{\"id\": \"r\"}, {\"id\": \"s\"}], \"framework\": %s, "
    "\"ratings\": %s, \"published\": %s}",
    criteria ? criteria : "[{\"id\": \"c\"}]", methodology_extra, framework,
    ratings, published ? published : "[]");
  OccDataset *dataset = occ_dataset_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Every number of every score is finite; the JSON has no gap. */
static void
check_all_finite (OccResults *results)
{
  GListModel *model = G_LIST_MODEL (results);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = occ_results_to_data (results, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      double x;

      if (occ_score_get_value (score, &x))
        g_assert_true (isfinite (x));
      if (occ_score_get_delta (score, &x))
        g_assert_true (isfinite (x));
      if (occ_score_get_inclusion (score, &x))
        g_assert_true (x >= 0 && x <= 1);
      for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
        if (occ_score_get_criterion_value (score, c, &x))
          g_assert_true (isfinite (x));
    }
  g_assert_null (strstr (json, ": ,"));
  g_assert_null (strstr (json, "nan"));
  g_assert_null (strstr (json, "inf"));
}

static OccResults *
score (OccDataset *dataset)
{
  OccResults *results = occ_results_new (dataset);

  check_all_finite (results);
  return results;
}

/* The value of @node, which must exist, within @tolerance of @expected. */
static void
assert_value (OccResults *results, const char *node, double expected,
              double tolerance)
{
  g_autoptr (OccScore) score = occ_results_lookup (results, "X", "p", node);
  double value;

  g_assert_nonnull (score);
  g_assert_true (occ_score_get_value (score, &value));
  if (fabs (value - expected) > tolerance)
    g_error ("%s: %.17g, expected %.17g", node, value, expected);
}

static void
assert_no_value (OccResults *results, const char *node)
{
  g_autoptr (OccScore) score = occ_results_lookup (results, "X", "p", node);
  double value;

  g_assert_true (score == NULL || !occ_score_get_value (score, &value));
}

#define RATE(node, rater, value)                                             \
  "{\"country\": \"X\", \"phase\": \"p\", \"node\": \"" node "\", "          \
  "\"rater\": \"" rater "\", \"scores\": {\"c\": " value "}}"

#define TWO_CHILDREN(wa, wb)                                                 \
  "[{\"id\": \"T\", \"children\": [{\"id\": \"A\", \"weight\": " wa "}, "    \
  "{\"id\": \"B\", \"weight\": " wb "}]}]"

#define A1_B3 "[" RATE ("A", "r", "1") ", " RATE ("B", "r", "3") "]"

/* 1e308 + 1e308 is infinity; the mean must still be (1 + 3) / 2. */
static void
test_node_weights_overflow (void)
{
  g_autoptr (OccDataset) dataset =
    load ("", NULL, TWO_CHILDREN ("1e308", "1e308"), A1_B3, NULL);
  g_autoptr (OccResults) results = score (dataset);

  assert_value (results, "T", 2.0, 0);
}

static void
test_criterion_weights_overflow (void)
{
  g_autoptr (OccDataset) dataset = load (
    "",
    "[{\"id\": \"c\", \"weight\": 1e308}, {\"id\": \"d\", \"weight\": "
    "1.7976931348623157e308}, {\"id\": \"e\", \"weight\": 1e308}]",
    "[{\"id\": \"L\"}]",
    "[{\"country\": \"X\", \"phase\": \"p\", \"node\": \"L\", \"rater\": "
    "\"r\", \"scores\": {\"c\": 0, \"d\": 3, \"e\": 3}}]",
    NULL);
  g_autoptr (OccResults) results = score (dataset);
  double max = 1.7976931348623157e308 / 1e308;

  /* (0·1e308 + 3·max·1e308 + 3·1e308) / (1e308 + max·1e308 + 1e308) */
  assert_value (results, "L", (3 * max + 3) / (2 + max), 1e-12);
}

/* Subnormal weights, equal or alone, weigh as much as any equal weights;
 * beside a normal weight they count for (almost) nothing. */
static void
test_subnormal_weights (void)
{
  const char *const equal[] = { "1e-310", "5e-324",
                                "2.2250738585072009e-308" };

  for (guint i = 0; i < G_N_ELEMENTS (equal); i++)
    {
      g_autofree char *framework = g_strdup_printf (TWO_CHILDREN ("%s", "%s"),
                                                    equal[i], equal[i]);
      g_autoptr (OccDataset) dataset = load ("", NULL, framework, A1_B3,
                                             NULL);
      g_autoptr (OccResults) results = score (dataset);

      assert_value (results, "T", 2.0, 0);
    }
  {
    g_autoptr (OccDataset) dataset =
      load ("", NULL, TWO_CHILDREN ("1", "1e-310"), A1_B3, NULL);
    g_autoptr (OccResults) results = score (dataset);

    assert_value (results, "T", 1.0, 1e-300);
  }
}

/* The weighted geometric mean, with weights too large and too small:
 * √(1·3) either way; a tiny value is not a zero. */
static void
test_geometric_extremes (void)
{
  const char *const weights[] = { "1e308", "1e-310", "5e-324" };
  const char *geometric = ", \"aggregation\": {\"children\": \"geometric\"}";

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autofree char *framework = g_strdup_printf (TWO_CHILDREN ("%s", "%s"),
                                                    weights[i], weights[i]);
      g_autoptr (OccDataset) dataset = load (geometric, NULL, framework,
                                             A1_B3, NULL);
      g_autoptr (OccResults) results = score (dataset);

      assert_value (results, "T", sqrt (3.0), 1e-15);
    }
  {
    /* Weights 1 and a subnormal 1e-310 side by side: T is A's 1 (B's 3
     * weighs next to nothing: 3^(1e-310 / (1 + 1e-310)) = 1), a finite
     * number, not NaN; U's children T = 1 and C = 3 give √3. */
    g_autoptr (OccDataset) dataset = load (
      ", \"aggregation\": {\"children\": \"geometric\"}", NULL,
      "[{\"id\": \"U\", \"children\": [{\"id\": \"T\", \"children\": "
      "[{\"id\": \"A\", \"weight\": 1}, {\"id\": \"B\", \"weight\": "
      "1e-310}]}, {\"id\": \"C\"}]}]",
      "[" RATE ("A", "r", "1") ", " RATE ("B", "r", "3") ", " RATE ("C", "r",
                                                                    "3") "]",
      NULL);
    g_autoptr (OccResults) results = score (dataset);

    assert_value (results, "T", 1.0, 1e-12);
    assert_value (results, "U", sqrt (3.0), 1e-12);
  }
}

/* Only children of weight 0: the weighted mean is 0/0, so there is no
 * score, with every aggregation that uses weights. */
static void
test_zero_weights (void)
{
  const char *const methods[] = { "mean", "geometric" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autofree char *extra = g_strdup_printf (
        ", \"aggregation\": {\"children\": \"%s\"}", methods[i]);
      g_autoptr (OccDataset) dataset =
        load (extra, NULL, TWO_CHILDREN ("0", "0"), A1_B3, NULL);
      g_autoptr (OccResults) results = score (dataset);
      g_autoptr (OccScore) country = occ_results_lookup_country (results, "X",
                                                                 "p");

      assert_value (results, "A", 1.0, 0);
      assert_no_value (results, "T");
      g_assert_null (country);
    }
}

/* Nothing to score: no ratings, ratings all null, no framework at all. */
static void
test_empty (void)
{
  g_autoptr (OccDataset) unrated = load ("", NULL, TWO_CHILDREN ("1", "1"),
                                         "[]", NULL);
  g_autoptr (OccResults) none = score (unrated);
  g_autoptr (OccDataset) nulls = load (
    "", NULL, TWO_CHILDREN ("1", "1"),
    "[" RATE ("A", "r", "null") ", " RATE ("A", "s", "null") "]",
    "[{\"country\": \"X\", \"phase\": \"p\", \"node\": \"A\", \"scores\": "
    "{\"c\": 2}}]");
  g_autoptr (OccResults) null_results = score (nulls);
  g_autoptr (OccScore) a = occ_results_lookup (null_results, "X", "p", "A");
  g_autoptr (OccDataset) bare = load ("", NULL, "[]", "[]", NULL);
  g_autoptr (OccResults) bare_results = score (bare);
  g_autoptr (GListModel) best = occ_results_get_best (bare_results, "X", "p",
                                                      NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
  /* All-null ratings are ratings: the published record is not used. */
  assert_no_value (null_results, "A");
  assert_no_value (null_results, "T");
  if (a != NULL)
    g_assert_cmpint (occ_score_get_criterion_n (a, 0), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bare_results)),
                    ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (best), ==, 0);
  g_assert_null (occ_results_lookup_country (bare_results, "X", "p"));
}

/* One rater: the score is that rater's, for every aggregation; with
 * min_raters 2 there is none. */
static void
test_single_rater (void)
{
  const char *const methods[] = { "mean", "median", "geometric" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autofree char *extra = g_strdup_printf (
        ", \"aggregation\": {\"raters\": \"%s\", \"criteria\": \"%s\", "
        "\"children\": \"%s\"}",
        methods[i], methods[i], methods[i]);
      g_autoptr (OccDataset) dataset = load (extra, NULL,
                                             TWO_CHILDREN ("1", "1"),
                                             "[" RATE ("A", "r", "2") "]",
                                             NULL);
      g_autoptr (OccResults) results = score (dataset);

      assert_value (results, "A", 2.0, 0);
      assert_value (results, "T", 2.0, 0);
    }
  {
    g_autoptr (OccDataset) dataset = load (", \"min_raters\": 2", NULL,
                                           TWO_CHILDREN ("1", "1"),
                                           "[" RATE ("A", "r", "2") "]",
                                           NULL);
    g_autoptr (OccResults) results = score (dataset);

    assert_no_value (results, "A");
    assert_no_value (results, "T");
  }
}

/* Inclusion from published records with 0 raters, or 0 inclusion: the
 * pooled fraction 0/0 is no inclusion, not NaN. */
static void
test_inclusion_zero (void)
{
  g_autoptr (OccDataset) dataset = load (
    ", \"population_groups\": [{\"id\": \"g\"}]", NULL,
    TWO_CHILDREN ("1", "1"), "[]",
    "[{\"country\": \"X\", \"phase\": \"p\", \"node\": \"A\", \"scores\": "
    "{\"c\": 2}, \"raters\": 0, \"inclusion\": 1}, {\"country\": \"X\", "
    "\"phase\": \"p\", \"node\": \"B\", \"scores\": {\"c\": 1}, \"raters\": "
    "0, \"inclusion\": 0}]");
  g_autoptr (OccResults) results = score (dataset);
  g_autoptr (OccScore) t = occ_results_lookup (results, "X", "p", "T");
  double inclusion;

  assert_value (results, "T", 1.5, 0);
  g_assert_false (occ_score_get_inclusion (t, &inclusion));
}

/* Rounding and formatting any finite double, at the largest precision. */
static void
test_round_extremes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = occ_methodology_new_from_data (
    "{\"id\": \"m\", \"scale\": {\"min\": -1000000, \"max\": 1000000}, "
    "\"criteria\": [{\"id\": \"c\"}], \"precision\": 9}",
    -1, &error);
  const double values[] = { 1e300,   -1e300, 1.7976931348623157e308, 5e-324,
                            -5e-324, 1e6,    -999999.9999999995 };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double rounded = occ_methodology_round (m, values[i]);
      g_autofree char *text = occ_methodology_format_value (m, values[i]);
      g_autofree char *expected = g_strdup_printf ("%.9f", rounded);

      g_assert_true (isfinite (rounded));
      g_assert_cmpstr (text, ==, expected);
    }
  g_assert_cmpfloat (occ_methodology_round (m, 1e300), ==, 1e300);
  g_assert_cmpfloat (occ_methodology_round (m, 5e-324), ==, 0.0);
  g_assert_cmpfloat (occ_methodology_round (m, -999999.9999999995), ==,
                     -1000000.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numerics/weights/node-overflow",
                   test_node_weights_overflow);
  g_test_add_func ("/numerics/weights/criterion-overflow",
                   test_criterion_weights_overflow);
  g_test_add_func ("/numerics/weights/subnormal", test_subnormal_weights);
  g_test_add_func ("/numerics/weights/geometric", test_geometric_extremes);
  g_test_add_func ("/numerics/weights/zero", test_zero_weights);
  g_test_add_func ("/numerics/empty", test_empty);
  g_test_add_func ("/numerics/single-rater", test_single_rater);
  g_test_add_func ("/numerics/inclusion-zero", test_inclusion_zero);
  g_test_add_func ("/numerics/round", test_round_extremes);
  return g_test_run ();
}
