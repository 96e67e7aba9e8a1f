/* occ-node-list-private.h: an immutable GListModel of nodes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OCC_TYPE_NODE_LIST (occ_node_list_get_type ())

G_DECLARE_FINAL_TYPE (OccNodeList, occ_node_list, OCC, NODE_LIST, GObject)

OccNodeList *occ_node_list_new (GType item_type);
void occ_node_list_append (OccNodeList *self, gpointer node);
guint occ_node_list_get_length (OccNodeList *self);
gpointer occ_node_list_peek (OccNodeList *self, guint position);
void occ_node_list_clear (OccNodeList *self);

G_END_DECLS
