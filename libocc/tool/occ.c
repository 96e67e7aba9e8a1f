/* occ.c: the occ command-line tool
 *
 * occ score | validate | report | methodology | export | template |
 * agreement | sensitivity | compare, each a small GOptionContext program in
 * the manner of json-glib-format.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <occ/occ.h>

#include <gio/gunixinputstream.h>
#include <unistd.h>

#include "occ-tool.h"

#ifndef OCC_DATADIR
#error "OCC_DATADIR must be defined by the build"
#endif

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

#define DEFAULT_DATASET "peru-2024.json"
#define DEFAULT_METHODOLOGY "cco-2024"

typedef struct {
  const char *name;
  const char *parameter_string;
  const char *brief;    /* one line, for occ --help */
  const char *summary;  /* a paragraph, for occ COMMAND --help */
  const GOptionEntry *entries;
  int min_args, max_args;
  int (*run) (int argc, char **argv);
} Command;

/* Output helpers ------------------------------------------------------- */

/* Everything a command prints goes through one GString written at the
 * end, so that a failure half-way leaves stdout empty. fwrite rather than
 * g_print: g_print converts to the locale's charset, and our output is
 * UTF-8 JSON, CSV or text whatever the locale. */
int
write_stdout (const GString *out)
{
  if (fwrite (out->str, 1, out->len, stdout) != out->len
      || fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;

      g_printerr ("occ: error writing to standard output: %s\n",
                  g_strerror (saved));
      return EXIT_BAD_INPUT;
    }
  return EXIT_SUCCESS;
}

/* Messages quote ids, labels and file names from the input: their
 * control characters are shown escaped, never sent to the terminal. */
int
fail (const GError *error)
{
  g_autofree char *message = occ_escape_for_terminal (error->message);

  g_printerr ("occ: %s\n", message);
  return EXIT_BAD_INPUT;
}

/* prgname is "occ" or "occ COMMAND" (see run_command). */
int
usage_error (const char *message)
{
  const char *prgname = g_get_prgname ();
  g_autofree char *shown = occ_escape_for_terminal (message);

  g_printerr ("%s: %s\n", prgname, shown);
  g_printerr ("Try “%s --help” for more information.\n", prgname);
  return EXIT_USAGE;
}

/* A change between phases, always signed ("+0.81", "-1.17", "0.00");
 * occ_methodology_format_value() never writes "-0.00". */
char *
format_change (OccMethodology *m, double delta)
{
  g_autofree char *text = occ_methodology_format_value (m, delta);

  if (occ_methodology_round (m, delta) > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/* An inclusion fraction as a whole percentage, rounded like every other
 * figure shown to a person (occ-v1 §4.8): the fraction's decimal to two
 * places, so 0.575 is 58 % (0.575 × 100 is 57.49999999999999). */
static char *
format_percent (double fraction)
{
  return g_strdup_printf ("%.0f%%", occ_round (fraction, 2) * 100.0);
}

/* The shortest of %.15g, %.16g and %.17g that reads back as the same
 * double: full precision without the noise digits of a blind %.17g. A
 * zero is "0" whatever its sign, as the JSON writer writes it, so that a
 * published -0.0 agrees in every format. */
void
format_exact (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (value == 0)
    value = 0.0;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* Loading ------------------------------------------------------------- */

static char *
default_dataset_path (void)
{
  const char *dir = g_getenv ("OCC_DATADIR");

  if (dir == NULL || *dir == '\0')
    dir = OCC_DATADIR;
  return g_build_filename (dir, DEFAULT_DATASET, NULL);
}

/* "-" reads standard input, so that occ sits in a pipeline; with the
 * same size limit as a file, so that an endless input is refused, not
 * kept. */
GInputStream *
occ_tool_stdin (void)
{
  return g_unix_input_stream_new (STDIN_FILENO, FALSE);
}

static OccDataset *
load_stdin (GError **error)
{
  g_autoptr (GInputStream) in = occ_tool_stdin ();

  return occ_dataset_new_from_stream (in, "-", NULL, error);
}

OccDataset *
load_dataset (const char *path, GError **error)
{
  g_autofree char *fallback = NULL;

  if (path == NULL)
    path = fallback = default_dataset_path ();
  /* Standard input, by name too: a pipe there is read as a stream
   * (other FIFOs are refused by the library rather than waited on). */
  if (strcmp (path, "-") == 0 || strcmp (path, "/dev/stdin") == 0)
    return load_stdin (error);
  return occ_dataset_new_from_file (path, error);
}

/* --help, printed by occ rather than by GOption, which writes it with
 * g_print() and exits 0 even when standard output is /dev/full. */
static gboolean show_help = FALSE;

static const GOptionEntry help_entries[] = {
  { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, "Show help options",
    NULL },
  /* -? as GOption's own help had it. */
  { "help", '?', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &show_help, NULL,
    NULL },
  { NULL }
};

static void
add_help (GOptionContext *context)
{
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, help_entries, NULL);
}

/* The help text, through write_stdout(): a write error fails. */
static int
print_help (GOptionContext *context)
{
  g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
  g_autoptr (GString) out = g_string_new (text);

  return write_stdout (out);
}

/* Parses a subcommand's options; on a usage error prints it and returns
 * EXIT_USAGE, on --help prints the help and returns its status, else -1.
 * argv[0] is the subcommand's name. */
static int
parse_options (GOptionContext *context, int *argc, char ***argv,
               int min_args, int max_args)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (error->message);
  if (show_help)
    return print_help (context);
  if (*argc - 1 > max_args || *argc - 1 < min_args)
    return usage_error (*argc - 1 > max_args ? "too many arguments"
                                             : "missing argument");
  return -1;
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

/* occ score ------------------------------------------------------------ */

static char *score_format = NULL;

static const GOptionEntry score_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &score_format,
    "Output format: json (occ-results/1, the default), table or csv",
    "FORMAT" },
  OCC_TOOL_RATINGS_ENTRY,
  OCC_TOOL_CSV_RAW_ENTRY,
  OCC_SCORE_CI_ENTRIES,
  { NULL }
};


static void
row_add (Row *row, char *cell)
{
  g_ptr_array_add (row, cell);
}

static char *
cell_int (gboolean known, int value)
{
  return known ? g_strdup_printf ("%d", value) : NULL;
}

char *
cell_exact (gboolean known, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!known)
    return NULL;
  format_exact (buf, value);
  return g_strdup (buf);
}

char *
cell_display (OccMethodology *m, gboolean known, double value)
{
  return known ? occ_methodology_format_value (m, value) : NULL;
}

static char *
cell_change (OccMethodology *m, gboolean known, double value)
{
  return known ? format_change (m, value) : NULL;
}

/* A score's figures, read once for both kinds of row. */
typedef struct {
  gboolean has_value, has_delta, has_inclusion;
  double value, delta, inclusion;
  guint rank, country_rank;
  int missing;
} Figures;

static Figures
get_figures (OccScore *score)
{
  Figures f = { 0 };

  f.has_value = occ_score_get_value (score, &f.value);
  f.has_delta = occ_score_get_delta (score, &f.delta);
  f.has_inclusion = occ_score_get_inclusion (score, &f.inclusion);
  f.rank = occ_score_get_rank (score);
  f.country_rank = occ_score_get_country_rank (score);
  f.missing = occ_score_get_missing_children (score);
  return f;
}

static Figures
get_criterion_figures (OccScore *score, guint c)
{
  Figures f = { 0 };

  f.has_value = occ_score_get_criterion_value (score, c, &f.value);
  f.has_delta = occ_score_get_criterion_delta (score, c, &f.delta);
  return f;
}

static Row *
row_new (OccScore *score)
{
  Row *row = g_ptr_array_new_with_free_func (g_free);

  row_add (row, g_strdup (occ_score_get_country (score)));
  row_add (row, g_strdup (occ_score_get_phase (score)));
  row_add (row, g_strdup (occ_score_get_node_id (score)));
  row_add (row, cell_int (TRUE, occ_score_get_depth (score)));
  return row;
}

/* Full-precision values of one score, for CSV. Like occ-results/1, a
 * rank between countries is only given when there are several. */
static Row *
csv_row (OccScore *score, gboolean several_countries)
{
  Row *row = row_new (score);
  Figures f = get_figures (score);

  row_add (row, cell_exact (f.has_value, f.value));
  row_add (row, g_strdup (occ_score_get_band (score)));
  row_add (row, cell_exact (f.has_delta, f.delta));
  row_add (row, cell_int (f.rank > 0, (int) f.rank));
  row_add (row, cell_int (several_countries && f.country_rank > 0,
                          (int) f.country_rank));
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      Figures cf = get_criterion_figures (score, c);
      int n = occ_score_get_criterion_n (score, c);

      row_add (row, cell_exact (cf.has_value, cf.value));
      row_add (row, cell_int (n >= 0, n));
      row_add (row, g_strdup (occ_score_get_criterion_band (score, c)));
      row_add (row, cell_exact (cf.has_delta, cf.delta));
    }
  row_add (row, cell_exact (f.has_inclusion, f.inclusion));
  row_add (row, cell_int (f.missing >= 0, f.missing));
  return row;
}

/* Rounded values of one score, for the human table. */
static Row *
table_row (OccMethodology *m, OccScore *score)
{
  Row *row = row_new (score);
  Figures f = get_figures (score);

  row_add (row, cell_display (m, f.has_value, f.value));
  row_add (row, g_strdup (occ_score_get_band (score)));
  row_add (row, cell_change (m, f.has_delta, f.delta));
  row_add (row, cell_int (f.rank > 0, (int) f.rank));
  for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
    {
      Figures cf = get_criterion_figures (score, c);

      row_add (row, cell_display (m, cf.has_value, cf.value));
      row_add (row, g_strdup (occ_score_get_criterion_band (score, c)));
      row_add (row, cell_change (m, cf.has_delta, cf.delta));
    }
  row_add (row, f.has_inclusion ? format_percent (f.inclusion) : NULL);
  row_add (row, cell_int (f.missing >= 0, f.missing));
  return row;
}

/* The header of the CSV (@csv) or of the table. */
static Row *
header_row (OccMethodology *m, gboolean csv)
{
  Row *row = g_ptr_array_new_with_free_func (g_free);
  const char *const common[] = { "country", "phase", "node", "depth",
                                 "value", "band", "delta", "rank" };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    row_add (row, g_strdup (common[i]));
  if (csv)
    row_add (row, g_strdup ("country_rank"));
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      const char *id = occ_methodology_get_criterion_id (m, c);

      row_add (row, g_strdup_printf (csv ? "%s.value" : "%s", id));
      if (csv)
        row_add (row, g_strdup_printf ("%s.n", id));
      row_add (row, g_strdup_printf ("%s.band", id));
      row_add (row, g_strdup_printf ("%s.delta", id));
    }
  row_add (row, g_strdup (csv ? "inclusion" : "incl"));
  row_add (row, g_strdup (csv ? "missing_children" : "missing"));
  return row;
}

/* --csv-raw: cells as they are, for programs; by default a text cell a
 * spreadsheet would take for a formula is neutralized (docs/csv.md). */
gboolean occ_tool_csv_raw = FALSE;

OccCsvFlags
occ_tool_csv_flags (void)
{
  return occ_tool_csv_raw ? OCC_CSV_FLAGS_RAW : OCC_CSV_FLAGS_NONE;
}

/* One cell as the library's CSV writer writes it (RFC 4180, formulas
 * neutralized unless --csv-raw). */
static void
append_csv_field (GString *out, const char *field)
{
  g_autofree char *cell = occ_csv_quote_field (field, occ_tool_csv_flags ());

  g_string_append (out, cell);
}

void
append_csv_row (GString *out, Row *row)
{
  for (guint i = 0; i < row->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, g_ptr_array_index (row, i));
    }
  g_string_append (out, "\r\n");
}

/* Text columns (ids, bands) align left, figures right. */
static gboolean
is_text_column (Row *header, guint column)
{
  const char *name = g_ptr_array_index (header, column);

  return column < 3 || strcmp (name, "band") == 0
         || g_str_has_suffix (name, ".band");
}

void
append_table (GString *out, GPtrArray *rows)
{
  Row *header = g_ptr_array_index (rows, 0);
  g_autofree guint *width = g_new0 (guint, header->len);

  /* A table is for a terminal: cells with their controls escaped. */
  for (guint r = 0; r < rows->len; r++)
    for (guint i = 0; i < header->len; i++)
      {
        Row *row = g_ptr_array_index (rows, r);
        char *cell = g_ptr_array_index (row, i);

        if (cell != NULL)
          {
            row->pdata[i] = occ_escape_for_terminal (cell);
            g_free (cell);
            cell = row->pdata[i];
          }
        width[i] = MAX (width[i], cell ? (guint) g_utf8_strlen (cell, -1) : 1);
      }
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      g_autoptr (GString) line = g_string_new (NULL);

      for (guint i = 0; i < row->len; i++)
        {
          const char *cell = g_ptr_array_index (row, i);
          guint pad;

          cell = cell ? cell : "-";
          pad = width[i] - (guint) g_utf8_strlen (cell, -1);
          if (i > 0)
            g_string_append (line, "  ");
          if (!is_text_column (header, i))
            g_string_append_printf (line, "%*s", pad, "");
          g_string_append (line, cell);
          if (is_text_column (header, i))
            g_string_append_printf (line, "%*s", pad, "");
        }
      /* Trailing blanks of the last left-aligned column are noise. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

static void
score_as_rows (OccResults *results, gboolean csv, GString *out)
{
  OccDataset *dataset = occ_results_get_dataset (results);
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  gboolean several = occ_dataset_get_n_countries (dataset) > 1;
  GListModel *model = G_LIST_MODEL (results);
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_add (rows, header_row (m, csv));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (model, i);
      g_ptr_array_add (rows, csv ? csv_row (score, several)
                                 : table_row (m, score));
    }
  if (!csv)
    {
      append_table (out, rows);
      return;
    }
  for (guint r = 0; r < rows->len; r++)
    append_csv_row (out, g_ptr_array_index (rows, r));
}

static int
run_score (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *format;

  format = score_format ? score_format : "json";
  if (strcmp (format, "json") != 0 && strcmp (format, "table") != 0
      && strcmp (format, "csv") != 0)
    {
      g_autofree char *message = g_strdup_printf (
        "unknown format “%s” (json, table or csv)", format);
      return usage_error (message);
    }
  if (!score_ci && score_ci_options_given ())
    return usage_error ("--level, --replicates, --seed, --method and "
                        "--threads go with --ci");
  dataset = occ_tool_load_dataset (argc > 1 ? argv[1] : NULL, &error);
  if (dataset == NULL)
    return fail (error);
  results = occ_results_new (dataset);
  if (score_ci)
    return run_score_ci (results, format, out);
  if (strcmp (format, "json") == 0)
    {
      g_autofree char *json = occ_results_to_data (results, NULL);
      g_string_append (out, json);
    }
  else
    score_as_rows (results, strcmp (format, "csv") == 0, out);
  return write_stdout (out);
}

/* occ validate --------------------------------------------------------- */

static const GOptionEntry no_entries[] = { { NULL } };

static const GOptionEntry validate_entries[] = {
  OCC_TOOL_RATINGS_ENTRY,
  { NULL }
};

static void
append_count (GString *out, gsize n, const char *one, const char *many)
{
  g_string_append_printf (out, "%" G_GSIZE_FORMAT " %s", n,
                          n == 1 ? one : many);
}

static int
run_validate (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *display = NULL;

  dataset = occ_tool_load_dataset (argv[1], &error);
  if (dataset == NULL)
    return fail (error);
  {
    g_autofree char *name = occ_tool_display_name (argv[1]);
    display = occ_escape_for_terminal (name);
  }
  g_string_append_printf (out, "%s: valid occ-dataset/1 (", display);
  append_count (out, occ_dataset_get_n_countries (dataset), "country",
                "countries");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_phases (dataset), "phase", "phases");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_nodes (dataset), "node", "nodes");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_ratings (dataset), "rating", "ratings");
  g_string_append (out, ", ");
  append_count (out, occ_dataset_get_n_published (dataset), "published",
                "published");
  g_string_append (out, ")\n");
  return write_stdout (out);
}

/* occ report ----------------------------------------------------------- */

typedef struct {
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
      change = format_change (r->m, delta);
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
      g_autofree char *id = occ_escape_for_terminal (
        occ_methodology_get_criterion_id (r->m, c));

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
      g_autofree char *percent = format_percent (v);
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

  g_string_append_printf (r->out, "%*s%s: ",
                          2 * (int) occ_node_get_depth (node), "", title);
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
  g_autoptr (GListModel) best =
    occ_results_get_best (r->results, r->country, r->phase, peer);
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
      g_autofree char *id = occ_escape_for_terminal (
        occ_methodology_get_criterion_id (m, c));
      g_autofree char *label = occ_escape_for_terminal (
        occ_methodology_get_criterion_label (m, c));

      g_string_append_printf (out, "%s%s = %s", c > 0 ? ", " : "", id, label);
    }
  g_string_append (out, ") value band (change); inclusion of population "
                        "groups; children not scored.\n");
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
    g_autofree char *name = occ_escape_for_terminal (
      occ_methodology_get_name (r.m));
    g_autofree char *id = occ_escape_for_terminal (occ_methodology_get_id (r.m));
    g_string_append_printf (out, "Methodology: %s (%s)\n", name, id);
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
run_report (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  dataset = load_dataset (argc > 1 ? argv[1] : NULL, &error);
  if (dataset == NULL)
    return fail (error);
  results = occ_results_new (dataset);
  append_report (out, results);
  return write_stdout (out);
}

/* occ methodology ------------------------------------------------------ */

static gboolean methodology_list = FALSE;

static const GOptionEntry methodology_entries[] = {
  { "list", 'l', 0, G_OPTION_ARG_NONE, &methodology_list,
    "List the built-in methodologies", NULL },
  { NULL }
};

static int
run_methodology (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *json = NULL;

  if (methodology_list)
    {
      const char *const *ids = occ_methodology_list_builtin ();

      if (argc > 1)
        return usage_error ("--list takes no methodology id");
      for (guint i = 0; ids[i] != NULL; i++)
        g_string_append_printf (out, "%s\n", ids[i]);
      return write_stdout (out);
    }
  m = occ_methodology_new_builtin (argc > 1 ? argv[1] : DEFAULT_METHODOLOGY,
                                   &error);
  if (m == NULL)
    return fail (error);
  json = occ_methodology_to_data (m, NULL);
  g_string_append (out, json);
  return write_stdout (out);
}

/* Dispatch ------------------------------------------------------------- */

static const Command commands[] = {
  { "score", "[DATASET]", "Score a dataset: JSON, table or CSV",
    "Score an occ-dataset/1 file (default: the bundled Peru dataset) and "
    "print the scores of every node as occ-results/1 JSON, an aligned "
    "table or CSV. “-” reads standard input.",
    score_entries, 0, 1, run_score },
  { "validate", "DATASET", "Check a dataset",
    "Check that a file is a valid occ-dataset/1 document. On error the "
    "message names the place (file:line:column or a JSON path) and the "
    "rule broken, and the exit status is 1.",
    validate_entries, 1, 1, run_validate },
  { "report", "[DATASET]", "Print a plain-text report",
    "Print a plain-text report of every country and phase: the score of "
    "each node with its criteria, change and rank, the best and worst of "
    "each peer group, and the country score.",
    no_entries, 0, 1, run_report },
  { "methodology", "[ID]", "Print a built-in methodology",
    "Print a built-in methodology (default: " DEFAULT_METHODOLOGY ") as "
    "JSON, or with --list the ids of all built-in methodologies.",
    methodology_entries, 0, 1, run_methodology },
  OCC_TOOL_EXPORT_COMMAND,
  OCC_TOOL_TEMPLATE_COMMAND,
  { "agreement", "[DATASET]", "Inter-rater agreement (Krippendorff's alpha)",
    "Krippendorff's alpha of the raters' ratings in each country and "
    "phase, over all criteria and criterion by criterion, with bootstrap "
    "intervals (units resampled).",
    agreement_entries, 0, 1, run_agreement },
  { "sensitivity", "[DATASET]", "How scores and ranks depend on weights",
    "Monte Carlo over the criterion weights and the aggregation methods: "
    "median score and rank with their 5-95 % range across draws, and each "
    "uncertain input's first-order sensitivity index.",
    sensitivity_entries, 0, 1, run_sensitivity },
  { "compare", "[DATASET]", "Compare countries on a node",
    "One node (--node), every node of a depth (--depth) or the countries' "
    "own scores across countries in one phase: score, rank between "
    "countries, change and rank since the previous phase, and with --ci "
    "bootstrap intervals.",
    compare_entries, 0, 1, run_compare },
};

static int
run_command (const Command *command, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *prgname = g_strdup_printf ("occ %s", command->name);

  /* So that --help and error messages say "occ score". */
  g_set_prgname (prgname);
  int status;

  context = g_option_context_new (command->parameter_string);
  g_option_context_set_summary (context, command->summary);
  g_option_context_add_main_entries (context, command->entries, NULL);
  add_help (context);
  status = parse_options (context, &argc, &argv, command->min_args,
                          command->max_args);
  if (status >= 0)
    return status;
  return command->run (argc, argv);
}

static char *
commands_description (void)
{
  GString *text = g_string_new ("Commands:\n");
  guint n_defaulting = 0, last_defaulting = 0;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].parameter_string, "[DATASET]") == 0)
      last_defaulting = i;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name,
                                                commands[i].parameter_string);
      g_string_append_printf (text, "  %-22s %s\n", usage, commands[i].brief);
    }
  g_string_append (text, "\nRun “occ COMMAND --help” for a command's "
                         "options.\nWithout DATASET, ");
  /* The commands whose DATASET is optional, from the table itself so that
   * a new one is never left out. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].parameter_string, "[DATASET]") == 0)
      {
        if (n_defaulting > 0)
          g_string_append (text, i == last_defaulting ? " and " : ", ");
        g_string_append (text, commands[i].name);
        n_defaulting++;
      }
  /* The file that would be read, not a variable to work out. */
  path = default_dataset_path ();
  g_string_append_printf (text, "\nuse %s\n(set OCC_DATADIR to read "
                          DEFAULT_DATASET " from another directory).", path);
  return g_string_free (text, FALSE);
}

static gboolean show_version = FALSE;

static const GOptionEntry main_entries[] = {
  { "version", 'V', 0, G_OPTION_ARG_NONE, &show_version,
    "Print the version and exit", NULL },
  { NULL }
};

static GOptionContext *
main_context (void)
{
  GOptionContext *context = g_option_context_new ("COMMAND [ARGS…]");
  g_autofree char *description = commands_description ();

  g_option_context_set_summary (context, "Score how well governments keep "
                                         "anti-corruption commitments.");
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, main_entries, NULL);
  add_help (context);
  /* Stop at the command name: its options belong to its own context. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("occ");
  context = main_context ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (show_help)
    return print_help (context);
  if (show_version)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      g_string_append_printf (out, "occ %s\n", occ_get_version ());
      return write_stdout (out);
    }
  if (argc < 2)
    return usage_error ("missing command");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return run_command (&commands[i], argc - 1, argv + 1);
  message = g_strdup_printf ("unknown command “%s”", argv[1]);
  return usage_error (message);
}
