/* occ-bootstrap-private.h: what the comparison reads of a bootstrap
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-bootstrap.h>

G_BEGIN_DECLS

/* An interval by table cell and slot (occ-bootstrap.c). */
OccIntervalStatus occ_bootstrap_get_cell (OccBootstrap *self, gsize cell,
                                          guint slot, double *low,
                                          double *high);

G_END_DECLS
