/* occ-aggregate-private.h: the three aggregation methods
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

gboolean occ_aggregate (OccAggregation method,
                        double *values,
                        const double *weights,
                        gsize n,
                        double *result);

double occ_round_to (double value, guint precision);
gint64 occ_round_key (double value, guint precision);

G_END_DECLS
