/* occ-node-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-node.h>

#include "occ-labels-private.h"
#include "occ-node-list-private.h"

G_BEGIN_DECLS

struct _OccNode
{
  GObject parent_instance;

  char *id;
  char *label;
  OccLabels *labels; /* occ-v1 §2; NULL: none */
  char *text;
  double weight;
  guint depth;
  guint index;
  OccNode *parent;       /* not a reference; cleared when the parent goes */
  OccNodeList *children; /* immutable once loaded: see occ-node-list.c */
};

OccNode *occ_node_new (const char *id, const char *label, const char *text,
                       double weight, guint depth, guint index);
void occ_node_add_child (OccNode *self, OccNode *child);

G_END_DECLS
