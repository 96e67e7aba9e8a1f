/* occ-analysis-common.h: what the analyses share: progress, interval
 * methods and statuses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib.h>
#include <occ/occ-version-macros.h>

G_BEGIN_DECLS

/**
 * OccProgressFunc:
 * @fraction: how much of the work is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called from the calling thread, never from a worker thread, a few times
 * a second during a long analysis (and once with 1 at the end).
 *
 * Since: 1.1
 */
typedef void (*OccProgressFunc) (double fraction, gpointer user_data);

/**
 * OccIntervalMethod:
 * @OCC_INTERVAL_METHOD_PERCENTILE: the percentile interval: the replicates'
 *   quantiles at (1 − level) / 2 and (1 + level) / 2
 * @OCC_INTERVAL_METHOD_BCA: the bias-corrected and accelerated interval
 *   (Efron 1987), its acceleration from a stratified jackknife over the
 *   ratings
 *
 * How a bootstrap interval is read off the replicates.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_INTERVAL_METHOD_PERCENTILE,
  OCC_INTERVAL_METHOD_BCA,
} OccIntervalMethod;

/**
 * OccIntervalStatus:
 * @OCC_INTERVAL_STATUS_NONE: there is no interval: the score does not
 *   exist, or fewer than two replicates gave it a value
 * @OCC_INTERVAL_STATUS_PUBLISHED: the score comes from published scores
 *   only (no rater-level data), so it has no interval
 * @OCC_INTERVAL_STATUS_ESTIMATED: the interval covers every leaf below
 *   the score
 * @OCC_INTERVAL_STATUS_PARTIAL: the interval covers the leaves below that
 *   have ratings; leaves with published scores only entered every
 *   replicate unchanged
 *
 * Whether a score has a bootstrap interval, and what it covers.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_INTERVAL_STATUS_NONE,
  OCC_INTERVAL_STATUS_PUBLISHED,
  OCC_INTERVAL_STATUS_ESTIMATED,
  OCC_INTERVAL_STATUS_PARTIAL,
} OccIntervalStatus;

OCC_AVAILABLE_IN_1_3
const char *occ_interval_status_to_string (OccIntervalStatus status);

G_END_DECLS
