/* occ-node-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

struct _OccNode
{
  GObject parent_instance;

  char *id;
  char *label;
  char *text;
  double weight;
  guint depth;
  guint index;
  OccNode *parent; /* not a reference; cleared when the parent goes */
  GListStore *children;
};

OccNode *occ_node_new (const char *id, const char *label, const char *text,
                       double weight, guint depth, guint index);
void occ_node_add_child (OccNode *self, OccNode *child);

G_END_DECLS
