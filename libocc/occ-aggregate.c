/* occ-aggregate.c: mean, median and geometric mean without NaN
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "occ-aggregate-private.h"

/* The largest weight, or 0 when every weight is 0. */
static double
largest_weight (const double *weights, gsize n)
{
  double largest = 0;

  if (weights == NULL)
    return 1.0;
  for (gsize i = 0; i < n; i++)
    largest = MAX (largest, weights[i]);
  return largest;
}

/* Sums in locals: through the pointers, every step would be a store and
 * a load (they may alias @values). Inlined, the constant @divisor of the
 * plain sums and @logs fold away. */
static inline void
weighted_sums (const double *values, const double *weights, gsize n,
               double divisor, gboolean logs, double *sum, double *total,
               gboolean *zero)
{
  double s = 0, t = 0;
  gboolean z = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      double w = weights ? weights[i] / divisor : 1.0;

      if (logs && values[i] <= 0)
        z = TRUE;
      else
        s += w * (logs ? log (values[i]) : values[i]);
      t += w;
    }
  *sum = s;
  *total = t;
  *zero = *zero || z;
}

static gboolean
weighted_mean (const double *values, const double *weights, gsize n,
               gboolean geometric, double *result)
{
  double sum, total, largest;
  gboolean zero = FALSE;

  /* Safe plain sums have a total of at least DBL_MIN, so some weight is
   * positive: the usual case takes one pass. Only unsafe sums (see
   * occ_sums_are_safe()) take the weights divided by the largest: ordinary
   * weights take the plain sums, so results stay bit for bit what a
   * spreadsheet or the reference scorer computes. */
  weighted_sums (values, weights, n, 1.0, geometric, &sum, &total, &zero);
  if (!occ_sums_are_safe (sum, total))
    {
      largest = largest_weight (weights, n);
      /* Only zero-weight values: the mean is undefined, so there is no
       * score. */
      if (!(largest > 0))
        return FALSE;
      weighted_sums (values, weights, n, largest, geometric, &sum, &total,
                     &zero);
    }
  if (geometric)
    *result = zero ? 0.0 : exp (sum / total);
  else
    *result = sum / total;
  return TRUE;
}

/* For qsort() and bsearch() over doubles (the analyses use them too). */
int
occ_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
occ_sort_doubles (double *values, gsize n)
{
  qsort (values, n, sizeof (double), occ_compare_doubles);
}

static double
median (double *values, gsize n)
{
  /* Nodes have a handful of children: insertion sort, without qsort()'s
   * indirect calls (the analyses take medians in every draw). The sorted
   * values, and so the median, are the same. */
  if (n <= 32)
    for (gsize i = 1; i < n; i++)
      {
        double x = values[i];
        gsize j = i;

        for (; j > 0 && values[j - 1] > x; j--)
          values[j] = values[j - 1];
        values[j] = x;
      }
  else
    occ_sort_doubles (values, n);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* The most frequent value, the lowest of a tie: sorted, the first of the
 * longest run. */
static double
mode (double *values, gsize n)
{
  gsize best = 0, best_run = 0;

  occ_sort_doubles (values, n);
  for (gsize i = 0, run; i < n; i += run)
    {
      for (run = 1; i + run < n && values[i + run] == values[i]; run++)
        ;
      if (run > best_run)
        {
          best = i;
          best_run = run;
        }
    }
  return values[best];
}

/*
 * occ_aggregate_slow: (see occ_aggregate() in occ-aggregate-private.h)
 * @method: how to reduce
 * @values: (array length=n) (inout): the values; a median reorders them
 * @weights: (array length=n) (nullable): weights, or %NULL for all 1
 * @n: the number of values
 * @result: (out): where the aggregate goes
 *
 * Returns: %FALSE when there is nothing to aggregate (no values, or only
 *   values of weight 0), so that no NaN can arise
 */
gboolean
occ_aggregate_slow (OccAggregation method, double *values,
                    const double *weights, gsize n, double *result)
{
  if (n == 0)
    return FALSE;
  switch (method)
    {
    case OCC_AGGREGATION_MEAN:
      return weighted_mean (values, weights, n, FALSE, result);
    case OCC_AGGREGATION_GEOMETRIC:
      return weighted_mean (values, weights, n, TRUE, result);
    case OCC_AGGREGATION_MEDIAN:
      *result = median (values, n);
      return TRUE;
    case OCC_AGGREGATION_MODE:
      *result = mode (values, n);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* Beyond 2⁵² a double has no fractional digits left to round, and
 * multiplying by the scale could overflow to infinity. */
#define NOTHING_TO_ROUND 4503599627370496.0

/* The digits of the first of %.14e, %.15e and %.16e (15, 16 and 17
 * significant digits) that reads back as @value, the decimal a person
 * reads and occ_format_double() writes, rounded half away from zero at
 * @precision decimals, as a count of 10^-precision units. (At a few powers
 * of two far outside a score's range, such as 2^-44, a shorter decimal
 * than printf's rounding reads back; no score comes near them.) */
gint64
occ_round_key_decimal (double value, guint precision)
{
  static const char *const formats[] = { "%.14e", "%.15e", "%.16e" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE], digits[24];
  const char *p = buf;
  gboolean negative;
  guint n = 0;
  int exponent, kept;
  gint64 key = 0;

  if (!isfinite (value)
      || fabs (value) * occ_scale_of (precision) >= NOTHING_TO_ROUND)
    return (gint64) CLAMP (round (value * occ_scale_of (precision)), -9.2e18,
                           9.2e18);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  /* buf is [-]D.DDDDe±XX: the value is 0.DDDDD × 10^(XX + 1). */
  negative = *p == '-';
  p += negative;
  for (; *p != 'e'; p++)
    if (g_ascii_isdigit (*p) && n < sizeof digits)
      digits[n++] = *p;
  exponent = atoi (p + 1);
  /* The digits worth at least 10^-precision are kept; the next decides. */
  kept = exponent + 1 + (int) precision;
  for (int i = 0; i < kept; i++)
    key = key * 10 + (i < (int) n ? digits[i] - '0' : 0);
  if (kept >= 0 && kept < (int) n && digits[kept] >= '5')
    key++;
  return negative ? -key : key;
}

double
occ_round_to (double value, guint precision)
{
  double scale = occ_scale_of (precision);
  double r;

  if (!isfinite (value) || fabs (value) * scale >= NOTHING_TO_ROUND)
    return value;
  /* The key is below 2⁵², so exact; the quotient is the double nearest to
   * the rounded decimal. */
  r = (double) occ_round_key (value, precision) / scale;
  return r == 0 ? 0.0 : r; /* no "-0.00" */
}
