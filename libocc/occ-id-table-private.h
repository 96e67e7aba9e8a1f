/* occ-id-table-private.h: the id tables of a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "occ-labels-private.h"

G_BEGIN_DECLS

/* An id table: countries, phases or raters. */
typedef struct
{
  guint n;
  char **ids;
  char **names;
  OccLabels **l10n;  /* the names' `labels` (occ-v1 §2), NULL holes */
  GHashTable *index; /* id → index + 1 */
} OccIdTable;

int occ_id_table_lookup (const OccIdTable *table, const char *id);
void occ_id_table_clear (OccIdTable *table);

G_END_DECLS
