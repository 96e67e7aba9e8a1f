/* occ-dataset-loader.c: occ-dataset/1 into columns, checking occ-v1 §6
 *
 * The constructors of OccDataset (occ_dataset_new_from_file() and the
 * others, at the end) parse the document and run the passes in between.
 * Every check names its place as a JSON path. The loader fills a fresh
 * OccDataset that the caller throws away on error, so nothing is ever half
 * loaded.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "occ-dataset-private.h"
#include "occ-input-private.h"

#define FORMAT_ID "occ-dataset/1"

static gboolean
check_format (JsonObject *root, const OccPath *path, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "format");
  JsonNode *node = json_object_get_member (root, "format");
  const char *format;

  if (node == NULL)
    {
      occ_path_error (error, OCC_ERROR_FORMAT, &here,
                      "missing; expected \"%s\"", FORMAT_ID);
      return FALSE;
    }
  if (!(format = occ_json_string (node, &here, error)))
    return FALSE;
  if (!g_str_equal (format, FORMAT_ID))
    {
      occ_path_error (error, OCC_ERROR_FORMAT, &here,
                      "expected \"%s\", found \"%s\"", FORMAT_ID, format);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_methodology (OccDataset *self, JsonObject *root, const OccPath *path,
                  GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "methodology");
  JsonNode *node = occ_json_member (root, "methodology", path, TRUE, error);

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    self->methodology = occ_methodology_new_from_json (node, &here, error);
  else
    {
      const char *id = occ_json_string (node, &here, error);
      g_autoptr (GError) local = NULL;

      if (id == NULL)
        return FALSE;
      self->methodology = occ_methodology_new_builtin (id, &local);
      if (local != NULL)
        occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &here, "%s",
                        local->message);
    }
  return self->methodology != NULL;
}

/* Refuse an array of more than @limit entries before reading any. */
static gboolean
check_count (guint n, guint limit, const char *what, const OccPath *path,
             GError **error)
{
  if (n <= limit)
    return TRUE;
  occ_path_error (error, OCC_ERROR_LIMIT, path,
                  "%u %s; libocc reads at most %u", n, what, limit);
  return FALSE;
}

/* An optional array member; absent means empty. */
static gboolean
optional_array (JsonObject *object, const char *name, const OccPath *path,
                JsonArray **array, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, name);
  JsonNode *node = json_object_get_member (object, name);

  *array = NULL;
  if (node == NULL)
    return TRUE;
  *array = occ_json_array (node, &here, error);
  return *array != NULL;
}

/* "countries", "phases", "raters": [{"id", <name_member>}] */
static gboolean
load_id_table (JsonObject *root, const char *member, const char *name_member,
               const OccPath *path, OccIdTable *table, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, member);
  JsonArray *array;

  table->index = g_hash_table_new (g_str_hash, g_str_equal);
  if (!optional_array (root, member, path, &array, error))
    return FALSE;
  table->n = array ? json_array_get_length (array) : 0;
  if (!check_count (table->n, OCC_MAX_IDS, member, &here, error))
    {
      table->n = 0;
      return FALSE;
    }
  table->ids = g_new0 (char *, table->n + 1);
  table->names = g_new0 (char *, table->n + 1);
  table->l10n = g_new0 (OccLabels *, table->n + 1);
  for (guint i = 0; i < table->n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      JsonObject *entry = occ_json_object (json_array_get_element (array, i),
                                           &at, error);
      const char *id = NULL, *name = NULL;

      if (entry == NULL
          || !occ_json_required_id (entry, "id", &at, &id, error)
          || !occ_json_optional_string (entry, name_member, &at, &name, error)
          || !occ_labels_read (entry, &at, &table->l10n[i], error))
        return FALSE;
      if (g_hash_table_contains (table->index, id))
        {
          OccPath id_path = OCC_PATH_MEMBER (&at, "id");
          occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                          "duplicate id \"%s\"", id);
          return FALSE;
        }
      table->ids[i] = g_strdup (id);
      table->names[i] = g_strdup (name);
      g_hash_table_insert (table->index, table->ids[i],
                           GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static gboolean
load_rater_countries (OccDataset *self, JsonObject *root, const OccPath *path,
                      GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "raters");
  JsonArray *array = NULL;

  optional_array (root, "raters", path, &array, NULL);
  self->rater_country = g_new (int, self->raters.n + 1);
  for (guint i = 0; i < self->raters.n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      OccPath country_path = OCC_PATH_MEMBER (&at, "country");
      const char *country = NULL;

      self->rater_country[i] = -1;
      if (!occ_json_optional_string (json_array_get_object_element (array, i),
                                     "country", &at, &country, error))
        return FALSE;
      if (country == NULL)
        continue;
      self->rater_country[i] = occ_id_table_lookup (&self->countries,
                                                    country);
      if (self->rater_country[i] < 0)
        {
          occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &country_path,
                          "unknown country \"%s\"", country);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean load_nodes (OccDataset *self, JsonArray *array,
                            const OccPath *path, OccNode *parent, guint depth,
                            GError **error);

static gboolean
load_node (OccDataset *self, JsonNode *json, const OccPath *path,
           OccNode *parent, guint depth, GError **error)
{
  JsonObject *object = occ_json_object (json, path, error);
  const char *id = NULL, *label = NULL, *text = NULL;
  g_autoptr (OccLabels) labels = NULL;
  double weight;
  JsonArray *children;
  OccNode *node;

  if (object == NULL || !occ_json_required_id (object, "id", path, &id, error)
      || !occ_json_optional_string (object, "label", path, &label, error)
      || !occ_labels_read (object, path, &labels, error)
      || !occ_json_optional_string (object, "text", path, &text, error)
      || !occ_json_optional_weight (object, path, &weight, error)
      || !optional_array (object, "children", path, &children, error))
    return FALSE;
  if (g_hash_table_contains (self->node_index, id))
    {
      OccPath id_path = OCC_PATH_MEMBER (path, "id");
      occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                      "node \"%s\" is listed twice in the framework", id);
      return FALSE;
    }
  node = occ_node_new (id, label, text, weight, depth, self->nodes->len);
  node->labels = g_steal_pointer (&labels);
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->node_index, node->id, node);
  if (parent != NULL)
    occ_node_add_child (parent, node);
  else
    occ_node_list_append (self->roots, node);
  if (children != NULL)
    {
      OccPath children_path = OCC_PATH_MEMBER (path, "children");
      return load_nodes (self, children, &children_path, node, depth + 1,
                         error);
    }
  return TRUE;
}

/* Recursion is bounded: the input's nesting depth was checked before
 * parsing, and every level of nodes is two levels of JSON. */
static gboolean
load_nodes (OccDataset *self, JsonArray *array, const OccPath *path,
            OccNode *parent, guint depth, GError **error)
{
  guint n = json_array_get_length (array);

  /* Counted over the whole framework, before this level is read. */
  if ((guint64) self->nodes->len + n > OCC_MAX_IDS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, path,
                      "more than %u nodes in the framework", OCC_MAX_IDS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (path, i);
      if (!load_node (self, json_array_get_element (array, i), &at, parent,
                      depth, error))
        return FALSE;
    }
  return TRUE;
}

static guint
peer_group (GHashTable *peers, guint64 key)
{
  gpointer value;
  guint64 *stored;

  if (g_hash_table_lookup_extended (peers, &key, NULL, &value))
    return GPOINTER_TO_UINT (value);
  stored = g_new (guint64, 1);
  *stored = key;
  g_hash_table_insert (peers, stored,
                       GUINT_TO_POINTER (g_hash_table_size (peers)));
  return g_hash_table_size (peers) - 1;
}

/* The flat arrays the engine walks, and the rank peers of occ-v1 §4.7:
 * top-level nodes together; every other node with the nodes of its depth
 * under its top-level node, leaves and inner nodes alike (revision 2: the
 * commitments of a summit are peers whether or not they have
 * sub-commitments). */
static void
index_framework (OccDataset *self)
{
  g_autoptr (GHashTable) peers =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->n_nodes = self->nodes->len;
  guint next = 0;

  self->node_parent = g_new (int, n + 1);
  self->node_top = g_new (guint, n + 1);
  self->node_peer = g_new (guint, n + 1);
  self->node_leaf = g_new (gboolean, n + 1);
  self->node_weight = g_new (double, n + 1);
  self->child_start = g_new (guint, n + 1);
  self->child_list = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      OccNode *node = g_ptr_array_index (self->nodes, i);
      guint n_children = occ_node_list_get_length (node->children);
      guint64 key;

      self->node_parent[i] = node->parent ? (int) node->parent->index : -1;
      self->node_top[i] = node->parent ? self->node_top[node->parent->index]
                                       : i;
      self->node_leaf[i] = n_children == 0;
      self->node_weight[i] = node->weight;
      self->child_start[i] = next;
      for (guint c = 0; c < n_children; c++)
        {
          OccNode *child = occ_node_list_peek (node->children, c);
          self->child_list[next++] = child->index;
        }
      if (node->parent == NULL)
        key = G_MAXUINT64;
      else
        key = ((guint64) self->node_top[i] << 8) | node->depth;
      self->node_peer[i] = peer_group (peers, key);
    }
  self->child_start[n] = next;
  self->n_peers = g_hash_table_size (peers);
}

static gboolean
load_framework (OccDataset *self, JsonObject *root, const OccPath *path,
                GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "framework");
  JsonArray *array;

  if (!optional_array (root, "framework", path, &array, error))
    return FALSE;
  if (array != NULL && !load_nodes (self, array, &here, NULL, 0, error))
    return FALSE;
  index_framework (self);
  return TRUE;
}

/* Scoring keeps a table of countries × phases × (nodes + 1) cells, the
 * country itself being one more node, each of (criteria + 1) numbers: a
 * few bytes of ids could otherwise ask for terabytes. */
static gboolean
check_cells (OccDataset *self, GError **error)
{
  guint64 cells = (guint64) self->countries.n * self->phases.n
                  * (self->n_nodes + 1);
  guint64 slots = cells * (self->methodology->n_criteria + 1);

  if (cells > OCC_MAX_CELLS)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
                   "(top level): %u countries × %u phases × (%u nodes + 1) "
                   "make %" G_GUINT64_FORMAT " cells to score; libocc "
                   "scores at most %u",
                   self->countries.n, self->phases.n, self->n_nodes, cells,
                   OCC_MAX_CELLS);
      return FALSE;
    }
  if (slots > OCC_MAX_SCORE_SLOTS)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
                   "(top level): %" G_GUINT64_FORMAT " cells × (%u criteria "
                   "+ 1) make %" G_GUINT64_FORMAT " scores to keep; libocc "
                   "keeps at most %u",
                   cells, self->methodology->n_criteria, slots,
                   OCC_MAX_SCORE_SLOTS);
      return FALSE;
    }
  return TRUE;
}

/* A reference to a country, phase or rater by id. */
static gboolean
load_ref (JsonObject *object, const char *member, const OccPath *path,
          const OccIdTable *table, const char *what, guint32 *out,
          GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, member);
  const char *id = NULL;
  int index;

  if (!occ_json_required_id (object, member, path, &id, error))
    return FALSE;
  index = occ_id_table_lookup (table, id);
  if (index < 0)
    {
      occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &here, "unknown %s \"%s\"",
                      what, id);
      return FALSE;
    }
  *out = (guint32) index;
  return TRUE;
}

static gboolean
load_leaf_ref (OccDataset *self, JsonObject *object, const OccPath *path,
               const char *rated, guint32 *out, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "node");
  const char *id = NULL;
  OccNode *node;

  if (!occ_json_required_id (object, "node", path, &id, error))
    return FALSE;
  node = g_hash_table_lookup (self->node_index, id);
  if (node == NULL)
    {
      occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &here,
                      "unknown node \"%s\"", id);
      return FALSE;
    }
  if (!self->node_leaf[node->index])
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &here,
                      "node \"%s\" is not a leaf: only leaves are %s", id,
                      rated);
      return FALSE;
    }
  *out = node->index;
  return TRUE;
}

/* Resolve the key of "scores" to a criterion index. */
static int
criterion_of (OccDataset *self, const char *name, const OccPath *path,
              GError **error)
{
  int c = occ_methodology_lookup_criterion (self->methodology, name);

  if (c < 0)
    occ_path_error (error, OCC_ERROR_UNKNOWN_ID, path,
                    "unknown criterion \"%s\" (not in methodology \"%s\")",
                    name, self->methodology->id);
  return c;
}

/* "scores": {criterion: number or null}. A missing criterion is null
 * (NaN here); a rating's scores must be integers, a published one's need
 * not be. Both must lie on the scale. */
static gboolean
load_scores (OccDataset *self, JsonObject *record, const OccPath *path,
             gboolean integers, double *scores, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "scores");
  JsonNode *node = occ_json_member (record, "scores", path, TRUE, error);
  OccMethodology *m = self->methodology;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (node == NULL || !(object = occ_json_object (node, &here, error)))
    return FALSE;
  for (guint c = 0; c < m->n_criteria; c++)
    scores[c] = NAN;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      OccPath at = OCC_PATH_MEMBER (&here, name);
      int c = criterion_of (self, name, &at, error);
      gint64 integer;

      if (c < 0)
        return FALSE;
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (integers ? !occ_json_integer (value, &at, &integer, error)
                   : !occ_json_number (value, &at, &scores[c], error))
        return FALSE;
      if (integers)
        scores[c] = (double) integer;
      if (scores[c] < m->scale_min || scores[c] > m->scale_max)
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];
          if (integers)
            g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, integer);
          else
            occ_format_double (text, scores[c]);
          occ_path_error (error, OCC_ERROR_RANGE, &at,
                          "%s is outside the scale %d..%d", text,
                          m->scale_min, m->scale_max);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_rating_scores (OccDataset *self, JsonObject *rating, const OccPath *path,
                    gint32 *scores, GError **error)
{
  double values[OCC_MAX_CRITERIA];

  if (!load_scores (self, rating, path, TRUE, values, error))
    return FALSE;
  for (guint c = 0; c < self->methodology->n_criteria; c++)
    scores[c] = isnan (values[c]) ? OCC_SCORE_NULL : (gint32) values[c];
  return TRUE;
}

static gboolean
load_rating_groups (OccDataset *self, JsonObject *rating, const OccPath *path,
                    gsize index, guint32 *seen, GArray *groups,
                    GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "groups");
  JsonArray *array;
  guint n;

  if (!optional_array (rating, "groups", path, &array, error))
    return FALSE;
  /* No `groups`: inclusion not recorded; `[]`: recorded, none included. */
  self->r_groups_recorded[index] = array != NULL;
  n = array ? json_array_get_length (array) : 0;
  for (guint j = 0; j < n; j++)
    {
      OccPath at = OCC_PATH_INDEX (&here, j);
      const char *id = occ_json_string (json_array_get_element (array, j),
                                        &at, error);
      int group;
      guint16 g16;

      if (id == NULL)
        return FALSE;
      group = occ_methodology_lookup_group (self->methodology, id);
      if (group < 0)
        {
          occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &at,
                          "unknown population group \"%s\"", id);
          return FALSE;
        }
      /* seen[] holds the rating that last marked each group, plus 1. */
      if (seen[group] == index + 1)
        {
          occ_path_error (error, OCC_ERROR_DUPLICATE, &at,
                          "population group \"%s\" is marked twice", id);
          return FALSE;
        }
      seen[group] = (guint32) (index + 1);
      g16 = (guint16) group;
      g_array_append_val (groups, g16);
    }
  return TRUE;
}

static gboolean
load_rating_extras (OccDataset *self, JsonObject *rating, const OccPath *path,
                    gsize i, GError **error)
{
  JsonNode *evidence = json_object_get_member (rating, "evidence");
  JsonNode *validated = json_object_get_member (rating, "validated");

  self->r_validated[i] = -1;
  self->r_evidence[i] = 0;
  if (validated != NULL && !JSON_NODE_HOLDS_NULL (validated))
    {
      OccPath at = OCC_PATH_MEMBER (path, "validated");
      if (!JSON_NODE_HOLDS_VALUE (validated)
          || json_node_get_value_type (validated) != G_TYPE_BOOLEAN)
        {
          occ_path_error (error, OCC_ERROR_TYPE, &at, "expected a boolean");
          return FALSE;
        }
      self->r_validated[i] = json_node_get_boolean (validated) ? 1 : 0;
    }
  if (evidence != NULL && !JSON_NODE_HOLDS_NULL (evidence))
    {
      OccPath at = OCC_PATH_MEMBER (path, "evidence");
      if (!occ_json_array (evidence, &at, error))
        return FALSE;
      g_ptr_array_add (self->r_evidence_text,
                       json_to_string (evidence, FALSE));
      self->r_evidence[i] = self->r_evidence_text->len;
    }
  return TRUE;
}

static gboolean
load_rating (OccDataset *self, JsonNode *json, const OccPath *path, gsize i,
             guint32 *seen, GArray *groups, GError **error)
{
  JsonObject *rating = occ_json_object (json, path, error);
  guint n_criteria = self->methodology->n_criteria;

  if (rating == NULL
      || !load_ref (rating, "country", path, &self->countries, "country",
                    &self->r_country[i], error)
      || !load_ref (rating, "phase", path, &self->phases, "phase",
                    &self->r_phase[i], error)
      || !load_leaf_ref (self, rating, path, "rated", &self->r_node[i], error)
      || !load_ref (rating, "rater", path, &self->raters, "rater",
                    &self->r_rater[i], error)
      || !load_rating_scores (self, rating, path,
                              &self->r_scores[i * n_criteria], error))
    return FALSE;
  self->r_group_start[i] = groups->len;
  return load_rating_groups (self, rating, path, i, seen, groups, error)
         && load_rating_extras (self, rating, path, i, error);
}

static void
copy_in_cell_order (OccDataset *self)
{
  guint n_criteria = self->methodology->n_criteria;

  self->cell_scores = g_new (gint32, self->n_ratings * n_criteria + 1);
  self->cell_marked = g_new (guint32, self->n_ratings + 1);
  for (gsize k = 0; k < self->n_ratings; k++)
    {
      guint32 i = self->cell_ratings[k];

      memcpy (&self->cell_scores[k * n_criteria],
              &self->r_scores[(gsize) i * n_criteria],
              n_criteria * sizeof (gint32));
      self->cell_marked[k] = self->r_groups_recorded[i]
                               ? self->r_group_start[i + 1]
                                   - self->r_group_start[i]
                               : OCC_GROUPS_NOT_RECORDED;
    }
}

/* Group the ratings by cell with a counting sort (one pass to count, one
 * to place; the order inside a cell stays the file's), and find a rater
 * who rates one cell twice: then *duplicate and *earlier are the two
 * ratings and the result is FALSE. The JSON and the CSV loaders share
 * this, each naming the place its own way. */
gboolean
occ_dataset_group_ratings (OccDataset *self, gsize *duplicate, gsize *earlier)
{
  gsize n_cells = occ_dataset_n_cells (self);
  g_autofree guint32 *fill = NULL;
  g_autofree guint32 *stamp = g_new0 (guint32, self->raters.n + 1);
  g_autofree guint32 *first = g_new0 (guint32, self->raters.n + 1);

  self->cell_start = g_new0 (guint32, n_cells + 1);
  self->cell_ratings = g_new (guint32, self->n_ratings + 1);
  for (gsize i = 0; i < self->n_ratings; i++)
    self->cell_start[occ_dataset_cell (self, self->r_country[i],
                                       self->r_phase[i], self->r_node[i])
                     + 1]++;
  for (gsize c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];
  fill = g_memdup2 (self->cell_start, (n_cells + 1) * sizeof (guint32));
  for (gsize i = 0; i < self->n_ratings; i++)
    {
      gsize cell = occ_dataset_cell (self, self->r_country[i],
                                     self->r_phase[i], self->r_node[i]);
      self->cell_ratings[fill[cell]++] = (guint32) i;
    }
  for (gsize cell = 0; cell < n_cells; cell++)
    for (guint32 k = self->cell_start[cell]; k < self->cell_start[cell + 1];
         k++)
      {
        guint32 i = self->cell_ratings[k], rater = self->r_rater[i];

        if (stamp[rater] == cell + 1)
          {
            *duplicate = i;
            *earlier = first[rater];
            return FALSE;
          }
        stamp[rater] = (guint32) cell + 1;
        first[rater] = i;
      }
  copy_in_cell_order (self);
  return TRUE;
}

static gboolean
group_ratings (OccDataset *self, const OccPath *ratings_path, GError **error)
{
  gsize i, earlier;

  if (occ_dataset_group_ratings (self, &i, &earlier))
    return TRUE;
  OccPath at = OCC_PATH_INDEX (ratings_path, (guint) i);
  occ_path_error (error, OCC_ERROR_DUPLICATE, &at,
                  "rater \"%s\" already rated node \"%s\" in "
                  "(%s, %s) at ratings[%" G_GSIZE_FORMAT "]",
                  self->raters.ids[self->r_rater[i]],
                  occ_node_get_id (g_ptr_array_index (self->nodes,
                                                      self->r_node[i])),
                  self->countries.ids[self->r_country[i]],
                  self->phases.ids[self->r_phase[i]], earlier);
  return FALSE;
}

static void
allocate_ratings (OccDataset *self, gsize n)
{
  guint n_criteria = self->methodology->n_criteria;

  self->n_ratings = n;
  self->r_country = g_new (guint32, n + 1);
  self->r_phase = g_new (guint32, n + 1);
  self->r_node = g_new (guint32, n + 1);
  self->r_rater = g_new (guint32, n + 1);
  self->r_scores = g_new (gint32, n * n_criteria + 1);
  self->r_group_start = g_new (guint32, n + 1);
  self->r_groups_recorded = g_new (guint8, n + 1);
  self->r_validated = g_new (gint8, n + 1);
  self->r_evidence = g_new (guint32, n + 1);
}

static gboolean
load_ratings (OccDataset *self, JsonObject *root, const OccPath *path,
              GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "ratings");
  g_autofree guint32 *seen = g_new0 (guint32,
                                     self->methodology->n_groups + 1);
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint16));
  JsonArray *array;
  gsize n;

  if (!optional_array (root, "ratings", path, &array, error))
    return FALSE;
  n = array ? json_array_get_length (array) : 0;
  if (n >= G_MAXUINT32)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here, "more than %u ratings",
                      G_MAXUINT32 - 1);
      return FALSE;
    }
  allocate_ratings (self, n);
  for (gsize i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, (guint) i);
      if (!load_rating (self, json_array_get_element (array, (guint) i), &at,
                        i, seen, groups, error))
        return FALSE;
    }
  self->r_group_start[n] = groups->len;
  self->r_groups = (guint16 *) g_array_free (g_steal_pointer (&groups),
                                             FALSE);
  return group_ratings (self, &here, error);
}

static gboolean
load_published_counts (OccDataset *self, JsonObject *record,
                       const OccPath *path, gsize i, GError **error)
{
  OccPath raters_path = OCC_PATH_MEMBER (path, "raters");
  OccPath inclusion_path = OCC_PATH_MEMBER (path, "inclusion");
  JsonNode *raters = json_object_get_member (record, "raters");
  JsonNode *inclusion = json_object_get_member (record, "inclusion");

  self->p_raters[i] = -1;
  self->p_inclusion[i] = -1;
  if (raters != NULL && !JSON_NODE_HOLDS_NULL (raters))
    {
      if (!occ_json_integer (raters, &raters_path, &self->p_raters[i], error))
        return FALSE;
      if (self->p_raters[i] < 0 || self->p_raters[i] > G_MAXINT32)
        {
          occ_path_error (error, OCC_ERROR_RANGE, &raters_path,
                          "a number of raters must be between 0 and %d",
                          G_MAXINT32);
          return FALSE;
        }
    }
  if (inclusion != NULL && !JSON_NODE_HOLDS_NULL (inclusion))
    {
      if (!occ_json_number (inclusion, &inclusion_path, &self->p_inclusion[i],
                            error))
        return FALSE;
      if (self->p_inclusion[i] < 0 || self->p_inclusion[i] > 1)
        {
          occ_path_error (error, OCC_ERROR_RANGE, &inclusion_path,
                          "%g is not a fraction between 0 and 1",
                          self->p_inclusion[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_published_record (OccDataset *self, JsonNode *json, const OccPath *path,
                       gsize i, GError **error)
{
  JsonObject *record = occ_json_object (json, path, error);
  gsize cell;
  gpointer earlier;

  if (record == NULL
      || !load_ref (record, "country", path, &self->countries, "country",
                    &self->p_country[i], error)
      || !load_ref (record, "phase", path, &self->phases, "phase",
                    &self->p_phase[i], error)
      || !load_leaf_ref (self, record, path, "scored", &self->p_node[i],
                         error)
      || !load_scores (self, record, path, FALSE,
                       &self->p_scores[i * self->methodology->n_criteria],
                       error)
      || !load_published_counts (self, record, path, i, error))
    return FALSE;
  cell = occ_dataset_cell (self, self->p_country[i], self->p_phase[i],
                           self->p_node[i]);
  earlier = g_hash_table_lookup (self->p_by_cell,
                                 GSIZE_TO_POINTER (cell + 1));
  if (earlier != NULL)
    {
      occ_path_error (
        error, OCC_ERROR_DUPLICATE, path,
        "(%s, %s, %s) was already published at published[%" G_GSIZE_FORMAT
        "]",
        self->countries.ids[self->p_country[i]],
        self->phases.ids[self->p_phase[i]],
        occ_node_get_id (g_ptr_array_index (self->nodes, self->p_node[i])),
        GPOINTER_TO_SIZE (earlier) - 1);
      return FALSE;
    }
  g_hash_table_insert (self->p_by_cell, GSIZE_TO_POINTER (cell + 1),
                       GSIZE_TO_POINTER (i + 1));
  return TRUE;
}

static gboolean
load_published (OccDataset *self, JsonObject *root, const OccPath *path,
                GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "published");
  JsonArray *array;
  gsize n;

  if (!optional_array (root, "published", path, &array, error))
    return FALSE;
  n = array ? json_array_get_length (array) : 0;
  self->n_published = n;
  self->p_country = g_new (guint32, n + 1);
  self->p_phase = g_new (guint32, n + 1);
  self->p_node = g_new (guint32, n + 1);
  self->p_scores = g_new (double, n * self->methodology->n_criteria + 1);
  self->p_raters = g_new (gint64, n + 1);
  self->p_inclusion = g_new (double, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, (guint) i);
      if (!load_published_record (self,
                                  json_array_get_element (array, (guint) i),
                                  &at, i, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
occ_dataset_load_json (OccDataset *self, JsonNode *json, GError **error)
{
  OccPath path = OCC_PATH_ROOT;
  JsonObject *root;
  const char *title = NULL;

  /* Not even an object: this is some other kind of document. */
  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      g_autoptr (GError) local = NULL;
      occ_json_object (json, &path, &local);
      g_set_error (error, OCC_ERROR, OCC_ERROR_FORMAT,
                   "%s; an occ-dataset/1 document is an object",
                   local->message);
      return FALSE;
    }
  root = json_node_get_object (json);
  if (!check_format (root, &path, error)
      || !occ_json_optional_string (root, "title", &path, &title, error)
      || !load_methodology (self, root, &path, error)
      || !load_id_table (root, "countries", "name", &path, &self->countries,
                         error)
      || !load_id_table (root, "phases", "label", &path, &self->phases, error)
      || !load_id_table (root, "raters", "name", &path, &self->raters, error)
      || !load_rater_countries (self, root, &path, error)
      || !load_framework (self, root, &path, error)
      || !check_cells (self, error)
      || !load_ratings (self, root, &path, error)
      || !load_published (self, root, &path, error))
    return FALSE;
  self->title = g_strdup (title);
  return TRUE;
}

/* The constructors --------------------------------------------------- */

static OccDataset *
load (const char *data, gsize length, const char *source, GError **error)
{
  g_autoptr (OccDataset) self = NULL;
  g_autoptr (JsonNode) root = occ_json_parse (data, length, source, error);
  g_autoptr (GError) local = NULL;

  if (root == NULL)
    return NULL;
  self = g_object_new (OCC_TYPE_DATASET, NULL);
  if (!occ_dataset_load_json (self, root, &local))
    {
      /* A syntax error already starts with FILE:LINE:COLUMN. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  "%s: ", source);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * occ_dataset_new_from_file:
 * @filename: (type filename): the path of an `occ-dataset/1` file
 * @error: return location for a #GError
 *
 * Loads a dataset from a file. Error messages start with @filename.
 *
 * Returns: (transfer full): the dataset, or %NULL with a #GFileError when
 *   the file cannot be read, or an [error@Occ.Error] naming the place and
 *   the rule broken
 *
 * Since: 1.0
 */
OccDataset *
occ_dataset_new_from_file (const char *filename, GError **error)
{
  g_autoptr (GMappedFile) file = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (filename);
  /* A FIFO, socket or device is refused before anything blocks on it. */
  if ((fd = occ_open_regular_file (filename, display, error)) < 0)
    return NULL;
  /* Refuse a multi-gigabyte file before mapping it. */
  if (fstat (fd, &st) != 0
      || !occ_json_check_size ((guint64) st.st_size, display, error))
    {
      close (fd);
      return NULL;
    }
  file = g_mapped_file_new_from_fd (fd, FALSE, error);
  close (fd);
  if (file == NULL)
    return NULL;
  return load (g_mapped_file_get_contents (file),
               g_mapped_file_get_length (file), display, error);
}

/**
 * occ_dataset_new_from_stream:
 * @stream: a stream of `occ-dataset/1` JSON, read to its end (not closed)
 * @source: (nullable): the name of the input in messages, such as `-` for
 *   standard input, or %NULL for `<stream>`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads a dataset from a stream, such as a pipe or standard input. What
 * is read counts against the input limit as it arrives: an endless stream
 * is refused with %OCC_ERROR_LIMIT once it passes 128 MiB, without
 * keeping more than that.
 *
 * Returns: (transfer full): the dataset, or %NULL with the stream's
 *   #GIOError or an [error@Occ.Error]
 *
 * Since: 1.2
 */
OccDataset *
occ_dataset_new_from_stream (GInputStream *stream, const char *source,
                             GCancellable *cancellable, GError **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  g_autofree guint8 *buf = g_malloc (65536);
  const char *name = source ? source : "<stream>";
  gssize n;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  while ((n = g_input_stream_read (stream, buf, 65536, cancellable, error))
         > 0)
    {
      /* One byte past the limit is enough to refuse. */
      if (!occ_json_check_size ((guint64) data->len + (guint64) n, name,
                                error))
        return NULL;
      g_byte_array_append (data, buf, (guint) n);
    }
  if (n < 0)
    return NULL;
  return load ((const char *) data->data, data->len, name, error);
}

/**
 * occ_dataset_new_from_data:
 * @data: `occ-dataset/1` JSON text, in UTF-8
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Loads a dataset from memory. Error messages start with `<data>`.
 *
 * From a language binding, pass the text as a string and -1 as @length
 * (a string's length in characters is not its length in bytes); for
 * bytes, use [ctor@Occ.Dataset.new_from_bytes].
 *
 * Returns: (transfer full): the dataset, or %NULL with an
 *   [error@Occ.Error]
 *
 * Since: 1.0
 */
OccDataset *
occ_dataset_new_from_data (const char *data, gssize length, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  return load (data ? data : "", (gsize) length, "<data>", error);
}

/**
 * occ_dataset_new_from_bytes:
 * @bytes: `occ-dataset/1` JSON text
 * @error: return location for a #GError
 *
 * Loads a dataset from a #GBytes, as [ctor@Occ.Dataset.new_from_data].
 *
 * Returns: (transfer full): the dataset, or %NULL with an
 *   [error@Occ.Error]
 *
 * Since: 1.0
 */
OccDataset *
occ_dataset_new_from_bytes (GBytes *bytes, GError **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return load (data ? data : "", length, "<data>", error);
}
