/* occ-sensitivity-options.c: the settings of a Monte Carlo sensitivity
 * analysis
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-sensitivity-options-private.h"

/**
 * OccSensitivityOptions:
 *
 * The settings of a Monte Carlo sensitivity analysis
 * ([ctor@Occ.Sensitivity.new]): the number of draws (default 2000), the
 * seed (default 1), how criterion weights vary (default: uniformly within
 * ±20 %), the set of aggregation methods to draw from (default mean,
 * geometric and median) and the levels where the method is drawn
 * (default: criteria and children), and the number of threads (default
 * 0: one per processor).
 *
 * Since: 1.1
 */

G_DEFINE_FINAL_TYPE (OccSensitivityOptions, occ_sensitivity_options,
                     G_TYPE_OBJECT)

static void
occ_sensitivity_options_finalize (GObject *object)
{
  OccSensitivityOptions *self = OCC_SENSITIVITY_OPTIONS (object);

  g_array_unref (self->methods);
  G_OBJECT_CLASS (occ_sensitivity_options_parent_class)->finalize (object);
}

static void
occ_sensitivity_options_class_init (OccSensitivityOptionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_sensitivity_options_finalize;
}

static void
occ_sensitivity_options_init (OccSensitivityOptions *self)
{
  static const OccAggregation methods[] = { OCC_AGGREGATION_MEAN,
                                            OCC_AGGREGATION_GEOMETRIC,
                                            OCC_AGGREGATION_MEDIAN };

  self->draws = 2000;
  self->seed = 1;
  self->weight_draw = OCC_WEIGHT_DRAW_UNIFORM;
  self->parameter = 0.20;
  self->methods = g_array_new (FALSE, FALSE, sizeof (OccAggregation));
  g_array_append_vals (self->methods, methods, G_N_ELEMENTS (methods));
  self->vary[OCC_LEVEL_CRITERIA] = TRUE;
  self->vary[OCC_LEVEL_CHILDREN] = TRUE;
}

/**
 * occ_sensitivity_options_new:
 *
 * Default options: 2000 draws, seed 1, weights uniform within ±20 %,
 * methods mean, geometric and median drawn at the criteria and children
 * levels.
 *
 * Returns: (transfer full): new options
 *
 * Since: 1.1
 */
OccSensitivityOptions *
occ_sensitivity_options_new (void)
{
  return g_object_new (OCC_TYPE_SENSITIVITY_OPTIONS, NULL);
}

/**
 * occ_sensitivity_options_set_draws:
 * @self: options
 * @draws: the number of Monte Carlo draws, at least 2
 *
 * Sets the number of draws.
 *
 * Since: 1.1
 */
void
occ_sensitivity_options_set_draws (OccSensitivityOptions *self, guint draws)
{
  g_return_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self));
  g_return_if_fail (draws >= 2);
  self->draws = draws;
}

/**
 * occ_sensitivity_options_get_draws:
 * @self: options
 *
 * How many Monte Carlo draws an analysis makes.
 *
 * Returns: the number of draws
 *
 * Since: 1.1
 */
guint
occ_sensitivity_options_get_draws (OccSensitivityOptions *self)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self), 0);
  return self->draws;
}

/**
 * occ_sensitivity_options_set_seed:
 * @self: options
 * @seed: any number
 *
 * Sets the seed of the random generator.
 *
 * Since: 1.1
 */
void
occ_sensitivity_options_set_seed (OccSensitivityOptions *self, guint64 seed)
{
  g_return_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self));
  self->seed = seed;
}

/**
 * occ_sensitivity_options_get_seed:
 * @self: options
 *
 * The seed of the random generator.
 *
 * Returns: the seed
 *
 * Since: 1.1
 */
guint64
occ_sensitivity_options_get_seed (OccSensitivityOptions *self)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self), 0);
  return self->seed;
}

/**
 * occ_sensitivity_options_set_weight_draw:
 * @self: options
 * @draw: how the criterion weights vary
 * @parameter: for %OCC_WEIGHT_DRAW_UNIFORM the relative spread x, at least
 *   0 and below 1 (each weight w is drawn uniformly in [w(1 − x),
 *   w(1 + x)]); for %OCC_WEIGHT_DRAW_DIRICHLET the concentration κ, above
 *   0 (the shares are drawn from Dirichlet(κ × the methodology's shares):
 *   the larger κ, the closer to them); ignored for %OCC_WEIGHT_DRAW_FIXED
 *
 * Sets how the criterion weights vary from draw to draw.
 *
 * Since: 1.1
 */
void
occ_sensitivity_options_set_weight_draw (OccSensitivityOptions *self,
                                         OccWeightDraw draw, double parameter)
{
  g_return_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self));
  g_return_if_fail (draw <= OCC_WEIGHT_DRAW_DIRICHLET);
  g_return_if_fail (draw != OCC_WEIGHT_DRAW_UNIFORM
                    || (parameter >= 0 && parameter < 1));
  g_return_if_fail (draw != OCC_WEIGHT_DRAW_DIRICHLET
                    || (parameter > 0 && isfinite (parameter)));
  self->weight_draw = draw;
  self->parameter = parameter;
}

/**
 * occ_sensitivity_options_get_weight_draw:
 * @self: options
 * @parameter: (out) (optional): the spread or concentration
 *
 * How the criterion weights vary from draw to draw.
 *
 * Returns: how the criterion weights vary
 *
 * Since: 1.1
 */
OccWeightDraw
occ_sensitivity_options_get_weight_draw (OccSensitivityOptions *self,
                                         double *parameter)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self),
                        OCC_WEIGHT_DRAW_FIXED);
  if (parameter)
    *parameter = self->parameter;
  return self->weight_draw;
}

/**
 * occ_sensitivity_options_set_methods:
 * @self: options
 * @methods: (array length=n_methods): the aggregation methods to draw
 *   from, each equally likely
 * @n_methods: how many, at least 1
 *
 * Sets the set of aggregation methods a draw picks from at each level that
 * varies (see occ_sensitivity_options_set_vary_level()).
 *
 * Since: 1.1
 */
void
occ_sensitivity_options_set_methods (OccSensitivityOptions *self,
                                     const OccAggregation *methods,
                                     gsize n_methods)
{
  g_return_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self));
  g_return_if_fail (methods != NULL && n_methods > 0 && n_methods <= 16);
  for (gsize i = 0; i < n_methods; i++)
    g_return_if_fail (methods[i] <= OCC_AGGREGATION_GEOMETRIC);
  g_array_set_size (self->methods, 0);
  g_array_append_vals (self->methods, methods, (guint) n_methods);
}

/**
 * occ_sensitivity_options_dup_methods:
 * @self: options
 * @n_methods: (out): how many
 *
 * The aggregation methods a draw picks from.
 *
 * Returns: (transfer full) (array length=n_methods): the aggregation
 *   methods a draw picks from
 *
 * Since: 1.1
 */
OccAggregation *
occ_sensitivity_options_dup_methods (OccSensitivityOptions *self,
                                     gsize *n_methods)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self), NULL);
  g_return_val_if_fail (n_methods != NULL, NULL);
  *n_methods = self->methods->len;
  return g_memdup2 (self->methods->data,
                    self->methods->len * sizeof (OccAggregation));
}

/**
 * occ_sensitivity_options_set_vary_level:
 * @self: options
 * @level: a level of aggregation
 * @vary: whether each draw picks this level's method from the set
 *
 * Sets whether a level's aggregation method is drawn. By default the
 * criteria and children levels vary and the raters level does not.
 *
 * Since: 1.1
 */
void
occ_sensitivity_options_set_vary_level (OccSensitivityOptions *self,
                                        OccLevel level, gboolean vary)
{
  g_return_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self));
  g_return_if_fail (level <= OCC_LEVEL_CHILDREN);
  self->vary[level] = vary != FALSE;
}

/**
 * occ_sensitivity_options_get_vary_level:
 * @self: options
 * @level: a level of aggregation
 *
 * Whether draws pick a level's aggregation method.
 *
 * Returns: whether draws pick this level's method
 *
 * Since: 1.1
 */
gboolean
occ_sensitivity_options_get_vary_level (OccSensitivityOptions *self,
                                        OccLevel level)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self), FALSE);
  g_return_val_if_fail (level <= OCC_LEVEL_CHILDREN, FALSE);
  return self->vary[level];
}

/**
 * occ_sensitivity_options_set_threads:
 * @self: options
 * @threads: the number of threads, or 0 for one per processor
 *
 * Sets how many threads evaluate draws. The results do not depend on it.
 *
 * Since: 1.1
 */
void
occ_sensitivity_options_set_threads (OccSensitivityOptions *self,
                                     guint threads)
{
  g_return_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self));
  self->threads = threads;
}

/**
 * occ_sensitivity_options_get_threads:
 * @self: options
 *
 * How many threads evaluate draws.
 *
 * Returns: the number of threads, 0 for one per processor
 *
 * Since: 1.1
 */
guint
occ_sensitivity_options_get_threads (OccSensitivityOptions *self)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY_OPTIONS (self), 0);
  return self->threads;
}
