/* occ-audit.c: occ-claims/1 read and checked, occ-audit/1 written
 *
 * A claims file is small: it is read whole, as a tree with places, and
 * every claim is validated before any is checked, so that a bad file is
 * refused as a whole with the place of its first fault. Checking cannot
 * fail: what the data cannot decide is "not checkable", with the reason.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <occ/occ-audit.h>

#include "occ-input-private.h"
#include "occ-json-pull-private.h"
#include "occ-results-private.h"

/**
 * OccAudit:
 *
 * The statements of a published report (`occ-claims/1`, occ-claims.md),
 * each checked against the results of the dataset the report was made
 * from: a figure, a band, a change, the best or worst items, a share, or
 * a summary of a categorical methodology. Each claim gets a verdict
 * (holds, contradicted, not checkable) with what the data says.
 *
 * An audit never changes once made, so it can be read from several
 * threads at once.
 *
 * Since: 1.5
 */

/* Claims files are a report's summary page or two: this is far above any
 * report, and keeps a mistaken file from filling memory. */
#define MAX_CLAIMS_FILE (16u << 20)
#define MAX_CLAIMS 100000

typedef struct
{
  char *id;
  char *text;
  OccVerdict verdict;
  char *explanation;
  char *found;          /* a JSON object, on one line */
  JsonNode *found_tree; /* the same */
  JsonNode *claimed;    /* the claim's statement members, as given */
} Claim;

struct _OccAudit
{
  GObject parent_instance;

  OccResults *results;
  char *source;
  guint n_claims;
  Claim *claims;
};

G_DEFINE_FINAL_TYPE (OccAudit, occ_audit, G_TYPE_OBJECT)

static void
occ_audit_finalize (GObject *object)
{
  OccAudit *self = OCC_AUDIT (object);

  for (guint i = 0; i < self->n_claims; i++)
    {
      g_free (self->claims[i].id);
      g_free (self->claims[i].text);
      g_free (self->claims[i].explanation);
      g_free (self->claims[i].found);
      g_clear_pointer (&self->claims[i].found_tree, json_node_unref);
      g_clear_pointer (&self->claims[i].claimed, json_node_unref);
    }
  g_free (self->claims);
  g_free (self->source);
  g_clear_object (&self->results);
  G_OBJECT_CLASS (occ_audit_parent_class)->finalize (object);
}

static void
occ_audit_class_init (OccAuditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_audit_finalize;
}

static void
occ_audit_init (OccAudit *self)
{
}

/* ------------------------------------------------------------------ */
/* Reading: every member a claim may have, checked for its type.        */

typedef enum {
  STATEMENT_UNKNOWN,
  STATEMENT_VALUE,
  STATEMENT_BANDS,
  STATEMENT_CHANGES,
  STATEMENT_EXTREME,
  STATEMENT_SHARE,
  STATEMENT_SUMMARY,
} Statement;

/* A claimed figure: a decimal written as a string, "2.05", "-1", "89". */
static gboolean
is_figure (const char *s, gboolean integer)
{
  const char *p = s;

  if (*p == '-' && !integer)
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' && !integer)
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0' && p - s <= 40;
}

static gboolean
optional_figure (JsonObject *claim, const char *name, gboolean integer,
                 const OccPath *path, GError **error)
{
  OccPath at = OCC_PATH_MEMBER (path, name);
  JsonNode *node = json_object_get_member (claim, name);
  const char *s;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      occ_path_error (error, OCC_ERROR_TYPE, &at,
                      "a claimed figure is written as a string, so that its "
                      "decimals are kept (\"%s\", not %s)",
                      integer ? "18" : "2.05", integer ? "18" : "2.05");
      return FALSE;
    }
  s = json_node_get_string (node);
  if (!is_figure (s, integer))
    {
      occ_path_error (error, OCC_ERROR_RANGE, &at,
                      integer ? "\"%s\" is not a count (a whole number, such "
                                "as \"18\")"
                              : "\"%s\" is not a figure (a decimal number, "
                                "such as \"2.05\" or \"89\")",
                      s);
      return FALSE;
    }
  return TRUE;
}

static gboolean
one_of (JsonNode *node, const OccPath *at, const char *const *allowed,
        const char *what, GError **error)
{
  const char *s = occ_json_string (node, at, error);

  if (s == NULL)
    return FALSE;
  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_str_equal (s, allowed[i]))
      return TRUE;
  occ_path_error (error, OCC_ERROR_RANGE, at, "\"%s\" is not %s", s, what);
  return FALSE;
}

static const char *const directions[] = { "up", "down", "same", NULL };

/* "criteria" (bands) or "change" as an object: criterion id → string. */
static gboolean
string_map (JsonObject *claim, const char *name, const OccPath *path,
            gboolean direction, GError **error)
{
  OccPath at = OCC_PATH_MEMBER (path, name);
  JsonObject *map = occ_json_object (json_object_get_member (claim, name),
                                     &at, error);
  g_autoptr (GList) members = NULL;

  if (map == NULL)
    return FALSE;
  members = json_object_get_members (map);
  if (members == NULL)
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &at, "names no criterion");
      return FALSE;
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      OccPath member = OCC_PATH_MEMBER (&at, l->data);
      JsonNode *value = json_object_get_member (map, l->data);

      if (direction ? !one_of (value, &member, directions,
                               "\"up\", \"down\" or "
                               "\"same\"",
                               error)
                    : occ_json_string (value, &member, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_nodes (JsonObject *claim, const OccPath *path, GError **error)
{
  OccPath at = OCC_PATH_MEMBER (path, "nodes");
  JsonArray *nodes = occ_json_array (json_object_get_member (claim, "nodes"),
                                     &at, error);

  if (nodes == NULL)
    return FALSE;
  if (json_array_get_length (nodes) == 0)
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &at,
                      "a best-or-worst claim names at least one node");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      OccPath element = OCC_PATH_INDEX (&at, i);
      if (occ_json_string (json_array_get_element (nodes, i), &element, error)
          == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_level_member (JsonObject *claim, const OccPath *path, GError **error)
{
  OccPath at = OCC_PATH_MEMBER (path, "level");
  JsonNode *node = json_object_get_member (claim, "level");
  gint64 depth;

  if (node == NULL)
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "a best-or-worst claim needs \"level\" (a depth, or "
                      "\"leaves\")");
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      static const char *const leaves[] = { "leaves", NULL };
      return one_of (node, &at, leaves, "a depth or \"leaves\"", error);
    }
  if (!occ_json_integer (node, &at, &depth, error))
    return FALSE;
  if (depth < 0 || depth > G_MAXINT32)
    {
      occ_path_error (error, OCC_ERROR_RANGE, &at,
                      "%" G_GINT64_FORMAT " is not a depth", depth);
      return FALSE;
    }
  return TRUE;
}

static gboolean
optional_string (JsonObject *claim, const char *name, const OccPath *path,
                 GError **error)
{
  const char *s = NULL;
  return occ_json_optional_string (claim, name, path, &s, error);
}

static Statement
statement_of (JsonObject *claim)
{
  if (json_object_has_member (claim, "summary"))
    return STATEMENT_SUMMARY;
  if (json_object_has_member (claim, "are"))
    return STATEMENT_EXTREME;
  if (json_object_has_member (claim, "change"))
    return STATEMENT_CHANGES;
  if (json_object_has_member (claim, "band")
      || json_object_has_member (claim, "criteria"))
    return STATEMENT_BANDS;
  if (json_object_has_member (claim, "value"))
    return STATEMENT_VALUE;
  if (json_object_has_member (claim, "percent")
      && json_object_has_member (claim, "of"))
    return STATEMENT_SHARE;
  return STATEMENT_UNKNOWN;
}

/* Every member's type and form; what the dataset has is not asked yet. */
static gboolean
validate_claim (JsonObject *claim, const OccPath *path, GError **error)
{
  static const char *const extremes[] = { "best", "worst", NULL };
  const char *id = NULL;
  Statement statement = statement_of (claim);

  if (!occ_json_required_id (claim, "id", path, &id, error)
      || !optional_string (claim, "text", path, error)
      || !occ_json_required_id (claim, "country", path, &id, error)
      || !occ_json_required_id (claim, "phase", path, &id, error)
      || !optional_string (claim, "node", path, error)
      || !optional_string (claim, "criterion", path, error)
      || !optional_string (claim, "under", path, error)
      || !optional_string (claim, "of", path, error)
      || !optional_string (claim, "summary", path, error)
      || !optional_string (claim, "band", path, error)
      || !optional_figure (claim, "value", FALSE, path, error)
      || !optional_figure (claim, "percent", FALSE, path, error)
      || !optional_figure (claim, "count", TRUE, path, error))
    return FALSE;
  if (json_object_has_member (claim, "nodes")
      && !read_nodes (claim, path, error))
    return FALSE;
  if (json_object_has_member (claim, "criteria")
      && !string_map (claim, "criteria", path, FALSE, error))
    return FALSE;
  if (json_object_has_member (claim, "change"))
    {
      OccPath at = OCC_PATH_MEMBER (path, "change");
      JsonNode *change = json_object_get_member (claim, "change");

      if (JSON_NODE_HOLDS_OBJECT (change)
            ? !string_map (claim, "change", path, TRUE, error)
            : !one_of (change, &at, directions,
                       "\"up\", \"down\", \"same\" or an object of those by "
                       "criterion",
                       error))
        return FALSE;
    }
  if (statement == STATEMENT_EXTREME)
    {
      OccPath at = OCC_PATH_MEMBER (path, "are");

      if (!one_of (json_object_get_member (claim, "are"), &at, extremes,
                   "\"best\" or \"worst\"", error))
        return FALSE;
      if (!json_object_has_member (claim, "nodes"))
        {
          occ_path_error (error, OCC_ERROR_TYPE, path,
                          "a best-or-worst claim needs \"nodes\"");
          return FALSE;
        }
      if (!read_level_member (claim, path, error))
        return FALSE;
    }
  if (statement == STATEMENT_SUMMARY
      && !json_object_has_member (claim, "count")
      && !json_object_has_member (claim, "percent"))
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "a summary claim needs \"count\" or \"percent\"");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Checking.                                                          */

typedef struct
{
  OccAudit *audit;
  OccDataset *ds;
  OccMethodology *m;
  OccTable *t;
  JsonObject *claim;
  Claim *out;
  GString *found;
  OccJsonWriter w; /* into found */
  GString *why;    /* the explanation */
  guint country;
  guint phase;
  const char *country_id;
  const char *phase_id;
} Check;

static const char *
member (JsonObject *claim, const char *name)
{
  JsonNode *node = json_object_get_member (claim, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
             && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

static void not_checkable (Check *c, const char *format, ...)
  G_GNUC_PRINTF (2, 3);

static void
not_checkable (Check *c, const char *format, ...)
{
  va_list args;

  c->out->verdict = OCC_VERDICT_NOT_CHECKABLE;
  g_string_truncate (c->why, 0);
  va_start (args, format);
  g_string_append_vprintf (c->why, format, args);
  va_end (args);
}

static guint
decimals_of (const char *figure)
{
  const char *dot = strchr (figure, '.');

  return dot ? (guint) strlen (dot + 1) : 0;
}

/* Does @value, rounded half away from zero (occ-v1 rule 8) to the
 * decimals of @figure, read as @figure? */
static gboolean
rounds_to (double value, const char *figure)
{
  guint decimals = MIN (decimals_of (figure), 9);

  return occ_round (value, decimals)
         == occ_round (g_ascii_strtod (figure, NULL), decimals);
}

/* @value with as many decimals as @figure has, for people. */
static char *
as_figure (double value, const char *figure)
{
  guint decimals = MIN (decimals_of (figure), 9);

  return g_strdup_printf ("%.*f", (int) decimals,
                          occ_round (value, decimals));
}

/* The node a claim names (@name), or NULL after saying so. */
static OccNode *
claim_node (Check *c, const char *name)
{
  OccNode *node = g_hash_table_lookup (c->ds->node_index, name);

  if (node == NULL)
    not_checkable (c, "the dataset has no node \"%s\"", name);
  return node;
}

/* The cell of the claim's node, or of the country when it names none. */
static gboolean
claim_cell (Check *c, gsize *cell, const char **what)
{
  const char *name = member (c->claim, "node");
  OccNode *node = NULL;

  if (name != NULL && !(node = claim_node (c, name)))
    return FALSE;
  *cell = occ_table_cell (c->t, c->country, c->phase,
                          node ? node->index : c->t->n_nodes);
  *what = node ? node->id : "the country score";
  return TRUE;
}

static int
criterion_slot (Check *c, const char *id)
{
  int criterion = occ_methodology_lookup_criterion (c->m, id);

  if (criterion < 0)
    not_checkable (c, "methodology \"%s\" has no criterion \"%s\"", c->m->id,
                   id);
  return criterion;
}

static void
check_value (Check *c)
{
  const char *criterion = member (c->claim, "criterion");
  const char *claimed = member (c->claim, "value");
  const char *what;
  int slot = (int) c->t->n_slots - 1;
  gsize cell;
  double value;
  g_autofree char *shown = NULL;

  if (!claim_cell (c, &cell, &what)
      || (criterion && (slot = criterion_slot (c, criterion)) < 0))
    return;
  if (!occ_table_get (c->t, cell, (guint) slot, &value))
    {
      not_checkable (c, "%s%s%s has no score in %s %s", what,
                     criterion ? " " : "", criterion ? criterion : "",
                     c->country_id, c->phase_id);
      return;
    }
  occ_json_put_double (&c->w, "value", value);
  shown = as_figure (value, claimed);
  if (rounds_to (value, claimed))
    {
      c->out->verdict = OCC_VERDICT_HOLDS;
      g_string_printf (c->why, "%s%s%s in %s %s is %s", what,
                       criterion ? " " : "", criterion ? criterion : "",
                       c->country_id, c->phase_id, shown);
    }
  else
    {
      c->out->verdict = OCC_VERDICT_CONTRADICTED;
      g_string_printf (c->why, "%s%s%s in %s %s is %s, not %s", what,
                       criterion ? " " : "", criterion ? criterion : "",
                       c->country_id, c->phase_id, shown, claimed);
    }
}

/* One band of a bands claim; FALSE when it cannot be told. */
static gboolean
check_band (Check *c, gsize cell, int slot, const char *name,
            const char *claimed, gboolean *holds)
{
  double value;
  const char *band;
  g_autofree char *shown = NULL;

  if (!occ_table_get (c->t, cell, (guint) slot, &value))
    {
      not_checkable (c, "%s has no score in %s %s", name, c->country_id,
                     c->phase_id);
      return FALSE;
    }
  if ((band = occ_methodology_band_for_value (c->m, value)) == NULL)
    {
      not_checkable (c, "methodology \"%s\" gives %s no band", c->m->id,
                     name);
      return FALSE;
    }
  occ_json_begin_object (&c->w,
                         slot == (int) c->t->n_slots - 1 ? "score" : name);
  occ_json_put_double (&c->w, "value", value);
  occ_json_put_string (&c->w, "band", band);
  occ_json_end_object (&c->w);
  shown = occ_methodology_format_value (c->m, value);
  if (c->why->len > 0)
    g_string_append (c->why, ", ");
  if (g_str_equal (band, claimed))
    g_string_append_printf (c->why, "%s is %s (%s)", name, band, shown);
  else
    {
      g_string_append_printf (c->why, "%s is %s (%s), not %s", name, band,
                              shown, claimed);
      *holds = FALSE;
    }
  return TRUE;
}

static void
check_bands (Check *c)
{
  JsonNode *criteria = json_object_get_member (c->claim, "criteria");
  const char *band = member (c->claim, "band");
  const char *what;
  g_autofree char *head = NULL;
  gboolean holds = TRUE;
  gsize cell;

  if (!claim_cell (c, &cell, &what))
    return;
  if (band != NULL
      && !check_band (c, cell, (int) c->t->n_slots - 1, what, band, &holds))
    return;
  if (criteria != NULL)
    {
      JsonObject *map = json_node_get_object (criteria);
      g_autoptr (GList) names = json_object_get_members (map);

      occ_json_begin_object (&c->w, "criteria");
      for (GList *l = names; l != NULL; l = l->next)
        {
          int slot = criterion_slot (c, l->data);

          if (slot < 0
              || !check_band (c, cell, slot, l->data,
                              json_object_get_string_member (map, l->data),
                              &holds))
            return;
        }
      occ_json_end_object (&c->w);
    }
  head = g_strdup_printf ("%s in %s %s: ", what, c->country_id, c->phase_id);
  g_string_prepend (c->why, head);
  c->out->verdict = holds ? OCC_VERDICT_HOLDS : OCC_VERDICT_CONTRADICTED;
}

static const char *
direction_of (Check *c, double delta)
{
  double rounded = occ_round (delta, c->m->precision);

  return rounded > 0 ? "up" : rounded < 0 ? "down" : "same";
}

/* One direction of a changes claim; FALSE when it cannot be told. */
static gboolean
check_change (Check *c, guint node, int slot, const char *name,
              const char *claimed, gboolean *holds)
{
  double delta;
  const char *found;
  g_autofree char *shown = NULL;

  if (!occ_table_get_delta (c->t, c->country, c->phase, node, (guint) slot,
                            &delta))
    {
      not_checkable (c,
                     "%s has no change in %s %s (no score here or in the "
                     "phase before)",
                     name, c->country_id, c->phase_id);
      return FALSE;
    }
  found = direction_of (c, delta);
  occ_json_begin_object (&c->w,
                         slot == (int) c->t->n_slots - 1 ? "score" : name);
  occ_json_put_double (&c->w, "delta", delta);
  occ_json_put_string (&c->w, "change", found);
  occ_json_end_object (&c->w);
  shown = g_strdup_printf ("%+.*f", (int) c->m->precision,
                           occ_round (delta, c->m->precision));
  if (c->why->len > 0)
    g_string_append (c->why, ", ");
  g_string_append_printf (c->why, "%s %s (%s)", name, found, shown);
  if (!g_str_equal (found, claimed))
    {
      g_string_append_printf (c->why, ", not %s", claimed);
      *holds = FALSE;
    }
  return TRUE;
}

static void
check_changes (Check *c)
{
  JsonNode *change = json_object_get_member (c->claim, "change");
  const char *what;
  gboolean holds = TRUE;
  gsize cell;
  guint node;

  if (!claim_cell (c, &cell, &what))
    return;
  node = (guint) (cell % (c->t->n_nodes + 1));
  if (JSON_NODE_HOLDS_OBJECT (change))
    {
      JsonObject *map = json_node_get_object (change);
      g_autoptr (GList) names = json_object_get_members (map);

      for (GList *l = names; l != NULL; l = l->next)
        {
          int slot = criterion_slot (c, l->data);

          if (slot < 0
              || !check_change (c, node, slot, l->data,
                                json_object_get_string_member (map, l->data),
                                &holds))
            return;
        }
    }
  else if (!check_change (c, node, (int) c->t->n_slots - 1, what,
                          json_node_get_string (change), &holds))
    return;
  {
    g_autofree char *head = g_strdup_printf ("%s in %s %s: ", what,
                                             c->country_id, c->phase_id);
    g_string_prepend (c->why, head);
  }
  c->out->verdict = holds ? OCC_VERDICT_HOLDS : OCC_VERDICT_CONTRADICTED;
}

/* The figure a best-or-worst claim compares: a score or criterion score
 * rounded to the precision, or the inclusion in whole percent. */
typedef struct
{
  int slot; /* -1: inclusion */
  guint decimals;
} Figure;

static gboolean
figure_of (Check *c, const Figure *f, guint node, double *full,
           double *rounded)
{
  gsize cell = occ_table_cell (c->t, c->country, c->phase, node);

  if (f->slot < 0)
    {
      if (c->t->inclusion[cell] < 0)
        return FALSE;
      *full = 100.0 * c->t->inclusion[cell];
    }
  else if (!occ_table_get (c->t, cell, (guint) f->slot, full))
    return FALSE;
  *rounded = occ_round (*full, f->decimals);
  return TRUE;
}

static char *
figure_text (const Figure *f, double full)
{
  return g_strdup_printf (f->slot < 0 ? "%.*f%%" : "%.*f", (int) f->decimals,
                          occ_round (full, f->decimals));
}

static void
check_extreme (Check *c)
{
  OccDataset *ds = c->ds;
  gboolean best = g_str_equal (member (c->claim, "are"), "best");
  JsonNode *level = json_object_get_member (c->claim, "level");
  gboolean leaves = JSON_NODE_HOLDS_VALUE (level)
                    && json_node_get_value_type (level) == G_TYPE_STRING;
  gint64 depth = leaves ? -1 : json_node_get_int (level);
  const char *under = member (c->claim, "under");
  const char *of = member (c->claim, "of");
  JsonArray *claimed = json_object_get_array_member (c->claim, "nodes");
  Figure f = { (int) c->t->n_slots - 1, c->m->precision };
  OccNode *top = NULL;
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *group = NULL;
  double extreme = 0, extreme_full = 0;
  gboolean any = FALSE, holds = TRUE;
  const char *quoted;

  if (of != NULL && g_str_equal (of, "inclusion"))
    f = (Figure){ -1, 0 };
  else if (of != NULL && !g_str_equal (of, "score")
           && (f.slot = criterion_slot (c, of)) < 0)
    return;
  if (under != NULL)
    {
      if (!(top = claim_node (c, under)))
        return;
      if (top->depth != 0)
        {
          not_checkable (c, "\"%s\" is not a top-level node", under);
          return;
        }
    }
  else if (depth != 0 && !leaves)
    {
      not_checkable (c, "a best-or-worst claim below the top level names "
                        "its top-level node (\"under\")");
      return;
    }
  for (guint i = 0; i < json_array_get_length (claimed); i++)
    if (!claim_node (c, json_array_get_string_element (claimed, i)))
      return;
  /* The candidates, and the highest or lowest rounded figure. */
  for (guint i = 0; i < ds->n_nodes; i++)
    {
      OccNode *node = g_ptr_array_index (ds->nodes, i);
      double full, rounded;

      if ((leaves ? !ds->node_leaf[i] : (gint64) node->depth != depth)
          || (top != NULL && ds->node_top[i] != top->index)
          || !figure_of (c, &f, i, &full, &rounded))
        continue;
      if (!any || (best ? rounded > extreme : rounded < extreme))
        {
          g_array_set_size (found, 0);
          extreme = rounded;
          extreme_full = full;
        }
      if (!any || rounded == extreme)
        g_array_append_val (found, i);
      any = TRUE;
    }
  group = leaves ? g_strdup ("leaf")
                 : g_strdup_printf ("level-%" G_GINT64_FORMAT " node", depth);
  if (!any)
    {
      not_checkable (c, "no %s%s%s has a%s in %s %s", group,
                     under ? " under " : "", under ? under : "",
                     f.slot < 0 ? "n inclusion figure" : " score",
                     c->country_id, c->phase_id);
      return;
    }
  /* The sets, as sets. */
  if (found->len != json_array_get_length (claimed))
    holds = FALSE;
  for (guint i = 0; holds && i < found->len; i++)
    {
      OccNode *node = g_ptr_array_index (ds->nodes,
                                         g_array_index (found, guint, i));
      gboolean named = FALSE;

      for (guint j = 0; j < json_array_get_length (claimed); j++)
        named |= g_str_equal (node->id,
                              json_array_get_string_element (claimed, j));
      holds &= named;
    }
  occ_json_begin_array (&c->w, "nodes");
  for (guint i = 0; i < found->len; i++)
    occ_json_put_string (&c->w, NULL,
                         occ_node_get_id (g_ptr_array_index (
                           ds->nodes, g_array_index (found, guint, i))));
  occ_json_end_array (&c->w);
  occ_json_put_double (&c->w, f.slot < 0 ? "percent" : "value", extreme_full);
  {
    g_autofree char *shown = figure_text (&f, extreme_full);

    g_string_printf (c->why, "the %s %s%s%s%s in %s %s %s ",
                     best ? "best" : "worst",
                     leaves && found->len > 1 ? "leave" : group,
                     found->len > 1 ? "s" : "", under ? " under " : "",
                     under ? under : "", c->country_id, c->phase_id,
                     found->len > 1 ? "are" : "is");
    for (guint i = 0; i < found->len; i++)
      g_string_append_printf (c->why, "%s%s",
                              i == 0                ? ""
                              : i + 1 == found->len ? " and "
                                                    : ", ",
                              occ_node_get_id (g_ptr_array_index (
                                ds->nodes, g_array_index (found, guint, i))));
    g_string_append_printf (c->why, " (%s)", shown);
  }
  /* Each claimed node that is not among them, with its own figure. */
  for (guint j = 0; j < json_array_get_length (claimed); j++)
    {
      OccNode *node = g_hash_table_lookup (
        ds->node_index, json_array_get_string_element (claimed, j));
      gboolean among = FALSE;
      double full, rounded;

      for (guint i = 0; i < found->len; i++)
        among |= g_array_index (found, guint, i) == node->index;
      if (among)
        continue;
      if (figure_of (c, &f, node->index, &full, &rounded))
        {
          g_autofree char *shown = figure_text (&f, full);
          g_string_append_printf (c->why, "; %s %s %s", node->id,
                                  f.slot < 0 ? "includes" : "scores", shown);
        }
      else
        g_string_append_printf (c->why, "; %s has no figure", node->id);
    }
  /* The figure the claim quotes, if any. */
  quoted = member (c->claim, f.slot < 0 ? "percent" : "value");
  if (quoted != NULL && !rounds_to (extreme_full, quoted))
    {
      g_autofree char *shown = as_figure (extreme_full, quoted);
      g_string_append_printf (c->why, "; the %s figure is %s%s, not %s%s",
                              best ? "best" : "worst", shown,
                              f.slot < 0 ? "%" : "", quoted,
                              f.slot < 0 ? "%" : "");
      holds = FALSE;
    }
  c->out->verdict = holds ? OCC_VERDICT_HOLDS : OCC_VERDICT_CONTRADICTED;
}

static void
check_share (Check *c)
{
  const char *claimed = member (c->claim, "percent");
  const char *of = member (c->claim, "of");
  const char *what;
  g_autofree char *shown = NULL;
  double percent;
  gsize cell;

  if (!g_str_equal (of, "inclusion"))
    {
      not_checkable (c,
                     "this version of libocc checks shares of "
                     "\"inclusion\" only, not of \"%s\"",
                     of);
      return;
    }
  if (!claim_cell (c, &cell, &what))
    return;
  if (c->t->inclusion[cell] < 0)
    {
      not_checkable (c, "%s has no inclusion figure in %s %s", what,
                     c->country_id, c->phase_id);
      return;
    }
  percent = 100.0 * c->t->inclusion[cell];
  occ_json_put_double (&c->w, "percent", percent);
  shown = as_figure (percent, claimed);
  c->out->verdict = rounds_to (percent, claimed) ? OCC_VERDICT_HOLDS
                                                 : OCC_VERDICT_CONTRADICTED;
  g_string_printf (c->why, "the inclusion of %s in %s %s is %s%%", what,
                   c->country_id, c->phase_id, shown);
  if (c->out->verdict == OCC_VERDICT_CONTRADICTED)
    g_string_append_printf (c->why, ", not %s%%", claimed);
}

static void
check_summary (Check *c)
{
  const char *id = member (c->claim, "summary");
  const char *count = member (c->claim, "count");
  const char *percent = member (c->claim, "percent");
  int x = occ_methodology_lookup_summary (c->m, id);
  const char *what;
  gboolean holds = TRUE;
  OccSummary sum;
  gsize cell;

  if (x < 0)
    {
      not_checkable (c, "methodology \"%s\" has no summary \"%s\"", c->m->id,
                     id);
      return;
    }
  if (!claim_cell (c, &cell, &what))
    return;
  if (!occ_table_get_summary (c->t, cell, (guint) x, &sum))
    {
      not_checkable (c, "%s has no rated leaves in %s %s", what,
                     c->country_id, c->phase_id);
      return;
    }
  occ_json_put_int (&c->w, "count", sum.count);
  occ_json_put_int (&c->w, "unknown", sum.unknown);
  occ_json_put_int (&c->w, "of", sum.of);
  occ_json_put_double (&c->w, "percent", sum.percent);
  g_string_printf (c->why, "%s of %s in %s %s: %u of %u", id, what,
                   c->country_id, c->phase_id, sum.count, sum.of);
  if (percent != NULL)
    {
      g_autofree char *shown = as_figure (sum.percent, percent);
      g_string_append_printf (c->why, " (%s%%)", shown);
    }
  if (sum.unknown > 0)
    g_string_append_printf (c->why, ", %u unknown", sum.unknown);
  if (count != NULL && g_ascii_strtoull (count, NULL, 10) != sum.count)
    {
      g_string_append_printf (c->why, "; not %s", count);
      holds = FALSE;
    }
  if (percent != NULL && !rounds_to (sum.percent, percent))
    {
      g_string_append_printf (c->why, "; not %s%%", percent);
      holds = FALSE;
    }
  c->out->verdict = holds ? OCC_VERDICT_HOLDS : OCC_VERDICT_CONTRADICTED;
}

/* The claim's statement members, as the claim gave them. */
static JsonNode *
claimed_tree (JsonObject *claim)
{
  static const char *const skip[] = { "id", "text", "country", "phase",
                                      NULL };
  JsonNode *copy = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonObject) object = json_object_new ();
  g_autoptr (GList) names = json_object_get_members (claim);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (skip, l->data))
      json_object_set_member (
        object, l->data,
        json_node_copy (json_object_get_member (claim, l->data)));
  json_node_set_object (copy, object);
  return copy;
}

/* A tree (of the writer's own text or of the claims file), through the
 * writer, in the document's layout. */
static void
write_node (OccJsonWriter *w, const char *key, JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) names = json_object_get_members (object);

        occ_json_begin_object (w, key);
        for (GList *l = names; l != NULL; l = l->next)
          write_node (w, l->data, json_object_get_member (object, l->data));
        occ_json_end_object (w);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        occ_json_begin_array (w, key);
        for (guint i = 0; i < json_array_get_length (array); i++)
          write_node (w, NULL, json_array_get_element (array, i));
        occ_json_end_array (w);
      }
      break;
    case JSON_NODE_NULL:
      occ_json_put_null (w, key);
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          occ_json_put_string (w, key, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          occ_json_put_int (w, key, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          occ_json_put_bool (w, key, json_node_get_boolean (node));
          break;
        default:
          occ_json_put_double (w, key, json_node_get_double (node));
          break;
        }
      break;
    }
}

static void
check_claim (OccAudit *self, JsonObject *claim, Claim *out)
{
  OccDataset *ds = occ_results_get_dataset (self->results);
  Check c = { self, ds, ds->methodology, self->results->table, claim, out };
  int k, p;

  c.found = g_string_new (NULL);
  c.why = g_string_new (NULL);
  occ_json_writer_init (&c.w, c.found);
  occ_json_begin_object (&c.w, NULL);
  out->id = g_strdup (member (claim, "id"));
  out->text = g_strdup (member (claim, "text"));
  out->claimed = claimed_tree (claim);
  c.country_id = member (claim, "country");
  c.phase_id = member (claim, "phase");
  k = occ_id_table_lookup (&ds->countries, c.country_id);
  p = occ_id_table_lookup (&ds->phases, c.phase_id);
  if (k < 0)
    not_checkable (&c, "the dataset has no country \"%s\"", c.country_id);
  else if (p < 0)
    not_checkable (&c, "the dataset has no phase \"%s\"", c.phase_id);
  else
    {
      c.country = (guint) k;
      c.phase = (guint) p;
      switch (statement_of (claim))
        {
        case STATEMENT_VALUE:
          check_value (&c);
          break;
        case STATEMENT_BANDS:
          check_bands (&c);
          break;
        case STATEMENT_CHANGES:
          check_changes (&c);
          break;
        case STATEMENT_EXTREME:
          check_extreme (&c);
          break;
        case STATEMENT_SHARE:
          check_share (&c);
          break;
        case STATEMENT_SUMMARY:
          check_summary (&c);
          break;
        case STATEMENT_UNKNOWN:
          not_checkable (&c, "this version of libocc knows no statement in "
                             "this claim (a value, bands, a change, best or "
                             "worst, a share or a summary)");
          break;
        }
    }
  /* A claim that could not be checked has no figures to show. */
  if (out->verdict == OCC_VERDICT_NOT_CHECKABLE)
    {
      g_string_truncate (c.found, 0);
      occ_json_writer_init (&c.w, c.found);
      occ_json_begin_object (&c.w, NULL);
    }
  occ_json_end_object (&c.w);
  g_strchomp (c.found->str);
  g_string_truncate (c.found, strlen (c.found->str));
  /* The writer's own text: it parses. */
  out->found_tree = occ_json_parse (c.found->str, c.found->len, "<found>",
                                    NULL);
  g_assert (out->found_tree != NULL);
  occ_json_one_line (c.found->str);
  out->found = g_string_free (c.found, FALSE);
  out->explanation = g_string_free (c.why, FALSE);
}

/* ------------------------------------------------------------------ */

static OccAudit *
audit_from_tree (OccResults *results, JsonNode *root, const OccPath *path,
                 GError **error)
{
  OccPath claims_path = OCC_PATH_MEMBER (path, "claims");
  OccPath format_path = OCC_PATH_MEMBER (path, "format");
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (OccAudit) self = NULL;
  JsonObject *object = occ_json_object (root, path, error);
  const char *format = NULL, *source = NULL, *dataset = NULL;
  JsonNode *node;
  JsonArray *claims;
  guint n;

  if (object == NULL
      || !(node = occ_json_member (object, "format", path, TRUE, error))
      || !(format = occ_json_string (node, &format_path, error)))
    return NULL;
  if (!g_str_equal (format, "occ-claims/1"))
    {
      occ_path_error (error, OCC_ERROR_FORMAT, &format_path,
                      "expected \"occ-claims/1\", found \"%s\"", format);
      return NULL;
    }
  if (!occ_json_optional_string (object, "source", path, &source, error)
      || !occ_json_optional_string (object, "dataset", path, &dataset, error)
      || !(node = occ_json_member (object, "claims", path, TRUE, error))
      || !(claims = occ_json_array (node, &claims_path, error)))
    return NULL;
  n = json_array_get_length (claims);
  if (n > MAX_CLAIMS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &claims_path,
                      "more than %d claims", MAX_CLAIMS);
      return NULL;
    }
  /* Every claim valid and every id unique before any is checked. */
  for (guint i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&claims_path, i);
      JsonObject *claim = occ_json_object (json_array_get_element (claims, i),
                                           &at, error);
      const char *id;

      if (claim == NULL || !validate_claim (claim, &at, error))
        return NULL;
      id = json_object_get_string_member (claim, "id");
      if (g_hash_table_contains (ids, id))
        {
          OccPath id_path = OCC_PATH_MEMBER (&at, "id");
          OccPath first = OCC_PATH_INDEX (
            &claims_path,
            GPOINTER_TO_UINT (g_hash_table_lookup (ids, id)) - 1);
          OccPath first_id = OCC_PATH_MEMBER (&first, "id");
          g_autofree char *where = occ_path_first_at (&first_id);

          occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                          "duplicate claim id \"%s\"%s", id, where);
          return NULL;
        }
      g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  self = g_object_new (OCC_TYPE_AUDIT, NULL);
  self->results = g_object_ref (results);
  self->source = g_strdup (source);
  self->claims = g_new0 (Claim, n + 1);
  self->n_claims = n;
  for (guint i = 0; i < n; i++)
    check_claim (self, json_array_get_object_element (claims, i),
                 &self->claims[i]);
  return g_steal_pointer (&self);
}

static OccAudit *
audit_from_text (OccResults *results, const char *data, gsize length,
                 const char *source, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (OccJsonPlaces) places = NULL;
  OccPath path = OCC_PATH_ROOT;

  root = occ_json_parse_with_places (data, length, source, &places, error);
  if (root == NULL)
    return NULL;
  path.places = places;
  return audit_from_tree (results, root, &path, error);
}

/**
 * occ_audit_new_from_data:
 * @results: the results of the dataset the report was made from
 * @data: an `occ-claims/1` document (occ-claims.md)
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a claims file and checks each claim against @results. A claims
 * file that is not `occ-claims/1`, a claim without an id, a country or a
 * phase, a malformed figure or a repeated id is refused as a whole, with
 * an [error@Occ.Error] that names the place. A claim the data cannot
 * decide, or one this version cannot read, is no error: its verdict is
 * %OCC_VERDICT_NOT_CHECKABLE.
 *
 * Returns: (transfer full): the audit, or %NULL with @error set
 *
 * Since: 1.5
 */
OccAudit *
occ_audit_new_from_data (OccResults *results, const char *data, gssize length,
                         GError **error)
{
  g_return_val_if_fail (OCC_IS_RESULTS (results), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  return audit_from_text (results, data, (gsize) length, "<data>", error);
}

/**
 * occ_audit_new_from_file:
 * @results: the results of the dataset the report was made from
 * @filename: (type filename): an `occ-claims/1` file
 * @error: return location for a #GError
 *
 * As [ctor@Occ.Audit.new_from_data], from a file; messages name it.
 *
 * Returns: (transfer full): the audit, or %NULL with @error set
 *
 * Since: 1.5
 */
OccAudit *
occ_audit_new_from_file (OccResults *results, const char *filename,
                         GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GByteArray) text = g_byte_array_new ();
  g_autofree char *display = NULL;
  guint8 buffer[65536];
  gssize got;
  int fd;

  g_return_val_if_fail (OCC_IS_RESULTS (results), NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (filename);
  if ((fd = occ_open_regular_file (filename, display, error)) < 0)
    return NULL;
  stream = g_unix_input_stream_new (fd, TRUE);
  while ((got = g_input_stream_read (stream, buffer, sizeof buffer, NULL,
                                     error))
         > 0)
    {
      if (text->len + (gsize) got > MAX_CLAIMS_FILE)
        {
          g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
                       "%s: a claims file of more than %u MiB", display,
                       MAX_CLAIMS_FILE >> 20);
          return NULL;
        }
      g_byte_array_append (text, buffer, (guint) got);
    }
  if (got < 0)
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }
  return audit_from_text (results, (const char *) text->data, text->len,
                          display, error);
}

/**
 * occ_audit_get_results:
 * @self: an audit
 *
 * The results the audit was made against.
 *
 * Returns: (transfer none): the results the claims were checked against
 *
 * Since: 1.5
 */
OccResults *
occ_audit_get_results (OccAudit *self)
{
  g_return_val_if_fail (OCC_IS_AUDIT (self), NULL);
  return self->results;
}

/**
 * occ_audit_get_source:
 * @self: an audit
 *
 * The claims file's `source`: the report the claims come from.
 *
 * Returns: (nullable): the source, or %NULL when the file gives none
 *
 * Since: 1.5
 */
const char *
occ_audit_get_source (OccAudit *self)
{
  g_return_val_if_fail (OCC_IS_AUDIT (self), NULL);
  return self->source;
}

/**
 * occ_audit_get_n_claims:
 * @self: an audit
 *
 * How many claims the file has.
 *
 * Returns: the number of claims, in the file's order
 *
 * Since: 1.5
 */
guint
occ_audit_get_n_claims (OccAudit *self)
{
  g_return_val_if_fail (OCC_IS_AUDIT (self), 0);
  return self->n_claims;
}

#define CHECK_CLAIM(self, claim, value)                                      \
  G_STMT_START                                                               \
  {                                                                          \
    g_return_val_if_fail (OCC_IS_AUDIT (self), value);                       \
    g_return_val_if_fail ((claim) < (self)->n_claims, value);                \
  }                                                                          \
  G_STMT_END

/**
 * occ_audit_get_claim_id:
 * @self: an audit
 * @claim: a claim index, less than [method@Occ.Audit.get_n_claims]
 *
 * A claim's id, as the claims file gives it.
 *
 * Returns: the claim's id
 *
 * Since: 1.5
 */
const char *
occ_audit_get_claim_id (OccAudit *self, guint claim)
{
  CHECK_CLAIM (self, claim, NULL);
  return self->claims[claim].id;
}

/**
 * occ_audit_get_claim_text:
 * @self: an audit
 * @claim: a claim index
 *
 * The report's own words for the claim (its `text`).
 *
 * Returns: (nullable): the words, or %NULL when the claim gives none
 *
 * Since: 1.5
 */
const char *
occ_audit_get_claim_text (OccAudit *self, guint claim)
{
  CHECK_CLAIM (self, claim, NULL);
  return self->claims[claim].text;
}

/**
 * occ_audit_get_verdict:
 * @self: an audit
 * @claim: a claim index
 *
 * A claim's verdict.
 *
 * Returns: whether the claim holds, is contradicted or cannot be checked
 *
 * Since: 1.5
 */
OccVerdict
occ_audit_get_verdict (OccAudit *self, guint claim)
{
  CHECK_CLAIM (self, claim, OCC_VERDICT_NOT_CHECKABLE);
  return self->claims[claim].verdict;
}

/**
 * occ_audit_get_explanation:
 * @self: an audit
 * @claim: a claim index
 *
 * What the data says, for people: "the best level-2 node under IX in PE
 * 2024 is IX.C.3 (3.00); IX.B.9 scores 2.94", or why the claim cannot be
 * checked. In English in this version.
 *
 * Returns: the explanation
 *
 * Since: 1.5
 */
const char *
occ_audit_get_explanation (OccAudit *self, guint claim)
{
  CHECK_CLAIM (self, claim, NULL);
  return self->claims[claim].explanation;
}

/**
 * occ_audit_dup_found:
 * @self: an audit
 * @claim: a claim index
 *
 * The computed figures that decided the claim, in full precision, as the
 * JSON object `found` of `occ-audit/1`, on one line
 * (`{"nodes": ["IX.C.3"],"value": 3.0}`); empty (`{}`) when the claim was
 * not checkable.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.5
 */
char *
occ_audit_dup_found (OccAudit *self, guint claim)
{
  CHECK_CLAIM (self, claim, NULL);
  return g_strdup (self->claims[claim].found);
}

/**
 * occ_audit_count:
 * @self: an audit
 * @verdict: a verdict
 *
 * Counts the claims of one verdict.
 *
 * Returns: how many claims have @verdict
 *
 * Since: 1.5
 */
guint
occ_audit_count (OccAudit *self, OccVerdict verdict)
{
  guint n = 0;

  g_return_val_if_fail (OCC_IS_AUDIT (self), 0);
  for (guint i = 0; i < self->n_claims; i++)
    n += self->claims[i].verdict == verdict;
  return n;
}

/**
 * occ_verdict_to_string:
 * @verdict: a verdict
 *
 * The verdict's name in `occ-audit/1`.
 *
 * Returns: `holds`, `contradicted` or `not-checkable`
 *
 * Since: 1.5
 */
const char *
occ_verdict_to_string (OccVerdict verdict)
{
  static const char *const names[] = { "holds", "contradicted",
                                       "not-checkable" };

  g_return_val_if_fail (verdict <= OCC_VERDICT_NOT_CHECKABLE, NULL);
  return names[verdict];
}

/**
 * occ_audit_to_data:
 * @self: an audit
 * @dataset: (nullable): the name of the dataset file, written as
 *   `dataset`, or %NULL to leave it out
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the audit as `occ-audit/1` (occ-claims.md): the source, the
 * counts of each verdict, and for each claim its id, the report's words,
 * the verdict, the figures found, the figures claimed and the
 * explanation. The text ends with a newline.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.5
 */
char *
occ_audit_to_data (OccAudit *self, const char *dataset, gsize *length)
{
  GString *out = g_string_new (NULL);
  OccJsonWriter w;

  g_return_val_if_fail (OCC_IS_AUDIT (self), NULL);

  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  occ_json_put_string (&w, "format", "occ-audit/1");
  if (self->source)
    occ_json_put_string (&w, "source", self->source);
  if (dataset)
    occ_json_put_string (&w, "dataset", dataset);
  occ_json_begin_object (&w, "counts");
  for (OccVerdict v = OCC_VERDICT_HOLDS; v <= OCC_VERDICT_NOT_CHECKABLE; v++)
    occ_json_put_int (&w, occ_verdict_to_string (v),
                      occ_audit_count (self, v));
  occ_json_end_object (&w);
  occ_json_begin_array (&w, "claims");
  for (guint i = 0; i < self->n_claims; i++)
    {
      const Claim *claim = &self->claims[i];

      occ_json_begin_object (&w, NULL);
      occ_json_put_string (&w, "id", claim->id);
      if (claim->text)
        occ_json_put_string (&w, "text", claim->text);
      occ_json_put_string (&w, "verdict",
                           occ_verdict_to_string (claim->verdict));
      write_node (&w, "found", claim->found_tree);
      write_node (&w, "claimed", claim->claimed);
      occ_json_put_string (&w, "explanation", claim->explanation);
      occ_json_end_object (&w);
    }
  occ_json_end_array (&w);
  occ_json_end_object (&w);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}
