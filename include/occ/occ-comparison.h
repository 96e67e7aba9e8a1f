/* occ-comparison.h: countries side by side on a node
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <gio/gio.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-results.h>
#include <occ/occ-analysis-common.h>
#include <occ/occ-bootstrap.h>

G_BEGIN_DECLS

#define OCC_TYPE_COMPARISON (occ_comparison_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccComparison, occ_comparison, OCC, COMPARISON, GObject)

OCC_AVAILABLE_IN_1_1
OccComparison *occ_comparison_new (OccResults *results,
                                   OccBootstrap *bootstrap,
                                   const char *phase,
                                   const char *node,
                                   int depth,
                                   GError **error);

OCC_AVAILABLE_IN_1_1
guint occ_comparison_get_n_rows (OccComparison *self);

OCC_AVAILABLE_IN_1_1
const char *occ_comparison_get_country (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
const char *occ_comparison_get_node (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
const char *occ_comparison_get_phase (OccComparison *self);

OCC_AVAILABLE_IN_1_1
gboolean occ_comparison_get_value (OccComparison *self,
                                   guint row,
                                   double *value);

OCC_AVAILABLE_IN_1_1
guint occ_comparison_get_rank (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
gboolean occ_comparison_get_delta (OccComparison *self,
                                   guint row,
                                   double *delta);

OCC_AVAILABLE_IN_1_1
guint occ_comparison_get_previous_rank (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
OccIntervalStatus occ_comparison_get_interval (OccComparison *self,
                                               guint row,
                                               double *low,
                                               double *high);

OCC_AVAILABLE_IN_1_1
char *occ_comparison_to_data (OccComparison *self, gsize *length);

G_END_DECLS
