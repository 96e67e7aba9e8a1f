/* The order statistics behind every interval and rank spread: the
 * quantiles found by selection (occ_quantile_select(), in place) and by
 * bracketing (occ_quantiles_select(), several at once, values untouched)
 * must be exactly those of the definition on a sorted copy, sorted here
 * by qsort(), not by libocc.
 *
 * The bracketing guesses where each order statistic lies from a sample
 * and falls back to a full selection when the guess is wrong; the series
 * below are chosen to hit each way it can be wrong: ties on a bracket's
 * ends, a bracket holding exactly as many values as it has room for,
 * sorted and periodic series that fool the sample, few distinct values
 * (the replicates of 0–3 scores), and random ones.
 *
 * Private functions, so this test links the library's objects, not the
 * shared library. Under a memory checker OCC_TEST_SAMPLE=N runs 1/N of
 * the random series. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "occ-analysis-common-private.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The definition: linear interpolation between the order statistics
 * around (n - 1) p (Hyndman and Fan's type 7), on a sorted copy. */
static double
reference_quantile (const double *sorted, gsize n, double p)
{
  double h = (double) (n - 1) * p;
  gsize lo = (gsize) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  if (h == (double) lo)
    return sorted[lo];
  return sorted[lo] + (h - (double) lo) * (sorted[lo + 1] - sorted[lo]);
}

static const double probability_sets[][9] = {
  { 0.05, 0.95 },
  { 0.5 },
  { 0.0, 1.0 },
  { 0.25, 0.75 },
  { 0.05, 0.5, 0.95 },
  { 0.001, 0.999 },
  { 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9 },
  /* More than the bracketing takes at once: selection only. */
  { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 },
};
static const guint probability_counts[] = { 2, 1, 2, 2, 3, 2, 8, 9 };

static guint checked;

/* Every probability set on @values, both ways, against the definition. */
static void
check_series (const double *values, gsize n, const char *what)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));
  g_autofree double *copy = g_memdup2 (values, n * sizeof (double));
  g_autofree double *work = g_new (double, n);
  g_autofree double *scratch = g_new (double, 2 * n);

  qsort (sorted, n, sizeof (double), compare_doubles);
  for (guint s = 0; s < G_N_ELEMENTS (probability_sets); s++)
    {
      const double *p = probability_sets[s];
      guint n_p = probability_counts[s];
      double quantiles[9];

      occ_quantiles_select (values, n, p, n_p, quantiles, scratch);
      g_assert_cmpmem (values, n * sizeof (double), copy,
                       n * sizeof (double));
      for (guint i = 0; i < n_p; i++)
        {
          double expected = reference_quantile (sorted, n, p[i]);
          double selected;

          if (quantiles[i] != expected)
            g_error ("%s, n = %" G_GSIZE_FORMAT ", quantile %g of %u: "
                     "%.17g by bracketing, %.17g by definition",
                     what, n, p[i], n_p, quantiles[i], expected);
          memcpy (work, values, n * sizeof (double));
          selected = occ_quantile_select (work, n, p[i]);
          if (selected != expected)
            g_error ("%s, n = %" G_GSIZE_FORMAT ", quantile %g: %.17g by "
                     "selection, %.17g by definition",
                     what, n, p[i], selected, expected);
          checked++;
        }
    }
}

/* The sizes around each switch of method: the small-series sort (16),
 * the bracketing's minimum (256), the replicates' defaults (2000). */
static const gsize sizes[] = { 1,   2,   3,   16,   17,   255,  256,  257,
                               300, 511, 512, 1000, 1999, 2000, 2001, 4096 };

static void
test_quantiles_shaped (void)
{
  checked = 0;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s];
      g_autofree double *v = g_new (double, n);

      for (gsize i = 0; i < n; i++)
        v[i] = 1.5;
      check_series (v, n, "all equal");
      for (gsize i = 0; i < n; i++)
        v[i] = (double) i;
      check_series (v, n, "ascending");
      for (gsize i = 0; i < n; i++)
        v[i] = (double) (n - i);
      check_series (v, n, "descending");
      /* Half 0, half 1, in two blocks and interleaved: with p = 0.25 the
       * bracket [0, 0] holds exactly n / 2 values, its room. */
      for (gsize i = 0; i < n; i++)
        v[i] = i < n / 2 ? 0.0 : 1.0;
      check_series (v, n, "two halves");
      for (gsize i = 0; i < n; i++)
        v[i] = (double) (i % 2);
      check_series (v, n, "alternating");
      /* A period the sample's stride can alias with. */
      for (gsize i = 0; i < n; i++)
        v[i] = (double) (i % 64) / 3.0;
      check_series (v, n, "period 64");
      /* One outlier among ties. */
      for (gsize i = 0; i < n; i++)
        v[i] = i == n / 3 ? -1e6 : 2.0;
      check_series (v, n, "one outlier");
      /* Negative and positive, including both zeros. */
      for (gsize i = 0; i < n; i++)
        v[i] = i % 3 == 0 ? -0.0 : (i % 3 == 1 ? 0.0 : -(double) i);
      check_series (v, n, "signs");
    }
  g_test_message ("%u quantiles checked", checked);
}

static guint
sample_divisor (void)
{
  const char *sample = g_getenv ("OCC_TEST_SAMPLE");
  guint64 n = 1;

  if (sample != NULL && *sample != '\0')
    g_assert_true (g_ascii_string_to_unsigned (sample, 10, 1, 1000, &n,
                                               NULL));
  return (guint) n;
}

/* Random series of the kinds the analyses summarise: means of a few 0–3
 * ratings (few distinct values, many ties), continuous values, and
 * mixtures with a run of equal values. Seeded: the same series on every
 * run. */
static void
test_quantiles_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  guint rounds = 6000 / sample_divisor ();

  checked = 0;
  for (guint r = 0; r < rounds; r++)
    {
      gsize n = (gsize) g_rand_int_range (rand, 1, 3000);
      g_autofree double *v = g_new (double, n);
      guint kind = r % 4;
      int raters = g_rand_int_range (rand, 1, 9);
      int levels = g_rand_int_range (rand, 1, 5);

      for (gsize i = 0; i < n; i++)
        switch (kind)
          {
          case 0: /* a mean of @raters ratings of 0..3 */
            {
              int sum = 0;

              for (int k = 0; k < raters; k++)
                sum += g_rand_int_range (rand, 0, 4);
              v[i] = (double) sum / raters;
            }
            break;
          case 1:
            v[i] = g_rand_double_range (rand, -3, 3);
            break;
          case 2: /* very few distinct values */
            v[i] = (double) g_rand_int_range (rand, 0, levels + 1);
            break;
          default: /* a run of ties inside continuous values */
            v[i] = i > n / 4 && i < n / 2 ? 1.0
                                          : g_rand_double_range (rand, 0, 2);
          }
      check_series (v, n, "random");
    }
  g_test_message ("%u series, %u quantiles checked", rounds, checked);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quantiles/shaped", test_quantiles_shaped);
  g_test_add_func ("/quantiles/random", test_quantiles_random);
  return g_test_run ();
}
