/* occ-labels-private.h: a label in other languages (occ-v1 §2)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "occ-json-private.h"

G_BEGIN_DECLS

/* A `labels` member: language tag → text, in the order of the file, so
 * that a dataset saves as it was read. Few entries (the languages of one
 * observatory), so a lookup walks them. */
typedef struct
{
  guint n;
  char **langs;
  char **texts;
} OccLabels;

/* The most languages one `labels` member may hold. */
#define OCC_MAX_LANGUAGES 256

gboolean occ_labels_read (JsonObject *object, const OccPath *path,
                          OccLabels **labels, GError **error);
const char *occ_labels_lookup (const OccLabels *labels, const char *lang,
                               const char *fallback);
void occ_labels_write (const OccLabels *labels, OccJsonWriter *w);
OccLabels *occ_labels_copy (const OccLabels *labels);
void occ_labels_free (OccLabels *labels);
gboolean occ_language_tag_is_valid (const char *tag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OccLabels, occ_labels_free)

G_END_DECLS
