/* occ-dataset-writer.c: a dataset back to occ-dataset/1
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-dataset-private.h"
#include "occ-save-private.h"

static void
write_id_table (OccJsonWriter *w, const char *member, const char *name_member,
                const OccIdTable *table)
{
  occ_json_begin_array (w, member);
  for (guint i = 0; i < table->n; i++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "id", table->ids[i]);
      if (table->names[i] != NULL)
        occ_json_put_string (w, name_member, table->names[i]);
      occ_labels_write (table->l10n[i], w);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
}

static void
write_raters (OccDataset *self, OccJsonWriter *w)
{
  occ_json_begin_array (w, "raters");
  for (guint i = 0; i < self->raters.n; i++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "id", self->raters.ids[i]);
      if (self->raters.names[i] != NULL)
        occ_json_put_string (w, "name", self->raters.names[i]);
      occ_labels_write (self->raters.l10n[i], w);
      if (self->rater_country[i] >= 0)
        occ_json_put_string (w, "country",
                             self->countries.ids[self->rater_country[i]]);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
}

static void
write_node (OccJsonWriter *w, OccNode *node)
{
  GListModel *children = G_LIST_MODEL (node->children);
  guint n = g_list_model_get_n_items (children);

  occ_json_begin_object (w, NULL);
  occ_json_put_string (w, "id", node->id);
  occ_json_put_string (w, "label", node->label);
  occ_labels_write (node->labels, w);
  if (node->text != NULL)
    occ_json_put_string (w, "text", node->text);
  if (node->weight != 1.0)
    occ_json_put_double (w, "weight", node->weight);
  if (n > 0)
    {
      occ_json_begin_array (w, "children");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (OccNode) child = g_list_model_get_item (children, i);
          write_node (w, child);
        }
      occ_json_end_array (w);
    }
  occ_json_end_object (w);
}

static void
write_framework (OccDataset *self, OccJsonWriter *w)
{
  GListModel *roots = G_LIST_MODEL (self->roots);

  occ_json_begin_array (w, "framework");
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr (OccNode) node = g_list_model_get_item (roots, i);
      write_node (w, node);
    }
  occ_json_end_array (w);
}

static void
write_rating (OccDataset *self, OccJsonWriter *w, gsize i)
{
  OccMethodology *m = self->methodology;
  const gint32 *scores = &self->r_scores[i * m->n_criteria];

  occ_json_begin_object (w, NULL);
  occ_json_put_string (w, "country", self->countries.ids[self->r_country[i]]);
  occ_json_put_string (w, "phase", self->phases.ids[self->r_phase[i]]);
  occ_json_put_string (w, "node",
                       occ_node_get_id (g_ptr_array_index (self->nodes,
                                                           self->r_node[i])));
  occ_json_put_string (w, "rater", self->raters.ids[self->r_rater[i]]);
  occ_json_begin_object (w, "scores");
  for (guint c = 0; c < m->n_criteria; c++)
    if (scores[c] == OCC_SCORE_NULL)
      occ_json_put_null (w, m->criterion_ids[c]);
    else if (occ_methodology_is_categorical (m))
      occ_json_put_string (
        w, m->criterion_ids[c],
        m->levels[c].ids[occ_level_slot (&m->levels[c], scores[c])]);
    else
      occ_json_put_int (w, m->criterion_ids[c], scores[c]);
  occ_json_end_object (w);
  if (self->r_groups_recorded[i])
    {
      occ_json_begin_array (w, "groups");
      for (guint32 g = self->r_group_start[i]; g < self->r_group_start[i + 1];
           g++)
        occ_json_put_string (w, NULL, m->group_ids[self->r_groups[g]]);
      occ_json_end_array (w);
    }
  if (self->r_evidence[i] != 0)
    occ_json_put_raw (w, "evidence",
                      g_ptr_array_index (self->r_evidence_text,
                                         self->r_evidence[i] - 1));
  if (self->r_validated[i] >= 0)
    occ_json_put_bool (w, "validated", self->r_validated[i]);
  occ_json_end_object (w);
}

static void
write_published (OccDataset *self, OccJsonWriter *w, gsize i)
{
  OccMethodology *m = self->methodology;
  const double *scores = &self->p_scores[i * m->n_criteria];

  occ_json_begin_object (w, NULL);
  occ_json_put_string (w, "country", self->countries.ids[self->p_country[i]]);
  occ_json_put_string (w, "phase", self->phases.ids[self->p_phase[i]]);
  occ_json_put_string (w, "node",
                       occ_node_get_id (g_ptr_array_index (self->nodes,
                                                           self->p_node[i])));
  occ_json_begin_object (w, "scores");
  for (guint c = 0; c < m->n_criteria; c++)
    if (isnan (scores[c]))
      occ_json_put_null (w, m->criterion_ids[c]);
    else
      occ_json_put_double (w, m->criterion_ids[c], scores[c]);
  occ_json_end_object (w);
  if (self->p_raters[i] >= 0)
    occ_json_put_int (w, "raters", self->p_raters[i]);
  if (self->p_inclusion[i] >= 0)
    occ_json_put_double (w, "inclusion", self->p_inclusion[i]);
  occ_json_end_object (w);
}

/**
 * occ_dataset_to_data:
 * @self: a dataset
 * @length: (out) (optional): the length of the text in bytes (language
 *   bindings return the text and its length)
 *
 * Writes the dataset as `occ-dataset/1`. Loading the text gives the same
 * dataset: every id, label, weight, score, group, evidence and published
 * figure, numbers to the last bit. Members libocc does not know are not
 * kept.
 *
 * The text ends with a newline, ready to be written to a file.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.0
 */
char *
occ_dataset_to_data (OccDataset *self, gsize *length)
{
  GString *out;
  OccJsonWriter w;

  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);

  out = g_string_sized_new (4096 + self->n_ratings * 160);
  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  occ_json_put_string (&w, "format", "occ-dataset/1");
  if (self->title != NULL)
    occ_json_put_string (&w, "title", self->title);
  if (occ_methodology_is_builtin (self->methodology))
    occ_json_put_string (&w, "methodology", self->methodology->id);
  else
    occ_methodology_write (self->methodology, &w, "methodology");
  write_id_table (&w, "countries", "name", &self->countries);
  write_id_table (&w, "phases", "label", &self->phases);
  write_framework (self, &w);
  write_raters (self, &w);
  occ_json_begin_array (&w, "ratings");
  for (gsize i = 0; i < self->n_ratings; i++)
    write_rating (self, &w, i);
  occ_json_end_array (&w);
  occ_json_begin_array (&w, "published");
  for (gsize i = 0; i < self->n_published; i++)
    write_published (self, &w, i);
  occ_json_end_array (&w);
  occ_json_end_object (&w);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * occ_dataset_save_to_file:
 * @self: a dataset
 * @filename: (type filename): where to save
 * @error: return location for a #GError
 *
 * Saves the dataset as `occ-dataset/1` (see [method@Occ.Dataset.to_data]).
 * The save is atomic: the text goes to a temporary file in the same
 * directory, which is then renamed over @filename, so a crash never leaves
 * a half-written dataset behind. A file that is replaced keeps its mode
 * and, where the system permits, its owner and group (ratings can name
 * organizations at risk: a dataset of mode 0600 stays 0600); a new file
 * gets the usual mode under the umask. The temporary file of a save that
 * was killed half-way is removed by the next save of the same file. As
 * with g_file_set_contents(), a symbolic link at @filename is replaced by
 * the file (which takes the mode of what the link pointed to), and hard
 * links to the old file keep the old contents.
 *
 * Returns: %TRUE on success, %FALSE with a #GFileError
 *
 * Since: 1.0
 */
gboolean
occ_dataset_save_to_file (OccDataset *self, const char *filename,
                          GError **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (OCC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = occ_dataset_to_data (self, &length);
  return occ_save_atomically (filename, text, length, error);
}
