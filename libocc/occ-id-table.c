/* occ-id-table.c: the id tables of a dataset (countries, phases, raters)
 *
 * Read by the dataset, its loader and its CSV import, so of its own.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "occ-id-table-private.h"

/* The index of @id, or -1. */
int
occ_id_table_lookup (const OccIdTable *table, const char *id)
{
  if (table->index == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (table->index, id)) - 1;
}

void
occ_id_table_clear (OccIdTable *table)
{
  /* Names are optional, so the names array has NULL holes: g_strfreev()
   * would stop at the first one. */
  for (guint i = 0; table->names != NULL && i < table->n; i++)
    g_free (table->names[i]);
  for (guint i = 0; table->l10n != NULL && i < table->n; i++)
    occ_labels_free (table->l10n[i]);
  g_free (table->names);
  g_free (table->l10n);
  g_strfreev (table->ids);
  g_clear_pointer (&table->index, g_hash_table_unref);
}
