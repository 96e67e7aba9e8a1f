/* fuzz-common.c: the checks libocc's fuzz targets share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "fuzz-common.h"

void
fuzz_check_load_error (const GError *error)
{
  fuzz_check (error != NULL, "a failed load must set an error");
  fuzz_check (error->domain == OCC_ERROR && error->code >= OCC_ERROR_SYNTAX
                && error->code <= OCC_ERROR_LIMIT,
              "not an OccError: %s %d: %s", g_quark_to_string (error->domain),
              error->code, error->message);
  fuzz_check (error->message != NULL && error->message[0] != '\0',
              "empty message");
  /* Bindings turn messages into strings: they must be UTF-8. */
  fuzz_check (g_utf8_validate (error->message, -1, NULL),
              "message is not UTF-8");
  fuzz_check_terminal_safe (error->message);
}

void
fuzz_check_terminal_safe (const char *text)
{
  g_autofree char *shown = occ_escape_for_terminal (text);

  fuzz_check (g_utf8_validate (shown, -1, NULL), "escaped text not UTF-8");
  for (const char *p = shown; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      fuzz_check (!(c < 0x20 || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)),
                  "a raw control character U+%04X survives escaping", c);
    }
}

/* A JSON text that json-glib reads as one document. */
static void
check_json (const char *text, gsize length, const char *what)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  fuzz_check (json_parser_load_from_data (parser, text, (gssize) length,
                                          &error),
              "%s is not JSON: %s", what, error ? error->message : "");
}

/* A cell's text must not start a formula, unless it is a number. */
static void
check_cell (const GString *cell)
{
  char c = cell->len ? cell->str[0] : '\0';
  char *end;

  if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r')
    fuzz_check (FALSE, "a CSV cell starts a formula: %.40s", cell->str);
  if (c == '-')
    {
      g_ascii_strtod (cell->str, &end);
      fuzz_check (end > cell->str + 1 && *end == '\0',
                  "a CSV cell starts with '-' and is no number: %.40s",
                  cell->str);
    }
}

/* The cells of RFC 4180 text, each checked. */
static void
check_csv_cells (const char *csv)
{
  g_autoptr (GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = csv; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
          continue;
        }
      if (*p == '"' && cell->len == 0)
        quoted = TRUE;
      else if (*p == ',' || *p == '\n')
        {
          check_cell (cell);
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        ; /* the record's end */
      else
        g_string_append_c (cell, *p);
    }
  check_cell (cell);
}

void
fuzz_check_writers (OccDataset *dataset, OccResults *results)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL, *results_json = NULL, *csv = NULL;
  g_autofree char *back_json = NULL;
  g_autoptr (OccDataset) back = NULL;
  gsize length;
  OccMethodology *m = occ_dataset_get_methodology (dataset);

  json = occ_dataset_to_data (dataset, &length);
  check_json (json, length, "the dataset");
  if (results != NULL)
    {
      results_json = occ_results_to_data (results, &length);
      check_json (results_json, length, "occ-results/1");
    }
  csv = occ_dataset_ratings_to_csv (dataset, NULL);
  check_csv_cells (csv);
  back = occ_dataset_new_with_ratings_csv_data (dataset, csv, -1, &error);
  /* A methodology whose criterion or group is named like a column or
   * "not recorded" cannot be read from CSV (docs/csv.md); anything else
   * reads back as it was. */
  if (back == NULL)
    fuzz_check (error->code == OCC_ERROR_FORMAT,
                "the ratings CSV does not read back: %s\n%s", error->message,
                csv);
  else
    {
      back_json = occ_dataset_to_data (back, NULL);
      fuzz_check (strcmp (json, back_json) == 0,
                  "the ratings CSV reads back as another dataset:\n%s", csv);
    }
  fuzz_check_terminal_safe (occ_dataset_get_title (dataset));
  fuzz_check_terminal_safe (occ_methodology_get_name (m));
  for (guint i = 0; i < occ_dataset_get_n_countries (dataset); i++)
    fuzz_check_terminal_safe (occ_dataset_get_country_id (dataset, i));
  for (guint i = 0; i < occ_dataset_get_n_nodes (dataset); i++)
    {
      OccNode *node = occ_dataset_get_node (dataset, i);
      fuzz_check_terminal_safe (occ_node_get_id (node));
      fuzz_check_terminal_safe (occ_node_get_label (node));
    }
  for (guint b = 0; b < occ_methodology_get_n_bands (m); b++)
    fuzz_check_terminal_safe (occ_methodology_get_band_label (m, b));
}

typedef struct
{
  OccMethodology *m;
  double low;
  double high;
  double span;
  double slack;
} Range;

static void
check_value (const Range *r, gboolean present, double value, const char *what,
             OccScore *score)
{
  if (!present)
    return;
  fuzz_check (isfinite (value), "%s of %s/%s/%s is %g", what,
              occ_score_get_country (score), occ_score_get_phase (score),
              occ_score_get_node_id (score), value);
  fuzz_check (value >= r->low - r->slack && value <= r->high + r->slack,
              "%s %.17g of %s is outside the scale %g..%g", what, value,
              occ_score_get_node_id (score), r->low, r->high);
}

static void
check_delta (const Range *r, gboolean present, double delta, const char *what,
             OccScore *score)
{
  if (!present)
    return;
  fuzz_check (isfinite (delta) && fabs (delta) <= r->span + r->slack,
              "%s %.17g of %s is not a change on the scale", what, delta,
              occ_score_get_node_id (score));
}

static void
check_score (const Range *r, OccScore *score)
{
  double value = 0, inclusion = 0;
  gboolean has;

  has = occ_score_get_value (score, &value);
  check_value (r, has, value, "value", score);
  fuzz_check (!has
                || g_strcmp0 (occ_score_get_band (score),
                              occ_methodology_band_for_value (r->m, value))
                     == 0,
              "the band of %s is not the band of its value",
              occ_score_get_node_id (score));
  has = occ_score_get_delta (score, &value);
  check_delta (r, has, value, "delta", score);
  if (occ_score_get_inclusion (score, &inclusion))
    fuzz_check (inclusion >= 0 && inclusion <= 1, "inclusion %.17g of %s",
                inclusion, occ_score_get_node_id (score));
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      has = occ_score_get_criterion_value (score, c, &value);
      check_value (r, has, value, "criterion value", score);
      has = occ_score_get_criterion_delta (score, c, &value);
      check_delta (r, has, value, "criterion delta", score);
    }
}

void
fuzz_check_results (OccResults *results)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  GListModel *model = G_LIST_MODEL (results);
  Range r;

  r.m = m;
  r.low = occ_methodology_get_scale_min (m);
  r.high = occ_methodology_get_scale_max (m);
  r.span = r.high - r.low;
  /* Sums of weighted values may round a few ulps past the scale. */
  r.slack = 1e-9 * MAX (1.0, MAX (fabs (r.low), fabs (r.high)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      check_score (&r, score);
    }
  for (guint k = 0; k < occ_dataset_get_n_countries (dataset); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (dataset); p++)
      {
        const char *country = occ_dataset_get_country_id (dataset, k);
        const char *phase = occ_dataset_get_phase_id (dataset, p);
        g_autoptr (OccScore) score =
          occ_results_lookup_country (results, country, phase);
        g_autoptr (GListModel) best = occ_results_get_best (results, country,
                                                            phase, NULL);
        g_autoptr (GListModel) worst =
          occ_results_get_worst (results, country, phase, NULL);

        if (score != NULL)
          check_score (&r, score);
        fuzz_check ((g_list_model_get_n_items (best) == 0)
                      == (g_list_model_get_n_items (worst) == 0),
                    "best and worst of %s/%s disagree on being empty",
                    country, phase);
      }
}
