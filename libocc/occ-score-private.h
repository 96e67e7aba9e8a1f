/* occ-score-private.h: making the scores of a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-score.h>

#include "occ-engine-private.h"

G_BEGIN_DECLS

/* The score of @node (n_nodes: the country) in one country and phase of
 * @table, which @dataset was scored into; @owner (the results) keeps both
 * alive as long as the score. */
OccScore *occ_score_new (GObject *owner, OccDataset *dataset, OccTable *table,
                         guint country, guint phase, guint node);

G_END_DECLS
