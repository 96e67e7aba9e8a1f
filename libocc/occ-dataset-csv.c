/* occ-dataset-csv.c: a dataset's ratings from CSV, streaming
 *
 * The framework, countries, phases, raters, methodology and published
 * scores come from a base dataset; a CSV file brings the ratings, which
 * replace the base's. The file is read in fixed-size chunks by the RFC 4180
 * reader (occ-csv-reader.c), one record at a time, straight into the
 * dataset's columns: ids are resolved through the base's hash tables (with
 * a one-entry cache per column, since consecutive rows mostly repeat the
 * same country, phase and rater), and nothing is allocated per rating
 * beyond the columns' amortized growth (and the text of evidence, when a
 * rating has some). Every rule of the JSON loader applies, and a fault names
 * FILE:LINE:COLUMN and the column.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <occ/occ-dataset-csv.h>

#include "occ-csv-reader-private.h"
#include "occ-dataset-private.h"
#include "occ-input-private.h"

/* The roles a column can play; a criterion's column is ROLE_CRITERION + c.
 * A column whose name is none of these is ignored, as JSON members a
 * reader does not know are (occ-v1 §0). */
enum {
  ROLE_IGNORED = -1,
  ROLE_COUNTRY,
  ROLE_PHASE,
  ROLE_NODE,
  ROLE_RATER,
  ROLE_GROUPS,
  ROLE_VALIDATED,
  ROLE_EVIDENCE,
  ROLE_CRITERION,
};

#define N_ID_ROLES 4 /* country, phase, node, rater */

static const char *const role_names[] = {
  "country", "phase", "node", "rater", "groups", "validated", "evidence",
};

/* The last id looked up in one column, and what it resolved to. */
typedef struct
{
  GString *key;
  guint32 value;
  gboolean valid;
} IdCache;

typedef struct
{
  OccDataset *ds;
  OccMethodology *m;

  gboolean have_header;
  guint n_columns;
  int *roles;   /* per column */
  char **names; /* per column, for messages */
  int column_of[ROLE_CRITERION + OCC_MAX_CRITERIA]; /* -1: absent */

  /* The columns, grown by doubling. */
  gsize n, capacity;
  GArray *groups; /* guint16 */
  guint32 *lines; /* the line of each rating, for the duplicate message */
  guint32 *seen_groups;
  IdCache cache[N_ID_ROLES];
} Import;

/* The groups cell of a rating that recorded no groups (occ-v1 §2: a JSON
 * rating without `groups`); an empty cell is one that recorded none. */
#define NOT_RECORDED "?"

/* A copy of the base ------------------------------------------------- */

static void
copy_id_table (OccIdTable *to, const OccIdTable *from)
{
  to->n = from->n;
  to->ids = g_new0 (char *, from->n + 1);
  to->names = g_new0 (char *, from->n + 1);
  to->l10n = g_new0 (OccLabels *, from->n + 1);
  to->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < from->n; i++)
    {
      to->ids[i] = g_strdup (from->ids[i]);
      to->names[i] = g_strdup (from->names[i]);
      to->l10n[i] = occ_labels_copy (from->l10n[i]);
      g_hash_table_insert (to->index, to->ids[i], GUINT_TO_POINTER (i + 1));
    }
}

static void
copy_framework (OccDataset *self, OccDataset *base)
{
  guint n = base->n_nodes;
  guint n_roots = occ_node_list_get_length (base->roots);

  /* A dataset never changes once loaded, so the nodes can be shared. */
  for (guint i = 0; i < base->nodes->len; i++)
    {
      OccNode *node = g_ptr_array_index (base->nodes, i);
      g_ptr_array_add (self->nodes, g_object_ref (node));
      g_hash_table_insert (self->node_index, node->id, node);
    }
  for (guint i = 0; i < n_roots; i++)
    occ_node_list_append (self->roots, occ_node_list_peek (base->roots, i));
  self->n_nodes = n;
  self->n_peers = base->n_peers;
  self->node_parent = g_memdup2 (base->node_parent, (n + 1) * sizeof (int));
  self->node_top = g_memdup2 (base->node_top, (n + 1) * sizeof (guint));
  self->node_peer = g_memdup2 (base->node_peer, (n + 1) * sizeof (guint));
  self->node_leaf = g_memdup2 (base->node_leaf, (n + 1) * sizeof (gboolean));
  self->node_weight = g_memdup2 (base->node_weight,
                                 (n + 1) * sizeof (double));
  self->child_start = g_memdup2 (base->child_start, (n + 1) * sizeof (guint));
  self->child_list = g_memdup2 (base->child_list, (n + 1) * sizeof (guint));
}

static void
copy_published (OccDataset *self, OccDataset *base)
{
  gsize n = base->n_published;
  guint n_criteria = base->methodology->n_criteria;
  GHashTableIter iter;
  gpointer key, value;

  self->n_published = n;
  self->p_country = g_memdup2 (base->p_country, (n + 1) * sizeof (guint32));
  self->p_phase = g_memdup2 (base->p_phase, (n + 1) * sizeof (guint32));
  self->p_node = g_memdup2 (base->p_node, (n + 1) * sizeof (guint32));
  self->p_scores = g_memdup2 (base->p_scores,
                              (n * n_criteria + 1) * sizeof (double));
  self->p_raters = g_memdup2 (base->p_raters, (n + 1) * sizeof (gint64));
  self->p_inclusion = g_memdup2 (base->p_inclusion,
                                 (n + 1) * sizeof (double));
  g_hash_table_iter_init (&iter, base->p_by_cell);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->p_by_cell, key, value);
}

/* Everything of @base but its ratings. */
static OccDataset *
copy_base (OccDataset *base)
{
  OccDataset *self = g_object_new (OCC_TYPE_DATASET, NULL);

  self->title = g_strdup (base->title);
  self->methodology = g_object_ref (base->methodology);
  copy_id_table (&self->countries, &base->countries);
  copy_id_table (&self->phases, &base->phases);
  copy_id_table (&self->raters, &base->raters);
  self->rater_country = g_memdup2 (base->rater_country,
                                   (base->raters.n + 1) * sizeof (int));
  copy_framework (self, base);
  copy_published (self, base);
  return self;
}

/* The columns --------------------------------------------------------- */

static void
reserve (Import *im, gsize needed)
{
  OccDataset *ds = im->ds;
  guint n_criteria = im->m->n_criteria;
  gsize capacity = im->capacity;

  if (needed <= capacity)
    return;
  while (capacity < needed)
    capacity = capacity < 1024 ? 1024 : capacity * 2;
  ds->r_country = g_renew (guint32, ds->r_country, capacity);
  ds->r_phase = g_renew (guint32, ds->r_phase, capacity);
  ds->r_node = g_renew (guint32, ds->r_node, capacity);
  ds->r_rater = g_renew (guint32, ds->r_rater, capacity);
  ds->r_scores = g_renew (gint32, ds->r_scores, capacity * n_criteria + 1);
  ds->r_group_start = g_renew (guint32, ds->r_group_start, capacity);
  ds->r_groups_recorded = g_renew (guint8, ds->r_groups_recorded, capacity);
  ds->r_validated = g_renew (gint8, ds->r_validated, capacity);
  ds->r_evidence = g_renew (guint32, ds->r_evidence, capacity);
  im->lines = g_renew (guint32, im->lines, capacity);
  im->capacity = capacity;
}

/* Give back what doubling left unused (realloc shrinks in place). */
static void
shrink (Import *im)
{
  OccDataset *ds = im->ds;
  gsize n = im->n + 1;

  ds->r_country = g_renew (guint32, ds->r_country, n);
  ds->r_phase = g_renew (guint32, ds->r_phase, n);
  ds->r_node = g_renew (guint32, ds->r_node, n);
  ds->r_rater = g_renew (guint32, ds->r_rater, n);
  ds->r_scores = g_renew (gint32, ds->r_scores, n * im->m->n_criteria + 1);
  ds->r_group_start = g_renew (guint32, ds->r_group_start, n);
  ds->r_groups_recorded = g_renew (guint8, ds->r_groups_recorded, n);
  ds->r_validated = g_renew (gint8, ds->r_validated, n);
  ds->r_evidence = g_renew (guint32, ds->r_evidence, n);
  im->capacity = n;
}

static void
import_init (Import *im, OccDataset *ds)
{
  memset (im, 0, sizeof *im);
  im->ds = ds;
  im->m = ds->methodology;
  im->groups = g_array_new (FALSE, FALSE, sizeof (guint16));
  im->seen_groups = g_new0 (guint32, im->m->n_groups + 1);
  for (guint i = 0; i < G_N_ELEMENTS (im->column_of); i++)
    im->column_of[i] = -1;
  for (guint i = 0; i < N_ID_ROLES; i++)
    im->cache[i].key = g_string_new (NULL);
  reserve (im, 1);
}

static void
import_clear (Import *im)
{
  g_free (im->roles);
  if (im->names != NULL)
    g_strfreev (im->names);
  if (im->groups != NULL)
    g_array_unref (im->groups);
  g_free (im->lines);
  g_free (im->seen_groups);
  for (guint i = 0; i < N_ID_ROLES; i++)
    g_string_free (im->cache[i].key, TRUE);
}

/* The header ---------------------------------------------------------- */

static int
role_of (Import *im, const char *name)
{
  int c;

  for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
    if (strcmp (name, role_names[r]) == 0)
      return (int) r;
  c = occ_methodology_lookup_criterion (im->m, name);
  return c >= 0 ? ROLE_CRITERION + c : ROLE_IGNORED;
}

/* What a ratings CSV needs, for the message about a missing column. */
static char *
required_columns (Import *im)
{
  GString *s = g_string_new ("country, phase, node, rater and one column "
                             "per criterion (");

  for (guint c = 0; c < im->m->n_criteria; c++)
    g_string_append_printf (s, "%s%s", c > 0 ? ", " : "",
                            im->m->criterion_ids[c]);
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

static gboolean
check_header_complete (Import *im, OccCsvReader *r, GError **error)
{
  for (guint c = 0; c < im->m->n_criteria; c++)
    for (guint role = 0; role < N_ID_ROLES; role++)
      if (strcmp (im->m->criterion_ids[c], role_names[role]) == 0)
        {
          occ_csv_error (error, r, 1, 1, NULL, OCC_ERROR_FORMAT,
                         "criterion \"%s\" of methodology \"%s\" has the "
                         "name of a column of its own; its ratings cannot "
                         "be read from CSV",
                         im->m->criterion_ids[c], im->m->id);
          return FALSE;
        }
  if (occ_methodology_lookup_group (im->m, NOT_RECORDED) >= 0)
    {
      occ_csv_error (error, r, 1, 1, NULL, OCC_ERROR_FORMAT,
                     "population group \"%s\" of methodology \"%s\" is "
                     "what a groups cell holds for \"not recorded\"; its "
                     "ratings cannot be read from CSV",
                     NOT_RECORDED, im->m->id);
      return FALSE;
    }
  for (guint role = 0; role < ROLE_CRITERION + im->m->n_criteria; role++)
    {
      g_autofree char *needed = NULL;
      const char *name;

      if (im->column_of[role] >= 0 || role == ROLE_GROUPS
          || role == ROLE_VALIDATED || role == ROLE_EVIDENCE)
        continue;
      name = role < ROLE_CRITERION
               ? role_names[role]
               : im->m->criterion_ids[role - ROLE_CRITERION];
      needed = required_columns (im);
      occ_csv_error (error, r, 1, 1, NULL, OCC_ERROR_FORMAT,
                     "the header has no column \"%s\"; a ratings CSV has %s",
                     name, needed);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_header (Import *im, OccCsvReader *r, GError **error)
{
  guint n = occ_csv_n_fields (r);

  im->have_header = TRUE;
  im->n_columns = n;
  im->roles = g_new (int, n);
  im->names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      gsize length = occ_csv_field (r, i)->length;
      const char *name = occ_csv_unneutralize (occ_csv_field_text (r, i),
                                               &length);
      int role = role_of (im, name);

      im->names[i] = g_strdup (name);
      im->roles[i] = role;
      if (role == ROLE_IGNORED)
        continue;
      if (im->column_of[role] >= 0)
        {
          const OccCsvField *f = occ_csv_field (r, i);
          occ_csv_error (error, r, f->line, f->column, name,
                         OCC_ERROR_DUPLICATE,
                         "the header names column \"%s\" twice", name);
          return FALSE;
        }
      im->column_of[role] = (int) i;
    }
  return check_header_complete (im, r, error);
}

/* Cells --------------------------------------------------------------- */

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* The cell's text without surrounding blanks (it is our own buffer, so
 * the end can be cut in place). */
static char *
trimmed (OccCsvReader *r, guint column, gsize *length)
{
  gsize n = occ_csv_field (r, column)->length;
  /* The `'` a writer put before a would-be formula (docs/csv.md): the
   * writer looked at the whole text, blanks included, so the reader
   * does too, before trimming. */
  char *text = (char *) occ_csv_unneutralize (occ_csv_field_text (r, column),
                                              &n);

  while (n > 0 && is_blank (*text))
    {
      text++;
      n--;
    }
  while (n > 0 && is_blank (text[n - 1]))
    n--;
  text[n] = '\0';
  *length = n;
  return text;
}

static gboolean cell_error (Import *im, OccCsvReader *r, guint column,
                            OccError code, GError **error, const char *format,
                            ...) G_GNUC_PRINTF (6, 7);

static gboolean
cell_error (Import *im, OccCsvReader *r, guint column, OccError code,
            GError **error, const char *format, ...)
{
  const OccCsvField *f = occ_csv_field (r, column);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  occ_csv_error (error, r, f->line, f->column, im->names[column], code, "%s",
                 what);
  return FALSE;
}

/* An id of the country, phase or rater table. */
static gboolean
resolve_in_table (Import *im, const OccIdTable *table, const char *what,
                  const char *id, OccCsvReader *r, guint column,
                  guint32 *index, GError **error)
{
  int i = occ_id_table_lookup (table, id);

  if (i < 0)
    return cell_error (im, r, column, OCC_ERROR_UNKNOWN_ID, error,
                       "unknown %s \"%s\"", what, id);
  *index = (guint32) i;
  return TRUE;
}

static gboolean
resolve_leaf (Import *im, const char *id, OccCsvReader *r, guint column,
              guint32 *index, GError **error)
{
  OccNode *node = g_hash_table_lookup (im->ds->node_index, id);

  if (node == NULL)
    return cell_error (im, r, column, OCC_ERROR_UNKNOWN_ID, error,
                       "unknown node \"%s\"", id);
  if (!im->ds->node_leaf[node->index])
    return cell_error (im, r, column, OCC_ERROR_STRUCTURE, error,
                       "node \"%s\" is not a leaf: only leaves are rated",
                       id);
  *index = node->index;
  return TRUE;
}

/* Sheets are mostly in order: the next row names the same country, phase
 * or rater, or the next one, and the next leaf. Checking the one after the
 * last id found saves most hash lookups. */
static gboolean
successor_matches (Import *im, guint role, guint32 last, const char *id,
                   guint32 *index)
{
  OccDataset *ds = im->ds;
  const OccIdTable *table = role == ROLE_COUNTRY ? &ds->countries
                            : role == ROLE_PHASE ? &ds->phases
                                                 : &ds->raters;
  guint32 next;

  if (role == ROLE_NODE)
    {
      for (next = last + 1; next < ds->n_nodes && !ds->node_leaf[next];)
        next++;
      if (next >= ds->n_nodes
          || strcmp (((OccNode *) g_ptr_array_index (ds->nodes, next))->id,
                     id)
               != 0)
        return FALSE;
    }
  else
    {
      next = last + 1;
      if (next >= table->n || strcmp (table->ids[next], id) != 0)
        return FALSE;
    }
  *index = next;
  return TRUE;
}

/* A country, phase, node or rater id, through the column's cache. */
static gboolean
read_id (Import *im, OccCsvReader *r, guint role, guint32 *index,
         GError **error)
{
  guint column = (guint) im->column_of[role];
  gsize length = occ_csv_field (r, column)->length;
  const char *id = occ_csv_unneutralize (occ_csv_field_text (r, column),
                                         &length);
  IdCache *cache = &im->cache[role];
  gboolean ok;

  if (cache->valid && cache->key->len == length
      && memcmp (cache->key->str, id, length) == 0)
    {
      *index = cache->value;
      return TRUE;
    }
  if (cache->valid && successor_matches (im, role, cache->value, id, index))
    {
      g_string_assign (cache->key, id);
      cache->value = *index;
      return TRUE;
    }
  if (length == 0)
    return cell_error (im, r, column, OCC_ERROR_TYPE, error,
                       "empty; every rating names its %s", role_names[role]);
  switch (role)
    {
    case ROLE_COUNTRY:
      ok = resolve_in_table (im, &im->ds->countries, "country", id, r, column,
                             index, error);
      break;
    case ROLE_PHASE:
      ok = resolve_in_table (im, &im->ds->phases, "phase", id, r, column,
                             index, error);
      break;
    case ROLE_RATER:
      ok = resolve_in_table (im, &im->ds->raters, "rater", id, r, column,
                             index, error);
      break;
    default:
      ok = resolve_leaf (im, id, r, column, index, error);
    }
  if (!ok)
    return FALSE;
  g_string_assign (cache->key, id);
  cache->value = *index;
  cache->valid = TRUE;
  return TRUE;
}

/* A decimal number as a spreadsheet writes one: digits, a sign, a point,
 * an exponent. Not "nan", "inf" or hexadecimal, which strtod would take. */
static gboolean
looks_decimal (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!strchr ("+-.eE", *p))
        return FALSE;
    }
  return digit;
}

/* A categorical criterion's cell: one of its level ids
 * (occ-categorical.md §1). */
static gboolean
read_level (Import *im, OccCsvReader *r, guint column, guint criterion,
            const char *text, gint32 *level, GError **error)
{
  g_autofree char *valid = NULL;

  if (occ_criterion_levels_lookup (&im->m->levels[criterion], text, level))
    return TRUE;
  valid = occ_criterion_levels_list (&im->m->levels[criterion]);
  return cell_error (im, r, column, OCC_ERROR_UNKNOWN_ID, error,
                     "unknown level \"%s\" of criterion \"%s\" (its "
                     "levels: %s)",
                     text, im->m->criterion_ids[criterion], valid);
}

/* A score: an integer on the scale, or an empty cell for "not rated".
 * Like the JSON loader, 2.0 is the integer 2. */
static gboolean
read_score (Import *im, OccCsvReader *r, guint column, guint criterion,
            gint32 *score, GError **error)
{
  gsize length;
  const char *text = trimmed (r, column, &length);
  gint64 value = 0;
  double d;
  char *end;

  *score = OCC_SCORE_NULL;
  if (length == 0)
    return TRUE;
  if (occ_methodology_is_categorical (im->m))
    return read_level (im, r, column, criterion, text, score, error);
  if (length == 1 && g_ascii_isdigit (text[0]))
    value = text[0] - '0'; /* the common case, millions of times */
  else
    {
      if (!looks_decimal (text))
        return cell_error (im, r, column, OCC_ERROR_TYPE, error,
                           "expected an integer score or an empty cell, "
                           "found \"%s\"",
                           text);
      d = g_ascii_strtod (text, &end);
      if (*end != '\0')
        return cell_error (im, r, column, OCC_ERROR_TYPE, error,
                           "expected an integer score or an empty cell, "
                           "found \"%s\"",
                           text);
      if (isfinite (d) && d != floor (d))
        return cell_error (im, r, column, OCC_ERROR_RANGE, error,
                           "%s is not an integer", text);
      if (!isfinite (d) || d < im->m->scale_min || d > im->m->scale_max)
        return cell_error (im, r, column, OCC_ERROR_RANGE, error,
                           "%s is outside the scale %d..%d", text,
                           im->m->scale_min, im->m->scale_max);
      value = (gint64) d;
    }
  if (value < im->m->scale_min || value > im->m->scale_max)
    return cell_error (im, r, column, OCC_ERROR_RANGE, error,
                       "%s is outside the scale %d..%d", text,
                       im->m->scale_min, im->m->scale_max);
  *score = (gint32) value;
  return TRUE;
}

/* The trimmed text of the cell of an optional column (groups, validated,
 * evidence), or NULL when the file has no such column or the cell is
 * blank. */
static char *
optional_cell (Import *im, OccCsvReader *r, int role, guint *column,
               gsize *length)
{
  char *text;

  if (im->column_of[role] < 0)
    return NULL;
  *column = (guint) im->column_of[role];
  text = trimmed (r, *column, length);
  return *length > 0 ? text : NULL;
}

/* "women;youth": population group ids separated by semicolons. A sheet
 * without the column records no inclusion (occ-v1 §2, a JSON rating
 * without `groups`); in one with it, an empty cell records "none" and a
 * lone NOT_RECORDED that the rater recorded nothing. */
static gboolean
read_groups (Import *im, OccCsvReader *r, gsize rating, GError **error)
{
  guint column;
  gsize length;
  char *text, *next;

  text = optional_cell (im, r, ROLE_GROUPS, &column, &length);
  im->ds->r_groups_recorded[rating] = im->column_of[ROLE_GROUPS] >= 0
                                      && g_strcmp0 (text, NOT_RECORDED) != 0;
  if (!im->ds->r_groups_recorded[rating])
    return TRUE;
  for (; text != NULL; text = next)
    {
      char *end = strchr (text, ';');
      int group;
      guint16 g16;

      next = end ? end + 1 : NULL;
      if (end != NULL)
        *end = '\0';
      while (is_blank (*text))
        text++;
      for (end = text + strlen (text); end > text && is_blank (end[-1]);)
        *--end = '\0';
      if (*text == '\0')
        continue;
      group = occ_methodology_lookup_group (im->m, text);
      if (group < 0)
        return cell_error (im, r, column, OCC_ERROR_UNKNOWN_ID, error,
                           "unknown population group \"%s\"", text);
      /* seen_groups[] holds the rating that last marked each group, + 1. */
      if (im->seen_groups[group] == rating + 1)
        return cell_error (im, r, column, OCC_ERROR_DUPLICATE, error,
                           "population group \"%s\" is marked twice", text);
      im->seen_groups[group] = (guint32) (rating + 1);
      g16 = (guint16) group;
      g_array_append_val (im->groups, g16);
    }
  return TRUE;
}

static gboolean
read_validated (Import *im, OccCsvReader *r, gint8 *validated, GError **error)
{
  guint column;
  gsize length;
  const char *text = optional_cell (im, r, ROLE_VALIDATED, &column, &length);

  *validated = -1;
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "true") == 0)
    *validated = 1;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    *validated = 0;
  else
    return cell_error (im, r, column, OCC_ERROR_TYPE, error,
                       "expected true, false or an empty cell, found \"%s\"",
                       text);
  return TRUE;
}

/* Evidence is kept as the JSON loader keeps it: the array as compact
 * JSON text. */
static gboolean
read_evidence (Import *im, OccCsvReader *r, guint32 *evidence, GError **error)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) local = NULL;
  guint column;
  gsize length;
  const char *text = optional_cell (im, r, ROLE_EVIDENCE, &column, &length);

  *evidence = 0;
  if (text == NULL)
    return TRUE;
  node = occ_json_parse (text, length, "evidence", &local);
  if (node == NULL)
    return cell_error (im, r, column, (OccError) local->code, error,
                       "not a JSON array: %s", local->message);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return cell_error (im, r, column, OCC_ERROR_TYPE, error,
                       "expected a JSON array of evidence, or an empty cell");
  g_ptr_array_add (im->ds->r_evidence_text, json_to_string (node, FALSE));
  *evidence = im->ds->r_evidence_text->len;
  return TRUE;
}

/* Records ------------------------------------------------------------- */

/* Empty or blank, without touching the cell. */
static gboolean
cell_empty (OccCsvReader *r, int column)
{
  const char *text;

  if (column < 0)
    return TRUE;
  for (text = occ_csv_field_text (r, (guint) column); is_blank (*text);)
    text++;
  return *text == '\0';
}

/* A row of the template that nobody filled in: no rater, no score, no
 * group, nothing validated, no evidence. */
static gboolean
unfilled (Import *im, OccCsvReader *r)
{
  if (!cell_empty (r, im->column_of[ROLE_RATER]))
    return FALSE;
  for (guint c = 0; c < im->m->n_criteria; c++)
    if (!cell_empty (r, im->column_of[ROLE_CRITERION + c]))
      return FALSE;
  return cell_empty (r, im->column_of[ROLE_GROUPS])
         && cell_empty (r, im->column_of[ROLE_VALIDATED])
         && cell_empty (r, im->column_of[ROLE_EVIDENCE]);
}

static gboolean
read_rating (Import *im, OccCsvReader *r, GError **error)
{
  OccDataset *ds = im->ds;
  guint n_criteria = im->m->n_criteria;
  gsize i = im->n;

  if (i >= G_MAXUINT32 - 1)
    {
      occ_csv_error (error, r, occ_csv_field (r, 0)->line, 1, NULL,
                     OCC_ERROR_LIMIT, "more than %u ratings",
                     G_MAXUINT32 - 2);
      return FALSE;
    }
  reserve (im, i + 2);
  if (!read_id (im, r, ROLE_COUNTRY, &ds->r_country[i], error)
      || !read_id (im, r, ROLE_PHASE, &ds->r_phase[i], error)
      || !read_id (im, r, ROLE_NODE, &ds->r_node[i], error)
      || !read_id (im, r, ROLE_RATER, &ds->r_rater[i], error))
    return FALSE;
  for (guint c = 0; c < n_criteria; c++)
    if (!read_score (im, r, (guint) im->column_of[ROLE_CRITERION + c], c,
                     &ds->r_scores[i * n_criteria + c], error))
      return FALSE;
  ds->r_group_start[i] = im->groups->len;
  if (!read_groups (im, r, i, error)
      || !read_validated (im, r, &ds->r_validated[i], error)
      || !read_evidence (im, r, &ds->r_evidence[i], error))
    return FALSE;
  im->lines[i] = occ_csv_field (r, 0)->line;
  im->n++;
  return TRUE;
}

static gboolean
on_record (OccCsvReader *r, gpointer data, GError **error)
{
  Import *im = data;
  guint n = occ_csv_n_fields (r);

  if (!im->have_header)
    return read_header (im, r, error);
  /* A blank line, as spreadsheets leave at the end. */
  if (n == 1 && occ_csv_field (r, 0)->length == 0)
    return TRUE;
  if (n != im->n_columns)
    {
      const OccCsvField *f = occ_csv_field (r, 0);
      occ_csv_error (error, r, f->line, f->column, NULL, OCC_ERROR_SYNTAX,
                     "a record of %u fields; the header has %u", n,
                     im->n_columns);
      return FALSE;
    }
  if (unfilled (im, r))
    return TRUE;
  return read_rating (im, r, error);
}

/* After the last record: hand the columns to the dataset, group them by
 * cell and refuse a rater who rated one cell twice. */
static gboolean
import_finish (Import *im, OccCsvReader *r, GError **error)
{
  OccDataset *ds = im->ds;
  gsize duplicate, earlier;

  if (!im->have_header)
    {
      occ_csv_error (error, r, 1, 1, NULL, OCC_ERROR_FORMAT,
                     "no header; a ratings CSV starts with a row naming "
                     "its columns");
      return FALSE;
    }
  /* import_init() and read_rating() left room for the n + 1 entries of
   * r_group_start. */
  shrink (im);
  ds->n_ratings = im->n;
  ds->r_group_start[im->n] = im->groups->len;
  ds->r_groups = (guint16 *) g_array_free (g_steal_pointer (&im->groups),
                                           FALSE);
  if (occ_dataset_group_ratings (ds, &duplicate, &earlier))
    return TRUE;
  occ_csv_error (error, r, im->lines[duplicate], 1, NULL, OCC_ERROR_DUPLICATE,
                 "rater \"%s\" already rated node \"%s\" in (%s, %s) at "
                 "line %u",
                 ds->raters.ids[ds->r_rater[duplicate]],
                 occ_node_get_id (g_ptr_array_index (ds->nodes,
                                                     ds->r_node[duplicate])),
                 ds->countries.ids[ds->r_country[duplicate]],
                 ds->phases.ids[ds->r_phase[duplicate]], im->lines[earlier]);
  return FALSE;
}

/* Loading ------------------------------------------------------------- */

/* Where the bytes come from: a buffer, a file descriptor or a stream. */
typedef struct
{
  const char *data; /* the whole input, or NULL to read */
  gsize length;
  int fd; /* or -1 */
  GInputStream *stream;
  GCancellable *cancellable;
  const char *display; /* for a read error */
} Input;

static gboolean
read_chunk (Input *in, char *buf, gsize *n, GError **error)
{
  gssize got;

  if (in->stream != NULL)
    {
      got = g_input_stream_read (in->stream, buf, OCC_CSV_CHUNK,
                                 in->cancellable, error);
      if (got < 0)
        return FALSE;
      *n = (gsize) got;
      return TRUE;
    }
  do
    got = read (in->fd, buf, OCC_CSV_CHUNK);
  while (got < 0 && errno == EINTR);
  if (got < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Error reading file “%s”: %s", in->display,
                   g_strerror (saved));
      return FALSE;
    }
  *n = (gsize) got;
  return TRUE;
}

static gboolean
feed_all (OccCsvReader *r, Input *in, GError **error)
{
  g_autofree char *buf = NULL;
  gsize n;

  if (in->data != NULL)
    return occ_csv_reader_feed (r, in->data, in->length, error);
  buf = g_malloc (OCC_CSV_CHUNK);
  do
    {
      if (!read_chunk (in, buf, &n, error)
          || !occ_csv_reader_feed (r, buf, n, error))
        return FALSE;
    }
  while (n > 0);
  return TRUE;
}

static OccDataset *
load_csv (OccDataset *base, Input *in, const char *source, GError **error)
{
  g_autoptr (OccDataset) self = copy_base (base);
  OccCsvReader reader;
  Import im;
  gboolean ok;

  import_init (&im, self);
  occ_csv_reader_init (&reader, source, on_record, &im);
  ok = feed_all (&reader, in, error) && occ_csv_reader_finish (&reader, error)
       && import_finish (&im, &reader, error);
  occ_csv_reader_clear (&reader);
  import_clear (&im);
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * occ_dataset_new_with_ratings_csv:
 * @base: the dataset whose framework, countries, phases, raters,
 *   methodology and published scores the ratings belong to
 * @filename: (type filename): a CSV file of ratings
 * @error: return location for a #GError
 *
 * A copy of @base whose ratings are those of a CSV file, which replace the
 * ratings @base has (its published scores are kept). The file is read in
 * 64 KiB chunks, so memory grows with the number of ratings, never with
 * the size of the file: millions of ratings load in a fraction of what
 * the same data takes as JSON.
 *
 * The file is RFC 4180 CSV in UTF-8 (a byte order mark is allowed):
 * a header row naming the columns `country`, `phase`, `node`, `rater`, one
 * column per criterion of the methodology (named by the criterion's id),
 * and optionally `groups` (population group ids separated by `;`),
 * `validated` (`true`, `false` or empty) and `evidence` (a JSON array);
 * columns with other names are ignored. A score is an integer on the
 * methodology's scale, or an empty cell for "not rated". See the CSV
 * guide of the documentation for the whole layout.
 *
 * Every rule of the JSON format applies (unknown ids, scores off the
 * scale, a rating on an inner node, a rater rating one cell twice...); the
 * message names the place as `FILE:LINE:COLUMN (column NAME)`, such as
 * `ratings.csv:12:7 (column E): 4 is outside the scale 0..3`.
 *
 * Returns: (transfer full): the new dataset, or %NULL with a #GFileError
 *   when the file cannot be read, or an [error@Occ.Error]
 *
 * Since: 1.1
 */
OccDataset *
occ_dataset_new_with_ratings_csv (OccDataset *base, const char *filename,
                                  GError **error)
{
  g_autofree char *display = NULL;
  Input in = { NULL, 0, -1, NULL, NULL, NULL };
  OccDataset *result;

  g_return_val_if_fail (OCC_IS_DATASET (base), NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (filename);
  in.display = display;
  /* A FIFO, socket or device is refused before anything blocks on it;
   * read those through the stream loader. */
  if ((in.fd = occ_open_regular_file (filename, display, error)) < 0)
    return NULL;
  result = load_csv (base, &in, display, error);
  close (in.fd);
  return result;
}

/**
 * occ_dataset_new_with_ratings_csv_stream:
 * @base: the dataset the ratings belong to
 * @stream: a stream of CSV ratings, read to its end (not closed)
 * @source: (nullable): the name of the input in messages, or %NULL for
 *   `<stream>`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * As [method@Occ.Dataset.new_with_ratings_csv], reading @stream in 64 KiB
 * chunks.
 *
 * Returns: (transfer full): the new dataset, or %NULL with the stream's
 *   #GIOError or an [error@Occ.Error]
 *
 * Since: 1.1
 */
OccDataset *
occ_dataset_new_with_ratings_csv_stream (OccDataset *base,
                                         GInputStream *stream,
                                         const char *source,
                                         GCancellable *cancellable,
                                         GError **error)
{
  Input in = { NULL, 0, -1, stream, cancellable, NULL };

  g_return_val_if_fail (OCC_IS_DATASET (base), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_csv (base, &in, source ? source : "<stream>", error);
}

/**
 * occ_dataset_new_with_ratings_csv_data:
 * @base: the dataset the ratings belong to
 * @data: (array length=length) (element-type guint8): CSV text, in UTF-8
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * As [method@Occ.Dataset.new_with_ratings_csv], from memory; messages
 * start with `<data>`.
 *
 * Returns: (transfer full): the new dataset, or %NULL with an
 *   [error@Occ.Error]
 *
 * Since: 1.1
 */
OccDataset *
occ_dataset_new_with_ratings_csv_data (OccDataset *base, const char *data,
                                       gssize length, GError **error)
{
  Input in = { NULL, 0, -1, NULL, NULL, NULL };

  g_return_val_if_fail (OCC_IS_DATASET (base), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  in.data = data ? data : "";
  in.length = (gsize) length;
  return load_csv (base, &in, "<data>", error);
}

/**
 * occ_dataset_new_with_ratings_csv_bytes:
 * @base: the dataset the ratings belong to
 * @bytes: CSV text, in UTF-8
 * @error: return location for a #GError
 *
 * As [method@Occ.Dataset.new_with_ratings_csv_data], from a #GBytes.
 *
 * Returns: (transfer full): the new dataset, or %NULL with an
 *   [error@Occ.Error]
 *
 * Since: 1.1
 */
OccDataset *
occ_dataset_new_with_ratings_csv_bytes (OccDataset *base, GBytes *bytes,
                                        GError **error)
{
  Input in = { NULL, 0, -1, NULL, NULL, NULL };
  gsize length;
  const char *data;

  g_return_val_if_fail (OCC_IS_DATASET (base), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  in.data = data ? data : "";
  in.length = length;
  return load_csv (base, &in, "<data>", error);
}

/* Writing ------------------------------------------------------------- */

/* A plain decimal number, as the number formatter writes them ("-0.76",
 * "1e-05"): never neutralized, a spreadsheet reads it as the number. The
 * formatter never writes a leading "+", so "+1" is neutralized like any
 * other text that starts with one. */
static gboolean
is_plain_number (const char *text)
{
  char *end;
  double value;

  if (!(g_ascii_isdigit (*text) || *text == '-' || *text == '.'))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (value)
         && strpbrk (text, "xXnNiI") == NULL;
}

/* @text gets a `'` before it: it would start a formula, or it already
 * starts with `'`s before one (so that the reader, which removes one `'`
 * before such text, gives it back whole). */
static gboolean
looks_like_formula (const char *text)
{
  const char *p = text;

  while (*p == '\'')
    p++;
  return occ_csv_starts_formula (*p) && !is_plain_number (text);
}

/* RFC 4180: quote a field holding a comma, quote or line break, doubling
 * its quotes. A field with leading or trailing blanks is quoted too, so
 * that a spreadsheet keeps them. */
static void
append_field (GString *out, const char *field, OccCsvFlags flags)
{
  gsize n;
  gboolean neutralize;

  if (field == NULL || *field == '\0')
    return;
  n = strlen (field);
  neutralize = !(flags & OCC_CSV_FLAGS_RAW) && looks_like_formula (field);
  if (strpbrk (field, ",\"\r\n") == NULL && field[0] != ' '
      && field[n - 1] != ' ')
    {
      if (neutralize)
        g_string_append_c (out, '\'');
      g_string_append_len (out, field, (gssize) n);
      return;
    }
  g_string_append_c (out, '"');
  if (neutralize)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * occ_csv_quote_field:
 * @field: (nullable): the text of a cell, or %NULL for an empty one
 * @flags: how to write it
 *
 * One CSV cell as libocc's writers write it (RFC 4180): in double
 * quotes, with inner quotes doubled, when it holds a comma, a quote or a
 * line break or begins or ends with a blank; and, unless @flags has
 * %OCC_CSV_FLAGS_RAW, after a `'` when a spreadsheet would take it for a
 * formula (see [flags@Occ.CsvFlags]). A plain number such as `-0.76` is
 * never changed; `+1` is, as the number formatter never writes it.
 *
 * Returns: (transfer full): the cell's text
 *
 * Since: 1.2
 */
char *
occ_csv_quote_field (const char *field, OccCsvFlags flags)
{
  GString *out = g_string_new (NULL);

  append_field (out, field, flags);
  return g_string_free (out, FALSE);
}

static void
append_int (GString *out, gint64 value)
{
  char buf[OCC_INT_BUF_SIZE];
  gsize n;
  const char *text = occ_format_int (buf, value, &n);

  g_string_append_len (out, text, (gssize) n);
}

/* A column the reader ignores, as it does every unknown name. */
#define ALLOWED_COLUMN "allowed levels"

static void
append_header (GString *out, OccMethodology *m, gboolean template,
               OccCsvFlags flags)
{
  g_string_append (out, "country,phase,node,");
  if (template && occ_methodology_lookup_criterion (m, "label") < 0)
    g_string_append (out, "label,");
  g_string_append (out, "rater");
  for (guint c = 0; c < m->n_criteria; c++)
    {
      g_string_append_c (out, ',');
      append_field (out, m->criterion_ids[c], flags);
    }
  g_string_append (out, template ? ",groups,validated"
                                 : ",groups,validated,evidence");
  if (template && occ_methodology_is_categorical (m))
    g_string_append (out, "," ALLOWED_COLUMN);
  g_string_append (out, "\r\n");
}

/* A categorical template's last cell: the levels each criterion takes,
 * "q: none | low | medium | high; yes: no | yes", for the people filling
 * it in (the reader ignores the column). */
static char *
allowed_levels (OccMethodology *m)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < m->n_criteria; c++)
    {
      const OccCriterionLevels *cl = &m->levels[c];

      g_string_append_printf (text, "%s%s:", c > 0 ? "; " : "",
                              m->criterion_ids[c]);
      for (guint l = 0; l < cl->n_ranked + cl->n_unranked; l++)
        g_string_append_printf (text, "%s%s", l > 0 ? " | " : " ",
                                cl->ids[l]);
    }
  return g_string_free (text, FALSE);
}

static void
append_rating (GString *out, OccDataset *self, gsize i, OccCsvFlags flags,
               GString *groups)
{
  OccMethodology *m = self->methodology;
  const gint32 *scores = &self->r_scores[i * m->n_criteria];
  OccNode *node = g_ptr_array_index (self->nodes, self->r_node[i]);

  append_field (out, self->countries.ids[self->r_country[i]], flags);
  g_string_append_c (out, ',');
  append_field (out, self->phases.ids[self->r_phase[i]], flags);
  g_string_append_c (out, ',');
  append_field (out, node->id, flags);
  g_string_append_c (out, ',');
  append_field (out, self->raters.ids[self->r_rater[i]], flags);
  for (guint c = 0; c < m->n_criteria; c++)
    {
      g_string_append_c (out, ',');
      if (scores[c] != OCC_SCORE_NULL && occ_methodology_is_categorical (m))
        append_field (
          out, m->levels[c].ids[occ_level_slot (&m->levels[c], scores[c])],
          flags);
      else if (scores[c] != OCC_SCORE_NULL)
        append_int (out, scores[c]);
    }
  g_string_append_c (out, ',');
  /* One cell of ids separated by ';', quoted and neutralized as a whole. */
  g_string_truncate (groups, 0);
  if (!self->r_groups_recorded[i])
    g_string_append (groups, NOT_RECORDED);
  for (guint32 g = self->r_group_start[i]; g < self->r_group_start[i + 1];
       g++)
    {
      if (g > self->r_group_start[i])
        g_string_append_c (groups, ';');
      g_string_append (groups, m->group_ids[self->r_groups[g]]);
    }
  append_field (out, groups->str, flags);
  g_string_append_c (out, ',');
  if (self->r_validated[i] >= 0)
    g_string_append (out, self->r_validated[i] ? "true" : "false");
  g_string_append_c (out, ',');
  if (self->r_evidence[i] != 0)
    append_field (out,
                  g_ptr_array_index (self->r_evidence_text,
                                     self->r_evidence[i] - 1),
                  flags);
  g_string_append (out, "\r\n");
}

/**
 * occ_dataset_ratings_to_csv:
 * @self: a dataset
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the dataset's ratings as CSV, one row per rating in the
 * dataset's order, under the header `country,phase,node,rater`, the
 * criteria, `groups,validated,evidence` (RFC 4180, UTF-8, CRLF). Reading
 * it back over the same dataset with
 * [method@Occ.Dataset.new_with_ratings_csv] gives the same dataset.
 *
 * Returns: (transfer full): the CSV text
 *
 * Since: 1.1
 */
char *
occ_dataset_ratings_to_csv (OccDataset *self, gsize *length)
{
  return occ_dataset_ratings_to_csv_full (self, OCC_CSV_FLAGS_NONE, length);
}

/**
 * occ_dataset_ratings_to_csv_full:
 * @self: a dataset
 * @flags: how to write the cells
 * @length: (out) (optional): the length of the text in bytes
 *
 * [method@Occ.Dataset.ratings_to_csv], with text cells that a
 * spreadsheet would take for a formula neutralized or not (see
 * [flags@Occ.CsvFlags]). The neutralized text reads back as the same
 * dataset; raw text does too unless an id or a criterion begins with a
 * `'` before `=`, `+`, `-`, `@`, a tab or a carriage return, since the
 * reader removes one such `'` (docs/csv.md, "Formulas").
 *
 * Returns: (transfer full): the CSV text
 *
 * Since: 1.2
 */
char *
occ_dataset_ratings_to_csv_full (OccDataset *self, OccCsvFlags flags,
                                 gsize *length)
{
  g_autoptr (GString) groups = g_string_new (NULL);
  GString *out;

  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);

  out = g_string_sized_new (256 + self->n_ratings * 40);
  append_header (out, self->methodology, FALSE, flags);
  for (gsize i = 0; i < self->n_ratings; i++)
    append_rating (out, self, i, flags, groups);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * occ_dataset_write_ratings_csv:
 * @self: a dataset
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the text of [method@Occ.Dataset.ratings_to_csv] to @stream in
 * 64 KiB pieces, without building it whole in memory.
 *
 * Returns: %TRUE on success, %FALSE with the stream's error
 *
 * Since: 1.1
 */
gboolean
occ_dataset_write_ratings_csv (OccDataset *self, GOutputStream *stream,
                               GCancellable *cancellable, GError **error)
{
  return occ_dataset_write_ratings_csv_full (self, stream, OCC_CSV_FLAGS_NONE,
                                             cancellable, error);
}

/**
 * occ_dataset_write_ratings_csv_full:
 * @self: a dataset
 * @stream: where to write
 * @flags: how to write the cells
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * [method@Occ.Dataset.write_ratings_csv] with @flags, as
 * [method@Occ.Dataset.ratings_to_csv_full] takes them.
 *
 * Returns: %TRUE on success, %FALSE with the stream's error
 *
 * Since: 1.2
 */
gboolean
occ_dataset_write_ratings_csv_full (OccDataset *self, GOutputStream *stream,
                                    OccCsvFlags flags,
                                    GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) out = NULL;
  g_autoptr (GString) groups = g_string_new (NULL);

  g_return_val_if_fail (OCC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = g_string_sized_new (OCC_CSV_CHUNK + 4096);
  append_header (out, self->methodology, FALSE, flags);
  for (gsize i = 0; i < self->n_ratings; i++)
    {
      append_rating (out, self, i, flags, groups);
      if (out->len < OCC_CSV_CHUNK)
        continue;
      if (!g_output_stream_write_all (stream, out->str, out->len, NULL,
                                      cancellable, error))
        return FALSE;
      g_string_truncate (out, 0);
    }
  return g_output_stream_write_all (stream, out->str, out->len, NULL,
                                    cancellable, error);
}

/**
 * occ_dataset_template_to_csv:
 * @self: a dataset
 * @length: (out) (optional): the length of the text in bytes
 *
 * The empty rating sheet of the dataset's framework, for raters to fill
 * in a spreadsheet: one row per country, phase and leaf (in that order,
 * leaves in document order) under the header `country,phase,node,label,
 * rater`, the criteria, `groups,validated`. The `label` column is there
 * for people and is ignored on reading; a row left without rater, scores,
 * groups and validation is skipped on reading, so an unfinished sheet
 * loads. A rater fills a row (copying it for each further rater of the
 * same leaf) with their rater id, a score per criterion and the groups.
 * For a categorical methodology (since 1.5) a score is a level id, and a
 * last column, `allowed levels`, ignored on reading, lists on every row
 * the levels each criterion takes.
 *
 * Returns: (transfer full): the CSV text (RFC 4180, UTF-8, CRLF)
 *
 * Since: 1.1
 */
char *
occ_dataset_template_to_csv (OccDataset *self, gsize *length)
{
  return occ_dataset_template_to_csv_full (self, OCC_CSV_FLAGS_NONE, length);
}

/**
 * occ_dataset_template_to_csv_full:
 * @self: a dataset
 * @flags: how to write the cells
 * @length: (out) (optional): the length of the text in bytes
 *
 * [method@Occ.Dataset.template_to_csv] with @flags, as
 * [method@Occ.Dataset.ratings_to_csv_full] takes them.
 *
 * Returns: (transfer full): the CSV text (RFC 4180, UTF-8, CRLF)
 *
 * Since: 1.2
 */
char *
occ_dataset_template_to_csv_full (OccDataset *self, OccCsvFlags flags,
                                  gsize *length)
{
  OccMethodology *m;
  gboolean label;
  GString *out;
  g_autofree char *allowed = NULL;

  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);

  m = self->methodology;
  label = occ_methodology_lookup_criterion (m, "label") < 0;
  out = g_string_new (NULL);
  append_header (out, m, TRUE, flags);
  if (occ_methodology_is_categorical (m))
    allowed = allowed_levels (m);
  for (guint k = 0; k < self->countries.n; k++)
    for (guint p = 0; p < self->phases.n; p++)
      for (guint j = 0; j < self->n_nodes; j++)
        {
          OccNode *node = g_ptr_array_index (self->nodes, j);

          if (!self->node_leaf[j])
            continue;
          append_field (out, self->countries.ids[k], flags);
          g_string_append_c (out, ',');
          append_field (out, self->phases.ids[p], flags);
          g_string_append_c (out, ',');
          append_field (out, node->id, flags);
          if (label)
            {
              g_string_append_c (out, ',');
              append_field (out, node->label, flags);
            }
          /* rater, the criteria, groups, validated: to fill */
          for (guint c = 0; c < m->n_criteria + 3; c++)
            g_string_append_c (out, ',');
          if (allowed != NULL)
            {
              g_string_append_c (out, ',');
              append_field (out, allowed, flags);
            }
          g_string_append (out, "\r\n");
        }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
