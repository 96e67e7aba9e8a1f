/* occ-aggregation.h: the ways a set of values is reduced to one
 *
 * Of its own, so that the arithmetic (occ-aggregate.c) needs nothing of
 * the methodology that names a method per level.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * OccAggregation:
 * @OCC_AGGREGATION_MEAN: weighted arithmetic mean
 * @OCC_AGGREGATION_MEDIAN: unweighted median; the mean of the two middle
 *   values when their count is even
 * @OCC_AGGREGATION_GEOMETRIC: weighted geometric mean; a zero anywhere
 *   gives zero
 * @OCC_AGGREGATION_MODE: the most frequent value, the lowest of those
 *   tied; unweighted. A categorical methodology's raters only
 *   (occ-categorical.md rule 1). Since: 1.5
 *
 * How a set of values is reduced to one.
 *
 * Since: 1.0
 */
typedef enum {
  OCC_AGGREGATION_MEAN,
  OCC_AGGREGATION_MEDIAN,
  OCC_AGGREGATION_GEOMETRIC,
  OCC_AGGREGATION_MODE,
} OccAggregation;

G_END_DECLS
