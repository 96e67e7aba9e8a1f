/* occ-node.c: one node of a framework of commitments
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "occ-node-private.h"

/**
 * OccNode:
 *
 * One node of a dataset's framework, the tree of what is monitored: in the
 * CCO, summit → theme → commitment → sub-commitment. Leaves are the rated
 * units.
 *
 * Nodes belong to their [class@Occ.Dataset] and never change. A node keeps
 * its children alive; its parent is only known while the parent exists, so
 * a node kept after its dataset is gone has no parent.
 *
 * Like its dataset, a node can be read from several threads at once, its
 * list of children included (docs/reliability.md).
 *
 * Since: 1.0
 */

G_DEFINE_FINAL_TYPE (OccNode, occ_node, G_TYPE_OBJECT)

static void
occ_node_dispose (GObject *object)
{
  OccNode *self = OCC_NODE (object);
  guint n = occ_node_list_get_length (self->children);

  /* Children that outlive us must not point at freed memory. */
  for (guint i = 0; i < n; i++)
    {
      OccNode *child = occ_node_list_peek (self->children, i);
      child->parent = NULL;
    }
  occ_node_list_clear (self->children);
  G_OBJECT_CLASS (occ_node_parent_class)->dispose (object);
}

static void
occ_node_finalize (GObject *object)
{
  OccNode *self = OCC_NODE (object);

  g_free (self->id);
  g_free (self->label);
  occ_labels_free (self->labels);
  g_free (self->text);
  g_object_unref (self->children);
  G_OBJECT_CLASS (occ_node_parent_class)->finalize (object);
}

static void
occ_node_class_init (OccNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = occ_node_dispose;
  object_class->finalize = occ_node_finalize;
}

static void
occ_node_init (OccNode *self)
{
  self->children = occ_node_list_new (OCC_TYPE_NODE);
}

OccNode *
occ_node_new (const char *id, const char *label, const char *text,
              double weight, guint depth, guint index)
{
  OccNode *self = g_object_new (OCC_TYPE_NODE, NULL);

  self->id = g_strdup (id);
  self->label = g_strdup (label ? label : id);
  self->text = g_strdup (text);
  self->weight = weight;
  self->depth = depth;
  self->index = index;
  return self;
}

void
occ_node_add_child (OccNode *self, OccNode *child)
{
  child->parent = self;
  occ_node_list_append (self->children, child);
}

/**
 * occ_node_get_id:
 * @self: a node
 *
 * The node's id, as the dataset gives it.
 *
 * Returns: the node's id, unique in its framework, such as `IX.A.12.A`
 *
 * Since: 1.0
 */
const char *
occ_node_get_id (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  return self->id;
}

/**
 * occ_node_get_label:
 * @self: a node
 *
 * The node's label, for people.
 *
 * Returns: the node's short label, such as `Commitment 12.A` (its id when
 *   the dataset gives none)
 *
 * Since: 1.0
 */
const char *
occ_node_get_label (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  return self->label;
}

/**
 * occ_node_get_localized_label:
 * @self: a node
 * @lang: (nullable): a BCP 47 language tag, such as `es` or `pt-BR`, or
 *   %NULL for the dataset's own language
 *
 * The node's label in a language (occ-v1 §2): its `labels[lang]`, else
 * the entry for the language of a regional tag (`es` for `es-PE`), else
 * its label. Ids never change with the language.
 *
 * Returns: the label in @lang, or the label
 *
 * Since: 1.2
 */
const char *
occ_node_get_localized_label (OccNode *self, const char *lang)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  return occ_labels_lookup (self->labels, lang, self->label);
}

/**
 * occ_node_get_text:
 * @self: a node
 *
 * The text of the commitment the node stands for.
 *
 * Returns: (nullable): the full text of the commitment, if the dataset
 *   gives it
 *
 * Since: 1.0
 */
const char *
occ_node_get_text (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  return self->text;
}

/**
 * occ_node_get_weight:
 * @self: a node
 *
 * The node's weight when its parent aggregates its children.
 *
 * Returns: the node's weight among its siblings (1 unless the dataset says
 *   otherwise)
 *
 * Since: 1.0
 */
double
occ_node_get_weight (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), 0);
  return self->weight;
}

/**
 * occ_node_get_depth:
 * @self: a node
 *
 * How deep the node is in the framework.
 *
 * Returns: 0 for a top-level node (a summit), 1 for its children, and so on
 *
 * Since: 1.0
 */
guint
occ_node_get_depth (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), 0);
  return self->depth;
}

/**
 * occ_node_get_index:
 * @self: a node
 *
 * The node's position in its dataset's nodes, in document (pre-)order: the
 * index for [method@Occ.Dataset.get_node] and for the bulk arrays of
 * [class@Occ.Dataset] and [class@Occ.Results].
 *
 * Returns: the index
 *
 * Since: 1.0
 */
guint
occ_node_get_index (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), 0);
  return self->index;
}

/**
 * occ_node_is_leaf:
 * @self: a node
 *
 * Whether the node is a leaf of the framework, the kind of node raters rate.
 *
 * Returns: whether the node has no children, and so is rated directly
 *
 * Since: 1.0
 */
gboolean
occ_node_is_leaf (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), FALSE);
  return occ_node_list_get_length (self->children) == 0;
}

/**
 * occ_node_get_parent:
 * @self: a node
 *
 * The node's parent in the framework.
 *
 * Returns: (transfer none) (nullable): the parent node, or %NULL for a
 *   top-level node (or once the dataset is gone)
 *
 * Since: 1.0
 */
OccNode *
occ_node_get_parent (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  return self->parent;
}

/**
 * occ_node_get_top:
 * @self: a node
 *
 * The top-level node the node is under, whose peers it is ranked among.
 *
 * Returns: (transfer none): the top-level ancestor of the node (the summit),
 *   or the node itself when it is top-level
 *
 * Since: 1.0
 */
OccNode *
occ_node_get_top (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  while (self->parent != NULL)
    self = self->parent;
  return self;
}

/**
 * occ_node_get_children:
 * @self: a node
 *
 * The children of the node, in the dataset's order.
 *
 * Returns: (transfer none) (attributes element-type=OccNode): the
 *   children, a list of [class@Occ.Node] owned by the node, empty for a
 *   leaf
 *
 * Since: 1.0
 */
GListModel *
occ_node_get_children (OccNode *self)
{
  g_return_val_if_fail (OCC_IS_NODE (self), NULL);
  return G_LIST_MODEL (self->children);
}
