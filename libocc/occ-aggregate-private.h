/* occ-aggregate-private.h: the three aggregation methods
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <float.h>
#include <math.h>

#include <occ/occ.h>

G_BEGIN_DECLS

/* occ_sums_are_safe:
 * Whether a weighted mean's plain sums give a finite quotient. Weights are
 * finite and not negative (checked at load), but their sum can still
 * overflow (two weights of 1e308 make infinity, and the mean ∞/∞ NaN), and
 * weights that are all subnormal (1e-310) lose their digits in the
 * products. Then, and only then, the general path (occ-aggregate.c)
 * divides every weight by the largest first. */
static inline gboolean
occ_sums_are_safe (double sum, double total)
{
  return isfinite (sum) && isfinite (total) && total >= DBL_MIN;
}

gboolean occ_aggregate_slow (OccAggregation method,
                             double *values,
                             const double *weights,
                             gsize n,
                             double *result);

/* occ_aggregate:
 * The plain weighted mean inline, since every node of every replicate and
 * draw takes one: the same sums, in the same order, as the general path
 * (occ-aggregate.c), which takes every other case: no values, sums that
 * are not safe (occ_sums_are_safe()), the geometric mean and the
 * median. */
static inline gboolean
occ_aggregate (OccAggregation method, double *values, const double *weights,
               gsize n, double *result)
{
  if (method == OCC_AGGREGATION_MEAN && n > 0)
    {
      double sum = 0, total = 0;

      for (gsize i = 0; i < n; i++)
        {
          double w = weights ? weights[i] : 1.0;

          sum += w * values[i];
          total += w;
        }
      if (occ_sums_are_safe (sum, total))
        {
          *result = sum / total;
          return TRUE;
        }
    }
  return occ_aggregate_slow (method, values, weights, n, result);
}

double occ_round_to (double value, guint precision);

/* Doubles in increasing order, for qsort() and bsearch(). */
int occ_compare_doubles (const void *a, const void *b);
void occ_sort_doubles (double *values, gsize n);

/* A product such as 2.675 * 100 lands a hair below the half; within this
 * relative distance a value counts as exactly on the half, as it would for a
 * person rounding the printed decimal. */
#define OCC_HALF_SLACK 1e-9

static inline double
occ_round_half_away (double x)
{
  double lower = floor (x);
  double frac = x - lower;

  if (fabs (frac - 0.5) <= OCC_HALF_SLACK * fmax (1.0, fabs (x)))
    return x >= 0 ? lower + 1 : lower;
  return round (x);
}

/* 10^precision: pow() gives the same exact values, at a hundred times the
 * cost, and ranking rounds every score. */
static inline double
occ_scale_of (guint precision)
{
  static const double powers_of_ten[] = { 1e0, 1e1, 1e2, 1e3, 1e4,
                                          1e5, 1e6, 1e7, 1e8, 1e9 };

  if (precision < G_N_ELEMENTS (powers_of_ten))
    return powers_of_ten[precision];
  return pow (10, precision);
}

/* occ_round_key:
 * The value rounded to @precision decimals, as an integer count of
 * 10^-precision units: ranks compare these, so equal-looking values tie
 * exactly. Inline: ranking computes one per score. */
static inline gint64
occ_round_key (double value, guint precision)
{
  double key = occ_round_half_away (value * occ_scale_of (precision));

  /* Scores lie on a scale of at most ±10⁶ and precision is at most 9, so
   * keys stay far inside 64 bits; the clamp keeps any other value from
   * being undefined behaviour. */
  return (gint64) CLAMP (key, -9.2e18, 9.2e18);
}

G_END_DECLS
