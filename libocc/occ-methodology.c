/* occ-methodology.c: scoring rules as data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-aggregate-private.h"
#include "occ-methodology-private.h"

/**
 * OccMethodology:
 *
 * The scoring rules an observatory uses: the rating scale, the criteria and
 * their weights, how ratings are aggregated at each level, the qualitative
 * bands, and the population groups whose inclusion is measured.
 *
 * A methodology is data, not code: it is read from the `methodology` member
 * of an `occ-dataset/1` file, or taken from the built-in ones by id
 * ([ctor@Occ.Methodology.new_builtin]; `cco-2024` is the Citizen Corruption
 * Observatory's). An observatory adapting the CCO's rules starts from
 * [method@Occ.Methodology.to_data] and edits the JSON.
 *
 * ```c
 * g_autoptr(OccMethodology) m = occ_methodology_new_builtin ("cco-2024", NULL);
 * for (guint i = 0; i < occ_methodology_get_n_criteria (m); i++)
 *   g_print ("%s (weight %g)\n", occ_methodology_get_criterion_label (m, i),
 *            occ_methodology_get_criterion_weight (m, i));
 * ```
 *
 * A methodology never changes once created, so it can be shared between
 * threads.
 *
 * Since: 1.0
 */

G_DEFINE_FINAL_TYPE (OccMethodology, occ_methodology, G_TYPE_OBJECT)

/* occ-v1 §3, with the nine population groups the spec names, the levels
 * of the CCO's framework, and the labels an observatory of the Americas
 * uses in Spanish, Portuguese and French. */
/* clang-format off */
#define L3(es, pt, fr) \
  ", \"labels\": {\"es\": \"" es "\", \"pt\": \"" pt "\", \"fr\": \"" fr "\"}"
static const char cco_2024_json[] =
  "{\"id\": \"cco-2024\","
  " \"name\": \"Citizen Corruption Observatory, Phase 2 (2024)\""
  L3 ("Observatorio Ciudadano de Corrupción, Fase 2 (2024)",
      "Observatório Cidadão da Corrupção, Fase 2 (2024)",
      "Observatoire citoyen de la corruption, phase 2 (2024)") ","
  " \"scale\": {\"min\": 0, \"max\": 3},"
  " \"criteria\": ["
  "  {\"id\": \"R\", \"label\": \"Relevance\", \"weight\": 1"
  L3 ("Relevancia", "Relevância", "Pertinence") "},"
  "  {\"id\": \"E\", \"label\": \"Effectiveness\", \"weight\": 1"
  L3 ("Efectividad", "Efetividade", "Efficacité") "},"
  "  {\"id\": \"S\", \"label\": \"Sustainability\", \"weight\": 1"
  L3 ("Sostenibilidad", "Sustentabilidade", "Durabilité") "}],"
  " \"aggregation\": {\"raters\": \"mean\", \"criteria\": \"mean\","
  "  \"children\": \"mean\"},"
  " \"min_raters\": 1,"
  " \"bands\": ["
  "  {\"label\": \"low\", \"from\": 0" L3 ("bajo", "baixo", "faible") "},"
  "  {\"label\": \"medium\", \"from\": 1.5" L3 ("medio", "médio", "moyen") "},"
  "  {\"label\": \"medium-high\", \"from\": 2.5"
  L3 ("medio-alto", "médio-alto", "moyen-élevé") "},"
  "  {\"label\": \"high\", \"from\": 2.8" L3 ("alto", "alto", "élevé") "}],"
  " \"levels\": ["
  "  {\"label\": \"Summit\"" L3 ("Cumbre", "Cúpula", "Sommet") "},"
  "  {\"label\": \"Theme\"" L3 ("Tema", "Tema", "Thème") "},"
  "  {\"label\": \"Commitment\""
  L3 ("Compromiso", "Compromisso", "Engagement") "},"
  "  {\"label\": \"Sub-commitment\""
  L3 ("Subcompromiso", "Subcompromisso", "Sous-engagement") "}],"
  " \"population_groups\": ["
  "  {\"id\": \"women\", \"label\": \"Women\""
  L3 ("Mujeres", "Mulheres", "Femmes") "},"
  "  {\"id\": \"youth\", \"label\": \"Youth\""
  L3 ("Juventudes", "Juventudes", "Jeunes") "},"
  "  {\"id\": \"children\", \"label\": \"Children and adolescents\""
  L3 ("Niñez y adolescencia", "Crianças e adolescentes",
      "Enfants et adolescents") "},"
  "  {\"id\": \"older-adults\", \"label\": \"Older adults\""
  L3 ("Personas mayores", "Pessoas idosas", "Personnes âgées") "},"
  "  {\"id\": \"indigenous\", \"label\": \"Indigenous peoples\""
  L3 ("Pueblos indígenas", "Povos indígenas", "Peuples autochtones") "},"
  "  {\"id\": \"afro-descendant\", \"label\": \"Afro-descendant people\""
  L3 ("Personas afrodescendientes", "Pessoas afrodescendentes",
      "Personnes d'ascendance africaine") "},"
  "  {\"id\": \"lgbtiq\", \"label\": \"LGBTIQ+ people\""
  L3 ("Personas LGBTIQ+", "Pessoas LGBTIQ+", "Personnes LGBTIQ+") "},"
  "  {\"id\": \"disability\", \"label\": \"Persons with disabilities\""
  L3 ("Personas con discapacidad", "Pessoas com deficiência",
      "Personnes handicapées") "},"
  "  {\"id\": \"rural\", \"label\": \"Rural and peasant communities\""
  L3 ("Comunidades rurales y campesinas", "Comunidades rurais e camponesas",
      "Communautés rurales et paysannes") "}],"
  " \"precision\": 2}";
#undef L3
/* occ-categorical.md §4: the IRM's methodologies, exactly as the spec
 * writes them. */
static const char ogp_irm_2015_json[] =
  "{\"id\": \"ogp-irm-2015\", "
  "\"name\": \"OGP Independent Reporting Mechanism, "
  "action plans assessed 2015-2020\", \"scale\": {\"kind\": \"categorical\"}, "
  "\"criteria\": [{\"id\": \"specificity\", \"label\": \"Specificity\", "
  "\"levels\": [{\"id\": \"none\", \"label\": \"None\"}, {\"id\": \"low\", "
  "\"label\": \"Low\"}, {\"id\": \"medium\", \"label\": \"Medium\"}, "
  "{\"id\": \"high\", \"label\": \"High\"}]}, {\"id\": \"ati\", "
  "\"label\": \"Access to information\", \"levels\": [\"no\", \"yes\"]}, "
  "{\"id\": \"cp\", \"label\": \"Civic participation\", \"levels\": [\"no\", "
  "\"yes\"]}, {\"id\": \"pa\", \"label\": \"Public accountability\", "
  "\"levels\": [\"no\", \"yes\"]}, {\"id\": \"tech\", "
  "\"label\": \"Technology and innovation for transparency and accountability\", "
  "\"levels\": [\"no\", \"yes\"]}, {\"id\": \"impact\", "
  "\"label\": \"Potential impact\", \"levels\": [\"none\", \"minor\", "
  "\"moderate\", \"transformative\"]}, {\"id\": \"completion\", "
  "\"label\": \"Completion\", \"levels\": [\"not-started\", \"limited\", "
  "\"substantial\", \"complete\"], \"unranked\": [{\"id\": \"no-evidence\", "
  "\"label\": \"No evidence available\"}]}, {\"id\": \"diog\", "
  "\"label\": \"Did it open government?\", \"levels\": [\"worsened\", "
  "\"did-not-change\", \"marginal\", \"major\", \"outstanding\"]}], "
  "\"aggregation\": {\"raters\": \"median\"}, \"flags\": [{\"id\": \"relevant\", "
  "\"label\": \"Relevant to OGP values\", \"any\": [{\"criterion\": \"ati\", "
  "\"is\": \"yes\"}, {\"criterion\": \"cp\", \"is\": \"yes\"}, {\"criterion\": \"pa\", "
  "\"is\": \"yes\"}]}, {\"id\": \"potentially-starred\", "
  "\"label\": \"Potentially starred\", "
  "\"all\": [{\"criterion\": \"specificity\", \"at_least\": \"medium\"}, "
  "{\"flag\": \"relevant\"}, {\"criterion\": \"impact\", "
  "\"is\": \"transformative\"}]}, {\"id\": \"starred\", \"label\": \"Starred\", "
  "\"all\": [{\"flag\": \"potentially-starred\"}, "
  "{\"criterion\": \"completion\", \"at_least\": \"substantial\"}]}], "
  "\"summaries\": [{\"id\": \"commitments\", "
  "\"label\": \"Number of commitments\", \"count\": \"rated\"}, "
  "{\"id\": \"relevant\", \"label\": \"Commitments relevant to OGP values\", "
  "\"count\": {\"flag\": \"relevant\"}, \"percent\": true}, "
  "{\"id\": \"transformative\", \"label\": \"Transformative commitments\", "
  "\"count\": {\"criterion\": \"impact\", \"is\": \"transformative\"}, "
  "\"percent\": true}, {\"id\": \"potentially-starred\", "
  "\"label\": \"Potentially starred\", "
  "\"count\": {\"flag\": \"potentially-starred\"}, \"percent\": true}, "
  "{\"id\": \"starred\", \"label\": \"Starred commitments\", "
  "\"count\": {\"flag\": \"starred\"}}, {\"id\": \"completed\", "
  "\"label\": \"Completed commitments\", "
  "\"count\": {\"criterion\": \"completion\", \"is\": \"complete\"}}, "
  "{\"id\": \"major\", \"label\": \"Commitments with major DIOG\", "
  "\"count\": {\"criterion\": \"diog\", \"is\": \"major\"}}, "
  "{\"id\": \"outstanding\", \"label\": \"Commitments with outstanding DIOG\", "
  "\"count\": {\"criterion\": \"diog\", \"is\": \"outstanding\"}}], "
  "\"precision\": 0}";

static const char ogp_irm_2021_json[] =
  "{\"id\": \"ogp-irm-2021\", "
  "\"name\": \"OGP Independent Reporting Mechanism, "
  "action plans from 2020\", \"scale\": {\"kind\": \"categorical\"}, "
  "\"criteria\": [{\"id\": \"verifiable\", \"label\": \"Verifiable\", "
  "\"levels\": [\"no\", \"yes\"]}, {\"id\": \"relevant\", "
  "\"label\": \"Relevant to OGP values\", \"levels\": [\"no\", \"yes\"]}, "
  "{\"id\": \"potential\", \"label\": \"Potential for results\", "
  "\"levels\": [\"unclear\", \"modest\", \"substantial\"]}, "
  "{\"id\": \"completion\", \"label\": \"Completion\", "
  "\"levels\": [\"not-started\", \"limited\", \"substantial\", \"complete\"], "
  "\"unranked\": [{\"id\": \"no-evidence\", "
  "\"label\": \"No evidence available\"}]}, {\"id\": \"results\", "
  "\"label\": \"Early results\", \"levels\": [\"worsened\", \"did-not-change\", "
  "\"marginal\", \"major\", \"outstanding\"]}], "
  "\"aggregation\": {\"raters\": \"median\"}, "
  "\"flags\": [{\"id\": \"high-completion\", \"label\": \"High completion\", "
  "\"criterion\": \"completion\", \"at_least\": \"substantial\"}, "
  "{\"id\": \"strong-results\", \"label\": \"Strong early results\", "
  "\"criterion\": \"results\", \"at_least\": \"major\"}], "
  "\"summaries\": [{\"id\": \"commitments\", "
  "\"label\": \"Number of commitments\", \"count\": \"rated\"}, "
  "{\"id\": \"verifiable\", \"label\": \"Verifiable commitments\", "
  "\"count\": {\"criterion\": \"verifiable\", \"is\": \"yes\"}, "
  "\"percent\": true}, {\"id\": \"relevant\", "
  "\"label\": \"Commitments relevant to OGP values\", "
  "\"count\": {\"criterion\": \"relevant\", \"is\": \"yes\"}, \"percent\": true}, "
  "{\"id\": \"potential-unclear\", "
  "\"label\": \"Unclear potential for results\", "
  "\"count\": {\"criterion\": \"potential\", \"is\": \"unclear\"}, "
  "\"percent\": true}, {\"id\": \"potential-modest\", "
  "\"label\": \"Modest potential for results\", "
  "\"count\": {\"criterion\": \"potential\", \"is\": \"modest\"}, "
  "\"percent\": true}, {\"id\": \"potential-substantial\", "
  "\"label\": \"Substantial potential for results\", "
  "\"count\": {\"criterion\": \"potential\", \"is\": \"substantial\"}, "
  "\"percent\": true}, {\"id\": \"high-completion\", "
  "\"label\": \"Substantially or fully completed\", "
  "\"count\": {\"flag\": \"high-completion\"}}, {\"id\": \"strong-results\", "
  "\"label\": \"Strong early results\", "
  "\"count\": {\"flag\": \"strong-results\"}}, {\"id\": \"results-major\", "
  "\"label\": \"Major early results\", \"count\": {\"criterion\": \"results\", "
  "\"is\": \"major\"}}, {\"id\": \"results-outstanding\", "
  "\"label\": \"Outstanding early results\", "
  "\"count\": {\"criterion\": \"results\", \"is\": \"outstanding\"}}], "
  "\"precision\": 0}";
/* clang-format on */

static const struct
{
  const char *id;
  const char *json;
} builtins[] = {
  { "cco-2024", cco_2024_json },
  { "ogp-irm-2015", ogp_irm_2015_json },
  { "ogp-irm-2021", ogp_irm_2021_json },
};

static const char *const aggregation_names[] = { "mean", "median",
                                                 "geometric", "mode" };
static const char *const level_names[] = { "raters", "criteria", "children" };

static void
free_l10n (OccLabels **l10n, guint n)
{
  if (l10n == NULL)
    return;
  for (guint i = 0; i < n; i++)
    occ_labels_free (l10n[i]);
  g_free (l10n);
}

static void
occ_methodology_finalize (GObject *object)
{
  OccMethodology *self = OCC_METHODOLOGY (object);

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->criterion_ids);
  g_strfreev (self->criterion_labels);
  g_free (self->criterion_weights);
  g_strfreev (self->band_labels);
  g_free (self->band_from);
  g_strfreev (self->group_ids);
  g_strfreev (self->group_labels);
  g_strfreev (self->level_labels);
  occ_labels_free (self->name_l10n);
  free_l10n (self->criterion_l10n, self->n_criteria);
  free_l10n (self->band_l10n, self->n_bands);
  free_l10n (self->group_l10n, self->n_groups);
  free_l10n (self->level_l10n, self->n_levels);
  g_clear_pointer (&self->criterion_index, g_hash_table_unref);
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  if (self->levels != NULL)
    for (guint i = 0; i < self->n_criteria; i++)
      occ_criterion_levels_clear (&self->levels[i]);
  g_free (self->levels);
  for (guint i = 0; i < self->n_flags; i++)
    occ_rule_clear (&self->flags[i]);
  g_free (self->flags);
  for (guint i = 0; i < self->n_summaries; i++)
    occ_rule_clear (&self->summaries[i]);
  g_free (self->summaries);
  G_OBJECT_CLASS (occ_methodology_parent_class)->finalize (object);
}

static void
occ_methodology_class_init (OccMethodologyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_methodology_finalize;
}

static void
occ_methodology_init (OccMethodology *self)
{
  self->criterion_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->group_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->min_raters = 1;
  self->precision = 2;
}

static gboolean
read_int_member (JsonObject *object, const char *name, const OccPath *path,
                 gint64 min, gint64 max, gint64 *value, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, name);
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return TRUE; /* keep the default */
  if (!occ_json_integer (node, &here, value, error))
    return FALSE;
  if (*value < min || *value > max)
    {
      occ_path_error (error, OCC_ERROR_RANGE, &here,
                      "%" G_GINT64_FORMAT " is outside %" G_GINT64_FORMAT
                      "..%" G_GINT64_FORMAT,
                      *value, min, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_scale (OccMethodology *self, JsonObject *object, const OccPath *path,
             GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "scale");
  JsonNode *node = occ_json_member (object, "scale", path, TRUE, error);
  JsonObject *scale;
  const char *kind = NULL;
  gint64 min = G_MININT64, max = G_MININT64;

  if (node == NULL || !(scale = occ_json_object (node, &here, error))
      || !occ_json_optional_string (scale, "kind", &here, &kind, error))
    return FALSE;
  if (kind != NULL && g_str_equal (kind, "categorical"))
    {
      /* Levels are per criterion; min and max mean nothing here. */
      self->scale_kind = OCC_SCALE_KIND_CATEGORICAL;
      self->aggregation[OCC_LEVEL_RATERS] = OCC_AGGREGATION_MEDIAN;
      return TRUE;
    }
  if (kind != NULL && !g_str_equal (kind, "numeric"))
    {
      OccPath at = OCC_PATH_MEMBER (&here, "kind");
      occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &at,
                      "unknown scale kind \"%s\" (expected numeric or "
                      "categorical)",
                      kind);
      return FALSE;
    }
  if (!occ_json_member (scale, "min", &here, TRUE, error)
      || !occ_json_member (scale, "max", &here, TRUE, error)
      || !read_int_member (scale, "min", &here, -OCC_MAX_SCALE_ABS,
                           OCC_MAX_SCALE_ABS, &min, error)
      || !read_int_member (scale, "max", &here, -OCC_MAX_SCALE_ABS,
                           OCC_MAX_SCALE_ABS, &max, error))
    return FALSE;
  if (min >= max)
    {
      OccPath at = OCC_PATH_MEMBER (&here, "max");
      occ_path_error (error, OCC_ERROR_RANGE, &at,
                      "the scale's max (%" G_GINT64_FORMAT
                      ") must be greater than its min (%" G_GINT64_FORMAT ")",
                      max, min);
      return FALSE;
    }
  self->scale_min = (int) min;
  self->scale_max = (int) max;
  return TRUE;
}

/* A categorical criterion's levels (occ-categorical.md §1), and the
 * range of its `values`, which take the place of the scale for bands and
 * the geometric mean. */
static gboolean
parse_criterion_levels (OccMethodology *self, JsonArray *array,
                        const OccPath *path, GError **error)
{
  gboolean first = TRUE;

  self->levels = g_new0 (OccCriterionLevels, self->n_criteria);
  self->all_values = TRUE;
  for (guint i = 0; i < self->n_criteria; i++)
    {
      OccPath at = OCC_PATH_INDEX (path, i);
      OccCriterionLevels *cl = &self->levels[i];

      if (!occ_criterion_levels_read (
            cl, json_array_get_object_element (array, i), &at, error))
        return FALSE;
      self->all_values &= cl->values != NULL;
      self->any_values |= cl->values != NULL;
      for (guint l = 0; cl->values != NULL && l < cl->n_ranked; l++)
        {
          double v = cl->values[l];
          if (first || v < self->value_min)
            self->value_min = v;
          first = FALSE;
        }
    }
  return TRUE;
}

/* Each entry of "criteria" or "population_groups": {"id", "label"}. */
static gboolean
parse_labelled_ids (JsonArray *array, const OccPath *path, GHashTable *index,
                    char ***ids_out, char ***labels_out,
                    OccLabels ***l10n_out, guint *n_out, GError **error)
{
  guint n = json_array_get_length (array);
  g_auto (GStrv) ids = g_new0 (char *, n + 1);
  g_auto (GStrv) labels = g_new0 (char *, n + 1);

  /* Handed to the caller at once, with the count of entries it may hold,
   * so that a failure part way frees what was read. */
  *l10n_out = g_new0 (OccLabels *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (path, i);
      JsonObject *entry = occ_json_object (json_array_get_element (array, i),
                                           &at, error);
      const char *id = NULL, *label = NULL;

      *n_out = i + 1;
      if (entry == NULL
          || !occ_json_required_id (entry, "id", &at, &id, error)
          || !occ_json_optional_string (entry, "label", &at, &label, error)
          || !occ_labels_read (entry, &at, &(*l10n_out)[i], error))
        return FALSE;
      if (g_hash_table_contains (index, id))
        {
          OccPath id_path = OCC_PATH_MEMBER (&at, "id");
          OccPath first = OCC_PATH_INDEX (
            at.parent,
            GPOINTER_TO_UINT (g_hash_table_lookup (index, id)) - 1);
          OccPath first_id = OCC_PATH_MEMBER (&first, "id");
          g_autofree char *where = occ_path_first_at (&first_id);
          occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                          "duplicate id \"%s\"%s", id, where);
          return FALSE;
        }
      ids[i] = g_strdup (id);
      labels[i] = g_strdup (label ? label : id);
      g_hash_table_insert (index, ids[i], GUINT_TO_POINTER (i + 1));
    }
  *ids_out = g_steal_pointer (&ids);
  *labels_out = g_steal_pointer (&labels);
  *n_out = n;
  return TRUE;
}

static gboolean
parse_criteria (OccMethodology *self, JsonObject *object, const OccPath *path,
                GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "criteria");
  JsonNode *node = occ_json_member (object, "criteria", path, TRUE, error);
  JsonArray *array;
  double total = 0;

  if (node == NULL || !(array = occ_json_array (node, &here, error)))
    return FALSE;
  if (json_array_get_length (array) == 0)
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &here,
                      "a methodology needs at least one criterion");
      return FALSE;
    }
  if (json_array_get_length (array) > OCC_MAX_CRITERIA)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here, "more than %d criteria",
                      OCC_MAX_CRITERIA);
      return FALSE;
    }
  if (!parse_labelled_ids (array, &here, self->criterion_index,
                           &self->criterion_ids, &self->criterion_labels,
                           &self->criterion_l10n, &self->n_criteria, error))
    return FALSE;
  if (occ_methodology_is_categorical (self)
      && !parse_criterion_levels (self, array, &here, error))
    return FALSE;
  self->criterion_weights = g_new (double, self->n_criteria);
  for (guint i = 0; i < self->n_criteria; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      JsonObject *entry = json_array_get_object_element (array, i);

      if (!occ_json_optional_weight (entry, &at, &self->criterion_weights[i],
                                     error))
        return FALSE;
      total += self->criterion_weights[i];
    }
  if (total <= 0)
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &here,
                      "the criterion weights are all zero");
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_aggregation (OccMethodology *self, JsonObject *object,
                   const OccPath *path, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "aggregation");
  JsonNode *node = json_object_get_member (object, "aggregation");
  JsonObject *aggregation;

  if (node == NULL)
    return TRUE; /* mean everywhere */
  if (!(aggregation = occ_json_object (node, &here, error)))
    return FALSE;
  for (guint level = 0; level < G_N_ELEMENTS (level_names); level++)
    {
      OccPath at = OCC_PATH_MEMBER (&here, level_names[level]);
      const char *name = NULL;
      gboolean found = FALSE;

      if (!occ_json_optional_string (aggregation, level_names[level], &here,
                                     &name, error))
        return FALSE;
      if (name == NULL)
        continue;
      for (guint m = 0; m < G_N_ELEMENTS (aggregation_names); m++)
        if (g_str_equal (name, aggregation_names[m]))
          {
            self->aggregation[level] = (OccAggregation) m;
            found = TRUE;
          }
      /* Levels are ordered, not numbers: their raters take the median
       * or the mode, and only they. */
      if (found && occ_methodology_is_categorical (self)
          && level == OCC_LEVEL_RATERS
          && self->aggregation[level] != OCC_AGGREGATION_MEDIAN
          && self->aggregation[level] != OCC_AGGREGATION_MODE)
        {
          occ_path_error (error, OCC_ERROR_STRUCTURE, &at,
                          "the raters' levels of a categorical methodology "
                          "are aggregated by median or mode, not %s",
                          name);
          return FALSE;
        }
      if (found
          && (level != OCC_LEVEL_RATERS
              || !occ_methodology_is_categorical (self))
          && self->aggregation[level] == OCC_AGGREGATION_MODE)
        found = FALSE;
      if (!found)
        {
          occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &at,
                          "unknown aggregation method \"%s\" (expected "
                          "mean, median or geometric)",
                          name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_bands (OccMethodology *self, JsonObject *object, const OccPath *path,
             GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "bands");
  JsonNode *node = json_object_get_member (object, "bands");
  JsonArray *array;
  guint n;

  if (node == NULL)
    {
      self->band_labels = g_new0 (char *, 1);
      return TRUE;
    }
  if (!(array = occ_json_array (node, &here, error)))
    return FALSE;
  n = json_array_get_length (array);
  if (n > OCC_MAX_BANDS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here, "more than %d bands",
                      OCC_MAX_BANDS);
      self->band_labels = g_new0 (char *, 1);
      return FALSE;
    }
  self->band_labels = g_new0 (char *, n + 1);
  self->band_from = g_new (double, n);
  self->band_l10n = g_new0 (OccLabels *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      OccPath from_path = OCC_PATH_MEMBER (&at, "from");
      JsonObject *band = occ_json_object (json_array_get_element (array, i),
                                          &at, error);
      const char *label = NULL;
      JsonNode *from;

      /* Counted before reading, so that finalize frees the labels. */
      self->n_bands = i + 1;
      if (band == NULL
          || !occ_json_required_id (band, "label", &at, &label, error)
          || !(from = occ_json_member (band, "from", &at, TRUE, error))
          || !occ_json_number (from, &from_path, &self->band_from[i], error)
          || !occ_labels_read (band, &at, &self->band_l10n[i], error))
        return FALSE;
      /* occ-v1 §3: every value on the scale has a band. */
      if (i == 0 && !occ_methodology_is_categorical (self)
          && self->band_from[0] > self->scale_min)
        {
          occ_path_error (error, OCC_ERROR_STRUCTURE, &from_path,
                          "the first band starts at %g, above the scale's "
                          "min (%d): the scores below it would have no band",
                          self->band_from[0], self->scale_min);
          return FALSE;
        }
      /* Levels with values: every value has a band. */
      if (i == 0 && occ_methodology_is_categorical (self) && self->any_values
          && self->band_from[0] > self->value_min)
        {
          occ_path_error (error, OCC_ERROR_STRUCTURE, &from_path,
                          "the first band starts at %g, above the lowest "
                          "of the levels' values (%g): the scores below it "
                          "would have no band",
                          self->band_from[0], self->value_min);
          return FALSE;
        }
      if (i > 0 && self->band_from[i] <= self->band_from[i - 1])
        {
          occ_path_error (error, OCC_ERROR_STRUCTURE, &from_path,
                          "bands must be in increasing order of \"from\" "
                          "(%g does not exceed %g)",
                          self->band_from[i], self->band_from[i - 1]);
          return FALSE;
        }
      self->band_labels[i] = g_strdup (label);
    }
  return TRUE;
}

/* "levels": [{"label", "labels"}], the names of the framework's levels by
 * depth (occ-v1 §3). */
static gboolean
parse_levels (OccMethodology *self, JsonObject *object, const OccPath *path,
              GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "levels");
  JsonNode *node = json_object_get_member (object, "levels");
  JsonArray *array;
  guint n;

  self->level_labels = g_new0 (char *, 1);
  if (node == NULL)
    return TRUE;
  if (!(array = occ_json_array (node, &here, error)))
    return FALSE;
  n = json_array_get_length (array);
  if (n > OCC_MAX_LEVELS)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here, "more than %d levels",
                      OCC_MAX_LEVELS);
      return FALSE;
    }
  self->level_labels = g_renew (char *, self->level_labels, n + 1);
  memset (self->level_labels, 0, (n + 1) * sizeof (char *));
  self->level_l10n = g_new0 (OccLabels *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      JsonObject *level = occ_json_object (json_array_get_element (array, i),
                                           &at, error);
      const char *label = NULL;

      self->n_levels = i + 1;
      JsonNode *label_node;

      if (level == NULL
          || !(label_node = occ_json_member (level, "label", &at, TRUE,
                                             error)))
        return FALSE;
      {
        OccPath label_path = OCC_PATH_MEMBER (&at, "label");
        if (!(label = occ_json_string (label_node, &label_path, error))
            || !occ_labels_read (level, &at, &self->level_l10n[i], error))
          return FALSE;
      }
      self->level_labels[i] = g_strdup (label);
    }
  return TRUE;
}

static gboolean
parse_groups (OccMethodology *self, JsonObject *object, const OccPath *path,
              GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "population_groups");
  JsonNode *node = json_object_get_member (object, "population_groups");
  JsonArray *array;

  if (node == NULL)
    {
      self->group_ids = g_new0 (char *, 1);
      self->group_labels = g_new0 (char *, 1);
      return TRUE;
    }
  if (!(array = occ_json_array (node, &here, error)))
    return FALSE;
  if (json_array_get_length (array) > G_MAXUINT16)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here,
                      "more than %u population groups", G_MAXUINT16);
      return FALSE;
    }
  return parse_labelled_ids (array, &here, self->group_index,
                             &self->group_ids, &self->group_labels,
                             &self->group_l10n, &self->n_groups, error);
}

static gboolean
parse_numbers (OccMethodology *self, JsonObject *object, const OccPath *path,
               GError **error)
{
  gint64 min_raters = self->min_raters, precision = self->precision;

  if (!read_int_member (object, "min_raters", path, 0, G_MAXINT32,
                        &min_raters, error)
      || !read_int_member (object, "precision", path, 0, OCC_MAX_PRECISION,
                           &precision, error))
    return FALSE;
  self->min_raters = (guint) min_raters;
  self->precision = (guint) precision;
  return TRUE;
}

/* A geometric mean of negative scores has no meaning. */
static gboolean
check_geometric (OccMethodology *self, const OccPath *path, GError **error)
{
  for (guint level = 0; level < G_N_ELEMENTS (level_names); level++)
    if (self->aggregation[level] == OCC_AGGREGATION_GEOMETRIC
        && (occ_methodology_is_categorical (self) ? self->value_min < 0
                                                  : self->scale_min < 0))
      {
        OccPath agg = OCC_PATH_MEMBER (path, "aggregation");
        OccPath at = OCC_PATH_MEMBER (&agg, level_names[level]);
        occ_path_error (error, OCC_ERROR_STRUCTURE, &at,
                        "a geometric mean needs a scale without negative "
                        "scores (min is %g)",
                        occ_methodology_is_categorical (self)
                          ? self->value_min
                          : (double) self->scale_min);
        return FALSE;
      }
  return TRUE;
}

/* "flags" and "summaries" (occ-categorical.md §1, rules 2-4): each an
 * id, a label and a condition; a flag's condition is the flag object
 * itself, a summary's is its "count" ("rated" or a condition). */
static gboolean
parse_rules (OccMethodology *self, JsonObject *object, const OccPath *path,
             gboolean summaries, GError **error)
{
  const char *name = summaries ? "summaries" : "flags";
  OccPath here = OCC_PATH_MEMBER (path, name);
  JsonNode *node = json_object_get_member (object, name);
  GHashTable *seen;
  JsonArray *array;
  OccRule *rules;
  guint n, *count = summaries ? &self->n_summaries : &self->n_flags;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;
  if (!occ_methodology_is_categorical (self))
    {
      occ_path_error (error, OCC_ERROR_STRUCTURE, &here,
                      "%s need a categorical methodology (\"scale\": "
                      "{\"kind\": \"categorical\"})",
                      name);
      return FALSE;
    }
  if (!(array = occ_json_array (node, &here, error)))
    return FALSE;
  n = json_array_get_length (array);
  if (n > (summaries ? OCC_MAX_SUMMARIES : OCC_MAX_FLAGS))
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here, "more than %d %s",
                      summaries ? OCC_MAX_SUMMARIES : OCC_MAX_FLAGS, name);
      return FALSE;
    }
  rules = g_new0 (OccRule, n + 1);
  if (summaries)
    self->summaries = rules;
  else
    self->flags = rules;
  /* Ids first, so that a flag that names a later one can say so. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ok && i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      JsonObject *entry = occ_json_object (json_array_get_element (array, i),
                                           &at, error);
      const char *id = NULL, *label = NULL;

      *count = i + 1;
      if (entry == NULL
          || !occ_json_required_id (entry, "id", &at, &id, error)
          || !occ_json_optional_string (entry, "label", &at, &label, error)
          || !occ_labels_read (entry, &at, &rules[i].l10n, error))
        ok = FALSE;
      else if (g_hash_table_contains (seen, id))
        {
          OccPath id_path = OCC_PATH_MEMBER (&at, "id");
          OccPath first = OCC_PATH_INDEX (
            &here, GPOINTER_TO_UINT (g_hash_table_lookup (seen, id)) - 1);
          OccPath first_id = OCC_PATH_MEMBER (&first, "id");
          g_autofree char *where = occ_path_first_at (&first_id);
          occ_path_error (error, OCC_ERROR_DUPLICATE, &id_path,
                          "duplicate id \"%s\"%s", id, where);
          ok = FALSE;
        }
      else
        {
          rules[i].id = g_strdup (id);
          rules[i].label = g_strdup (label ? label : id);
          g_hash_table_insert (seen, rules[i].id, GUINT_TO_POINTER (i + 1));
        }
    }
  g_hash_table_unref (seen);
  for (guint i = 0; ok && i < n; i++)
    {
      OccPath at = OCC_PATH_INDEX (&here, i);
      OccPath count_path = OCC_PATH_MEMBER (&at, "count");
      JsonObject *entry = json_array_get_object_element (array, i);
      OccCondContext ctx = { self->n_criteria,
                             self->criterion_ids,
                             self->criterion_index,
                             self->levels,
                             self->flags,
                             summaries ? self->n_flags : i,
                             summaries ? self->n_flags : n };
      JsonNode *cond;

      if (!summaries)
        {
          ok = occ_condition_read (&rules[i].cond, entry, &at, &ctx, error);
          continue;
        }
      if (!(cond = occ_json_member (entry, "count", &at, TRUE, error)))
        ok = FALSE;
      else if (JSON_NODE_HOLDS_VALUE (cond)
               && json_node_get_value_type (cond) == G_TYPE_STRING)
        {
          rules[i].cond.kind = OCC_COND_RATED;
          if (!g_str_equal (json_node_get_string (cond), "rated"))
            {
              occ_path_error (error, OCC_ERROR_UNKNOWN_ID, &count_path,
                              "unknown count \"%s\" (expected \"rated\" or "
                              "a condition)",
                              json_node_get_string (cond));
              ok = FALSE;
            }
        }
      else
        {
          JsonObject *c = occ_json_object (cond, &count_path, error);
          ok = c != NULL
               && occ_condition_read (&rules[i].cond, c, &count_path, &ctx,
                                      error);
        }
      if (ok && json_object_has_member (entry, "percent"))
        {
          OccPath percent_path = OCC_PATH_MEMBER (&at, "percent");
          JsonNode *percent = json_object_get_member (entry, "percent");

          if (!JSON_NODE_HOLDS_VALUE (percent)
              || json_node_get_value_type (percent) != G_TYPE_BOOLEAN)
            {
              occ_path_error (error, OCC_ERROR_TYPE, &percent_path,
                              "expected true or false");
              ok = FALSE;
            }
          else
            rules[i].percent = json_node_get_boolean (percent);
        }
    }
  return ok;
}

/* A methodology object, without the rule that built-in ids are taken. */
static OccMethodology *
parse_methodology (JsonNode *node, const OccPath *path, GError **error)
{
  g_autoptr (OccMethodology) self = g_object_new (OCC_TYPE_METHODOLOGY, NULL);
  JsonObject *object = occ_json_object (node, path, error);
  const char *id = NULL, *name = NULL;

  if (object == NULL || !occ_json_required_id (object, "id", path, &id, error)
      || !occ_json_optional_string (object, "name", path, &name, error)
      || !occ_labels_read (object, path, &self->name_l10n, error)
      || !parse_scale (self, object, path, error)
      || !parse_criteria (self, object, path, error)
      || !parse_aggregation (self, object, path, error)
      || !parse_numbers (self, object, path, error)
      || !parse_bands (self, object, path, error)
      || !parse_levels (self, object, path, error)
      || !parse_groups (self, object, path, error)
      || !parse_rules (self, object, path, FALSE, error)
      || !parse_rules (self, object, path, TRUE, error)
      || !check_geometric (self, path, error))
    return NULL;
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  return g_steal_pointer (&self);
}

static OccMethodology *
builtin_by_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (id, builtins[i].id))
      {
        g_autoptr (JsonNode) root = occ_json_parse (builtins[i].json,
                                                    strlen (builtins[i].json),
                                                    "<builtin>", NULL);
        OccPath path = OCC_PATH_ROOT;
        OccMethodology *self = parse_methodology (root, &path, NULL);

        g_assert (self != NULL);
        self->builtin = TRUE;
        return self;
      }
  return NULL;
}

/* Sets *@where to the first member of @path whose rule differs between
 * @m and @b, with both values as text. Names, labels and their
 * translations are for people and may differ; everything that decides a
 * number or a band may not. */
typedef struct
{
  char member[96];
  char ours[256]; /* 40 characters of at most 4 bytes, and quotes */
  char theirs[256];
} Difference;

static gboolean
differ_int (Difference *d, const char *member, gint64 a, gint64 b)
{
  if (a == b)
    return FALSE;
  g_strlcpy (d->member, member, sizeof d->member);
  g_snprintf (d->ours, sizeof d->ours, "%" G_GINT64_FORMAT, a);
  g_snprintf (d->theirs, sizeof d->theirs, "%" G_GINT64_FORMAT, b);
  return TRUE;
}

static gboolean
differ_double (Difference *d, const char *member, double a, double b)
{
  if (a == b)
    return FALSE;
  g_strlcpy (d->member, member, sizeof d->member);
  occ_format_double (d->ours, a);
  occ_format_double (d->theirs, b);
  return TRUE;
}

static gboolean
differ_string (Difference *d, const char *member, const char *a,
               const char *b)
{
  if (g_str_equal (a, b))
    return FALSE;
  g_autofree char *a40 = g_utf8_substring (a, 0,
                                           MIN (g_utf8_strlen (a, -1), 40));
  g_autofree char *b40 = g_utf8_substring (b, 0,
                                           MIN (g_utf8_strlen (b, -1), 40));

  g_strlcpy (d->member, member, sizeof d->member);
  /* Quoted and cut short, on a character: a message, not a copy of the
   * input, and still UTF-8. */
  g_snprintf (d->ours, sizeof d->ours, "\"%s\"", a40);
  g_snprintf (d->theirs, sizeof d->theirs, "\"%s\"", b40);
  return TRUE;
}

/* A level list, a flag or a summary without its labels, as JSON text:
 * what decides a level, a flag or a count. */
static char *
rule_text (OccMethodology *m, int criterion, const OccRule *rule,
           gboolean summary)
{
  GString *out = g_string_new (NULL);
  OccJsonWriter w;

  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  if (criterion >= 0)
    {
      const OccCriterionLevels *cl = &m->levels[criterion];

      occ_json_begin_array (&w, "levels");
      for (guint l = 0; l < cl->n_ranked + cl->n_unranked; l++)
        occ_json_put_string (&w, NULL, cl->ids[l]);
      occ_json_end_array (&w);
      occ_json_put_int (&w, "ranked", cl->n_ranked);
      if (cl->values != NULL)
        {
          occ_json_begin_array (&w, "values");
          for (guint l = 0; l < cl->n_ranked; l++)
            occ_json_put_double (&w, NULL, cl->values[l]);
          occ_json_end_array (&w);
        }
    }
  else
    {
      occ_json_put_string (&w, "id", rule->id);
      occ_condition_write (&rule->cond, &w,
                           (const char *const *) m->criterion_ids, m->levels,
                           m->flags);
      if (summary)
        occ_json_put_bool (&w, "percent", rule->percent);
    }
  occ_json_end_object (&w);
  g_strchomp (out->str);
  return g_string_free (out, FALSE);
}

/* As differ_string(), with room for a rule: 100 characters of each. */
static gboolean
differ_rule (Difference *d, const char *member, char *a, char *b)
{
  gboolean differ;

  occ_json_one_line (a);
  occ_json_one_line (b);
  if ((differ = !g_str_equal (a, b)))
    {
      g_autofree char *a100 =
        g_utf8_substring (a, 0, MIN (g_utf8_strlen (a, -1), 100));
      g_autofree char *b100 =
        g_utf8_substring (b, 0, MIN (g_utf8_strlen (b, -1), 100));

      g_strlcpy (d->member, member, sizeof d->member);
      g_strlcpy (d->ours, a100, sizeof d->ours);
      g_strlcpy (d->theirs, b100, sizeof d->theirs);
    }
  g_free (a);
  g_free (b);
  return differ;
}

static gboolean
categorical_rules_differ (OccMethodology *m, OccMethodology *b, Difference *d)
{
  char at[96];

  if (differ_string (
        d, "scale.kind",
        occ_methodology_is_categorical (m) ? "categorical" : "numeric",
        occ_methodology_is_categorical (b) ? "categorical" : "numeric"))
    return TRUE;
  if (!occ_methodology_is_categorical (m)
      || differ_int (d, "criteria", m->n_criteria, b->n_criteria))
    return differ_int (d, "criteria", m->n_criteria, b->n_criteria);
  for (guint i = 0; i < m->n_criteria; i++)
    {
      g_snprintf (at, sizeof at, "criteria[%u].levels", i);
      if (differ_rule (d, at, rule_text (m, (int) i, NULL, FALSE),
                       rule_text (b, (int) i, NULL, FALSE)))
        return TRUE;
    }
  if (differ_int (d, "flags", m->n_flags, b->n_flags)
      || differ_int (d, "summaries", m->n_summaries, b->n_summaries))
    return TRUE;
  for (guint i = 0; i < m->n_flags; i++)
    {
      g_snprintf (at, sizeof at, "flags[%u]", i);
      if (differ_rule (d, at, rule_text (m, -1, &m->flags[i], FALSE),
                       rule_text (b, -1, &b->flags[i], FALSE)))
        return TRUE;
    }
  for (guint i = 0; i < m->n_summaries; i++)
    {
      g_snprintf (at, sizeof at, "summaries[%u]", i);
      if (differ_rule (d, at, rule_text (m, -1, &m->summaries[i], TRUE),
                       rule_text (b, -1, &b->summaries[i], TRUE)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
rules_differ (OccMethodology *m, OccMethodology *b, Difference *d)
{
  char at[96];

  if (categorical_rules_differ (m, b, d))
    return TRUE;
  if (differ_int (d, "scale.min", m->scale_min, b->scale_min)
      || differ_int (d, "scale.max", m->scale_max, b->scale_max)
      || differ_int (d, "criteria", m->n_criteria, b->n_criteria))
    return TRUE;
  for (guint i = 0; i < m->n_criteria; i++)
    {
      g_snprintf (at, sizeof at, "criteria[%u].id", i);
      if (differ_string (d, at, m->criterion_ids[i], b->criterion_ids[i]))
        return TRUE;
      g_snprintf (at, sizeof at, "criteria[%u].weight", i);
      if (differ_double (d, at, m->criterion_weights[i],
                         b->criterion_weights[i]))
        return TRUE;
    }
  for (guint level = 0; level < G_N_ELEMENTS (level_names); level++)
    {
      g_snprintf (at, sizeof at, "aggregation.%s", level_names[level]);
      if (differ_string (d, at, aggregation_names[m->aggregation[level]],
                         aggregation_names[b->aggregation[level]]))
        return TRUE;
    }
  if (differ_int (d, "min_raters", m->min_raters, b->min_raters)
      || differ_int (d, "precision", m->precision, b->precision)
      || differ_int (d, "bands", m->n_bands, b->n_bands))
    return TRUE;
  for (guint i = 0; i < m->n_bands; i++)
    {
      g_snprintf (at, sizeof at, "bands[%u].label", i);
      if (differ_string (d, at, m->band_labels[i], b->band_labels[i]))
        return TRUE;
      g_snprintf (at, sizeof at, "bands[%u].from", i);
      if (differ_double (d, at, m->band_from[i], b->band_from[i]))
        return TRUE;
    }
  if (differ_int (d, "population_groups", m->n_groups, b->n_groups))
    return TRUE;
  for (guint i = 0; i < m->n_groups; i++)
    {
      g_snprintf (at, sizeof at, "population_groups[%u].id", i);
      if (differ_string (d, at, m->group_ids[i], b->group_ids[i]))
        return TRUE;
    }
  return FALSE;
}

/* The built-in methodology whose id @id is or looks like: the same but
 * for case and surrounding blanks ("CCO-2024", "cco-2024 "), which a
 * reader of the results could not tell from it. */
static OccMethodology *
builtin_like (const char *id)
{
  g_autofree char *folded = g_ascii_strdown (id, -1);

  g_strstrip (folded);
  return builtin_by_id (folded);
}

/* occ-v1 §3: an inline methodology under a built-in id must be that
 * methodology, so that no result claims rules it did not use. */
static gboolean
check_builtin_id (OccMethodology *self, const OccPath *path, GError **error)
{
  g_autoptr (OccMethodology) builtin = builtin_like (self->id);
  Difference d;

  if (builtin == NULL || !rules_differ (self, builtin, &d))
    return TRUE;
  occ_path_error_below (error, OCC_ERROR_DUPLICATE, path, d.member,
                        "%s where the built-in methodology \"%s\" has %s: a "
                        "methodology with other rules needs an id of its own",
                        d.ours, builtin->id, d.theirs);
  return FALSE;
}

OccMethodology *
occ_methodology_new_from_json (JsonNode *node, const OccPath *path,
                               GError **error)
{
  g_autoptr (OccMethodology) self = parse_methodology (node, path, error);

  if (self == NULL || !check_builtin_id (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * occ_methodology_new_builtin:
 * @id: the id of a built-in methodology, such as `cco-2024`
 * @error: return location for a #GError
 *
 * Creates one of the methodologies that ship with libocc
 * (see [func@Occ.Methodology.list_builtin]).
 *
 * Returns: (transfer full): the methodology, or %NULL with
 *   %OCC_ERROR_UNKNOWN_ID when no built-in methodology has that id
 *
 * Since: 1.0
 */
OccMethodology *
occ_methodology_new_builtin (const char *id, GError **error)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  OccMethodology *self = builtin_by_id (id);

  if (self != NULL)
    return self;
  g_set_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID,
               "unknown methodology \"%s\" (built in: cco-2024, "
               "ogp-irm-2015, ogp-irm-2021)",
               id);
  return NULL;
}

/**
 * occ_methodology_list_builtin:
 *
 * The ids of the built-in methodologies.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids
 *
 * Since: 1.0
 */
const char *const *
occ_methodology_list_builtin (void)
{
  static const char *const ids[] = { "cco-2024", "ogp-irm-2015",
                                     "ogp-irm-2021", NULL };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (builtins) + 1);
  return ids;
}

/**
 * occ_methodology_new_from_data:
 * @data: a methodology object as JSON (occ-v1 §3)
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a methodology object, such as one written by
 * [method@Occ.Methodology.to_data] and edited by an observatory.
 *
 * From a language binding, pass the text as a string and -1 as @length.
 *
 * Returns: (transfer full): the methodology, or %NULL with an
 *   [error@Occ.Error] naming the place and the rule broken
 *
 * Since: 1.0
 */
OccMethodology *
occ_methodology_new_from_data (const char *data, gssize length,
                               GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (OccJsonPlaces) places = NULL;
  OccPath path = OCC_PATH_ROOT;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  root = occ_json_parse_with_places (data, (gsize) length, "<data>", &places,
                                     error);
  if (root == NULL)
    return NULL;
  path.places = places;
  return occ_methodology_new_from_json (root, &path, error);
}

static void
write_level_list (const OccCriterionLevels *cl, OccJsonWriter *w,
                  const char *key, guint from, guint to)
{
  occ_json_begin_array (w, key);
  for (guint l = from; l < to; l++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "id", cl->ids[l]);
      occ_json_put_string (w, "label", cl->labels[l]);
      occ_labels_write (cl->l10n[l], w);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
}

static void
write_levels (const OccCriterionLevels *cl, OccJsonWriter *w)
{
  write_level_list (cl, w, "levels", 0, cl->n_ranked);
  if (cl->n_unranked > 0)
    write_level_list (cl, w, "unranked", cl->n_ranked,
                      cl->n_ranked + cl->n_unranked);
  if (cl->values != NULL)
    {
      occ_json_begin_array (w, "values");
      for (guint l = 0; l < cl->n_ranked; l++)
        occ_json_put_double (w, NULL, cl->values[l]);
      occ_json_end_array (w);
    }
}

static void
write_rules (OccMethodology *self, const OccRule *rules, guint n,
             OccJsonWriter *w, const char *key)
{
  gboolean summaries = rules == self->summaries;

  occ_json_begin_array (w, key);
  for (guint i = 0; i < n; i++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "id", rules[i].id);
      occ_json_put_string (w, "label", rules[i].label);
      occ_labels_write (rules[i].l10n, w);
      if (summaries && rules[i].cond.kind == OCC_COND_RATED)
        occ_json_put_string (w, "count", "rated");
      else
        {
          if (summaries)
            occ_json_begin_object (w, "count");
          occ_condition_write (&rules[i].cond, w,
                               (const char *const *) self->criterion_ids,
                               self->levels, self->flags);
          if (summaries)
            occ_json_end_object (w);
        }
      if (summaries && rules[i].percent)
        occ_json_put_bool (w, "percent", TRUE);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
}

void
occ_methodology_write (OccMethodology *self, OccJsonWriter *w,
                       const char *key)
{
  occ_json_begin_object (w, key);
  occ_json_put_string (w, "id", self->id);
  occ_json_put_string (w, "name", self->name);
  occ_labels_write (self->name_l10n, w);
  occ_json_begin_object (w, "scale");
  if (occ_methodology_is_categorical (self))
    occ_json_put_string (w, "kind", "categorical");
  else
    {
      occ_json_put_int (w, "min", self->scale_min);
      occ_json_put_int (w, "max", self->scale_max);
    }
  occ_json_end_object (w);
  occ_json_begin_array (w, "criteria");
  for (guint i = 0; i < self->n_criteria; i++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "id", self->criterion_ids[i]);
      occ_json_put_string (w, "label", self->criterion_labels[i]);
      occ_json_put_double (w, "weight", self->criterion_weights[i]);
      occ_labels_write (self->criterion_l10n[i], w);
      if (occ_methodology_is_categorical (self))
        write_levels (&self->levels[i], w);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
  occ_json_begin_object (w, "aggregation");
  for (guint level = 0; level < G_N_ELEMENTS (level_names); level++)
    occ_json_put_string (w, level_names[level],
                         aggregation_names[self->aggregation[level]]);
  occ_json_end_object (w);
  occ_json_put_int (w, "min_raters", self->min_raters);
  occ_json_begin_array (w, "bands");
  for (guint i = 0; i < self->n_bands; i++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "label", self->band_labels[i]);
      occ_json_put_double (w, "from", self->band_from[i]);
      occ_labels_write (self->band_l10n[i], w);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
  if (self->n_levels > 0)
    {
      occ_json_begin_array (w, "levels");
      for (guint i = 0; i < self->n_levels; i++)
        {
          occ_json_begin_object (w, NULL);
          occ_json_put_string (w, "label", self->level_labels[i]);
          occ_labels_write (self->level_l10n[i], w);
          occ_json_end_object (w);
        }
      occ_json_end_array (w);
    }
  occ_json_begin_array (w, "population_groups");
  for (guint i = 0; i < self->n_groups; i++)
    {
      occ_json_begin_object (w, NULL);
      occ_json_put_string (w, "id", self->group_ids[i]);
      occ_json_put_string (w, "label", self->group_labels[i]);
      occ_labels_write (self->group_l10n[i], w);
      occ_json_end_object (w);
    }
  occ_json_end_array (w);
  if (occ_methodology_is_categorical (self))
    {
      write_rules (self, self->flags, self->n_flags, w, "flags");
      write_rules (self, self->summaries, self->n_summaries, w, "summaries");
    }
  occ_json_put_int (w, "precision", self->precision);
  occ_json_end_object (w);
}

/**
 * occ_methodology_to_data:
 * @self: a methodology
 * @length: (out) (optional): the length of the text in bytes (language
 *   bindings return the text and its length)
 *
 * Writes the methodology as a JSON object (occ-v1 §3), the starting
 * point for an observatory's own.
 *
 * The text ends with a newline, ready to be written to a file.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.0
 */
char *
occ_methodology_to_data (OccMethodology *self, gsize *length)
{
  GString *out = g_string_new (NULL);
  OccJsonWriter w;

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);

  occ_json_writer_init (&w, out);
  occ_methodology_write (self, &w, NULL);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
occ_methodology_check_numeric (OccMethodology *self, const char *analysis,
                               GError **error)
{
  if (!occ_methodology_is_categorical (self))
    return TRUE;
  g_set_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE,
               "%s: methodology \"%s\" is categorical (labelled levels); "
               "this analysis works on numeric scores only",
               analysis, self->id);
  return FALSE;
}

gboolean
occ_methodology_is_builtin (OccMethodology *self)
{
  return self->builtin;
}

/**
 * occ_methodology_get_id:
 * @self: a methodology
 *
 * The methodology's id: a built-in id, or the `id` of a methodology object.
 *
 * Returns: the methodology's id, such as `cco-2024`
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_id (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  return self->id;
}

/**
 * occ_methodology_get_name:
 * @self: a methodology
 *
 * The methodology's name, for people.
 *
 * Returns: the methodology's name for people (its id when it has none)
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_name (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  return self->name;
}

/**
 * occ_methodology_get_scale_kind:
 * @self: a methodology
 *
 * The kind of scale ratings are given on: numeric, or (since 1.5)
 * categorical, labelled levels per criterion (occ-categorical.md).
 *
 * Returns: the kind of rating scale
 *
 * Since: 1.0
 */
OccScaleKind
occ_methodology_get_scale_kind (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), OCC_SCALE_KIND_NUMERIC);
  return self->scale_kind;
}

/**
 * occ_methodology_get_scale_min:
 * @self: a methodology
 *
 * The bottom of the rating scale (0 for the CCO).
 *
 * Returns: the lowest score a rater can give
 *
 * Since: 1.0
 */
int
occ_methodology_get_scale_min (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->scale_min;
}

/**
 * occ_methodology_get_scale_max:
 * @self: a methodology
 *
 * The top of the rating scale (3 for the CCO).
 *
 * Returns: the highest score a rater can give
 *
 * Since: 1.0
 */
int
occ_methodology_get_scale_max (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->scale_max;
}

/**
 * occ_methodology_get_n_criteria:
 * @self: a methodology
 *
 * The number of criteria each leaf is rated on.
 *
 * Returns: the number of criteria (3 for the CCO: R, E, S)
 *
 * Since: 1.0
 */
guint
occ_methodology_get_n_criteria (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->n_criteria;
}

/**
 * occ_methodology_get_criterion_id:
 * @self: a methodology
 * @criterion: a criterion index, less than
 *   [method@Occ.Methodology.get_n_criteria]
 *
 * The id of a criterion, by index. Criterion indices are the same in
 * [class@Occ.Score].
 *
 * Returns: the criterion's id, such as `R`
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_criterion_id (OccMethodology *self, guint criterion)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (criterion < self->n_criteria, NULL);
  return self->criterion_ids[criterion];
}

/**
 * occ_methodology_get_criterion_label:
 * @self: a methodology
 * @criterion: a criterion index
 *
 * The label of a criterion, for people.
 *
 * Returns: the criterion's label, such as `Relevance`
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_criterion_label (OccMethodology *self, guint criterion)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (criterion < self->n_criteria, NULL);
  return self->criterion_labels[criterion];
}

/**
 * occ_methodology_get_criterion_weight:
 * @self: a methodology
 * @criterion: a criterion index
 *
 * The weight of a criterion when a leaf's criterion scores are aggregated
 * into the leaf's score.
 *
 * Returns: the criterion's weight in a leaf's score
 *
 * Since: 1.0
 */
double
occ_methodology_get_criterion_weight (OccMethodology *self, guint criterion)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  g_return_val_if_fail (criterion < self->n_criteria, 0);
  return self->criterion_weights[criterion];
}

/**
 * occ_methodology_lookup_criterion:
 * @self: a methodology
 * @id: a criterion id
 *
 * Finds a criterion of the methodology by its id.
 *
 * Returns: the index of the criterion with that id, or -1
 *
 * Since: 1.0
 */
int
occ_methodology_lookup_criterion (OccMethodology *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->criterion_index, id))
         - 1;
}

int
occ_methodology_lookup_group (OccMethodology *self, const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->group_index, id)) - 1;
}

/**
 * occ_methodology_get_aggregation:
 * @self: a methodology
 * @level: where the aggregation happens
 *
 * How the methodology aggregates at one of its three levels: the ratings of
 * a leaf, the criterion scores of a leaf, or the scores of a node's
 * children.
 *
 * Returns: how values are aggregated at @level
 *
 * Since: 1.0
 */
OccAggregation
occ_methodology_get_aggregation (OccMethodology *self, OccLevel level)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), OCC_AGGREGATION_MEAN);
  g_return_val_if_fail (level <= OCC_LEVEL_CHILDREN, OCC_AGGREGATION_MEAN);
  return self->aggregation[level];
}

/**
 * occ_methodology_get_min_raters:
 * @self: a methodology
 *
 * The methodology's `min_raters`: fewer ratings than this give a leaf
 * criterion no score.
 *
 * Returns: the fewest non-null ratings a leaf criterion needs for a score
 *
 * Since: 1.0
 */
guint
occ_methodology_get_min_raters (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 1);
  return self->min_raters;
}

/**
 * occ_methodology_get_precision:
 * @self: a methodology
 *
 * The methodology's `precision`: how many decimals a value is rounded to
 * when it is shown to a person.
 *
 * Returns: the number of decimals shown to people, and used to decide ties
 *   between ranks
 *
 * Since: 1.0
 */
guint
occ_methodology_get_precision (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 2);
  return self->precision;
}

/**
 * occ_methodology_get_n_bands:
 * @self: a methodology
 *
 * The number of qualitative bands, such as low, medium, medium-high and
 * high.
 *
 * Returns: the number of qualitative bands
 *
 * Since: 1.0
 */
guint
occ_methodology_get_n_bands (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->n_bands;
}

/**
 * occ_methodology_get_band_label:
 * @self: a methodology
 * @band: a band index, less than [method@Occ.Methodology.get_n_bands]
 *
 * The label of a band, by index; bands are in increasing order of their
 * lower limits.
 *
 * Returns: the band's label, such as `medium-high`
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_band_label (OccMethodology *self, guint band)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (band < self->n_bands, NULL);
  return self->band_labels[band];
}

/**
 * occ_methodology_get_band_from:
 * @self: a methodology
 * @band: a band index
 *
 * The lower limit of a band: a value gets the label of the last band whose
 * lower limit it reaches.
 *
 * Returns: the lowest value in the band
 *
 * Since: 1.0
 */
double
occ_methodology_get_band_from (OccMethodology *self, guint band)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  g_return_val_if_fail (band < self->n_bands, 0);
  return self->band_from[band];
}

/* occ-v1 §4.5: the band of the figure a person is shown, so the value
 * rounded to the precision (a mean of 1.4999999999999998 shows as 1.50,
 * "medium" under cco-2024). */
int
occ_methodology_band_index (OccMethodology *self, double value)
{
  int found = -1;

  value = occ_round_to (value, self->precision);
  for (guint i = 0; i < self->n_bands && self->band_from[i] <= value; i++)
    found = (int) i;
  return found;
}

/**
 * occ_methodology_band_for_value:
 * @self: a methodology
 * @value: a score, unrounded
 *
 * The band of a score: the last band whose `from` is at most @value
 * rounded to the methodology's precision (occ-v1 §4.5), so that a figure
 * is always shown with the band of the figure shown. Since libocc 1.2
 * (occ-v1 revision 2); 1.0 and 1.1 compared the unrounded value.
 *
 * Returns: (nullable): the band's label, or %NULL when @value is below
 *   every band
 *
 * Since: 1.0
 */
const char *
occ_methodology_band_for_value (OccMethodology *self, double value)
{
  int band;

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  band = occ_methodology_band_index (self, value);
  return band < 0 ? NULL : self->band_labels[band];
}

/**
 * occ_methodology_get_n_population_groups:
 * @self: a methodology
 *
 * The number of population groups raters can mark as included.
 *
 * Returns: the number of population groups
 *
 * Since: 1.0
 */
guint
occ_methodology_get_n_population_groups (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->n_groups;
}

/**
 * occ_methodology_get_population_group_id:
 * @self: a methodology
 * @group: a group index
 *
 * The id of a population group, by index.
 *
 * Returns: the group's id, such as `women`
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_population_group_id (OccMethodology *self, guint group)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (group < self->n_groups, NULL);
  return self->group_ids[group];
}

/**
 * occ_methodology_get_population_group_label:
 * @self: a methodology
 * @group: a group index
 *
 * The label of a population group, for people.
 *
 * Returns: the group's label, such as `Women`
 *
 * Since: 1.0
 */
const char *
occ_methodology_get_population_group_label (OccMethodology *self, guint group)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (group < self->n_groups, NULL);
  return self->group_labels[group];
}

/**
 * occ_methodology_round:
 * @self: a methodology
 * @value: a score
 *
 * Rounds @value to the methodology's precision, half away from zero, as a
 * person reading the printed decimals would (occ-v1 §4.8). Scores are
 * computed and stored unrounded; round only to show them. A value too
 * large to have decimals at this precision (beyond 2⁵² units of the last
 * decimal), or one that is not finite, comes back as it is.
 *
 * Returns: the rounded value
 *
 * Since: 1.0
 */
double
occ_methodology_round (OccMethodology *self, double value)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), value);
  return occ_round_to (value, self->precision);
}

/**
 * occ_methodology_format_value:
 * @self: a methodology
 * @value: a score
 *
 * Formats @value for people: rounded to the methodology's precision, with
 * a point as the decimal separator whatever the locale.
 *
 * Returns: (transfer full): the text, such as `2.81`
 *
 * Since: 1.0
 */
char *
occ_methodology_format_value (OccMethodology *self, double value)
{
  /* %.9f of 1e308 takes 319 characters, more than
   * G_ASCII_DTOSTR_BUF_SIZE; g_ascii_formatd() would cut it short. */
  char buf[512];
  char format[16];

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_snprintf (format, sizeof format, "%%.%uf", self->precision);
  g_ascii_formatd (buf, sizeof buf, format,
                   occ_round_to (value, self->precision));
  return g_strdup (buf);
}

/**
 * occ_aggregation_to_string:
 * @aggregation: an aggregation method
 *
 * The name of an aggregation method, as a methodology object writes it.
 *
 * Returns: the method's name in occ-dataset/1: `mean`, `median`,
 *   `geometric` or (since 1.5) `mode`
 *
 * Since: 1.0
 */
const char *
occ_aggregation_to_string (OccAggregation aggregation)
{
  g_return_val_if_fail (aggregation <= OCC_AGGREGATION_MODE, NULL);
  return aggregation_names[aggregation];
}

/**
 * occ_methodology_get_localized_name:
 * @self: a methodology
 * @lang: (nullable): a BCP 47 language tag, such as `es` or `pt-BR`, or
 *   %NULL for the methodology's own language
 *
 * The methodology's name in a language (occ-v1 §2): its `labels[lang]`,
 * else the entry for the language of a regional tag (`es` for `es-PE`),
 * else its name.
 *
 * Returns: the name in @lang, or the name
 *
 * Since: 1.2
 */
const char *
occ_methodology_get_localized_name (OccMethodology *self, const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  return occ_labels_lookup (self->name_l10n, lang, self->name);
}

/**
 * occ_methodology_get_localized_criterion_label:
 * @self: a methodology
 * @criterion: a criterion index, less than
 *   [method@Occ.Methodology.get_n_criteria]
 * @lang: (nullable): a BCP 47 language tag, or %NULL
 *
 * A criterion's label in a language, with the fallback of
 * [method@Occ.Methodology.get_localized_name]: `Relevancia` for `R` of
 * `cco-2024` in `es`.
 *
 * Returns: the label in @lang, or the label
 *
 * Since: 1.2
 */
const char *
occ_methodology_get_localized_criterion_label (OccMethodology *self,
                                               guint criterion,
                                               const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (criterion < self->n_criteria, NULL);
  return occ_labels_lookup (self->criterion_l10n[criterion], lang,
                            self->criterion_labels[criterion]);
}

/**
 * occ_methodology_get_localized_band_label:
 * @self: a methodology
 * @band: a band index, less than [method@Occ.Methodology.get_n_bands]
 * @lang: (nullable): a BCP 47 language tag, or %NULL
 *
 * A band's label in a language, for people: `medio-alto` for
 * `medium-high` of `cco-2024` in `es`. Results always name a band by its
 * label ([method@Occ.Score.get_band]); find its index with
 * [method@Occ.Methodology.lookup_band].
 *
 * Returns: the label in @lang, or the label
 *
 * Since: 1.2
 */
const char *
occ_methodology_get_localized_band_label (OccMethodology *self, guint band,
                                          const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (band < self->n_bands, NULL);
  return occ_labels_lookup (self->band_l10n[band], lang,
                            self->band_labels[band]);
}

/**
 * occ_methodology_get_localized_population_group_label:
 * @self: a methodology
 * @group: a group index, less than
 *   [method@Occ.Methodology.get_n_population_groups]
 * @lang: (nullable): a BCP 47 language tag, or %NULL
 *
 * A population group's label in a language.
 *
 * Returns: the label in @lang, or the label
 *
 * Since: 1.2
 */
const char *
occ_methodology_get_localized_population_group_label (OccMethodology *self,
                                                      guint group,
                                                      const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (group < self->n_groups, NULL);
  return occ_labels_lookup (self->group_l10n[group], lang,
                            self->group_labels[group]);
}

/**
 * occ_methodology_lookup_band:
 * @self: a methodology
 * @label: a band's label, such as `medium-high`
 *
 * Finds a band by its label, as results name it.
 *
 * Returns: the index of the band with that label, or -1
 *
 * Since: 1.2
 */
int
occ_methodology_lookup_band (OccMethodology *self, const char *label)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), -1);
  g_return_val_if_fail (label != NULL, -1);
  for (guint i = 0; i < self->n_bands; i++)
    if (g_str_equal (self->band_labels[i], label))
      return (int) i;
  return -1;
}

/**
 * occ_methodology_get_n_levels:
 * @self: a methodology
 *
 * How many levels of the framework the methodology names (its `levels`,
 * occ-v1 §3): 4 for `cco-2024` (Summit, Theme, Commitment,
 * Sub-commitment), 0 when it names none.
 *
 * Returns: the number of named levels
 *
 * Since: 1.2
 */
guint
occ_methodology_get_n_levels (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->n_levels;
}

/**
 * occ_methodology_get_level_label:
 * @self: a methodology
 * @depth: a node depth (0 for top-level nodes)
 * @lang: (nullable): a BCP 47 language tag, or %NULL
 *
 * The name of the framework's level at @depth, for people: what the
 * nodes of that depth are ("Commitment" at depth 2 of `cco-2024`,
 * "Compromiso" in `es`), with the fallback of
 * [method@Occ.Methodology.get_localized_name]. A report says "the best
 * commitment of the IX Summit" with it.
 *
 * Returns: (nullable): the level's label, or %NULL when the methodology
 *   names no level at @depth (a report then says "depth 4")
 *
 * Since: 1.2
 */
const char *
occ_methodology_get_level_label (OccMethodology *self, guint depth,
                                 const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  if (depth >= self->n_levels)
    return NULL;
  return occ_labels_lookup (self->level_l10n[depth], lang,
                            self->level_labels[depth]);
}

/**
 * occ_round:
 * @value: a number
 * @decimals: how many decimals to keep, at most 9
 *
 * Rounds @value as libocc rounds every figure it shows (occ-v1 §4.8):
 * half away from zero on the shortest decimal that reads back as the
 * same double, so 2.675 gives 2.68 and 0.575 with 2 decimals gives 0.58
 * (where `round (0.575 * 100)` gives 57). For a methodology's own
 * precision, [method@Occ.Methodology.round] does the same.
 *
 * Returns: the double nearest to the rounded decimal; @value itself
 *   when it is not finite or too large to have decimals at @decimals
 *
 * Since: 1.2
 */
double
occ_round (double value, guint decimals)
{
  g_return_val_if_fail (decimals <= OCC_MAX_PRECISION, value);
  return occ_round_to (value, decimals);
}

static gboolean
valid_level (OccMethodology *self, guint criterion, int level)
{
  const OccCriterionLevels *cl;

  if (!occ_methodology_is_categorical (self) || criterion >= self->n_criteria)
    return FALSE;
  cl = &self->levels[criterion];
  return level >= 0 ? (guint) level < cl->n_ranked
                    : (guint) (-1 - (gint64) level) < cl->n_unranked;
}

/**
 * occ_methodology_get_n_criterion_levels:
 * @self: a methodology
 * @criterion: a criterion index
 *
 * How many ordered levels a criterion of a categorical methodology has
 * (occ-categorical.md §1): 4 for `completion` of `ogp-irm-2015`. Levels
 * are numbered from 0, the lowest, in their order; unranked answers
 * ([method@Occ.Methodology.get_n_criterion_unranked]) are numbered -1,
 * -2, … . Scores of ratings and the levels in results use the same
 * numbers.
 *
 * Returns: the number of levels, 0 for a numeric methodology
 *
 * Since: 1.5
 */
guint
occ_methodology_get_n_criterion_levels (OccMethodology *self, guint criterion)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  g_return_val_if_fail (criterion < self->n_criteria, 0);
  return occ_methodology_is_categorical (self)
           ? self->levels[criterion].n_ranked
           : 0;
}

/**
 * occ_methodology_get_n_criterion_unranked:
 * @self: a methodology
 * @criterion: a criterion index
 *
 * How many unranked answers a criterion accepts: answers recorded but
 * outside the order, such as `no-evidence` of `completion`. The first is
 * level -1, the second -2, and so on.
 *
 * Returns: the number of unranked answers, 0 for a numeric methodology
 *
 * Since: 1.5
 */
guint
occ_methodology_get_n_criterion_unranked (OccMethodology *self,
                                          guint criterion)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  g_return_val_if_fail (criterion < self->n_criteria, 0);
  return occ_methodology_is_categorical (self)
           ? self->levels[criterion].n_unranked
           : 0;
}

/**
 * occ_methodology_get_criterion_level_id:
 * @self: a categorical methodology
 * @criterion: a criterion index
 * @level: a level: 0 to n - 1 in order, or -1, -2, … for unranked answers
 *
 * The id of a level, as ratings and results write it: `substantial`.
 *
 * Returns: the level's id
 *
 * Since: 1.5
 */
const char *
occ_methodology_get_criterion_level_id (OccMethodology *self, guint criterion,
                                        int level)
{
  const OccCriterionLevels *cl;

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (valid_level (self, criterion, level), NULL);
  cl = &self->levels[criterion];
  return cl->ids[occ_level_slot (cl, level)];
}

/**
 * occ_methodology_get_criterion_level_label:
 * @self: a categorical methodology
 * @criterion: a criterion index
 * @level: a level (see [method@Occ.Methodology.get_criterion_level_id])
 * @lang: (nullable): a BCP 47 language tag, or %NULL for the label itself
 *
 * A level's label for people, in a language when its `labels` have it
 * (with the fallback of [method@Occ.Methodology.get_localized_name]); the
 * id when the methodology gives no label.
 *
 * Returns: the label
 *
 * Since: 1.5
 */
const char *
occ_methodology_get_criterion_level_label (OccMethodology *self,
                                           guint criterion, int level,
                                           const char *lang)
{
  const OccCriterionLevels *cl;
  guint slot;

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (valid_level (self, criterion, level), NULL);
  cl = &self->levels[criterion];
  slot = occ_level_slot (cl, level);
  return occ_labels_lookup (cl->l10n[slot], lang, cl->labels[slot]);
}

/**
 * occ_methodology_lookup_criterion_level:
 * @self: a methodology
 * @criterion: a criterion index
 * @id: a level id, such as `limited`
 * @level: (out): the level's number
 *
 * Finds a level (or an unranked answer) of a criterion by its id.
 *
 * Returns: %TRUE when @id is one of the criterion's levels or unranked
 *   answers; %FALSE otherwise and for numeric methodologies
 *
 * Since: 1.5
 */
gboolean
occ_methodology_lookup_criterion_level (OccMethodology *self, guint criterion,
                                        const char *id, int *level)
{
  gint32 found;

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), FALSE);
  g_return_val_if_fail (criterion < self->n_criteria, FALSE);
  g_return_val_if_fail (id != NULL && level != NULL, FALSE);
  if (!occ_methodology_is_categorical (self)
      || !occ_criterion_levels_lookup (&self->levels[criterion], id, &found))
    return FALSE;
  *level = found;
  return TRUE;
}

/**
 * occ_methodology_get_criterion_level_value:
 * @self: a categorical methodology
 * @criterion: a criterion index
 * @level: a level (see [method@Occ.Methodology.get_criterion_level_id])
 * @value: (out) (optional): the number the criterion's `values` give it
 *
 * The number a level stands for when the criterion puts its levels on a
 * numeric scale (`"values": [0, 1, 2, 3]`, occ-categorical.md §1), so
 * that occ-v1's numeric rules apply.
 *
 * Returns: %TRUE with @value set; %FALSE when the criterion has no
 *   `values` or @level is an unranked answer
 *
 * Since: 1.5
 */
gboolean
occ_methodology_get_criterion_level_value (OccMethodology *self,
                                           guint criterion, int level,
                                           double *value)
{
  const OccCriterionLevels *cl;

  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), FALSE);
  g_return_val_if_fail (valid_level (self, criterion, level), FALSE);
  cl = &self->levels[criterion];
  if (cl->values == NULL || level < 0)
    return FALSE;
  if (value)
    *value = cl->values[level];
  return TRUE;
}

/**
 * occ_methodology_dup_criterion_level_ids:
 * @self: a methodology
 * @criterion: a criterion index
 *
 * The ids of a criterion's levels in one call: the ordered levels first
 * (index 0 is level 0), then the unranked answers (index n is level -1).
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids; empty for
 *   a numeric methodology
 *
 * Since: 1.5
 */
char **
occ_methodology_dup_criterion_level_ids (OccMethodology *self,
                                         guint criterion)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (criterion < self->n_criteria, NULL);
  if (!occ_methodology_is_categorical (self))
    return g_new0 (char *, 1);
  return g_strdupv (self->levels[criterion].ids);
}

/**
 * occ_methodology_get_n_flags:
 * @self: a methodology
 *
 * How many flags the methodology derives from a leaf's levels
 * (occ-categorical.md rule 3), such as `starred` of `ogp-irm-2015`.
 *
 * Returns: the number of flags, 0 for a numeric methodology
 *
 * Since: 1.5
 */
guint
occ_methodology_get_n_flags (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->n_flags;
}

/**
 * occ_methodology_get_flag_id:
 * @self: a methodology
 * @flag: a flag index, less than [method@Occ.Methodology.get_n_flags]
 *
 * The id of a flag, as results name it.
 *
 * Returns: the flag's id, such as `starred`
 *
 * Since: 1.5
 */
const char *
occ_methodology_get_flag_id (OccMethodology *self, guint flag)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (flag < self->n_flags, NULL);
  return self->flags[flag].id;
}

/**
 * occ_methodology_get_flag_label:
 * @self: a methodology
 * @flag: a flag index
 * @lang: (nullable): a BCP 47 language tag, or %NULL for the label itself
 *
 * A flag's label for people, in a language when its `labels` have it.
 *
 * Returns: the flag's label for people (its id when it has none)
 *
 * Since: 1.5
 */
const char *
occ_methodology_get_flag_label (OccMethodology *self, guint flag,
                                const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (flag < self->n_flags, NULL);
  return occ_labels_lookup (self->flags[flag].l10n, lang,
                            self->flags[flag].label);
}

static int
lookup_rule (const OccRule *rules, guint n, const char *id)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (rules[i].id, id))
      return (int) i;
  return -1;
}

/**
 * occ_methodology_lookup_flag:
 * @self: a methodology
 * @id: a flag id
 *
 * Finds a flag by its id.
 *
 * Returns: the flag's index, or -1 when the methodology has no such flag
 *
 * Since: 1.5
 */
int
occ_methodology_lookup_flag (OccMethodology *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return lookup_rule (self->flags, self->n_flags, id);
}

/**
 * occ_methodology_get_n_summaries:
 * @self: a methodology
 *
 * How many summaries ("at a glance" counts) the methodology gives every
 * inner node and country (occ-categorical.md rule 4).
 *
 * Returns: the number of summaries, 0 for a numeric methodology
 *
 * Since: 1.5
 */
guint
occ_methodology_get_n_summaries (OccMethodology *self)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), 0);
  return self->n_summaries;
}

/**
 * occ_methodology_get_summary_id:
 * @self: a methodology
 * @summary: a summary index, less than
 *   [method@Occ.Methodology.get_n_summaries]
 *
 * The id of a summary, as results and claims name it.
 *
 * Returns: the summary's id, such as `transformative`
 *
 * Since: 1.5
 */
const char *
occ_methodology_get_summary_id (OccMethodology *self, guint summary)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (summary < self->n_summaries, NULL);
  return self->summaries[summary].id;
}

/**
 * occ_methodology_get_summary_label:
 * @self: a methodology
 * @summary: a summary index
 * @lang: (nullable): a BCP 47 language tag, or %NULL for the label itself
 *
 * A summary's label for people, in a language when its `labels` have it.
 *
 * Returns: the summary's label for people, such as `Transformative
 *   commitments`
 *
 * Since: 1.5
 */
const char *
occ_methodology_get_summary_label (OccMethodology *self, guint summary,
                                   const char *lang)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), NULL);
  g_return_val_if_fail (summary < self->n_summaries, NULL);
  return occ_labels_lookup (self->summaries[summary].l10n, lang,
                            self->summaries[summary].label);
}

/**
 * occ_methodology_get_summary_has_percent:
 * @self: a methodology
 * @summary: a summary index
 *
 * Whether a summary is shown as a share as well as a count.
 *
 * Returns: %TRUE when the summary gives a percentage of the rated leaves
 *   as well as a count (`"percent": true`)
 *
 * Since: 1.5
 */
gboolean
occ_methodology_get_summary_has_percent (OccMethodology *self, guint summary)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), FALSE);
  g_return_val_if_fail (summary < self->n_summaries, FALSE);
  return self->summaries[summary].percent;
}

/**
 * occ_methodology_lookup_summary:
 * @self: a methodology
 * @id: a summary id
 *
 * Finds a summary by its id.
 *
 * Returns: the summary's index, or -1 when the methodology has no such
 *   summary
 *
 * Since: 1.5
 */
int
occ_methodology_lookup_summary (OccMethodology *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_METHODOLOGY (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return lookup_rule (self->summaries, self->n_summaries, id);
}
