/* occ-bootstrap-options.c: the settings of a bootstrap and of the
 * intervals of an agreement
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-bootstrap-options-private.h"

/**
 * OccBootstrapOptions:
 *
 * The settings of a bootstrap ([ctor@Occ.Bootstrap.new]) and of the
 * interval of an agreement ([ctor@Occ.Agreement.new]): the number of
 * replicates (default 2000), the level of the intervals (default 0.90),
 * the seed of the random generator (default 1), the interval method
 * (default percentile) and the number of threads (default 0: one per
 * processor). The same options and seed give the same numbers on every
 * machine, whatever the number of threads.
 *
 * Since: 1.1
 */

G_DEFINE_FINAL_TYPE (OccBootstrapOptions, occ_bootstrap_options,
                     G_TYPE_OBJECT)

static void
occ_bootstrap_options_class_init (OccBootstrapOptionsClass *klass)
{
}

static void
occ_bootstrap_options_init (OccBootstrapOptions *self)
{
  self->replicates = 2000;
  self->level = 0.90;
  self->seed = 1;
  self->method = OCC_INTERVAL_METHOD_PERCENTILE;
}

/**
 * occ_bootstrap_options_new:
 *
 * Default options: 2000 replicates, 90 % percentile intervals, seed 1,
 * one thread per processor.
 *
 * Returns: (transfer full): new options
 *
 * Since: 1.1
 */
OccBootstrapOptions *
occ_bootstrap_options_new (void)
{
  return g_object_new (OCC_TYPE_BOOTSTRAP_OPTIONS, NULL);
}

/**
 * occ_bootstrap_options_set_replicates:
 * @self: options
 * @replicates: the number of bootstrap replicates, at least 2
 *
 * Sets the number of replicates. More replicates give steadier interval
 * ends: 2000 is usual for 90 % or 95 % intervals (Efron & Tibshirani
 * 1993, §19.3).
 *
 * Since: 1.1
 */
void
occ_bootstrap_options_set_replicates (OccBootstrapOptions *self,
                                      guint replicates)
{
  g_return_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self));
  g_return_if_fail (replicates >= 2);
  self->replicates = replicates;
}

/**
 * occ_bootstrap_options_get_replicates:
 * @self: options
 *
 * How many replicates a bootstrap draws.
 *
 * Returns: the number of replicates
 *
 * Since: 1.1
 */
guint
occ_bootstrap_options_get_replicates (OccBootstrapOptions *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self), 0);
  return self->replicates;
}

/**
 * occ_bootstrap_options_set_level:
 * @self: options
 * @level: the confidence level, strictly between 0 and 1 (0.90 for 90 %)
 *
 * Sets the confidence level of the intervals.
 *
 * Since: 1.1
 */
void
occ_bootstrap_options_set_level (OccBootstrapOptions *self, double level)
{
  g_return_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self));
  g_return_if_fail (level > 0 && level < 1);
  self->level = level;
}

/**
 * occ_bootstrap_options_get_level:
 * @self: options
 *
 * The confidence level of the intervals.
 *
 * Returns: the confidence level
 *
 * Since: 1.1
 */
double
occ_bootstrap_options_get_level (OccBootstrapOptions *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self), 0);
  return self->level;
}

/**
 * occ_bootstrap_options_set_seed:
 * @self: options
 * @seed: any number
 *
 * Sets the seed of the random generator (xoshiro256** seeded through
 * SplitMix64; see the analysis guide for how each replicate's numbers
 * derive from it).
 *
 * Since: 1.1
 */
void
occ_bootstrap_options_set_seed (OccBootstrapOptions *self, guint64 seed)
{
  g_return_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self));
  self->seed = seed;
}

/**
 * occ_bootstrap_options_get_seed:
 * @self: options
 *
 * The seed of the random generator.
 *
 * Returns: the seed
 *
 * Since: 1.1
 */
guint64
occ_bootstrap_options_get_seed (OccBootstrapOptions *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self), 0);
  return self->seed;
}

/**
 * occ_bootstrap_options_set_method:
 * @self: options
 * @method: how intervals are read off the replicates
 *
 * Sets the interval method. Agreement intervals are always percentile
 * intervals.
 *
 * Since: 1.1
 */
void
occ_bootstrap_options_set_method (OccBootstrapOptions *self,
                                  OccIntervalMethod method)
{
  g_return_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self));
  g_return_if_fail (method == OCC_INTERVAL_METHOD_PERCENTILE
                    || method == OCC_INTERVAL_METHOD_BCA);
  self->method = method;
}

/**
 * occ_bootstrap_options_get_method:
 * @self: options
 *
 * How intervals are read off the replicates.
 *
 * Returns: the interval method
 *
 * Since: 1.1
 */
OccIntervalMethod
occ_bootstrap_options_get_method (OccBootstrapOptions *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self),
                        OCC_INTERVAL_METHOD_PERCENTILE);
  return self->method;
}

/**
 * occ_bootstrap_options_set_threads:
 * @self: options
 * @threads: the number of threads, or 0 for one per processor
 *
 * Sets how many threads compute replicates. The results do not depend on
 * it.
 *
 * Since: 1.1
 */
void
occ_bootstrap_options_set_threads (OccBootstrapOptions *self, guint threads)
{
  g_return_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self));
  self->threads = threads;
}

/**
 * occ_bootstrap_options_get_threads:
 * @self: options
 *
 * How many threads compute replicates.
 *
 * Returns: the number of threads, 0 for one per processor
 *
 * Since: 1.1
 */
guint
occ_bootstrap_options_get_threads (OccBootstrapOptions *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP_OPTIONS (self), 0);
  return self->threads;
}
