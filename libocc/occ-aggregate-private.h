/* occ-aggregate-private.h: the three aggregation methods
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <float.h>
#include <math.h>

#include <occ/occ-aggregation.h>

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

gboolean occ_aggregate_slow (OccAggregation method, double *values,
                             const double *weights, gsize n, double *result);

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

/* Rounding (occ-v1 §4.8) is half away from zero on the shortest decimal
 * that reads back as the same double: what a person reads, so 2.675
 * (stored as 2.67499999999999982236431605997495353221893310546875) rounds
 * to 2.68 and 2.6749999999 to 2.67. Most values are nowhere near a half
 * once scaled, and for them round() of the scaled double is that decimal
 * rounding: the shortest decimal and the scaled product each lie within
 * a few units of 2^-53 of the value. Only a value this close to a half
 * takes the decimal digits themselves (occ_round_key_decimal()). */
#define OCC_HALF_GUARD 1e-12

gint64 occ_round_key_decimal (double value, guint precision);

/* occ_round_key:
 * The value rounded to @precision decimals, as an integer count of
 * 10^-precision units: ranks and bands compare these, so equal-looking
 * values tie exactly. Inline: ranking computes one per score. */
static inline gint64
occ_round_key (double value, guint precision)
{
  double x = value * occ_scale_of (precision);
  double frac = x - floor (x);

  if (G_UNLIKELY (fabs (frac - 0.5) <= OCC_HALF_GUARD * fmax (1.0, fabs (x))))
    return occ_round_key_decimal (value, precision);
  /* Scores lie on a scale of at most ±10⁶ and precision is at most 9, so
   * keys stay far inside 64 bits; the clamp keeps any other value from
   * being undefined behaviour. */
  return (gint64) CLAMP (round (x), -9.2e18, 9.2e18);
}

G_END_DECLS
