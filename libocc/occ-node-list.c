/* occ-node-list.c: an immutable GListModel of nodes
 *
 * The framework's nodes and each node's children are handed out as
 * GListModels that many threads may read at once. GListStore will not do:
 * its get_item() remembers the last position it was asked for (to step to
 * a neighbour quickly), so two threads reading one store write the same
 * fields, a data race. This model is an array filled while the dataset
 * loads and never written again; reading it writes nothing but reference
 * counts, which are atomic.
 *
 * It holds objects of the type it is made for (OccNode), and knows
 * nothing else of them, so that occ-node.c can use it without a circle.
 * It is not part of the GIR: bindings see a GListModel.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "occ-node-list-private.h"

struct _OccNodeList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items; /* of item_type, owned */
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OccNodeList, occ_node_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_init))

static void
occ_node_list_finalize (GObject *object)
{
  OccNodeList *self = OCC_NODE_LIST (object);

  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (occ_node_list_parent_class)->finalize (object);
}

static void
occ_node_list_class_init (OccNodeListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_node_list_finalize;
}

static void
occ_node_list_init (OccNodeList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static GType
get_item_type (GListModel *model)
{
  return OCC_NODE_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return OCC_NODE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  OccNodeList *self = OCC_NODE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* A list of objects of @item_type. */
OccNodeList *
occ_node_list_new (GType item_type)
{
  OccNodeList *self = g_object_new (OCC_TYPE_NODE_LIST, NULL);

  self->item_type = item_type;
  return self;
}

/* Only while loading, before anyone else can see the list: no signal. */
void
occ_node_list_append (OccNodeList *self, gpointer node)
{
  g_ptr_array_add (self->items, g_object_ref (node));
}

guint
occ_node_list_get_length (OccNodeList *self)
{
  return self->items->len;
}

/* (transfer none) */
gpointer
occ_node_list_peek (OccNodeList *self, guint position)
{
  return g_ptr_array_index (self->items, position);
}

void
occ_node_list_clear (OccNodeList *self)
{
  g_ptr_array_set_size (self->items, 0);
}
