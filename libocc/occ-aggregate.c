/* occ-aggregate.c: mean, median and geometric mean without NaN
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-aggregate-private.h"

static gboolean
weighted_mean (const double *values, const double *weights, gsize n,
               double *result)
{
  double sum = 0, total = 0;

  for (gsize i = 0; i < n; i++)
    {
      double w = weights ? weights[i] : 1.0;
      sum += w * values[i];
      total += w;
    }
  /* Only zero-weight values: the mean is undefined, so there is no score. */
  if (total <= 0)
    return FALSE;
  *result = sum / total;
  return TRUE;
}

static gboolean
weighted_geometric (const double *values, const double *weights, gsize n,
                    double *result)
{
  double sum = 0, total = 0;
  gboolean zero = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      double w = weights ? weights[i] : 1.0;
      if (values[i] <= 0)
        zero = TRUE;
      else
        sum += w * log (values[i]);
      total += w;
    }
  if (total <= 0)
    return FALSE;
  *result = zero ? 0.0 : exp (sum / total);
  return TRUE;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, gsize n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/*
 * occ_aggregate:
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
occ_aggregate (OccAggregation method, double *values, const double *weights,
               gsize n, double *result)
{
  if (n == 0)
    return FALSE;
  switch (method)
    {
    case OCC_AGGREGATION_MEAN:
      return weighted_mean (values, weights, n, result);
    case OCC_AGGREGATION_GEOMETRIC:
      return weighted_geometric (values, weights, n, result);
    case OCC_AGGREGATION_MEDIAN:
      *result = median (values, n);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

double
occ_round_to (double value, guint precision)
{
  double scale = occ_scale_of (precision);
  double r = occ_round_half_away (value * scale) / scale;

  return r == 0 ? 0.0 : r; /* no "-0.00" */
}
