/* occ-bootstrap.h: bootstrap confidence intervals of every score
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
#include <occ/occ-bootstrap-options.h>
#include <occ/occ-agreement.h>

G_BEGIN_DECLS

#define OCC_TYPE_BOOTSTRAP (occ_bootstrap_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccBootstrap, occ_bootstrap, OCC, BOOTSTRAP, GObject)

OCC_AVAILABLE_IN_1_1
OccBootstrap *occ_bootstrap_new (OccResults *results,
                                 OccBootstrapOptions *options,
                                 OccProgressFunc progress,
                                 gpointer user_data,
                                 GCancellable *cancellable,
                                 GError **error);

OCC_AVAILABLE_IN_1_1
OccResults *occ_bootstrap_get_results (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_get_replicates (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
double occ_bootstrap_get_level (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
guint64 occ_bootstrap_get_seed (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
OccIntervalMethod occ_bootstrap_get_method (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
OccIntervalStatus occ_bootstrap_lookup (OccBootstrap *self,
                                        const char *country,
                                        const char *phase,
                                        const char *node,
                                        int criterion,
                                        double *low,
                                        double *high,
                                        double *se);

OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_get_n_valid (OccBootstrap *self,
                                 const char *country,
                                 const char *phase,
                                 const char *node,
                                 int criterion);

OCC_AVAILABLE_IN_1_1
guint8 *occ_bootstrap_dup_intervals (OccBootstrap *self,
                                     guint country,
                                     guint phase,
                                     int criterion,
                                     double **low,
                                     double **high,
                                     double **se,
                                     gsize *n_nodes);

OCC_AVAILABLE_IN_1_1
gsize occ_bootstrap_get_n_published_only (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
char *occ_bootstrap_to_data (OccBootstrap *self, gsize *length);

OCC_AVAILABLE_IN_1_1
char *occ_bootstrap_to_data_with_agreement (OccBootstrap *self,
                                            OccAgreement *agreement,
                                            gsize *length);

G_END_DECLS
