/* occ-sensitivity-options-private.h: the fields of OccSensitivityOptions
 *
 * For the analysis that reads them (its getters are the public way).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-sensitivity-options.h>

#include "occ-analysis-common-private.h"

G_BEGIN_DECLS

struct _OccSensitivityOptions
{
  GObject parent_instance;

  guint draws;
  guint64 seed;
  OccWeightDraw weight_draw;
  double parameter;
  GArray *methods; /* OccAggregation */
  gboolean vary[3];
  guint threads;
};

G_END_DECLS
