/* occ-dataset-loader.c: occ-dataset/1 into columns, checking occ-v1 §6
 *
 * The constructors of OccDataset (occ_dataset_new_from_file() and the
 * others, at the end) read the document with the streaming reader
 * (occ-json-pull.c): the small members (methodology, countries, phases,
 * raters, framework) as trees with their places, the ratings and
 * published records token by token straight into the columns. Every check
 * names its place as FILE:LINE:COLUMN and a JSON path. The loader fills a
 * fresh OccDataset that the caller throws away on error, so nothing is
 * ever half loaded.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <gio/gunixinputstream.h>
#include <string.h>

#include "occ-dataset-private.h"
#include "occ-error-private.h"
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
          OccPath first = OCC_PATH_INDEX (
            &here,
            GPOINTER_TO_UINT (g_hash_table_lookup (table->index, id)) - 1);
          OccPath first_id = OCC_PATH_MEMBER (&first, "id");
          g_autofree char *where = occ_path_first_at (&first_id);
          occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                          "duplicate id \"%s\"%s", id, where);
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

/* Where in the framework @array (at @path) the node @id first is. */
static gboolean
find_node (JsonArray *array, const OccPath *path, const char *id,
           char **where)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      OccPath at = OCC_PATH_INDEX (path, i);
      OccPath id_path = OCC_PATH_MEMBER (&at, "id");
      OccPath children_path = OCC_PATH_MEMBER (&at, "children");
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *children;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "id",
                                                                 NULL),
                     id)
          == 0)
        {
          *where = occ_path_first_at (&id_path);
          return TRUE;
        }
      children = json_object_get_member (object, "children");
      if (children != NULL && JSON_NODE_HOLDS_ARRAY (children)
          && find_node (json_node_get_array (children), &children_path, id,
                        where))
        return TRUE;
    }
  return FALSE;
}

/* " (first at LINE:COLUMN)" of the node @id, loaded before the node at
 * @path: searched for from the top of the framework, whose frame is the
 * `framework` member of the document. */
static char *
first_node_at (const OccPath *path, const char *id)
{
  const OccPath *top = path;
  JsonNode *tree, *framework;
  char *where = NULL;

  while (top->parent != NULL && top->parent->parent != NULL)
    top = top->parent;
  if (top->parent == NULL || top->parent->places == NULL)
    return g_strdup ("");
  tree = occ_json_places_root (top->parent->places);
  framework = JSON_NODE_HOLDS_OBJECT (tree)
                ? json_object_get_member (json_node_get_object (tree),
                                          "framework")
                : NULL;
  if (framework != NULL && JSON_NODE_HOLDS_ARRAY (framework)
      && find_node (json_node_get_array (framework), top, id, &where))
    return where;
  return g_strdup ("");
}

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
      g_autofree char *where = first_node_at (path, id);
      occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                      "node \"%s\" is listed twice in the framework%s", id,
                      where);
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
check_cells (OccDataset *self, const OccPath *path, GError **error)
{
  guint64 cells = (guint64) self->countries.n * self->phases.n
                  * (self->n_nodes + 1);
  guint64 slots = cells * (self->methodology->n_criteria + 1);

  if (cells > OCC_MAX_CELLS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, path,
                      "%u countries × %u phases × (%u nodes + 1) "
                      "make %" G_GUINT64_FORMAT " cells to score; libocc "
                      "scores at most %u",
                      self->countries.n, self->phases.n, self->n_nodes, cells,
                      OCC_MAX_CELLS);
      return FALSE;
    }
  if (slots > OCC_MAX_SCORE_SLOTS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, path,
                      "%" G_GUINT64_FORMAT " cells × (%u criteria "
                      "+ 1) make %" G_GUINT64_FORMAT
                      " scores to keep; libocc "
                      "keeps at most %u",
                      cells, self->methodology->n_criteria, slots,
                      OCC_MAX_SCORE_SLOTS);
      return FALSE;
    }
  return TRUE;
}

/* Records, streamed ------------------------------------------------ */

/* The ratings and published records are read token by token into the
 * columns, never as a tree: a record's fault is set at its token's
 * place by the reader. */

enum {
  RATINGS,
  PUBLISHED,
};

typedef struct
{
  OccDataset *self;
  const char *source;
  /* The small members (methodology, countries, phases, raters,
   * framework), read as trees into one object, with their places. */
  JsonObject *root;
  OccJsonPlaces *places;
  OccPath path;
  gboolean prepared;
  GBytes *deferred[2]; /* read before what they name: kept as text */
  OccJsonPos deferred_pos[2];
  GArray *pos[2]; /* OccJsonPos of each record */
  gsize capacity[2];
  guint32 *group_seen; /* per group, the rating that marked it + 1 */
  GArray *groups;
  /* The last id of each kind and its index: consecutive records
   * usually name the same country and phase. */
  char *last_id[3];
  gsize last_length[3];
  int last_index[3];
} Loader;

static gboolean
type_error (OccJsonReader *r, const char *expected, GError **error)
{
  OccJsonToken token = occ_json_reader_token (r);

  if (token != OCC_JSON_ERROR)
    occ_json_reader_error (r, error, OCC_ERROR_TYPE, "expected %s, found %s",
                           expected, occ_json_token_kind (token));
  return FALSE;
}

static gboolean
stream_id (OccJsonReader *r, const char **id, gsize *length, GError **error)
{
  if (occ_json_reader_next (r, error) != OCC_JSON_STRING)
    return type_error (r, "a string", error);
  *id = occ_json_reader_text (r, length);
  if (*length == 0)
    {
      occ_json_reader_error (r, error, OCC_ERROR_RANGE,
                             "an id cannot be empty");
      return FALSE;
    }
  if (*length > OCC_MAX_ID_LENGTH)
    {
      occ_json_reader_error (r, error, OCC_ERROR_LIMIT,
                             "a string of %" G_GSIZE_FORMAT
                             " bytes; an id has at most %d",
                             *length, OCC_MAX_ID_LENGTH);
      return FALSE;
    }
  return TRUE;
}

enum {
  REF_COUNTRY,
  REF_PHASE,
  REF_RATER,
};

/* A country, phase or rater by id. */
static gboolean
stream_ref (Loader *l, OccJsonReader *r, guint kind, guint32 *out,
            GError **error)
{
  static const char *const what[] = { "country", "phase", "rater" };
  const OccIdTable *tables[] = { &l->self->countries, &l->self->phases,
                                 &l->self->raters };
  const char *id;
  gsize length;
  int index;

  if (!stream_id (r, &id, &length, error))
    return FALSE;
  if (l->last_id[kind] != NULL && l->last_length[kind] == length
      && memcmp (l->last_id[kind], id, length) == 0)
    {
      *out = (guint32) l->last_index[kind];
      return TRUE;
    }
  index = occ_id_table_lookup (tables[kind], id);
  if (index < 0)
    {
      occ_json_reader_error (r, error, OCC_ERROR_UNKNOWN_ID,
                             "unknown %s \"%s\"", what[kind], id);
      return FALSE;
    }
  g_free (l->last_id[kind]);
  l->last_id[kind] = g_strndup (id, length);
  l->last_length[kind] = length;
  l->last_index[kind] = index;
  *out = (guint32) index;
  return TRUE;
}

static gboolean
stream_leaf_ref (Loader *l, OccJsonReader *r, const char *rated, guint32 *out,
                 GError **error)
{
  OccDataset *self = l->self;
  const char *id = NULL;
  gsize length;
  OccNode *node;

  if (!stream_id (r, &id, &length, error))
    return FALSE;
  node = g_hash_table_lookup (self->node_index, id);
  if (node == NULL)
    {
      occ_json_reader_error (r, error, OCC_ERROR_UNKNOWN_ID,
                             "unknown node \"%s\"", id);
      return FALSE;
    }
  if (!self->node_leaf[node->index])
    {
      occ_json_reader_error (r, error, OCC_ERROR_STRUCTURE,
                             "node \"%s\" is not a leaf: only leaves are %s",
                             id, rated);
      return FALSE;
    }
  *out = node->index;
  return TRUE;
}

/* An integer: 2 and 2.0 are, 2.5 is not. */
static gboolean
stream_integer (OccJsonReader *r, gint64 *out, GError **error)
{
  gboolean is_integer;
  double d = occ_json_reader_number (r, &is_integer, out);
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (is_integer)
    return TRUE;
  if (d != floor (d) || fabs (d) > 9007199254740992.0)
    {
      occ_format_double (text, d);
      occ_json_reader_error (r, error, OCC_ERROR_RANGE,
                             "%s is not an integer", text);
      return FALSE;
    }
  *out = (gint64) d;
  return TRUE;
}

/* A categorical rating's answer: the id of one of the criterion's levels
 * or unranked answers, kept as its level (occ-categorical-private.h). */
static gboolean
stream_level (OccJsonReader *r, OccJsonToken token, OccMethodology *m,
              guint c, double *level, GError **error)
{
  const char *id;
  gint32 found;
  g_autofree char *valid = NULL;

  if (token != OCC_JSON_STRING)
    return type_error (r, "a level id (a string)", error);
  id = occ_json_reader_text (r, NULL);
  if (occ_criterion_levels_lookup (&m->levels[c], id, &found))
    {
      *level = found;
      return TRUE;
    }
  valid = occ_criterion_levels_list (&m->levels[c]);
  occ_json_reader_error (r, error, OCC_ERROR_UNKNOWN_ID,
                         "unknown level \"%s\" of criterion \"%s\" (its "
                         "levels: %s)",
                         id, m->criterion_ids[c], valid);
  return FALSE;
}

/* "scores": {criterion: number or null}. A missing criterion is null
 * (NaN here); a rating's scores must be integers, a published one's need
 * not be. Both must lie on the scale. */
static gboolean
stream_scores (Loader *l, OccJsonReader *r, gboolean integers, double *scores,
               GError **error)
{
  OccMethodology *m = l->self->methodology;
  OccJsonToken token;

  if (occ_json_reader_next (r, error) != OCC_JSON_OBJECT_BEGIN)
    return type_error (r, "an object", error);
  for (guint c = 0; c < m->n_criteria; c++)
    scores[c] = NAN;
  while ((token = occ_json_reader_next (r, error)) == OCC_JSON_KEY)
    {
      const char *name = occ_json_reader_text (r, NULL);
      int c = occ_methodology_lookup_criterion (m, name);
      gint64 integer = 0;
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      if (c < 0)
        {
          occ_json_reader_error (r, error, OCC_ERROR_UNKNOWN_ID,
                                 "unknown criterion \"%s\" (not in "
                                 "methodology \"%s\")",
                                 name, m->id);
          return FALSE;
        }
      token = occ_json_reader_next (r, error);
      if (token == OCC_JSON_NULL)
        continue;
      if (occ_methodology_is_categorical (m))
        {
          if (!integers)
            {
              occ_json_reader_error (
                r, error, OCC_ERROR_STRUCTURE,
                "published scores are not used with a categorical "
                "methodology (occ-categorical.md §1): give the ratings");
              return FALSE;
            }
          if (!stream_level (r, token, m, (guint) c, &scores[c], error))
            return FALSE;
          continue;
        }
      if (token != OCC_JSON_NUMBER)
        return type_error (r, "a number", error);
      if (integers && !stream_integer (r, &integer, error))
        return FALSE;
      scores[c] = integers ? (double) integer
                           : occ_json_reader_number (r, NULL, NULL);
      if (scores[c] < m->scale_min || scores[c] > m->scale_max)
        {
          if (integers)
            g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, integer);
          else
            occ_format_double (text, scores[c]);
          occ_json_reader_error (r, error, OCC_ERROR_RANGE,
                                 "%s is outside the scale %d..%d", text,
                                 m->scale_min, m->scale_max);
          return FALSE;
        }
    }
  return token == OCC_JSON_OBJECT_END;
}

static gboolean
stream_groups (Loader *l, OccJsonReader *r, gsize i, GError **error)
{
  OccDataset *self = l->self;
  OccJsonToken token;

  if (occ_json_reader_next (r, error) != OCC_JSON_ARRAY_BEGIN)
    return type_error (r, "an array", error);
  /* No `groups`: inclusion not recorded; `[]`: recorded, none included. */
  self->r_groups_recorded[i] = TRUE;
  while ((token = occ_json_reader_next (r, error)) != OCC_JSON_ARRAY_END)
    {
      const char *id;
      int group;
      guint16 g16;

      if (token != OCC_JSON_STRING)
        return type_error (r, "a string", error);
      id = occ_json_reader_text (r, NULL);
      group = occ_methodology_lookup_group (self->methodology, id);
      if (group < 0)
        {
          occ_json_reader_error (r, error, OCC_ERROR_UNKNOWN_ID,
                                 "unknown population group \"%s\"", id);
          return FALSE;
        }
      if (l->group_seen[group] == i + 1)
        {
          occ_json_reader_error (r, error, OCC_ERROR_DUPLICATE,
                                 "population group \"%s\" is marked twice",
                                 id);
          return FALSE;
        }
      l->group_seen[group] = (guint32) (i + 1);
      g16 = (guint16) group;
      g_array_append_val (l->groups, g16);
    }
  return TRUE;
}

/* Evidence is kept as compact JSON text. */
static gboolean
stream_evidence (Loader *l, OccJsonReader *r, gsize i, GError **error)
{
  OccDataset *self = l->self;
  OccJsonToken token = occ_json_reader_next (r, error);
  g_autoptr (JsonNode) node = NULL;

  if (token == OCC_JSON_NULL)
    return TRUE;
  if (token != OCC_JSON_ARRAY_BEGIN)
    return type_error (r, "an array", error);
  if (!(node = occ_json_reader_build (r, NULL, error)))
    return FALSE;
  g_ptr_array_add (self->r_evidence_text, json_to_string (node, FALSE));
  self->r_evidence[i] = self->r_evidence_text->len;
  return TRUE;
}

static gboolean
stream_validated (Loader *l, OccJsonReader *r, gsize i, GError **error)
{
  OccJsonToken token = occ_json_reader_next (r, error);

  if (token == OCC_JSON_NULL)
    return TRUE;
  if (token != OCC_JSON_TRUE && token != OCC_JSON_FALSE)
    return type_error (r, "a boolean", error);
  l->self->r_validated[i] = token == OCC_JSON_TRUE;
  return TRUE;
}

/* The columns of @kind with room for @n records (all of them when
 * trimming at the end). */
static void
resize (Loader *l, guint kind, gsize n)
{
  OccDataset *self = l->self;
  guint n_criteria = self->methodology->n_criteria;

  l->capacity[kind] = n;
  if (kind == RATINGS)
    {
      self->r_country = g_renew (guint32, self->r_country, n + 1);
      self->r_phase = g_renew (guint32, self->r_phase, n + 1);
      self->r_node = g_renew (guint32, self->r_node, n + 1);
      self->r_rater = g_renew (guint32, self->r_rater, n + 1);
      self->r_scores = g_renew (gint32, self->r_scores, n * n_criteria + 1);
      self->r_group_start = g_renew (guint32, self->r_group_start, n + 1);
      self->r_groups_recorded = g_renew (guint8, self->r_groups_recorded,
                                         n + 1);
      self->r_validated = g_renew (gint8, self->r_validated, n + 1);
      self->r_evidence = g_renew (guint32, self->r_evidence, n + 1);
    }
  else
    {
      self->p_country = g_renew (guint32, self->p_country, n + 1);
      self->p_phase = g_renew (guint32, self->p_phase, n + 1);
      self->p_node = g_renew (guint32, self->p_node, n + 1);
      self->p_scores = g_renew (double, self->p_scores, n *n_criteria + 1);
      self->p_raters = g_renew (gint64, self->p_raters, n + 1);
      self->p_inclusion = g_renew (double, self->p_inclusion, n + 1);
    }
}

/* Room for record @i of @kind. */
static inline void
reserve (Loader *l, guint kind, gsize i)
{
  if (G_UNLIKELY (i >= l->capacity[kind]))
    resize (l, kind, MAX (1024, l->capacity[kind] * 2));
}

static gboolean
missing (OccJsonReader *r, OccJsonPos at, const char *member, GError **error)
{
  occ_json_reader_error_at (r, error, at, member, OCC_ERROR_TYPE,
                            "required member is missing");
  return FALSE;
}

enum {
  HAS_COUNTRY = 1 << 0,
  HAS_PHASE = 1 << 1,
  HAS_NODE = 1 << 2,
  HAS_RATER = 1 << 3,
  HAS_SCORES = 1 << 4,
};

/* Reports the first required member a record lacks, in the order 1.x
 * looked for them. */
static gboolean
check_required (OccJsonReader *r, OccJsonPos at, guint has, guint required,
                GError **error)
{
  static const char *const names[] = { "country", "phase", "node", "rater",
                                       "scores" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if ((required & (1u << k)) && !(has & (1u << k)))
      return missing (r, at, names[k], error);
  return TRUE;
}

enum {
  M_OTHER,
  M_COUNTRY,
  M_PHASE,
  M_NODE,
  M_RATER,
  M_SCORES,
  M_GROUPS,
  M_EVIDENCE,
  M_VALIDATED,
  M_RATERS,
  M_INCLUSION,
};

/* Which member of a record the member name just read is: one compare,
 * not one a member, since this runs several times a rating. */
static int
record_member (OccJsonReader *r)
{
  static const struct
  {
    const char *name;
    int member;
  } members[] = {
    { "country", M_COUNTRY },   { "phase", M_PHASE },
    { "node", M_NODE },         { "rater", M_RATER },
    { "scores", M_SCORES },     { "groups", M_GROUPS },
    { "evidence", M_EVIDENCE }, { "validated", M_VALIDATED },
    { "raters", M_RATERS },     { "inclusion", M_INCLUSION },
  };
  gsize length;
  const char *name = occ_json_reader_text (r, &length);

  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    if (members[k].name[0] == name[0] && strcmp (members[k].name, name) == 0)
      return members[k].member;
  return M_OTHER;
}

static gboolean
stream_rating (Loader *l, OccJsonReader *r, gsize i, GError **error)
{
  OccDataset *self = l->self;
  guint n_criteria = self->methodology->n_criteria;
  OccJsonPos at = occ_json_reader_pos (r);
  OccJsonToken token = OCC_JSON_ERROR;
  guint has = 0;
  gboolean ok = TRUE;

  reserve (l, RATINGS, i);
  g_array_append_val (l->pos[RATINGS], at);
  for (guint c = 0; c < n_criteria; c++)
    self->r_scores[i * n_criteria + c] = OCC_SCORE_NULL;
  self->r_group_start[i] = l->groups->len;
  self->r_groups_recorded[i] = FALSE;
  self->r_validated[i] = -1;
  self->r_evidence[i] = 0;
  while (ok && (token = occ_json_reader_next (r, error)) == OCC_JSON_KEY)
    {
      int member = record_member (r);

      if (member == M_COUNTRY)
        {
          ok = stream_ref (l, r, REF_COUNTRY, &self->r_country[i], error);
          has |= HAS_COUNTRY;
        }
      else if (member == M_PHASE)
        {
          ok = stream_ref (l, r, REF_PHASE, &self->r_phase[i], error);
          has |= HAS_PHASE;
        }
      else if (member == M_NODE)
        {
          ok = stream_leaf_ref (l, r, "rated", &self->r_node[i], error);
          has |= HAS_NODE;
        }
      else if (member == M_RATER)
        {
          ok = stream_ref (l, r, REF_RATER, &self->r_rater[i], error);
          has |= HAS_RATER;
        }
      else if (member == M_SCORES)
        {
          double values[OCC_MAX_CRITERIA];

          has |= HAS_SCORES;
          if ((ok = stream_scores (l, r, TRUE, values, error)))
            for (guint c = 0; c < n_criteria; c++)
              self->r_scores[i * n_criteria + c] = isnan (values[c])
                                                     ? OCC_SCORE_NULL
                                                     : (gint32) values[c];
        }
      else if (member == M_GROUPS)
        ok = stream_groups (l, r, i, error);
      else if (member == M_EVIDENCE)
        ok = stream_evidence (l, r, i, error);
      else if (member == M_VALIDATED)
        ok = stream_validated (l, r, i, error);
      else
        ok = occ_json_reader_next (r, error) != OCC_JSON_ERROR
             && occ_json_reader_skip (r, error);
    }
  return ok && token == OCC_JSON_OBJECT_END
         && check_required (r, at, has,
                            HAS_COUNTRY | HAS_PHASE | HAS_NODE | HAS_RATER
                              | HAS_SCORES,
                            error);
}

static gboolean
stream_published_count (Loader *l, OccJsonReader *r, gsize i,
                        gboolean inclusion, GError **error)
{
  OccJsonToken token = occ_json_reader_next (r, error);
  gint64 integer;
  double d;

  if (token == OCC_JSON_NULL)
    return TRUE;
  if (token != OCC_JSON_NUMBER)
    return type_error (r, "a number", error);
  if (inclusion)
    {
      d = occ_json_reader_number (r, NULL, NULL);
      if (d < 0 || d > 1)
        {
          occ_json_reader_error (r, error, OCC_ERROR_RANGE,
                                 "%g is not a fraction between 0 and 1", d);
          return FALSE;
        }
      l->self->p_inclusion[i] = d;
      return TRUE;
    }
  if (!stream_integer (r, &integer, error))
    return FALSE;
  if (integer < 0 || integer > G_MAXINT32)
    {
      occ_json_reader_error (r, error, OCC_ERROR_RANGE,
                             "a number of raters must be between 0 and %d",
                             G_MAXINT32);
      return FALSE;
    }
  l->self->p_raters[i] = integer;
  return TRUE;
}

static gboolean
check_published_cell (Loader *l, OccJsonReader *r, OccJsonPos at, gsize i,
                      GError **error)
{
  OccDataset *self = l->self;
  gsize cell = occ_dataset_cell (self, self->p_country[i], self->p_phase[i],
                                 self->p_node[i]);
  gsize earlier = GPOINTER_TO_SIZE (
    g_hash_table_lookup (self->p_by_cell, GSIZE_TO_POINTER (cell + 1)));
  OccJsonPos first;

  if (earlier == 0)
    {
      g_hash_table_insert (self->p_by_cell, GSIZE_TO_POINTER (cell + 1),
                           GSIZE_TO_POINTER (i + 1));
      return TRUE;
    }
  first = g_array_index (l->pos[PUBLISHED], OccJsonPos, earlier - 1);
  occ_json_reader_error_at (
    r, error, at, NULL, OCC_ERROR_DUPLICATE,
    "(%s, %s, %s) was already published at published[%" G_GSIZE_FORMAT
    "] (%u:%u)",
    self->countries.ids[self->p_country[i]],
    self->phases.ids[self->p_phase[i]],
    occ_node_get_id (g_ptr_array_index (self->nodes, self->p_node[i])),
    earlier - 1, first.line, first.column);
  return FALSE;
}

static gboolean
stream_published_record (Loader *l, OccJsonReader *r, gsize i, GError **error)
{
  OccDataset *self = l->self;
  OccJsonPos at = occ_json_reader_pos (r);
  OccJsonToken token = OCC_JSON_ERROR;
  guint has = 0;
  gboolean ok = TRUE;

  reserve (l, PUBLISHED, i);
  g_array_append_val (l->pos[PUBLISHED], at);
  self->p_raters[i] = -1;
  self->p_inclusion[i] = -1;
  while (ok && (token = occ_json_reader_next (r, error)) == OCC_JSON_KEY)
    {
      int member = record_member (r);

      if (member == M_COUNTRY)
        {
          ok = stream_ref (l, r, REF_COUNTRY, &self->p_country[i], error);
          has |= HAS_COUNTRY;
        }
      else if (member == M_PHASE)
        {
          ok = stream_ref (l, r, REF_PHASE, &self->p_phase[i], error);
          has |= HAS_PHASE;
        }
      else if (member == M_NODE)
        {
          ok = stream_leaf_ref (l, r, "scored", &self->p_node[i], error);
          has |= HAS_NODE;
        }
      else if (member == M_SCORES)
        {
          ok = stream_scores (
            l, r, FALSE, &self->p_scores[i * self->methodology->n_criteria],
            error);
          has |= HAS_SCORES;
        }
      else if (member == M_RATERS)
        ok = stream_published_count (l, r, i, FALSE, error);
      else if (member == M_INCLUSION)
        ok = stream_published_count (l, r, i, TRUE, error);
      else
        ok = occ_json_reader_next (r, error) != OCC_JSON_ERROR
             && occ_json_reader_skip (r, error);
    }
  return ok && token == OCC_JSON_OBJECT_END
         && check_required (r, at, has,
                            HAS_COUNTRY | HAS_PHASE | HAS_NODE | HAS_SCORES,
                            error)
         && check_published_cell (l, r, at, i, error);
}

/* The array of records of @kind, its first token just read. */
static gboolean
stream_records (Loader *l, OccJsonReader *r, guint kind, GError **error)
{
  OccJsonToken token;
  gsize n = 0;

  if (occ_json_reader_token (r) != OCC_JSON_ARRAY_BEGIN)
    return type_error (r, "an array", error);
  while ((token = occ_json_reader_next (r, error)) != OCC_JSON_ARRAY_END)
    {
      if (token != OCC_JSON_OBJECT_BEGIN)
        return type_error (r, "an object", error);
      if (n >= G_MAXUINT32 - 1)
        {
          occ_json_reader_error (r, error, OCC_ERROR_LIMIT, "more than %u %s",
                                 G_MAXUINT32 - 2,
                                 kind == RATINGS ? "ratings" : "records");
          return FALSE;
        }
      if (!(kind == RATINGS ? stream_rating (l, r, n, error)
                            : stream_published_record (l, r, n, error)))
        return FALSE;
      if (kind == RATINGS)
        l->self->n_ratings = ++n;
      else
        l->self->n_published = ++n;
    }
  return TRUE;
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
group_ratings (Loader *l, GError **error)
{
  OccDataset *self = l->self;
  gsize i, earlier;
  OccJsonPos at, first;
  g_autofree char *path = NULL;

  self->r_group_start[self->n_ratings] = l->groups->len;
  self->r_groups = (guint16 *) g_array_free (g_steal_pointer (&l->groups),
                                             FALSE);
  if (occ_dataset_group_ratings (self, &i, &earlier))
    return TRUE;
  at = g_array_index (l->pos[RATINGS], OccJsonPos, i);
  first = g_array_index (l->pos[RATINGS], OccJsonPos, earlier);
  path = g_strdup_printf ("ratings[%" G_GSIZE_FORMAT "]", i);
  occ_set_error_at (
    error, OCC_ERROR_DUPLICATE, l->source, at.line, at.column, path,
    "rater \"%s\" already rated node \"%s\" in (%s, %s) at "
    "ratings[%" G_GSIZE_FORMAT "] (%u:%u)",
    self->raters.ids[self->r_rater[i]],
    occ_node_get_id (g_ptr_array_index (self->nodes, self->r_node[i])),
    self->countries.ids[self->r_country[i]],
    self->phases.ids[self->r_phase[i]], earlier, first.line, first.column);
  return FALSE;
}

/* The document ---------------------------------------------------- */

/* The members read as trees: the small ones, which the records name. */
static const char *const tree_members[] = {
  "format", "title",  "methodology", "countries",
  "phases", "raters", "framework",   NULL,
};

/* Every member the passes before the records read was read: the records
 * can be streamed. An optional member that is absent cannot be told from
 * one that comes later, so until the end the records wait, as text. */
static gboolean
ready (Loader *l)
{
  static const char *const needed[] = { "format", "methodology", "countries",
                                        "phases", "raters",      "framework",
                                        NULL };

  for (guint k = 0; needed[k] != NULL; k++)
    if (!json_object_has_member (l->root, needed[k]))
      return FALSE;
  return TRUE;
}

/* The passes over the small members, in the order 1.x ran them. */
static gboolean
prepare (Loader *l, GError **error)
{
  OccDataset *self = l->self;
  const OccPath *path = &l->path;
  JsonObject *root = l->root;

  if (l->prepared)
    return TRUE;
  l->prepared = TRUE;
  if (!check_format (root, path, error)
      || !load_methodology (self, root, path, error)
      || !load_id_table (root, "countries", "name", path, &self->countries,
                         error)
      || !load_id_table (root, "phases", "label", path, &self->phases, error)
      || !load_id_table (root, "raters", "name", path, &self->raters, error)
      || !load_rater_countries (self, root, path, error)
      || !load_framework (self, root, path, error)
      || !check_cells (self, path, error))
    return FALSE;
  l->group_seen = g_new0 (guint32, self->methodology->n_groups + 1);
  return TRUE;
}

/* Records read before what they name were kept as text: read them now,
 * at their places in the document. */
static gboolean
stream_deferred (Loader *l, OccJsonReader *parent, guint kind, GError **error)
{
  static const char *const members[] = { "ratings", "published" };
  g_autoptr (OccJsonReader) r = NULL;

  if (l->deferred[kind] == NULL)
    return TRUE;
  r = occ_json_reader_new_for_fragment (parent, l->deferred[kind],
                                        l->deferred_pos[kind], members[kind]);
  return occ_json_reader_next (r, error) != OCC_JSON_ERROR
         && stream_records (l, r, kind, error)
         && occ_json_reader_next (r, error) == OCC_JSON_END;
}

static gboolean
load_document (Loader *l, OccJsonReader *r, GError **error)
{
  OccJsonToken token = occ_json_reader_next (r, error);
  g_autoptr (JsonNode) root = NULL;
  const char *title = NULL;

  if (token == OCC_JSON_ERROR)
    return FALSE;
  if (token != OCC_JSON_OBJECT_BEGIN)
    {
      occ_json_reader_error (r, error, OCC_ERROR_FORMAT,
                             "expected an object, found %s; an "
                             "occ-dataset/1 document is an object",
                             occ_json_token_kind (token));
      return FALSE;
    }
  l->root = json_object_new ();
  root = json_node_init_object (json_node_alloc (), l->root);
  l->places = occ_json_places_new (l->source);
  occ_json_places_set_root (l->places, root, occ_json_reader_pos (r));
  l->path.places = l->places;
  while ((token = occ_json_reader_next (r, error)) == OCC_JSON_KEY)
    {
      g_autofree char *name = g_strdup (occ_json_reader_text (r, NULL));
      int kind = g_str_equal (name, "ratings")     ? RATINGS
                 : g_str_equal (name, "published") ? PUBLISHED
                                                   : -1;
      JsonNode *node;

      if ((token = occ_json_reader_next (r, error)) == OCC_JSON_ERROR)
        return FALSE;
      if (kind >= 0 && ready (l))
        {
          if (!prepare (l, error) || !stream_records (l, r, kind, error))
            return FALSE;
        }
      else if (kind >= 0)
        {
          if (token != OCC_JSON_ARRAY_BEGIN)
            return type_error (r, "an array", error);
          l->deferred_pos[kind] = occ_json_reader_pos (r);
          if (!(l->deferred[kind] = occ_json_reader_capture (r, error)))
            return FALSE;
        }
      else if (g_strv_contains (tree_members, name))
        {
          if (!(node = occ_json_reader_build_into (r, l->places, error)))
            return FALSE;
          json_object_set_member (l->root, name, node);
        }
      else if (!occ_json_reader_skip (r, error))
        return FALSE;
    }
  /* The title is read at the end: it may come after the records. */
  if (token != OCC_JSON_OBJECT_END
      || occ_json_reader_next (r, error) != OCC_JSON_END
      || !prepare (l, error)
      || !occ_json_optional_string (l->root, "title", &l->path, &title, error)
      || !stream_deferred (l, r, RATINGS, error)
      || !stream_deferred (l, r, PUBLISHED, error))
    return FALSE;
  l->self->title = g_strdup (title);
  resize (l, RATINGS, l->self->n_ratings);
  resize (l, PUBLISHED, l->self->n_published);
  return group_ratings (l, error);
}

static void
loader_clear (Loader *l)
{
  for (guint k = 0; k < 2; k++)
    {
      g_clear_pointer (&l->deferred[k], g_bytes_unref);
      g_clear_pointer (&l->pos[k], g_array_unref);
    }
  for (guint k = 0; k < G_N_ELEMENTS (l->last_id); k++)
    g_free (l->last_id[k]);
  g_clear_pointer (&l->root, json_object_unref);
  g_clear_pointer (&l->places, occ_json_places_unref);
  g_clear_pointer (&l->groups, g_array_unref);
  g_free (l->group_seen);
}

/* The constructors --------------------------------------------------- */

/* A fresh dataset from @r, or NULL: the caller never sees one half
 * loaded. */
static OccDataset *
load (OccJsonReader *r, GError **error)
{
  g_autoptr (OccDataset) self = g_object_new (OCC_TYPE_DATASET, NULL);
  Loader l = { 0 };
  gboolean ok;

  l.self = self;
  l.source = occ_json_reader_source (r);
  l.path = OCC_PATH_ROOT;
  l.groups = g_array_new (FALSE, FALSE, sizeof (guint16));
  l.pos[RATINGS] = g_array_new (FALSE, FALSE, sizeof (OccJsonPos));
  l.pos[PUBLISHED] = g_array_new (FALSE, FALSE, sizeof (OccJsonPos));
  ok = load_document (&l, r, error);
  loader_clear (&l);
  return ok ? g_steal_pointer (&self) : NULL;
}

static OccDataset *
load_data (const char *data, gsize length, const char *source, GError **error)
{
  g_autoptr (OccJsonReader) r = occ_json_reader_new_for_data (data, length,
                                                              source);
  return load (r, error);
}

/**
 * occ_dataset_new_from_file:
 * @filename: (type filename): the path of an `occ-dataset/1` file
 * @error: return location for a #GError
 *
 * Loads a dataset from a file, reading it in chunks: memory grows with
 * the ratings, not with the file. Error messages start with @filename
 * and the line and column of the fault
 * ([func@Occ.error_get_location]).
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
  g_autoptr (GInputStream) stream = NULL;
  g_autofree char *display = NULL;
  int fd;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (filename);
  /* A FIFO, socket or device is refused before anything blocks on it. */
  if ((fd = occ_open_regular_file (filename, display, error)) < 0)
    return NULL;
  stream = g_unix_input_stream_new (fd, TRUE);
  return occ_dataset_new_from_stream (stream, display, NULL, error);
}

/**
 * occ_dataset_new_from_stream:
 * @stream: a stream of `occ-dataset/1` JSON, read to its end (not closed)
 * @source: (nullable): the name of the input in messages, such as `-` for
 *   standard input, or %NULL for `<stream>`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads a dataset from a stream, such as a pipe or standard input, in
 * chunks as it arrives: memory grows with the ratings, not with the
 * text, so a stream has no size limit (1.2 refused one of more than
 * 128 MiB). When `ratings` comes before the members it names, its text
 * is kept until they have been read.
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
  g_autoptr (OccJsonReader) r = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r = occ_json_reader_new_for_stream (stream, source ? source : "<stream>",
                                      cancellable);
  return load (r, error);
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
  return load_data (data ? data : "", (gsize) length, "<data>", error);
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
  return load_data (data ? data : "", length, "<data>", error);
}
