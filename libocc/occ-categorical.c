/* occ-categorical.c: levels, conditions and rule 1 of occ-categorical.md
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "occ-categorical-private.h"

void
occ_criterion_levels_clear (OccCriterionLevels *cl)
{
  guint n = cl->n_ranked + cl->n_unranked;

  g_strfreev (cl->ids);
  g_strfreev (cl->labels);
  if (cl->l10n != NULL)
    for (guint i = 0; i < n; i++)
      occ_labels_free (cl->l10n[i]);
  g_free (cl->l10n);
  g_free (cl->values);
  g_clear_pointer (&cl->index, g_hash_table_unref);
  memset (cl, 0, sizeof *cl);
}

static void
condition_clear (OccCondition *cond)
{
  for (guint i = 0; cond->parts != NULL && i < cond->n; i++)
    condition_clear (&cond->parts[i]);
  g_free (cond->parts);
  g_free (cond->levels);
  memset (cond, 0, sizeof *cond);
}

void
occ_rule_clear (OccRule *rule)
{
  g_free (rule->id);
  g_free (rule->label);
  occ_labels_free (rule->l10n);
  condition_clear (&rule->cond);
  memset (rule, 0, sizeof *rule);
}

/* One entry of "levels" or "unranked": an id, or {"id", "label",
 * "labels"}. */
static gboolean
read_level (OccCriterionLevels *cl, guint slot, JsonNode *node,
            const OccPath *at, GError **error)
{
  const char *id = NULL, *label = NULL;

  if (JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      id = json_node_get_string (node);
      if (*id == '\0')
        {
          occ_path_error (error, OCC_ERROR_RANGE, at,
                          "an id cannot be empty");
          return FALSE;
        }
    }
  else
    {
      JsonObject *object = occ_json_object (node, at, error);

      if (object == NULL
          || !occ_json_required_id (object, "id", at, &id, error)
          || !occ_json_optional_string (object, "label", at, &label, error)
          || !occ_labels_read (object, at, &cl->l10n[slot], error))
        return FALSE;
    }
  if (g_hash_table_contains (cl->index, id))
    {
      occ_path_error (error, OCC_ERROR_DUPLICATE, at,
                      "duplicate level \"%s\": level ids are unique within "
                      "a criterion",
                      id);
      return FALSE;
    }
  cl->ids[slot] = g_strdup (id);
  cl->labels[slot] = g_strdup (label ? label : id);
  g_hash_table_insert (cl->index, cl->ids[slot], GUINT_TO_POINTER (slot + 1));
  return TRUE;
}

static JsonArray *
optional_array (JsonObject *object, const char *name, const OccPath *path,
                GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, name);
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return NULL;
  return occ_json_array (node, &here, error);
}

gboolean
occ_criterion_levels_read (OccCriterionLevels *cl, JsonObject *entry,
                           const OccPath *path, GError **error)
{
  OccPath levels_path = OCC_PATH_MEMBER (path, "levels");
  OccPath unranked_path = OCC_PATH_MEMBER (path, "unranked");
  OccPath values_path = OCC_PATH_MEMBER (path, "values");
  JsonNode *node = occ_json_member (entry, "levels", path, TRUE, error);
  JsonArray *levels, *unranked = NULL, *values = NULL;
  guint n;

  if (node == NULL || !(levels = occ_json_array (node, &levels_path, error)))
    return FALSE;
  if (json_object_has_member (entry, "unranked")
      && !(unranked = optional_array (entry, "unranked", path, error)))
    return FALSE;
  if (json_object_has_member (entry, "values")
      && !(values = optional_array (entry, "values", path, error)))
    return FALSE;
  cl->n_ranked = json_array_get_length (levels);
  cl->n_unranked = unranked ? json_array_get_length (unranked) : 0;
  n = cl->n_ranked + cl->n_unranked;
  if (cl->n_ranked == 0)
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &levels_path,
                      "a criterion of a categorical methodology needs at "
                      "least one level");
      cl->n_unranked = 0;
      return FALSE;
    }
  if (n > OCC_MAX_CRITERION_LEVELS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, path,
                      "more than %d levels and unranked answers",
                      OCC_MAX_CRITERION_LEVELS);
      cl->n_ranked = cl->n_unranked = 0;
      return FALSE;
    }
  cl->ids = g_new0 (char *, n + 1);
  cl->labels = g_new0 (char *, n + 1);
  cl->l10n = g_new0 (OccLabels *, n + 1);
  cl->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      gboolean ranked = i < cl->n_ranked;
      guint at_index = ranked ? i : i - cl->n_ranked;
      OccPath at = OCC_PATH_INDEX (ranked ? &levels_path : &unranked_path,
                                   at_index);
      JsonNode *element = json_array_get_element (ranked ? levels : unranked,
                                                  at_index);

      if (!read_level (cl, i, element, &at, error))
        return FALSE;
    }
  if (values == NULL)
    return TRUE;
  if (json_array_get_length (values) != cl->n_ranked)
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &values_path,
                      "%u values for %u levels: \"values\" gives one number "
                      "per level, in order",
                      json_array_get_length (values), cl->n_ranked);
      return FALSE;
    }
  cl->values = g_new (double, cl->n_ranked);
  for (guint i = 0; i < cl->n_ranked; i++)
    {
      OccPath at = OCC_PATH_INDEX (&values_path, i);

      if (!occ_json_number (json_array_get_element (values, i), &at,
                            &cl->values[i], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
occ_criterion_levels_lookup (const OccCriterionLevels *cl, const char *id,
                             gint32 *level)
{
  gpointer slot = cl->index ? g_hash_table_lookup (cl->index, id) : NULL;

  if (slot == NULL)
    return FALSE;
  *level = occ_level_from_slot (cl, GPOINTER_TO_UINT (slot) - 1);
  return TRUE;
}

char *
occ_criterion_levels_list (const OccCriterionLevels *cl)
{
  GString *out = g_string_new (NULL);
  guint n = cl->n_ranked + cl->n_unranked, shown = MIN (n, 12);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? " or " : ", ");
      g_string_append_printf (out, "\"%s\"", cl->ids[i]);
    }
  if (shown < n)
    g_string_append_printf (out, " and %u more", n - shown);
  return g_string_free (out, FALSE);
}

/* The names a condition may have, one of which it must. */
static const char *const forms[] = { "criterion", "flag", "all",
                                     "any",       "not",  NULL };
static const char *const tests[] = { "is", "in", "at_least", "at_most",
                                     NULL };

static gboolean
condition_level (const OccCondContext *ctx, guint c, JsonNode *node,
                 const OccPath *at, gint32 *level, GError **error)
{
  const char *id = occ_json_string (node, at, error);
  g_autofree char *valid = NULL;

  if (id == NULL)
    return FALSE;
  if (occ_criterion_levels_lookup (&ctx->levels[c], id, level))
    return TRUE;
  valid = occ_criterion_levels_list (&ctx->levels[c]);
  occ_path_error (error, OCC_ERROR_UNKNOWN_ID, at,
                  "unknown level \"%s\" of criterion \"%s\" (its levels: %s)",
                  id, ctx->criterion_ids[c], valid);
  return FALSE;
}

static gboolean
read_criterion_test (OccCondition *cond, JsonObject *object,
                     const OccPath *path, const OccCondContext *ctx,
                     GError **error)
{
  OccPath crit_path = OCC_PATH_MEMBER (path, "criterion");
  const char *id = occ_json_string (
    json_object_get_member (object, "criterion"), &crit_path, error);
  const char *test = NULL;
  gpointer index;
  guint c;

  if (id == NULL)
    return FALSE;
  if (!(index = g_hash_table_lookup (ctx->criterion_index, id)))
    {
      occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &crit_path,
                      "unknown criterion \"%s\"", id);
      return FALSE;
    }
  c = GPOINTER_TO_UINT (index) - 1;
  for (guint i = 0; tests[i] != NULL; i++)
    if (json_object_has_member (object, tests[i]))
      {
        if (test != NULL)
          {
            occ_path_error (error, OCC_ERROR_STRUCTURE, path,
                            "a condition on a criterion has one test: \"%s\" "
                            "and \"%s\" are both given",
                            test, tests[i]);
            return FALSE;
          }
        test = tests[i];
        cond->kind = (OccCondKind) (OCC_COND_IS + i);
      }
  if (test == NULL)
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "a condition on criterion \"%s\" needs \"is\", \"in\", "
                      "\"at_least\" or \"at_most\"",
                      id);
      return FALSE;
    }
  cond->criterion = c;
  {
    OccPath at = OCC_PATH_MEMBER (path, test);
    JsonNode *node = json_object_get_member (object, test);
    JsonArray *array;

    if (cond->kind != OCC_COND_IN)
      return condition_level (ctx, c, node, &at, &cond->level, error);
    if (!(array = occ_json_array (node, &at, error)))
      return FALSE;
    cond->n = json_array_get_length (array);
    cond->levels = g_new (gint32, cond->n + 1);
    for (guint i = 0; i < cond->n; i++)
      {
        OccPath element = OCC_PATH_INDEX (&at, i);
        if (!condition_level (ctx, c, json_array_get_element (array, i),
                              &element, &cond->levels[i], error))
          return FALSE;
      }
  }
  return TRUE;
}

static gboolean
read_flag_ref (OccCondition *cond, JsonObject *object, const OccPath *path,
               const OccCondContext *ctx, GError **error)
{
  OccPath at = OCC_PATH_MEMBER (path, "flag");
  const char *id = occ_json_string (json_object_get_member (object, "flag"),
                                    &at, error);

  if (id == NULL)
    return FALSE;
  cond->kind = OCC_COND_FLAG;
  for (guint f = 0; f < ctx->n_flags; f++)
    if (g_str_equal (ctx->flags[f].id, id))
      {
        cond->level = (gint32) f;
        return TRUE;
      }
  for (guint f = ctx->n_flags; f < ctx->n_flags_total; f++)
    if (ctx->flags[f].id != NULL && g_str_equal (ctx->flags[f].id, id))
      {
        occ_path_error (
          error, OCC_ERROR_STRUCTURE, &at,
          f == ctx->n_flags
            ? "flag \"%s\" refers to itself: a flag may use "
              "only the flags listed before it"
            : "flag \"%s\" is listed later: a flag may use only "
              "the flags listed before it",
          id);
        return FALSE;
      }
  occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &at, "unknown flag \"%s\"",
                  id);
  return FALSE;
}

static gboolean
read_parts (OccCondition *cond, JsonNode *node, const OccPath *at,
            const OccCondContext *ctx, GError **error)
{
  JsonArray *array;

  if (cond->kind == OCC_COND_NOT)
    {
      JsonObject *object = occ_json_object (node, at, error);

      cond->n = 1;
      cond->parts = g_new0 (OccCondition, 1);
      return object != NULL
             && occ_condition_read (&cond->parts[0], object, at, ctx, error);
    }
  if (!(array = occ_json_array (node, at, error)))
    return FALSE;
  cond->parts = g_new0 (OccCondition, json_array_get_length (array) + 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      OccPath element = OCC_PATH_INDEX (at, i);
      JsonObject *object = occ_json_object (json_array_get_element (array, i),
                                            &element, error);

      cond->n = i + 1; /* counted first, so that clearing frees it */
      if (object == NULL
          || !occ_condition_read (&cond->parts[i], object, &element, ctx,
                                  error))
        return FALSE;
    }
  return TRUE;
}

gboolean
occ_condition_read (OccCondition *cond, JsonObject *object,
                    const OccPath *path, const OccCondContext *ctx,
                    GError **error)
{
  const char *form = NULL;

  for (guint i = 0; forms[i] != NULL; i++)
    if (json_object_has_member (object, forms[i]))
      {
        if (form != NULL)
          {
            occ_path_error (error, OCC_ERROR_STRUCTURE, path,
                            "a condition is one of \"criterion\", \"flag\", "
                            "\"all\", \"any\" or \"not\": \"%s\" and \"%s\" "
                            "are both given",
                            form, forms[i]);
            return FALSE;
          }
        form = forms[i];
      }
  if (form == NULL)
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "a condition needs \"criterion\", \"flag\", \"all\", "
                      "\"any\" or \"not\"");
      return FALSE;
    }
  if (g_str_equal (form, "criterion"))
    return read_criterion_test (cond, object, path, ctx, error);
  if (g_str_equal (form, "flag"))
    return read_flag_ref (cond, object, path, ctx, error);
  {
    OccPath at = OCC_PATH_MEMBER (path, form);

    cond->kind = g_str_equal (form, "all")   ? OCC_COND_ALL
                 : g_str_equal (form, "any") ? OCC_COND_ANY
                                             : OCC_COND_NOT;
    return read_parts (cond, json_object_get_member (object, form), &at, ctx,
                       error);
  }
}

int
occ_condition_eval (const OccCondition *cond, const gint32 *levels,
                    const gint8 *flags)
{
  gint32 level = 0;
  int value, result;

  switch (cond->kind)
    {
    case OCC_COND_RATED:
      return OCC_COND_TRUE;
    case OCC_COND_FLAG:
      return flags[cond->level];
    case OCC_COND_ALL:
    case OCC_COND_ANY:
      /* all: false wins, then unknown; any: true wins, then unknown. */
      result = cond->kind == OCC_COND_ALL ? OCC_COND_TRUE : OCC_COND_FALSE;
      for (guint i = 0; i < cond->n; i++)
        {
          value = occ_condition_eval (&cond->parts[i], levels, flags);
          if (value
              == (cond->kind == OCC_COND_ALL ? OCC_COND_FALSE
                                             : OCC_COND_TRUE))
            return value;
          if (value == OCC_COND_UNKNOWN)
            result = OCC_COND_UNKNOWN;
        }
      return result;
    case OCC_COND_NOT:
      value = occ_condition_eval (&cond->parts[0], levels, flags);
      return value == OCC_COND_UNKNOWN ? OCC_COND_UNKNOWN : !value;
    case OCC_COND_IS:
    case OCC_COND_IN:
    case OCC_COND_AT_LEAST:
    case OCC_COND_AT_MOST:
      level = levels[cond->criterion];
      if (level == OCC_SCORE_NULL)
        return OCC_COND_UNKNOWN;
      break;
    }
  switch (cond->kind)
    {
    case OCC_COND_IS:
      return level == cond->level;
    case OCC_COND_IN:
      for (guint i = 0; i < cond->n; i++)
        if (level == cond->levels[i])
          return OCC_COND_TRUE;
      return OCC_COND_FALSE;
    case OCC_COND_AT_LEAST:
      /* An unranked answer stands outside the order: neither. */
      return level >= 0 && cond->level >= 0 && level >= cond->level;
    case OCC_COND_AT_MOST:
      return level >= 0 && cond->level >= 0 && level <= cond->level;
    default:
      g_assert_not_reached ();
    }
}

static const char *
level_id (const OccCriterionLevels *cl, gint32 level)
{
  return cl->ids[occ_level_slot (cl, level)];
}

void
occ_condition_write (const OccCondition *cond, OccJsonWriter *w,
                     const char *const *criterion_ids,
                     const OccCriterionLevels *levels, const OccRule *flags)
{
  static const char *const test_names[] = { "is", "in", "at_least",
                                            "at_most" };
  const OccCriterionLevels *cl = &levels[cond->criterion];

  switch (cond->kind)
    {
    case OCC_COND_RATED:
      break;
    case OCC_COND_FLAG:
      occ_json_put_string (w, "flag", flags[cond->level].id);
      break;
    case OCC_COND_ALL:
    case OCC_COND_ANY:
      occ_json_begin_array (w, cond->kind == OCC_COND_ALL ? "all" : "any");
      for (guint i = 0; i < cond->n; i++)
        {
          occ_json_begin_object (w, NULL);
          occ_condition_write (&cond->parts[i], w, criterion_ids, levels,
                               flags);
          occ_json_end_object (w);
        }
      occ_json_end_array (w);
      break;
    case OCC_COND_NOT:
      occ_json_begin_object (w, "not");
      occ_condition_write (&cond->parts[0], w, criterion_ids, levels, flags);
      occ_json_end_object (w);
      break;
    case OCC_COND_IN:
      occ_json_put_string (w, "criterion", criterion_ids[cond->criterion]);
      occ_json_begin_array (w, "in");
      for (guint i = 0; i < cond->n; i++)
        occ_json_put_string (w, NULL, level_id (cl, cond->levels[i]));
      occ_json_end_array (w);
      break;
    case OCC_COND_IS:
    case OCC_COND_AT_LEAST:
    case OCC_COND_AT_MOST:
      occ_json_put_string (w, "criterion", criterion_ids[cond->criterion]);
      occ_json_put_string (w, test_names[cond->kind - OCC_COND_IS],
                           level_id (cl, cond->level));
      break;
    }
}

gint32
occ_categorical_level (const OccCriterionLevels *cl, gboolean mode,
                       guint min_raters, const gint32 *answers, gsize stride,
                       guint n_raters, guint *n_answers)
{
  guint counts[OCC_MAX_CRITERION_LEVELS];
  guint n_levels = cl->n_ranked + cl->n_unranked, n = 0, ranked = 0;
  gint32 first_unranked = OCC_SCORE_NULL;
  gboolean same_unranked = TRUE;

  memset (counts, 0, n_levels * sizeof counts[0]);
  for (guint k = 0; k < n_raters; k++)
    {
      gint32 a = answers[(gsize) k * stride];

      if (a == OCC_SCORE_NULL)
        continue;
      n++;
      if (a >= 0)
        {
          counts[a]++;
          ranked++;
          same_unranked = FALSE;
        }
      else
        {
          if (first_unranked != OCC_SCORE_NULL && a != first_unranked)
            same_unranked = FALSE;
          first_unranked = a;
        }
    }
  *n_answers = n;
  if (n == 0 || n < min_raters)
    return OCC_SCORE_NULL;
  /* An unranked answer counts only when every answer is that one. */
  if (ranked == 0)
    return same_unranked ? first_unranked : OCC_SCORE_NULL;
  if (mode)
    {
      guint best = 0;

      for (guint i = 1; i < cl->n_ranked; i++)
        if (counts[i] > counts[best])
          best = i; /* strictly more: the lower level keeps a tie */
      return (gint32) best;
    }
  /* The ordinal median, the lower middle one of an even count. */
  {
    guint target = (ranked - 1) / 2, seen = 0;

    for (guint i = 0; i < cl->n_ranked; i++)
      {
        seen += counts[i];
        if (seen > target)
          return (gint32) i;
      }
  }
  g_assert_not_reached ();
}
