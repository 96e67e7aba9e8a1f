/* occ-sensitivity-options.h: the options of a sensitivity analysis
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib-object.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-methodology.h>

G_BEGIN_DECLS

/**
 * OccWeightDraw:
 * @OCC_WEIGHT_DRAW_FIXED: criterion weights stay as the methodology sets
 *   them
 * @OCC_WEIGHT_DRAW_UNIFORM: each weight is drawn uniformly within ± a
 *   fraction of itself
 * @OCC_WEIGHT_DRAW_DIRICHLET: the weights, as shares of their sum, are
 *   drawn from a Dirichlet distribution centred on them
 *
 * How a Monte Carlo draw varies the criterion weights.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_WEIGHT_DRAW_FIXED,
  OCC_WEIGHT_DRAW_UNIFORM,
  OCC_WEIGHT_DRAW_DIRICHLET,
} OccWeightDraw;

#define OCC_TYPE_SENSITIVITY_OPTIONS (occ_sensitivity_options_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccSensitivityOptions,
                      occ_sensitivity_options,
                      OCC,
                      SENSITIVITY_OPTIONS,
                      GObject)

OCC_AVAILABLE_IN_1_1
OccSensitivityOptions *occ_sensitivity_options_new (void);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_draws (OccSensitivityOptions *self,
                                        guint draws);
OCC_AVAILABLE_IN_1_1
guint occ_sensitivity_options_get_draws (OccSensitivityOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_seed (OccSensitivityOptions *self,
                                       guint64 seed);
OCC_AVAILABLE_IN_1_1
guint64 occ_sensitivity_options_get_seed (OccSensitivityOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_weight_draw (OccSensitivityOptions *self,
                                              OccWeightDraw draw,
                                              double parameter);
OCC_AVAILABLE_IN_1_1
OccWeightDraw
occ_sensitivity_options_get_weight_draw (OccSensitivityOptions *self,
                                         double *parameter);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_methods (OccSensitivityOptions *self,
                                          const OccAggregation *methods,
                                          gsize n_methods);

OCC_AVAILABLE_IN_1_1
OccAggregation *
occ_sensitivity_options_dup_methods (OccSensitivityOptions *self,
                                     gsize *n_methods);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_vary_level (OccSensitivityOptions *self,
                                             OccLevel level,
                                             gboolean vary);
OCC_AVAILABLE_IN_1_1
gboolean occ_sensitivity_options_get_vary_level (OccSensitivityOptions *self,
                                                 OccLevel level);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_threads (OccSensitivityOptions *self,
                                          guint threads);
OCC_AVAILABLE_IN_1_1
guint occ_sensitivity_options_get_threads (OccSensitivityOptions *self);

G_END_DECLS
