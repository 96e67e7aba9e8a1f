/* occ-tool-categorical.c: levels, flags and summaries as rows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "occ-tool-categorical.h"
#include "occ-tool-table.h"

gboolean
occ_tool_is_categorical (OccMethodology *m)
{
  return occ_methodology_get_scale_kind (m) == OCC_SCALE_KIND_CATEGORICAL;
}

/* Whether criterion @c puts its levels on numbers (`values`). */
static gboolean
has_values (OccMethodology *m, guint c)
{
  return occ_methodology_get_criterion_level_value (m, c, 0, NULL);
}

static gboolean
any_values (OccMethodology *m)
{
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    if (has_values (m, c))
      return TRUE;
  return FALSE;
}

char *
occ_tool_format_summary (OccMethodology *m, guint summary, guint count,
                         guint unknown, double percent)
{
  guint precision = occ_methodology_get_precision (m);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u", count);
  if (occ_methodology_get_summary_has_percent (m, summary))
    g_string_append_printf (out, " (%.*f%%)", (int) precision,
                            occ_round (percent, precision));
  if (unknown > 0)
    g_string_append_printf (out, ", %u unknown", unknown);
  return g_string_free (out, FALSE);
}

static const char *
truth_text (OccTruth truth, gboolean csv)
{
  switch (truth)
    {
    case OCC_TRUTH_TRUE:
      return csv ? "true" : "yes";
    case OCC_TRUTH_FALSE:
      return csv ? "false" : "no";
    default:
      return csv ? "unknown" : "?";
    }
}

static OccToolRow *
row_start (OccScore *score)
{
  OccToolRow *row = occ_tool_row_new ();
  int depth = occ_score_get_depth (score);

  occ_tool_row_add (row, g_strdup (occ_score_get_country (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_phase (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_node_id (score)));
  occ_tool_row_add (row, occ_tool_cell_int (depth >= 0, depth));
  return row;
}

static void
add_numeric (OccToolRow *row, OccMethodology *m, OccScore *score,
             gboolean csv)
{
  double value, delta;
  gboolean has = occ_score_get_value (score, &value);
  gboolean has_delta = occ_score_get_delta (score, &delta);
  guint rank = occ_score_get_rank (score);

  occ_tool_row_add (row, occ_tool_cell_number (m, csv, has, value));
  occ_tool_row_add (row, g_strdup (occ_score_get_band (score)));
  occ_tool_row_add (row, csv ? occ_tool_cell_exact (has_delta, delta)
                             : occ_tool_cell_change (m, has_delta, delta));
  occ_tool_row_add (row, occ_tool_cell_int (rank > 0, (int) rank));
}

static void
add_leaf (OccToolRow *row, OccMethodology *m, OccScore *score, gboolean csv)
{
  gboolean leaf = occ_score_get_node (score) != NULL
                  && occ_node_is_leaf (occ_score_get_node (score));

  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    occ_tool_row_add (row, leaf ? g_strdup (occ_score_get_level_id (score, c))
                                : NULL);
  for (guint f = 0; f < occ_methodology_get_n_flags (m); f++)
    occ_tool_row_add (
      row, leaf ? g_strdup (truth_text (occ_score_get_flag (score, f), csv))
                : NULL);
}

static void
add_summaries (OccToolRow *row, OccMethodology *m, OccScore *score,
               gboolean csv)
{
  for (guint x = 0; x < occ_methodology_get_n_summaries (m); x++)
    {
      guint count, unknown, of;
      double percent;
      gboolean has = occ_score_get_summary (score, x, &count, &unknown, &of,
                                            &percent);

      if (!csv)
        {
          occ_tool_row_add (
            row, has ? occ_tool_format_summary (m, x, count, unknown, percent)
                     : NULL);
          continue;
        }
      occ_tool_row_add (row, occ_tool_cell_int (has, (int) count));
      occ_tool_row_add (row, occ_tool_cell_int (has, (int) unknown));
      occ_tool_row_add (row, occ_tool_cell_int (has, (int) of));
      if (occ_methodology_get_summary_has_percent (m, x))
        occ_tool_row_add (row, occ_tool_cell_exact (has, percent));
    }
}

static OccToolRow *
header (OccMethodology *m, gboolean csv, gboolean leaves, gboolean summaries)
{
  static const char *const common[] = { "country", "phase", "node", "depth",
                                        NULL };
  static const char *const numeric[] = { "value", "band", "delta", "rank",
                                         NULL };
  OccToolRow *row = occ_tool_row_of (common);

  if (any_values (m))
    for (guint i = 0; numeric[i] != NULL; i++)
      occ_tool_row_add (row, g_strdup (numeric[i]));
  for (guint c = 0; leaves && c < occ_methodology_get_n_criteria (m); c++)
    occ_tool_row_add (row,
                      g_strdup (occ_methodology_get_criterion_id (m, c)));
  for (guint f = 0; leaves && f < occ_methodology_get_n_flags (m); f++)
    occ_tool_row_add (
      row, g_strdup_printf ("flag.%s", occ_methodology_get_flag_id (m, f)));
  for (guint x = 0; summaries && x < occ_methodology_get_n_summaries (m); x++)
    {
      const char *id = occ_methodology_get_summary_id (m, x);

      if (!csv)
        {
          occ_tool_row_add (row, g_strdup (id));
          continue;
        }
      occ_tool_row_add (row, g_strdup_printf ("%s.count", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.unknown", id));
      occ_tool_row_add (row, g_strdup_printf ("%s.of", id));
      if (occ_methodology_get_summary_has_percent (m, x))
        occ_tool_row_add (row, g_strdup_printf ("%s.percent", id));
    }
  return row;
}

/* Every score of the results, then each country's (as the JSON's
 * countries array), to @func. */
typedef void (*ScoreFunc) (OccScore *score, gpointer data);

static void
foreach_score (OccResults *results, ScoreFunc func, gpointer data)
{
  OccDataset *ds = occ_results_get_dataset (results);
  GListModel *model = G_LIST_MODEL (results);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      func (score, data);
    }
  for (guint k = 0; k < occ_dataset_get_n_countries (ds); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (ds); p++)
      {
        g_autoptr (OccScore) score = occ_results_lookup_country (
          results, occ_dataset_get_country_id (ds, k),
          occ_dataset_get_phase_id (ds, p));
        if (score)
          func (score, data);
      }
}

typedef struct
{
  OccMethodology *m;
  gboolean csv;
  int which; /* 0: all (CSV), 1: leaves, 2: nodes and countries */
  GPtrArray *rows;
} Rows;

static void
add_row (OccScore *score, gpointer data)
{
  Rows *r = data;
  OccNode *node = occ_score_get_node (score);
  gboolean leaf = node != NULL && occ_node_is_leaf (node);
  OccToolRow *row;

  if ((r->which == 1 && !leaf) || (r->which == 2 && leaf))
    return;
  row = row_start (score);
  if (any_values (r->m))
    add_numeric (row, r->m, score, r->csv);
  if (r->which != 2)
    add_leaf (row, r->m, score, r->csv);
  if (r->which != 1)
    add_summaries (row, r->m, score, r->csv);
  g_ptr_array_add (r->rows, row);
}

void
occ_tool_append_categorical_scores (GString *out, OccResults *results,
                                    gboolean csv, OccCsvFlags flags)
{
  OccMethodology *m =
    occ_dataset_get_methodology (occ_results_get_dataset (results));

  for (int which = csv ? 0 : 1; which <= (csv ? 0 : 2); which++)
    {
      g_autoptr (GPtrArray) rows = occ_tool_rows_new ();
      Rows r = { m, csv, which, rows };

      g_ptr_array_add (rows, header (m, csv, which != 2, which != 1));
      foreach_score (results, add_row, &r);
      if (!csv)
        g_string_append (out, which == 1 ? "Leaves: levels and flags\n"
                                         : "\nNodes and countries: "
                                           "summaries\n");
      occ_tool_append_rows (out, rows, csv, flags);
    }
}

/* "At a glance" ------------------------------------------------------- */

static void
glance_table (GString *out, OccMethodology *m, OccScore *const *scores,
              guint n)
{
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();
  OccToolRow *head = occ_tool_row_new ();

  occ_tool_row_add (head, g_strdup (""));
  for (guint i = 0; i < n; i++)
    occ_tool_row_add (head, g_strdup (occ_score_get_node_id (scores[i])
                                        ? occ_score_get_node_id (scores[i])
                                        : occ_score_get_country (scores[i])));
  g_ptr_array_add (rows, head);
  for (guint x = 0; x < occ_methodology_get_n_summaries (m); x++)
    {
      OccToolRow *row = occ_tool_row_new ();

      occ_tool_row_add (
        row, g_strdup (occ_methodology_get_summary_label (m, x, NULL)));
      for (guint i = 0; i < n; i++)
        {
          guint count, unknown;
          double percent;
          gboolean has = occ_score_get_summary (scores[i], x, &count,
                                                &unknown, NULL, &percent);
          occ_tool_row_add (
            row, has ? occ_tool_format_summary (m, x, count, unknown, percent)
                     : NULL);
        }
      g_ptr_array_add (rows, row);
    }
  occ_tool_append_table (out, rows);
}

/* The leaves of one country and phase with each flag that holds. */
static void
flagged (GString *out, OccResults *results, OccMethodology *m,
         const char *country, const char *phase)
{
  OccDataset *ds = occ_results_get_dataset (results);

  for (guint f = 0; f < occ_methodology_get_n_flags (m); f++)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      guint n = 0;

      for (guint j = 0; j < occ_dataset_get_n_nodes (ds); j++)
        {
          OccNode *node = occ_dataset_get_node (ds, j);
          g_autoptr (OccScore) score = NULL;

          if (!occ_node_is_leaf (node)
              || !(score = occ_results_lookup (results, country, phase,
                                               occ_node_get_id (node)))
              || occ_score_get_flag (score, f) != OCC_TRUTH_TRUE)
            continue;
          {
            g_autofree char *id =
              occ_escape_for_terminal (occ_node_get_id (node));
            g_autofree char *label =
              occ_escape_for_terminal (occ_node_get_label (node));
            g_string_append_printf (line, "    %s  %s\n", id, label);
          }
          n++;
        }
      {
        g_autofree char *label = occ_escape_for_terminal (
          occ_methodology_get_flag_label (m, f, NULL));
        g_string_append_printf (out, "  %s: %u%s\n", label, n,
                                n > 0 ? "" : " (none)");
      }
      g_string_append (out, line->str);
    }
}

/* Each rated leaf of one country and phase with its levels. */
static void
leaf_levels (GString *out, OccResults *results, OccMethodology *m,
             const char *country, const char *phase)
{
  OccDataset *ds = occ_results_get_dataset (results);

  for (guint j = 0; j < occ_dataset_get_n_nodes (ds); j++)
    {
      OccNode *node = occ_dataset_get_node (ds, j);
      g_autoptr (OccScore) score = NULL;
      g_autoptr (GString) line = g_string_new (NULL);

      if (!occ_node_is_leaf (node)
          || !(score = occ_results_lookup (results, country, phase,
                                           occ_node_get_id (node))))
        continue;
      g_string_append_printf (line, "  %s %s: ", occ_node_get_id (node),
                              occ_node_get_label (node));
      for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
        {
          const char *level = occ_score_get_level_id (score, c);
          int index;

          g_string_append_printf (line, "%s%s ", c > 0 ? ", " : "",
                                  occ_methodology_get_criterion_id (m, c));
          if (level == NULL || !occ_score_get_level (score, c, &index))
            g_string_append (line, "not assessed");
          else
            g_string_append (line, occ_methodology_get_criterion_level_label (
                                     m, c, index, NULL));
        }
      {
        g_autofree char *shown = occ_escape_for_terminal (line->str);
        g_string_append (out, shown);
        g_string_append_c (out, '\n');
      }
    }
}

void
occ_tool_append_at_a_glance (GString *out, OccResults *results)
{
  OccDataset *ds = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  GListModel *framework = occ_dataset_get_framework (ds);
  guint n_top = g_list_model_get_n_items (framework);

  for (guint k = 0; k < occ_dataset_get_n_countries (ds); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (ds); p++)
      {
        const char *country = occ_dataset_get_country_id (ds, k);
        const char *phase = occ_dataset_get_phase_id (ds, p);
        g_autoptr (GPtrArray) scores =
          g_ptr_array_new_with_free_func (g_object_unref);
        OccScore *whole = occ_results_lookup_country (results, country,
                                                      phase);

        if (whole == NULL)
          continue;
        for (guint i = 0; i < n_top; i++)
          {
            g_autoptr (OccNode) top = g_list_model_get_item (framework, i);
            OccScore *score = occ_node_is_leaf (top)
                                ? NULL
                                : occ_results_lookup (results, country, phase,
                                                      occ_node_get_id (top));
            if (score)
              g_ptr_array_add (scores, score);
          }
        /* The country's column only adds to several plans. */
        if (scores->len != 1)
          g_ptr_array_add (scores, whole);
        else
          g_object_unref (whole);
        {
          const char *raw_name = occ_dataset_get_country_name (ds, k);
          const char *raw_label = occ_dataset_get_phase_label (ds, p);
          /* A country or phase without a name is shown by its id. */
          g_autofree char *name = occ_escape_for_terminal (
            raw_name && *raw_name ? raw_name : country);
          g_autofree char *label = occ_escape_for_terminal (
            raw_label && *raw_label ? raw_label : phase);
          g_string_append_printf (out, "\nAt a glance: %s, %s\n\n", name,
                                  label);
        }
        glance_table (out, m, (OccScore *const *) scores->pdata, scores->len);
        g_string_append (out, "\nFlagged:\n");
        flagged (out, results, m, country, phase);
        g_string_append (out, "\nLevels:\n");
        leaf_levels (out, results, m, country, phase);
      }
}

/* occ compare for a categorical methodology ----------------------------- */

static void
add_comparison_row (GPtrArray *rows, OccMethodology *m, OccScore *score,
                    gboolean csv, gboolean deltas)
{
  OccToolRow *row = occ_tool_row_new ();

  occ_tool_row_add (row, g_strdup (occ_score_get_node_id (score)));
  occ_tool_row_add (row, g_strdup (occ_score_get_country (score)));
  add_summaries (row, m, score, csv);
  for (guint x = 0; deltas && x < occ_methodology_get_n_summaries (m); x++)
    {
      int delta;
      occ_tool_row_add (row,
                        occ_score_get_summary_delta (score, x, &delta, NULL)
                          ? g_strdup_printf ("%+d", delta)
                          : NULL);
    }
  g_ptr_array_add (rows, row);
}

gboolean
occ_tool_append_summary_comparison (GString *out, OccResults *results,
                                    const char *phase, const char *node,
                                    int depth, gboolean csv,
                                    OccCsvFlags flags, GError **error)
{
  OccDataset *ds = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  g_autoptr (GPtrArray) rows = occ_tool_rows_new ();
  OccToolRow *head = occ_tool_row_new ();
  guint n = occ_dataset_get_n_phases (ds);
  gboolean deltas;

  if (phase == NULL)
    phase = occ_dataset_get_phase_id (ds, n - 1);
  else if (occ_dataset_lookup_phase (ds, phase) < 0)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                   "unknown phase \"%s\"", phase);
      return FALSE;
    }
  if (node != NULL && occ_dataset_lookup_node (ds, node) == NULL)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
                   "unknown node \"%s\"", node);
      return FALSE;
    }
  occ_tool_row_add (head, g_strdup ("node"));
  occ_tool_row_add (head, g_strdup ("country"));
  for (guint x = 0; x < occ_methodology_get_n_summaries (m); x++)
    {
      const char *id = occ_methodology_get_summary_id (m, x);

      if (!csv)
        occ_tool_row_add (head, g_strdup (id));
      else
        {
          occ_tool_row_add (head, g_strdup_printf ("%s.count", id));
          occ_tool_row_add (head, g_strdup_printf ("%s.unknown", id));
          occ_tool_row_add (head, g_strdup_printf ("%s.of", id));
          if (occ_methodology_get_summary_has_percent (m, x))
            occ_tool_row_add (head, g_strdup_printf ("%s.percent", id));
        }
    }
  deltas = !csv && occ_dataset_lookup_phase (ds, phase) > 0;
  for (guint x = 0; deltas && x < occ_methodology_get_n_summaries (m); x++)
    occ_tool_row_add (
      head,
      g_strdup_printf ("%s.delta", occ_methodology_get_summary_id (m, x)));
  g_ptr_array_add (rows, head);
  for (guint j = 0; j < occ_dataset_get_n_nodes (ds); j++)
    {
      OccNode *n_ = occ_dataset_get_node (ds, j);

      if (occ_node_is_leaf (n_)
          || (node != NULL && g_strcmp0 (node, occ_node_get_id (n_)) != 0)
          || (node == NULL && (int) occ_node_get_depth (n_) != depth))
        continue;
      for (guint k = 0; k < occ_dataset_get_n_countries (ds); k++)
        {
          g_autoptr (OccScore) score =
            occ_results_lookup (results, occ_dataset_get_country_id (ds, k),
                                phase, occ_node_get_id (n_));
          if (score)
            add_comparison_row (rows, m, score, csv, deltas);
        }
    }
  for (guint k = 0;
       node == NULL && depth < 0 && k < occ_dataset_get_n_countries (ds); k++)
    {
      g_autoptr (OccScore) score = occ_results_lookup_country (
        results, occ_dataset_get_country_id (ds, k), phase);
      if (score)
        add_comparison_row (rows, m, score, csv, deltas);
    }
  occ_tool_append_rows (out, rows, csv, flags);
  if (!csv)
    {
      g_autofree char *shown = occ_escape_for_terminal (phase);
      g_string_append_printf (out,
                              "\nPhase %s; summaries of each country%s.\n",
                              shown,
                              deltas ? ", and the change of each count "
                                       "since the phase before"
                                     : "");
    }
  return TRUE;
}
