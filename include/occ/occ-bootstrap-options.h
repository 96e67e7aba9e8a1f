/* occ-bootstrap-options.h: the options of a bootstrap (and of the
 * agreement's intervals)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib-object.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-analysis-common.h>

G_BEGIN_DECLS

#define OCC_TYPE_BOOTSTRAP_OPTIONS (occ_bootstrap_options_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccBootstrapOptions,
                      occ_bootstrap_options,
                      OCC,
                      BOOTSTRAP_OPTIONS,
                      GObject)

OCC_AVAILABLE_IN_1_1
OccBootstrapOptions *occ_bootstrap_options_new (void);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_replicates (OccBootstrapOptions *self,
                                           guint replicates);
OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_options_get_replicates (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_level (OccBootstrapOptions *self,
                                      double level);
OCC_AVAILABLE_IN_1_1
double occ_bootstrap_options_get_level (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_seed (OccBootstrapOptions *self, guint64 seed);
OCC_AVAILABLE_IN_1_1
guint64 occ_bootstrap_options_get_seed (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_method (OccBootstrapOptions *self,
                                       OccIntervalMethod method);
OCC_AVAILABLE_IN_1_1
OccIntervalMethod
occ_bootstrap_options_get_method (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_threads (OccBootstrapOptions *self,
                                        guint threads);
OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_options_get_threads (OccBootstrapOptions *self);

G_END_DECLS
