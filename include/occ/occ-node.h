/* occ-node.h: one node of a framework of commitments
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <gio/gio.h>
#include <occ/occ-version-macros.h>

G_BEGIN_DECLS

#define OCC_TYPE_NODE (occ_node_get_type ())

OCC_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (OccNode, occ_node, OCC, NODE, GObject)

OCC_AVAILABLE_IN_1_0
const char *occ_node_get_id (OccNode *self);

OCC_AVAILABLE_IN_1_0
const char *occ_node_get_label (OccNode *self);

OCC_AVAILABLE_IN_1_2
const char *occ_node_get_localized_label (OccNode *self, const char *lang);

OCC_AVAILABLE_IN_1_0
const char *occ_node_get_text (OccNode *self);

OCC_AVAILABLE_IN_1_0
double occ_node_get_weight (OccNode *self);

OCC_AVAILABLE_IN_1_0
guint occ_node_get_depth (OccNode *self);

OCC_AVAILABLE_IN_1_0
guint occ_node_get_index (OccNode *self);

OCC_AVAILABLE_IN_1_0
gboolean occ_node_is_leaf (OccNode *self);

OCC_AVAILABLE_IN_1_0
OccNode *occ_node_get_parent (OccNode *self);

OCC_AVAILABLE_IN_1_0
OccNode *occ_node_get_top (OccNode *self);

OCC_AVAILABLE_IN_1_0
GListModel *occ_node_get_children (OccNode *self);

G_END_DECLS
