/* occ-cmd-report.c: occ report, a plain-text report of every country and
 * phase
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-categorical.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"
#include "occ-tool-table.h"

/* No options of its own. */
static void
add_options (OccToolOptions *options)
{
}

/* Framework walking ---------------------------------------------------- */

/* The first node in preorder under @node (inclusive) of depth @depth,
 * leaf or not: one of a peer group (occ-v1 §4.7). */
static OccNode *
find_first (OccNode *node, guint depth)
{
  GListModel *children = occ_node_get_children (node);
  guint n = g_list_model_get_n_items (children);

  if (occ_node_get_depth (node) == depth)
    return node;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OccNode) child = g_list_model_get_item (children, i);
      OccNode *found = find_first (child, depth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
max_depth (OccNode *node)
{
  GListModel *children = occ_node_get_children (node);
  guint n = g_list_model_get_n_items (children), deepest;

  deepest = occ_node_get_depth (node);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OccNode) child = g_list_model_get_item (children, i);
      deepest = MAX (deepest, max_depth (child));
    }
  return deepest;
}

/* "IX Summit of the Americas", not "IX IX Summit of the Americas": the
 * id only where the label does not already start with it. */
static char *
node_title (OccNode *node)
{
  const char *id = occ_node_get_id (node), *label = occ_node_get_label (node);
  gsize n = strlen (id);

  if (g_str_has_prefix (label, id)
      && (label[n] == '\0' || !g_ascii_isalnum (label[n])))
    return occ_escape_for_terminal (label);
  {
    g_autofree char *title = g_strdup_printf ("%s %s", id, label);
    return occ_escape_for_terminal (title);
  }
}

/* A level's name inside a sentence: "commitment" for "Commitment", but
 * "OGP commitment" as it is. */
static char *
in_sentence (const char *raw)
{
  g_autofree char *label = occ_escape_for_terminal (raw);
  const char *second;
  gunichar first;
  char lower[8] = { 0 };

  if (*label == '\0')
    return g_steal_pointer (&label);
  second = g_utf8_next_char (label);
  first = g_utf8_get_char (label);
  if (!g_unichar_isupper (first)
      || (*second != '\0' && !g_unichar_islower (g_utf8_get_char (second))))
    return g_steal_pointer (&label);
  /* Not printf's %C, which depends on the locale. */
  g_unichar_to_utf8 (g_unichar_tolower (first), lower);
  return g_strconcat (lower, second, NULL);
}

typedef struct
{
  OccResults *results;
  OccMethodology *m;
  const char *country;
  const char *phase;
  GString *out;
} Report;

/* "2.81 high (+0.81)": a value, its band and its change when known. */
static void
append_value (Report *r, gboolean known, double value, const char *band,
              gboolean has_delta, double delta)
{
  g_autofree char *text = NULL;
  g_autofree char *change = NULL;

  if (!known)
    {
      g_string_append (r->out, "not scored");
      return;
    }
  text = occ_methodology_format_value (r->m, value);
  g_string_append (r->out, text);
  if (band != NULL) /* below every band, or a methodology without bands */
    {
      g_autofree char *shown = occ_escape_for_terminal (band);
      g_string_append_printf (r->out, " %s", shown);
    }
  if (has_delta)
    {
      change = occ_tool_format_change (r->m, delta);
      g_string_append_printf (r->out, " (%s)", change);
    }
}

static void
append_criteria (Report *r, OccScore *score)
{
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      double v = 0, d = 0;
      gboolean known = occ_score_get_criterion_value (score, c, &v);
      gboolean has_delta = occ_score_get_criterion_delta (score, c, &d);
      g_autofree char *id =
        occ_escape_for_terminal (occ_methodology_get_criterion_id (r->m, c));

      g_string_append_printf (r->out, "%s %s ", c == 0 ? ";" : ",", id);
      append_value (r, known, v, occ_score_get_criterion_band (score, c),
                    has_delta, d);
    }
}

/* The details after a node's value: rank, criteria, inclusion, gaps. */
static void
append_details (Report *r, OccScore *score)
{
  double v;
  int missing = occ_score_get_missing_children (score);

  if (occ_score_get_rank (score) > 0)
    g_string_append_printf (r->out, ", rank %u", occ_score_get_rank (score));
  append_criteria (r, score);
  if (occ_score_get_inclusion (score, &v))
    {
      g_autofree char *percent = occ_tool_format_percent (v);
      g_string_append_printf (r->out, "; inclusion %s", percent);
    }
  /* occ-v1 §4.6: no rating below recorded groups (nor a published
   * figure): unknown, which is not 0 %. */
  else if (occ_methodology_get_n_population_groups (r->m) > 0)
    g_string_append (r->out, "; inclusion not recorded");
  if (missing > 0)
    g_string_append_printf (r->out, "; %d %s not scored", missing,
                            missing == 1 ? "child" : "children");
}

static void
append_score (Report *r, OccScore *score)
{
  double v = 0, d = 0;
  gboolean known = score != NULL && occ_score_get_value (score, &v);
  gboolean has_delta = score != NULL && occ_score_get_delta (score, &d);

  append_value (r, known, v, known ? occ_score_get_band (score) : NULL,
                has_delta, d);
  if (score != NULL)
    append_details (r, score);
}

static gboolean
subtree_scored (Report *r, OccNode *node)
{
  g_autoptr (OccScore) score = occ_results_lookup (r->results, r->country,
                                                   r->phase,
                                                   occ_node_get_id (node));
  GListModel *children = occ_node_get_children (node);

  if (score != NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (OccNode) child = g_list_model_get_item (children, i);

      if (subtree_scored (r, child))
        return TRUE;
    }
  return FALSE;
}

/* One line per node, indented by depth. A node without a score can still
 * have scored children (those of weight 0 drop out of the aggregate), so
 * only a subtree with no score anywhere is cut to one line: a summit a
 * phase did not monitor. */
static void
append_node (Report *r, OccNode *node)
{
  const char *id = occ_node_get_id (node);
  g_autoptr (OccScore) score = occ_results_lookup (r->results, r->country,
                                                   r->phase, id);
  GListModel *children = occ_node_get_children (node);
  g_autofree char *title = node_title (node);

  g_string_append_printf (r->out,
                          "%*s%s: ", 2 * (int) occ_node_get_depth (node), "",
                          title);
  append_score (r, score);
  g_string_append_c (r->out, '\n');
  if (score == NULL && !subtree_scored (r, node))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (OccNode) child = g_list_model_get_item (children, i);
      append_node (r, child);
    }
}

static void
append_node_list (Report *r, GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (list, i);
      OccNode *node = occ_score_get_node (score);
      g_autofree char *text = NULL;
      double v = 0;

      g_autofree char *title = node_title (node);

      occ_score_get_value (score, &v);
      text = occ_methodology_format_value (r->m, v);
      g_string_append_printf (r->out, "%s%s (%s)", i > 0 ? "; " : "", title,
                              text);
    }
}

/* "Best <group>: ..." and "Worst <group>: ..." for the peers of @peer. */
static void
append_extremes (Report *r, const char *peer, const char *group)
{
  g_autoptr (GListModel) best = occ_results_get_best (r->results, r->country,
                                                      r->phase, peer);
  g_autoptr (GListModel) worst =
    occ_results_get_worst (r->results, r->country, r->phase, peer);

  if (g_list_model_get_n_items (best) == 0)
    return;
  g_string_append_printf (r->out, "  Best %s: ", group);
  append_node_list (r, best);
  g_string_append_printf (r->out, "\n  Worst %s: ", group);
  append_node_list (r, worst);
  g_string_append_c (r->out, '\n');
}

/* What the nodes of @depth are called, in a sentence: the methodology's
 * level ("commitment"), else "depth-N node". */
static char *
level_name (Report *r, guint depth)
{
  const char *level = occ_methodology_get_level_label (r->m, depth, NULL);

  if (level == NULL)
    return depth == 0 ? g_strdup ("top-level node")
                      : g_strdup_printf ("depth-%u node", depth);
  return in_sentence (level);
}

/* The peer groups of a top-level node: the nodes of each depth under it,
 * leaves and inner nodes alike (occ-v1 §4.7): "Best commitment of IX
 * Summit of the Americas (Los Angeles, 2022)". */
static void
append_top_extremes (Report *r, OccNode *top)
{
  g_autofree char *top_title = node_title (top);

  for (guint depth = 1; depth <= max_depth (top); depth++)
    {
      OccNode *peer = find_first (top, depth);
      g_autofree char *level = level_name (r, depth);
      g_autofree char *group = NULL;

      if (peer == NULL)
        continue;
      group = g_strdup_printf ("%s of %s", level, top_title);
      append_extremes (r, occ_node_get_id (peer), group);
    }
}

static void
append_country_score (Report *r)
{
  OccDataset *dataset = occ_results_get_dataset (r->results);
  g_autoptr (OccScore) score =
    occ_results_lookup_country (r->results, r->country, r->phase);

  g_string_append (r->out, "Country score: ");
  append_score (r, score);
  if (score != NULL && occ_dataset_get_n_countries (dataset) > 1
      && occ_score_get_country_rank (score) > 0)
    g_string_append_printf (r->out, "; rank %u of %u countries",
                            occ_score_get_country_rank (score),
                            occ_dataset_get_n_countries (dataset));
  g_string_append_c (r->out, '\n');
}

static const char *
name_or_id (const char *name, const char *id)
{
  return name != NULL ? name : id;
}

/* A heading from the dataset's words, shown with its controls escaped. */
static void
append_underlined (GString *out, const char *raw, char underline)
{
  g_autofree char *title = occ_escape_for_terminal (raw);
  glong n = g_utf8_strlen (title, -1);

  g_string_append_printf (out, "%s\n", title);
  for (glong i = 0; i < n; i++)
    g_string_append_c (out, underline);
  g_string_append_c (out, '\n');
}

static void
append_phase (Report *r, guint country, guint phase)
{
  OccDataset *dataset = occ_results_get_dataset (r->results);
  GListModel *framework = occ_dataset_get_framework (dataset);
  g_autofree char *heading = NULL;

  /* Names and labels are optional in a dataset; ids are not. */
  heading = g_strdup_printf (
    "%s, %s",
    name_or_id (occ_dataset_get_country_name (dataset, country), r->country),
    name_or_id (occ_dataset_get_phase_label (dataset, phase), r->phase));
  g_string_append_c (r->out, '\n');
  append_underlined (r->out, heading, '-');
  for (guint i = 0; i < g_list_model_get_n_items (framework); i++)
    {
      g_autoptr (OccNode) top = g_list_model_get_item (framework, i);
      append_node (r, top);
    }
  g_string_append_c (r->out, '\n');
  {
    g_autofree char *top_level = level_name (r, 0);
    append_extremes (r, NULL, top_level);
  }
  for (guint i = 0; i < g_list_model_get_n_items (framework); i++)
    {
      g_autoptr (OccNode) top = g_list_model_get_item (framework, i);
      append_top_extremes (r, top);
    }
  append_country_score (r);
}

/* What each line means, in the methodology's own words. */
static void
append_legend (GString *out, OccMethodology *m)
{
  g_string_append (out, "Each node: value band (change since the previous "
                        "phase), rank among its peers; per criterion (");
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      g_autofree char *id =
        occ_escape_for_terminal (occ_methodology_get_criterion_id (m, c));
      g_autofree char *label =
        occ_escape_for_terminal (occ_methodology_get_criterion_label (m, c));

      g_string_append_printf (out, "%s%s = %s", c > 0 ? ", " : "", id, label);
    }
  g_string_append (out, ") value band (change); inclusion of population "
                        "groups; children not scored.\n");
}

/* A categorical methodology's criteria and their levels, in order. */
static void
append_levels_legend (GString *out, OccMethodology *m)
{
  g_string_append (out, "Criteria and their levels, lowest first:\n");
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      guint ranked = occ_methodology_get_n_criterion_levels (m, c);
      guint unranked = occ_methodology_get_n_criterion_unranked (m, c);

      g_string_append_printf (line, "  %s (%s): ",
                              occ_methodology_get_criterion_label (m, c),
                              occ_methodology_get_criterion_id (m, c));
      for (guint l = 0; l < ranked; l++)
        g_string_append_printf (
          line, "%s%s", l > 0 ? ", " : "",
          occ_methodology_get_criterion_level_label (m, c, (int) l, NULL));
      for (guint u = 0; u < unranked; u++)
        g_string_append_printf (line, "%s%s", u > 0 ? ", " : "; or ",
                                occ_methodology_get_criterion_level_label (
                                  m, c, -1 - (int) u, NULL));
      {
        g_autofree char *shown = occ_escape_for_terminal (line->str);
        g_string_append (out, shown);
        g_string_append_c (out, '\n');
      }
    }
}

/* Whether any node has a numeric score. */
static gboolean
has_scores (OccResults *results)
{
  GListModel *model = G_LIST_MODEL (results);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      double value;

      if (occ_score_get_value (score, &value))
        return TRUE;
    }
  return FALSE;
}

static void
append_report (GString *out, OccResults *results)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  Report r = { results, occ_dataset_get_methodology (dataset), NULL, NULL,
               out };

  append_underlined (out,
                     name_or_id (occ_dataset_get_title (dataset),
                                 "Untitled dataset"),
                     '=');
  {
    g_autofree char *name =
      occ_escape_for_terminal (occ_methodology_get_name (r.m));
    g_autofree char *id =
      occ_escape_for_terminal (occ_methodology_get_id (r.m));
    g_string_append_printf (out, "Methodology: %s (%s)\n", name, id);
  }
  if (occ_tool_is_categorical (r.m))
    {
      append_levels_legend (out, r.m);
      occ_tool_append_at_a_glance (out, results);
      /* Levels put on numbers have scores too: report them as ever. */
      if (!has_scores (results))
        return;
      g_string_append_c (out, '\n');
    }
  append_legend (out, r.m);
  for (guint k = 0; k < occ_dataset_get_n_countries (dataset); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (dataset); p++)
      {
        r.country = occ_dataset_get_country_id (dataset, k);
        r.phase = occ_dataset_get_phase_id (dataset, p);
        append_phase (&r, k, p);
      }
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  dataset = occ_tool_load_dataset (argc > 1 ? argv[1] : NULL, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  results = occ_results_new (dataset);
  append_report (out, results);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_report = {
  "report",
  "[DATASET]",
  "Print a plain-text report",
  "Print a plain-text report of every country and phase: the score of "
  "each node with its criteria, change and rank, the best and worst of "
  "each peer group, and the country score.",
  add_options,
  0,
  1,
  run,
};
