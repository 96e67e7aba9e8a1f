/* occ-comparison.c: one node, or all nodes of a depth, across countries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <occ/occ-comparison.h>

#include "occ-analysis-common-private.h"
#include "occ-bootstrap-private.h"
#include "occ-results-private.h"

/**
 * OccComparison:
 *
 * One node (or a country's own score, or every node of a depth) across
 * the countries of a dataset in one phase: each country's score, its rank
 * between countries (occ-v1 §4.7), its change since the previous phase
 * and its rank then, and its bootstrap interval when a
 * [class@Occ.Bootstrap] is given.
 *
 * Rows come node by node (in the framework's order), and within a node by
 * rank, then by the dataset's order of countries. Only countries that
 * score the node in the phase have a row.
 *
 * Since: 1.1
 */
typedef struct
{
  guint country;
  guint node; /* n_nodes: the country's own score */
} Row;

struct _OccComparison
{
  GObject parent_instance;

  OccResults *results;
  OccBootstrap *bootstrap; /* nullable */
  guint phase;
  GArray *rows;
};

G_DEFINE_FINAL_TYPE (OccComparison, occ_comparison, G_TYPE_OBJECT)

static void
occ_comparison_finalize (GObject *object)
{
  OccComparison *self = OCC_COMPARISON (object);

  g_clear_object (&self->results);
  g_clear_object (&self->bootstrap);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (occ_comparison_parent_class)->finalize (object);
}

static void
occ_comparison_class_init (OccComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_comparison_finalize;
}

static void
occ_comparison_init (OccComparison *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
}

/* Within a node: by rank, then the dataset's order of countries. */
static void
add_node_rows (OccComparison *self, guint node)
{
  OccTable *t = self->results->table;
  guint first = self->rows->len;
  double value;

  for (guint k = 0; k < t->n_countries; k++)
    if (occ_table_get (t, occ_table_cell (t, k, self->phase, node),
                       t->n_slots - 1, &value))
      {
        Row row = { k, node };
        guint at = self->rows->len;
        guint rank =
          t->country_rank[occ_table_cell (t, k, self->phase, node)];

        /* Insertion: the countries of one node are few. */
        while (at > first)
          {
            Row *before = &g_array_index (self->rows, Row, at - 1);
            guint r = t->country_rank[occ_table_cell (t, before->country,
                                                      self->phase, node)];
            if (r <= rank)
              break;
            at--;
          }
        g_array_insert_val (self->rows, at, row);
      }
}

/**
 * occ_comparison_new:
 * @results: the results to compare
 * @bootstrap: (nullable): intervals of @results, or %NULL for none
 * @phase: (nullable): a phase id, or %NULL for the dataset's last phase
 * @node: (nullable): a node id, or %NULL for the countries' own scores
 *   (or for every node of @depth)
 * @depth: a depth (0 for top-level nodes) to compare every node of, or -1
 *   to compare @node
 * @error: return location for a #GError
 *
 * Compares one node, or every node of a depth, across countries (see
 * [class@Occ.Comparison]).
 *
 * Fails with %OCC_ERROR_UNKNOWN_ID for an unknown phase or node, or a
 * depth no node has, and %OCC_ERROR_STRUCTURE when both a node and a
 * depth are given or the dataset has no phase.
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set
 *
 * Since: 1.1
 */
OccComparison *
occ_comparison_new (OccResults *results, OccBootstrap *bootstrap,
                    const char *phase, const char *node, int depth,
                    GError **error)
{
  g_autoptr (OccComparison) self = NULL;
  OccDataset *ds;
  OccNode *n = NULL;
  int p;

  g_return_val_if_fail (OCC_IS_RESULTS (results), NULL);
  g_return_val_if_fail (bootstrap == NULL || OCC_IS_BOOTSTRAP (bootstrap),
                        NULL);
  g_return_val_if_fail (bootstrap == NULL
                          || occ_bootstrap_get_results (bootstrap) == results,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ds = results->dataset;
  if (node != NULL && depth >= 0)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE,
                   "compare: give a node (%s) or a depth (%d), not both",
                   node, depth);
      return NULL;
    }
  if (ds->phases.n == 0)
    {
      g_set_error_literal (error, OCC_ERROR, OCC_ERROR_STRUCTURE,
                           "compare: the dataset has no phase");
      return NULL;
    }
  p = phase ? occ_dataset_lookup_phase (ds, phase) : (int) ds->phases.n - 1;
  if (p < 0)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                   "compare: unknown phase “%s”", phase);
      return NULL;
    }
  if (node != NULL && (n = occ_dataset_lookup_node (ds, node)) == NULL)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                   "compare: unknown node “%s”", node);
      return NULL;
    }
  self = g_object_new (OCC_TYPE_COMPARISON, NULL);
  self->results = g_object_ref (results);
  self->bootstrap = bootstrap ? g_object_ref (bootstrap) : NULL;
  self->phase = (guint) p;
  if (depth >= 0)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < ds->n_nodes; i++)
        {
          OccNode *each = g_ptr_array_index (ds->nodes, i);

          if ((int) each->depth != depth)
            continue;
          any = TRUE;
          add_node_rows (self, i);
        }
      if (!any)
        {
          g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                       "compare: no node has depth %d", depth);
          return NULL;
        }
    }
  else
    add_node_rows (self, n ? n->index : ds->n_nodes);
  return g_steal_pointer (&self);
}

static const Row *
get_row (OccComparison *self, guint row)
{
  g_return_val_if_fail (OCC_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, Row, row);
}

static gsize
row_cell (OccComparison *self, const Row *r, guint phase)
{
  return occ_table_cell (self->results->table, r->country, phase, r->node);
}

/**
 * occ_comparison_get_n_rows:
 * @self: a comparison
 *
 * How many rows the comparison has.
 *
 * Returns: the number of rows: (node, country) pairs with a score
 *
 * Since: 1.1
 */
guint
occ_comparison_get_n_rows (OccComparison *self)
{
  g_return_val_if_fail (OCC_IS_COMPARISON (self), 0);
  return self->rows->len;
}

/**
 * occ_comparison_get_phase:
 * @self: a comparison
 *
 * The phase the countries are compared in.
 *
 * Returns: (transfer none): the id of the phase compared
 *
 * Since: 1.1
 */
const char *
occ_comparison_get_phase (OccComparison *self)
{
  g_return_val_if_fail (OCC_IS_COMPARISON (self), NULL);
  return self->results->dataset->phases.ids[self->phase];
}

/**
 * occ_comparison_get_country:
 * @self: a comparison
 * @row: a row index
 *
 * The country of a row.
 *
 * Returns: (transfer none): the country's id
 *
 * Since: 1.1
 */
const char *
occ_comparison_get_country (OccComparison *self, guint row)
{
  const Row *r = get_row (self, row);

  return r ? self->results->dataset->countries.ids[r->country] : NULL;
}

/**
 * occ_comparison_get_node:
 * @self: a comparison
 * @row: a row index
 *
 * The node of a row.
 *
 * Returns: (transfer none) (nullable): the node's id, or %NULL for a
 *   country's own score
 *
 * Since: 1.1
 */
const char *
occ_comparison_get_node (OccComparison *self, guint row)
{
  const Row *r = get_row (self, row);
  OccDataset *ds;

  if (r == NULL)
    return NULL;
  ds = self->results->dataset;
  if (r->node == ds->n_nodes)
    return NULL;
  return ((OccNode *) g_ptr_array_index (ds->nodes, r->node))->id;
}

/**
 * occ_comparison_get_value:
 * @self: a comparison
 * @row: a row index
 * @value: (out): the score
 *
 * The score of a row.
 *
 * Returns: %TRUE (every row has a score)
 *
 * Since: 1.1
 */
gboolean
occ_comparison_get_value (OccComparison *self, guint row, double *value)
{
  const Row *r = get_row (self, row);
  OccTable *t;

  if (r == NULL)
    return FALSE;
  t = self->results->table;
  return occ_table_get (t, row_cell (self, r, self->phase), t->n_slots - 1,
                        value);
}

/**
 * occ_comparison_get_rank:
 * @self: a comparison
 * @row: a row index
 *
 * A row's rank between countries.
 *
 * Returns: the rank between countries (1 is best; equal rounded values
 *   share a rank)
 *
 * Since: 1.1
 */
guint
occ_comparison_get_rank (OccComparison *self, guint row)
{
  const Row *r = get_row (self, row);

  return r ? self->results->table
               ->country_rank[row_cell (self, r, self->phase)]
           : 0;
}

/**
 * occ_comparison_get_delta:
 * @self: a comparison
 * @row: a row index
 * @delta: (out): the change since the previous phase
 *
 * The change of a row's score since the previous phase.
 *
 * Returns: %TRUE when the score has a change (both phases scored)
 *
 * Since: 1.1
 */
gboolean
occ_comparison_get_delta (OccComparison *self, guint row, double *delta)
{
  const Row *r = get_row (self, row);
  OccTable *t;

  if (r == NULL)
    return FALSE;
  t = self->results->table;
  return occ_table_get_delta (t, r->country, self->phase, r->node,
                              t->n_slots - 1, delta);
}

/**
 * occ_comparison_get_previous_rank:
 * @self: a comparison
 * @row: a row index
 *
 * A row's rank between countries in the previous phase.
 *
 * Returns: the rank between countries in the previous phase, or 0 when
 *   there is none
 *
 * Since: 1.1
 */
guint
occ_comparison_get_previous_rank (OccComparison *self, guint row)
{
  const Row *r = get_row (self, row);

  if (r == NULL || self->phase == 0)
    return 0;
  return self->results->table
    ->country_rank[row_cell (self, r, self->phase - 1)];
}

/**
 * occ_comparison_get_interval:
 * @self: a comparison
 * @row: a row index
 * @low: (out) (optional): the lower end
 * @high: (out) (optional): the upper end
 *
 * The bootstrap interval of the row's score, when the comparison was
 * made with a bootstrap.
 *
 * Returns: whether there is an interval and what it covers;
 *   %OCC_INTERVAL_STATUS_NONE without a bootstrap
 *
 * Since: 1.1
 */
OccIntervalStatus
occ_comparison_get_interval (OccComparison *self, guint row, double *low,
                             double *high)
{
  const Row *r = get_row (self, row);
  double lo = 0, hi = 0;
  OccIntervalStatus status;

  if (r == NULL || self->bootstrap == NULL)
    return OCC_INTERVAL_STATUS_NONE;
  status = occ_bootstrap_get_cell (self->bootstrap,
                                   row_cell (self, r, self->phase),
                                   self->results->table->n_slots - 1, &lo,
                                   &hi);
  if (status >= OCC_INTERVAL_STATUS_ESTIMATED)
    {
      if (low)
        *low = lo;
      if (high)
        *high = hi;
    }
  return status;
}

/**
 * occ_comparison_to_data:
 * @self: a comparison
 * @length: (out) (optional): the length of the text in bytes
 *
 * The comparison as JSON: `phase`, `previous_phase` (when there is one)
 * and `rows`, each with `node` (absent for a country's own score),
 * `country`, `value`, `rank`, and when known `delta`, `previous_rank`,
 * `ci` (`[low, high]`) and `ci_status` (`"published"` or `"partial"`, as
 * in [method@Occ.Bootstrap.to_data]).
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 *
 * Since: 1.1
 */
char *
occ_comparison_to_data (OccComparison *self, gsize *length)
{
  OccDataset *ds;
  GString *out;
  OccJsonWriter w;

  g_return_val_if_fail (OCC_IS_COMPARISON (self), NULL);

  ds = self->results->dataset;
  out = g_string_new (NULL);
  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  occ_json_put_string (&w, "phase", ds->phases.ids[self->phase]);
  if (self->phase > 0)
    occ_json_put_string (&w, "previous_phase",
                         ds->phases.ids[self->phase - 1]);
  occ_json_begin_array (&w, "rows");
  for (guint i = 0; i < self->rows->len; i++)
    {
      const char *node = occ_comparison_get_node (self, i);
      double value = 0, delta, low = 0, high = 0;
      guint previous = occ_comparison_get_previous_rank (self, i);
      OccIntervalStatus status;
      const char *status_name;

      occ_json_begin_object (&w, NULL);
      if (node)
        occ_json_put_string (&w, "node", node);
      occ_json_put_string (&w, "country",
                           occ_comparison_get_country (self, i));
      occ_comparison_get_value (self, i, &value);
      occ_json_put_double (&w, "value", value);
      occ_json_put_int (&w, "rank", occ_comparison_get_rank (self, i));
      if (occ_comparison_get_delta (self, i, &delta))
        occ_json_put_double (&w, "delta", delta);
      if (previous > 0)
        occ_json_put_int (&w, "previous_rank", previous);
      status = occ_comparison_get_interval (self, i, &low, &high);
      if (status >= OCC_INTERVAL_STATUS_ESTIMATED)
        {
          occ_json_begin_array (&w, "ci");
          occ_json_put_double (&w, NULL, low);
          occ_json_put_double (&w, NULL, high);
          occ_json_end_array (&w);
        }
      status_name = occ_interval_status_to_string (status);
      if (status_name)
        occ_json_put_string (&w, "ci_status", status_name);
      occ_json_end_object (&w);
    }
  occ_json_end_array (&w);
  occ_json_end_object (&w);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}
