/* occ-results.c: the scores of a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "occ-aggregate-private.h"
#include "occ-results-private.h"

/**
 * OccResults:
 *
 * The scores of every node of a dataset, in every country and phase, by the
 * rules of occ-v1 §4: leaf criterion scores from the raters' ratings
 * (or the published scores), leaf scores, inner nodes up to the top-level
 * nodes and the country, changes between phases, bands, population
 * inclusion and ranks.
 *
 * ```c
 * g_autoptr(OccResults) results = occ_results_new (dataset);
 * g_autoptr(OccScore) score = occ_results_lookup (results, "PE", "2024", "VIII.25");
 * double value;
 * if (score != NULL && occ_score_get_value (score, &value))
 *   g_print ("%.2f (%s)\n", value, occ_score_get_band (score));
 * ```
 *
 * A results object is a [iface@Gio.ListModel] of [class@Occ.Score]: one item
 * per (country, phase, node) that has any score, by country, then phase,
 * then the framework's document order, the order of `occ-results/1`.
 *
 * Results never change once computed, so they can be shared between
 * threads.
 *
 * Since: 1.0
 */

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OccResults, occ_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_init))

static void
occ_results_finalize (GObject *object)
{
  OccResults *self = OCC_RESULTS (object);

  g_clear_pointer (&self->table, occ_table_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (occ_results_parent_class)->finalize (object);
}

static void
occ_results_class_init (OccResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_results_finalize;
}

static void
occ_results_init (OccResults *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static GType
get_item_type (GListModel *model)
{
  return OCC_TYPE_SCORE;
}

static guint
get_n_items (GListModel *model)
{
  return OCC_RESULTS (model)->entries->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  OccResults *self = OCC_RESULTS (model);
  guint k, p, j;

  if (position >= self->entries->len)
    return NULL;
  occ_table_cell_split (self->table,
                        g_array_index (self->entries, gsize, position), &k,
                        &p, &j);
  return occ_score_new (G_OBJECT (self), self->dataset, self->table, k, p, j);
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
has_any_score (OccTable *t, gsize cell)
{
  /* occ-categorical.md §3: every node with a rated leaf has an entry. */
  if (t->rated != NULL && t->rated[cell] > 0)
    return TRUE;
  for (guint slot = 0; slot < t->n_slots; slot++)
    if (t->present[cell * t->n_slots + slot])
      return TRUE;
  return FALSE;
}

/**
 * occ_results_new:
 * @dataset: a dataset
 *
 * Scores @dataset. Scoring a valid dataset cannot fail: where the rules
 * give no score (too few raters, no scored children) the result says so.
 *
 * Returns: (transfer full): the results
 *
 * Since: 1.0
 */
OccResults *
occ_results_new (OccDataset *dataset)
{
  OccResults *self;
  OccTable *t;

  g_return_val_if_fail (OCC_IS_DATASET (dataset), NULL);

  self = g_object_new (OCC_TYPE_RESULTS, NULL);
  self->dataset = g_object_ref (dataset);
  self->table = t = occ_table_new_scored (dataset);
  for (guint k = 0; k < t->n_countries; k++)
    for (guint p = 0; p < t->n_phases; p++)
      for (guint j = 0; j < t->n_nodes; j++)
        {
          gsize cell = occ_table_cell (t, k, p, j);
          if (has_any_score (t, cell))
            g_array_append_val (self->entries, cell);
        }
  return self;
}

/**
 * occ_results_get_dataset:
 * @self: results
 *
 * The dataset the results were computed from.
 *
 * Returns: (transfer none): the dataset that was scored
 *
 * Since: 1.0
 */
OccDataset *
occ_results_get_dataset (OccResults *self)
{
  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  return self->dataset;
}

static gboolean
resolve (OccResults *self, const char *country, const char *phase, int *k,
         int *p)
{
  *k = occ_dataset_lookup_country (self->dataset, country);
  *p = occ_dataset_lookup_phase (self->dataset, phase);
  return *k >= 0 && *p >= 0;
}

/**
 * occ_results_lookup:
 * @self: results
 * @country: a country id
 * @phase: a phase id
 * @node: a node id
 *
 * Finds the scores of one node in one country and phase.
 *
 * Returns: (transfer full) (nullable): the scores of @node in @country and
 *   @phase, or %NULL when it has none or an id is unknown
 *
 * Since: 1.0
 */
OccScore *
occ_results_lookup (OccResults *self, const char *country, const char *phase,
                    const char *node)
{
  OccNode *n;
  int k, p;

  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (country != NULL && phase != NULL && node != NULL,
                        NULL);

  n = occ_dataset_lookup_node (self->dataset, node);
  if (n == NULL || !resolve (self, country, phase, &k, &p)
      || !has_any_score (self->table,
                         occ_table_cell (self->table, k, p, n->index)))
    return NULL;
  return occ_score_new (G_OBJECT (self), self->dataset, self->table, k, p,
                        n->index);
}

/**
 * occ_results_lookup_country:
 * @self: results
 * @country: a country id
 * @phase: a phase id
 *
 * The score of a whole country: its top-level nodes aggregated by the
 * methodology's `children` rule with their weights, a libocc extension
 * written as the `countries` member of `occ-results/1`.
 *
 * Returns: (transfer full) (nullable): the country's score, or %NULL when it
 *   has none or an id is unknown
 *
 * Since: 1.0
 */
OccScore *
occ_results_lookup_country (OccResults *self, const char *country,
                            const char *phase)
{
  OccTable *t;
  int k, p;

  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (country != NULL && phase != NULL, NULL);

  t = self->table;
  if (!resolve (self, country, phase, &k, &p)
      || !has_any_score (t, occ_table_cell (t, k, p, t->n_nodes)))
    return NULL;
  return occ_score_new (G_OBJECT (self), self->dataset, self->table, k, p,
                        t->n_nodes);
}

/* Best (rank 1) or worst (lowest rounded value) of @peer's peer group. */
static GListModel *
extremes (OccResults *self, const char *country, const char *phase,
          const char *peer, gboolean best)
{
  GListStore *store = g_list_store_new (OCC_TYPE_SCORE);
  OccDataset *ds = self->dataset;
  OccTable *t = self->table;
  guint precision = ds->methodology->precision, top = t->n_slots - 1;
  OccNode *peer_node = peer ? occ_dataset_lookup_node (ds, peer) : NULL;
  gint64 lowest = G_MAXINT64;
  double value;
  int k, p;
  gsize base;

  if (!resolve (self, country, phase, &k, &p) || (peer && !peer_node)
      || ds->n_nodes == 0)
    return G_LIST_MODEL (store);
  base = occ_table_cell (t, k, p, 0);
  for (int pass = best ? 1 : 0; pass < 2; pass++)
    for (guint i = 0; i < ds->n_nodes; i++)
      {
        gboolean member = peer_node ? ds->node_peer[i]
                                        == ds->node_peer[peer_node->index]
                                    : ds->node_parent[i] < 0;
        gint64 key;

        if (!member || !occ_table_get (t, base + i, top, &value))
          continue;
        key = occ_round_key (value, precision);
        if (pass == 0)
          lowest = MIN (lowest, key);
        else if (best ? t->rank[base + i] == 1 : key == lowest)
          {
            g_autoptr (OccScore) score = occ_score_new (G_OBJECT (self),
                                                        self->dataset,
                                                        self->table, k, p, i);
            g_list_store_append (store, score);
          }
      }
  return G_LIST_MODEL (store);
}

/**
 * occ_results_get_best:
 * @self: results
 * @country: a country id
 * @phase: a phase id
 * @peer: (nullable): a node whose peer group to look in, or %NULL for the
 *   top-level nodes
 *
 * The best-scored nodes of a peer group (see [method@Occ.Score.get_rank]):
 * every node of rank 1. Peers are the nodes of one depth under one
 * top-level node, leaves and inner nodes alike (occ-v1 §4.7): for the best
 * theme of the IX Summit, pass any theme of it, such as `IX.A`; for its
 * best commitment, any commitment of it, such as `IX.A.12`, whether or not
 * it has sub-commitments.
 *
 * Returns: (transfer full) (attributes element-type=OccScore): a new list
 *   of [class@Occ.Score], empty when nothing is scored or an id is unknown
 *
 * Since: 1.0
 */
GListModel *
occ_results_get_best (OccResults *self, const char *country,
                      const char *phase, const char *peer)
{
  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (country != NULL && phase != NULL, NULL);
  return extremes (self, country, phase, peer, TRUE);
}

/**
 * occ_results_get_worst:
 * @self: results
 * @country: a country id
 * @phase: a phase id
 * @peer: (nullable): a node whose peer group to look in, or %NULL for the
 *   top-level nodes
 *
 * The worst-scored nodes of a peer group: every node whose value, rounded to
 * the methodology's precision, is the lowest.
 *
 * Returns: (transfer full) (attributes element-type=OccScore): a new list
 *   of [class@Occ.Score], empty when nothing is scored or an id is unknown
 *
 * Since: 1.0
 */
GListModel *
occ_results_get_worst (OccResults *self, const char *country,
                       const char *phase, const char *peer)
{
  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (country != NULL && phase != NULL, NULL);
  return extremes (self, country, phase, peer, FALSE);
}

/**
 * occ_results_dup_values:
 * @self: results
 * @country: a country index of the dataset
 * @phase: a phase index of the dataset
 * @criterion: a criterion index, or -1 for the nodes' own scores
 * @present: (out) (optional) (transfer full) (array length=n_nodes): 1 where
 *   the node has a score, 0 where it has none
 * @n_nodes: (out): the number of nodes
 *
 * The scores of every node of the framework, by node index (see
 * [method@Occ.Node.get_index]), in one call. A node without a score has
 * 0 in the result and 0 in @present: never a NaN.
 *
 * Returns: (transfer full) (array length=n_nodes): the scores
 *
 * Since: 1.0
 */
double *
occ_results_dup_values (OccResults *self, guint country, guint phase,
                        int criterion, guint8 **present, gsize *n_nodes)
{
  OccTable *t;
  guint slot;
  double *values;
  guint8 *mask;

  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);
  t = self->table;
  g_return_val_if_fail (country < t->n_countries, NULL);
  g_return_val_if_fail (phase < t->n_phases, NULL);
  g_return_val_if_fail (criterion >= -1 && criterion < (int) t->n_slots - 1,
                        NULL);

  slot = criterion < 0 ? t->n_slots - 1 : (guint) criterion;
  values = g_new0 (double, t->n_nodes + 1);
  mask = g_new0 (guint8, t->n_nodes + 1);
  for (guint i = 0; i < t->n_nodes; i++)
    mask[i] = occ_table_get (t, occ_table_cell (t, country, phase, i), slot,
                             &values[i]);
  *n_nodes = t->n_nodes;
  if (present)
    *present = mask;
  else
    g_free (mask);
  return values;
}

/* Optional members an analysis adds to each slot (occ-bootstrap.c). */
typedef struct
{
  OccResultsExtraFunc func;
  gpointer data;
} Extra;

static void
write_slot (OccResults *self, OccJsonWriter *w, guint k, guint p, guint j,
            guint slot, const Extra *extra)
{
  OccMethodology *m = self->dataset->methodology;
  OccTable *t = self->table;
  gsize cell = occ_table_cell (t, k, p, j);
  double value, delta;
  const char *band;

  if (occ_table_get (t, cell, slot, &value))
    {
      occ_json_put_double (w, "value", value);
      if ((band = occ_methodology_band_for_value (m, value)))
        occ_json_put_string (w, "band", band);
    }
  if (occ_table_get_delta (t, k, p, j, slot, &delta))
    occ_json_put_double (w, "delta", delta);
  if (extra->func)
    extra->func (w, cell, slot, extra->data);
}

static void
write_criteria (OccResults *self, OccJsonWriter *w, guint k, guint p, guint j,
                const Extra *extra)
{
  OccMethodology *m = self->dataset->methodology;
  OccTable *t = self->table;
  gsize cell = occ_table_cell (t, k, p, j);

  /* A categorical methodology's criteria have numbers only where they
   * give values (occ-categorical.md §3). */
  if (occ_methodology_is_categorical (m))
    {
      gboolean any = FALSE;

      for (guint c = 0; c < m->n_criteria; c++)
        any |= m->levels[c].values != NULL
               && (t->present[cell * t->n_slots + c]
                   || t->n[cell * m->n_criteria + c] >= 0);
      if (!any)
        return;
    }
  occ_json_begin_object (w, "criteria");
  for (guint c = 0; c < m->n_criteria; c++)
    {
      gint32 n = t->n[cell * m->n_criteria + c];

      if (!t->present[cell * t->n_slots + c] && n < 0)
        continue;
      if (occ_methodology_is_categorical (m) && m->levels[c].values == NULL)
        continue;
      occ_json_begin_object (w, m->criterion_ids[c]);
      write_slot (self, w, k, p, j, c, extra);
      if (n >= 0)
        occ_json_put_int (w, "n", n);
      occ_json_end_object (w);
    }
  occ_json_end_object (w);
}

/* A leaf's levels and flags, or a node's summaries (occ-categorical.md
 * §3). */
static void
write_categorical (OccResults *self, OccJsonWriter *w, guint k, guint p,
                   guint j)
{
  OccMethodology *m = self->dataset->methodology;
  OccTable *t = self->table;
  gsize cell = occ_table_cell (t, k, p, j);
  gboolean leaf = j < t->n_nodes && self->dataset->node_leaf[j];

  if (leaf)
    {
      occ_json_begin_object (w, "levels");
      for (guint c = 0; c < m->n_criteria; c++)
        {
          gint32 level = t->level[cell * m->n_criteria + c];
          if (level != OCC_SCORE_NULL)
            occ_json_put_string (
              w, m->criterion_ids[c],
              m->levels[c].ids[occ_level_slot (&m->levels[c], level)]);
        }
      occ_json_end_object (w);
      occ_json_begin_object (w, "flags");
      for (guint f = 0; f < m->n_flags; f++)
        {
          gint8 value = t->flag[cell * t->n_flags + f];
          if (value == OCC_COND_UNKNOWN)
            occ_json_put_null (w, m->flags[f].id);
          else
            occ_json_put_bool (w, m->flags[f].id, value);
        }
      occ_json_end_object (w);
      return;
    }
  occ_json_begin_object (w, "summaries");
  for (guint x = 0; x < m->n_summaries; x++)
    {
      OccSummary now, before;

      occ_table_get_summary (t, cell, x, &now);
      occ_json_begin_object (w, m->summaries[x].id);
      occ_json_put_int (w, "count", now.count);
      occ_json_put_int (w, "unknown", now.unknown);
      occ_json_put_int (w, "of", now.of);
      if (m->summaries[x].percent)
        occ_json_put_double (w, "percent", now.percent);
      if (p > 0
          && occ_table_get_summary (t, occ_table_cell (t, k, p - 1, j), x,
                                    &before))
        {
          occ_json_put_int (w, "delta", (gint64) now.count - before.count);
          if (m->summaries[x].percent)
            occ_json_put_double (w, "delta_percent",
                                 now.percent - before.percent);
        }
      occ_json_end_object (w);
    }
  occ_json_end_object (w);
}

static void
write_entry (OccResults *self, OccJsonWriter *w, guint k, guint p, guint j,
             const Extra *extra)
{
  OccDataset *ds = self->dataset;
  OccTable *t = self->table;
  gsize cell = occ_table_cell (t, k, p, j);
  gboolean country = j == t->n_nodes;

  occ_json_begin_object (w, NULL);
  occ_json_put_string (w, "country", ds->countries.ids[k]);
  occ_json_put_string (w, "phase", ds->phases.ids[p]);
  if (!country)
    {
      OccNode *node = g_ptr_array_index (ds->nodes, j);
      occ_json_put_string (w, "node", node->id);
      occ_json_put_int (w, "depth", node->depth);
    }
  write_slot (self, w, k, p, j, t->n_slots - 1, extra);
  if (country && t->country_rank[cell] > 0)
    occ_json_put_int (w, "rank", t->country_rank[cell]);
  if (!country && t->rank[cell] > 0)
    occ_json_put_int (w, "rank", t->rank[cell]);
  if (!country && t->n_countries > 1 && t->country_rank[cell] > 0)
    occ_json_put_int (w, "country_rank", t->country_rank[cell]);
  write_criteria (self, w, k, p, j, extra);
  if (t->rated != NULL)
    write_categorical (self, w, k, p, j);
  if (t->inclusion[cell] >= 0)
    occ_json_put_double (w, "inclusion", t->inclusion[cell]);
  /* Without numeric leaf scores, every child would be "missing". */
  if (t->missing[cell] >= 0
      && (t->rated == NULL || ds->methodology->all_values))
    occ_json_put_int (w, "missing_children", t->missing[cell]);
  occ_json_end_object (w);
}

/**
 * occ_results_to_data:
 * @self: results
 * @length: (out) (optional): the length of the text in bytes (language
 *   bindings return the text and its length)
 *
 * Writes the results as `occ-results/1` (occ-v1 §5), numbers in full
 * double precision, fields without a value left out. Besides the spec's
 * members, entries carry `country_rank` when the dataset has several
 * countries, and a `countries` array holds each country's own score.
 *
 * The text ends with a newline, ready to be written to a file.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.0
 */
char *
occ_results_to_data (OccResults *self, gsize *length)
{
  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  return occ_results_to_data_extra (self, NULL, NULL, length);
}

/* Writes the text of occ-results/1 into @out, handing it to @flush
 * (when not NULL) whenever it passes FLUSH_SIZE and at the end: with a
 * stream, memory stays a chunk whatever the number of results. */
#define FLUSH_SIZE (256u << 10)

typedef gboolean (*FlushFunc) (GString *out, gpointer data);

static gboolean
write_results (OccResults *self, OccResultsExtraFunc func, gpointer data,
               GString *out, FlushFunc flush, gpointer flush_data)
{
  Extra extra = { func, data };
  OccTable *t = self->table;
  OccJsonWriter w;

#define MAYBE_FLUSH()                                                        \
  G_STMT_START                                                               \
  {                                                                          \
    if (flush != NULL && out->len >= FLUSH_SIZE && !flush (out, flush_data)) \
      return FALSE;                                                          \
  }                                                                          \
  G_STMT_END

  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  occ_json_put_string (&w, "format", "occ-results/1");
  occ_json_put_string (&w, "methodology", self->dataset->methodology->id);
  if (func)
    func (&w, G_MAXSIZE, 0, data); /* members of the document itself */
  occ_json_begin_array (&w, "scores");
  for (guint i = 0; i < self->entries->len; i++)
    {
      guint k, p, j;

      occ_table_cell_split (t, g_array_index (self->entries, gsize, i), &k,
                            &p, &j);
      write_entry (self, &w, k, p, j, &extra);
      MAYBE_FLUSH ();
    }
  occ_json_end_array (&w);
  occ_json_begin_array (&w, "countries");
  for (guint k = 0; k < t->n_countries; k++)
    for (guint p = 0; p < t->n_phases; p++)
      if (has_any_score (t, occ_table_cell (t, k, p, t->n_nodes)))
        {
          write_entry (self, &w, k, p, t->n_nodes, &extra);
          MAYBE_FLUSH ();
        }
  occ_json_end_array (&w);
  occ_json_end_object (&w);
#undef MAYBE_FLUSH
  return flush == NULL || flush (out, flush_data);
}

/* occ_results_to_data() with @func called after each slot's own members
 * (value, band, delta), to add optional ones. */
char *
occ_results_to_data_extra (OccResults *self, OccResultsExtraFunc func,
                           gpointer data, gsize *length)
{
  GString *out = g_string_sized_new (1024 + self->entries->len * 400);

  write_results (self, func, data, out, NULL, NULL);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError **error;
} StreamOut;

static gboolean
flush_to_stream (GString *out, gpointer data)
{
  StreamOut *so = data;
  gboolean ok = g_output_stream_write_all (so->stream, out->str, out->len,
                                           NULL, so->cancellable, so->error);

  g_string_truncate (out, 0);
  return ok;
}

gboolean
occ_results_write_extra (OccResults *self, OccResultsExtraFunc func,
                         gpointer data, GOutputStream *stream,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) out = g_string_sized_new (FLUSH_SIZE + 4096);
  StreamOut so = { stream, cancellable, error };

  return write_results (self, func, data, out, flush_to_stream, &so);
}

/**
 * occ_results_write:
 * @self: an #OccResults
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the results to @stream as [method@Occ.Results.to_data] gives
 * them, byte for byte, a chunk at a time: memory stays a few hundred
 * kilobytes whatever the number of results (to_data() builds the whole
 * text, some 250 MB for six million ratings). The stream is not closed.
 *
 * Returns: %TRUE, or %FALSE with the stream's #GIOError when writing
 *   failed (then part of the text may have been written)
 *
 * Since: 1.4
 */
gboolean
occ_results_write (OccResults *self, GOutputStream *stream,
                   GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (OCC_IS_RESULTS (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return occ_results_write_extra (self, NULL, NULL, stream, cancellable,
                                  error);
}

/* The public name of the engine's "no level". */
G_STATIC_ASSERT (OCC_NO_LEVEL == OCC_SCORE_NULL);

static gboolean
check_cell (OccResults *self, guint country, guint phase)
{
  return country < self->table->n_countries && phase < self->table->n_phases;
}

/**
 * occ_results_dup_levels:
 * @self: results
 * @country: a country index of the dataset
 * @phase: a phase index of the dataset
 * @criterion: a criterion index
 * @n_nodes: (out): the number of nodes
 *
 * Every leaf's level for one criterion of a categorical methodology, by
 * node index, in one call (see [method@Occ.Score.get_level]).
 *
 * Returns: (transfer full) (array length=n_nodes): the levels: 0 for the
 *   lowest, -1, -2, … for unranked answers, and %OCC_NO_LEVEL for inner
 *   nodes, leaves without a level, and every node of a numeric
 *   methodology
 *
 * Since: 1.5
 */
gint32 *
occ_results_dup_levels (OccResults *self, guint country, guint phase,
                        guint criterion, gsize *n_nodes)
{
  OccTable *t;
  gint32 *levels;

  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);
  g_return_val_if_fail (check_cell (self, country, phase), NULL);
  t = self->table;
  g_return_val_if_fail (criterion < t->n_slots - 1, NULL);

  levels = g_new (gint32, t->n_nodes + 1);
  for (guint i = 0; i < t->n_nodes; i++)
    {
      gsize cell = occ_table_cell (t, country, phase, i);
      levels[i] = t->level != NULL && self->dataset->node_leaf[i]
                    ? t->level[cell * t->n_criteria + criterion]
                    : OCC_NO_LEVEL;
    }
  *n_nodes = t->n_nodes;
  return levels;
}

/**
 * occ_results_dup_flags:
 * @self: results
 * @country: a country index of the dataset
 * @phase: a phase index of the dataset
 * @flag: a flag index, less than [method@Occ.Methodology.get_n_flags]
 * @n_nodes: (out): the number of nodes
 *
 * One flag of every leaf, by node index, in one call (see
 * [method@Occ.Score.get_flag]).
 *
 * Returns: (transfer full) (array length=n_nodes): an #OccTruth per node
 *   (0 false, 1 true, 2 unknown), or -1 for inner nodes and for leaves
 *   without ratings in @country and @phase
 *
 * Since: 1.5
 */
gint8 *
occ_results_dup_flags (OccResults *self, guint country, guint phase,
                       guint flag, gsize *n_nodes)
{
  OccTable *t;
  gint8 *flags;

  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);
  g_return_val_if_fail (check_cell (self, country, phase), NULL);
  t = self->table;
  g_return_val_if_fail (flag < t->n_flags, NULL);

  flags = g_new (gint8, t->n_nodes + 1);
  for (guint i = 0; i < t->n_nodes; i++)
    {
      gsize cell = occ_table_cell (t, country, phase, i);
      gint8 value = t->flag[cell * t->n_flags + flag];

      if (!self->dataset->node_leaf[i] || t->rated[cell] == 0)
        flags[i] = -1;
      else
        flags[i] = value == OCC_COND_UNKNOWN ? OCC_TRUTH_UNKNOWN
                   : value                   ? OCC_TRUTH_TRUE
                                             : OCC_TRUTH_FALSE;
    }
  *n_nodes = t->n_nodes;
  return flags;
}

/**
 * occ_results_dup_summaries:
 * @self: results
 * @country: a country index of the dataset
 * @phase: a phase index of the dataset
 * @summary: a summary index, less than
 *   [method@Occ.Methodology.get_n_summaries]
 * @n_values: (out): the number of values: 3 × (nodes + 1)
 *
 * One summary of every inner node and of the country, in one call (see
 * [method@Occ.Score.get_summary]): three numbers per node, by node
 * index, count, unknown and of, then three for the country. Nodes
 * without the summary (leaves, nodes without rated leaves) have 0 for
 * all three; the percentage is 100 × count / of.
 *
 * Returns: (transfer full) (array length=n_values): the counts
 *
 * Since: 1.5
 */
guint32 *
occ_results_dup_summaries (OccResults *self, guint country, guint phase,
                           guint summary, gsize *n_values)
{
  OccTable *t;
  guint32 *values;

  g_return_val_if_fail (OCC_IS_RESULTS (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);
  g_return_val_if_fail (check_cell (self, country, phase), NULL);
  t = self->table;
  g_return_val_if_fail (summary < t->n_summaries, NULL);

  values = g_new0 (guint32, 3 * ((gsize) t->n_nodes + 1));
  for (guint i = 0; i <= t->n_nodes; i++)
    {
      OccSummary sum;

      if (occ_table_get_summary (t, occ_table_cell (t, country, phase, i),
                                 summary, &sum))
        {
          values[3 * (gsize) i] = sum.count;
          values[3 * (gsize) i + 1] = sum.unknown;
          values[3 * (gsize) i + 2] = sum.of;
        }
    }
  *n_values = 3 * ((gsize) t->n_nodes + 1);
  return values;
}
