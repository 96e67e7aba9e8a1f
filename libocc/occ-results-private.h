/* occ-results-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "occ-engine-private.h"

G_BEGIN_DECLS

struct _OccResults
{
  GObject parent_instance;

  OccDataset *dataset;
  OccTable *table;
  GArray *entries; /* gsize cells with any score, in list order */
};

OccScore *occ_score_new (OccResults *results, guint country, guint phase,
                         guint node);

G_END_DECLS
