/* occ-results-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-results.h>

#include "occ-engine-private.h"
#include "occ-score-private.h"

G_BEGIN_DECLS

struct _OccResults
{
  GObject parent_instance;

  OccDataset *dataset;
  OccTable *table;
  GArray *entries; /* gsize cells with any score, in list order */
};

/* Called for each slot (a criterion, or the node's own score: slot
 * n_criteria) of each written cell, to add optional members; and once
 * with cell G_MAXSIZE for members of the document itself. */
typedef void (*OccResultsExtraFunc) (OccJsonWriter *w, gsize cell, guint slot,
                                     gpointer data);

gboolean occ_results_write_extra (OccResults *self, OccResultsExtraFunc func,
                                  gpointer data, GOutputStream *stream,
                                  GCancellable *cancellable, GError **error);
char *occ_results_to_data_extra (OccResults *self, OccResultsExtraFunc func,
                                 gpointer data, gsize *length);

G_END_DECLS
