#!/usr/bin/env python3
"""cffi build script of the `occ` Python package (API mode).

    occ_build.py OUTPUT.c     write the C source of occ._occ_cffi

The C source is compiled by meson against <occ/occ.h> (see meson.build),
so the declarations below are checked by the C compiler against the
public headers:

* cffi itself compiles a call to every declared function, and a partial
  struct or an integer typedef of unknown size (`typedef int... guint;`) is
  measured by the compiler, not assumed;
* on top of that, SOURCE asserts for every function declared here that its
  type is exactly the type <occ/occ.h> gives it
  (`__builtin_types_compatible_p`), so a wrong return type, a wrong
  parameter type or a missing `const` is a build error, not a silent
  conversion;
* tests/python/test_cdef.py checks that every function the public headers
  declare (OCC_AVAILABLE_IN_1_0, including the *_get_type functions of
  G_DECLARE_FINAL_TYPE) is declared here, and that a wrong declaration
  breaks the build.
"""

import re
import sys

import cffi

# GLib and GIO: only what the binding uses. Integer typedefs are "int...":
# the compiler supplies their size and signedness.
GLIB_CDEF = """
typedef int... gboolean;
typedef int... gint;
typedef int... guint;
typedef int... gint32;
typedef int... guint32;
typedef int... guint16;
typedef int... guint8;
typedef int... gsize;
typedef int... gssize;
typedef int... GType;
typedef int... GQuark;
typedef void *gpointer;
typedef const void *gconstpointer;

typedef struct {
    GQuark domain;
    gint code;
    char *message;
    ...;
} GError;

typedef struct _GBytes GBytes;
typedef struct _GListModel GListModel;
typedef struct _GInputStream GInputStream;
typedef struct _GOutputStream GOutputStream;
typedef struct _GCancellable GCancellable;

void g_free (gpointer mem);
void g_error_free (GError *error);
const char *g_quark_to_string (GQuark quark);
GQuark g_file_error_quark (void);

gpointer g_object_ref (gpointer object);
void g_object_unref (gpointer object);

GBytes *g_bytes_new (gconstpointer data, gsize size);
void g_bytes_unref (GBytes *bytes);

guint g_list_model_get_n_items (GListModel *list);
gpointer g_list_model_get_item (GListModel *list, guint position);

char *g_filename_display_name (const char *filename);
"""

# The whole public API of libocc 1.0, header by header.
OCC_CDEF = """
/* occ-version.h */
const char *occ_get_version (void);
guint occ_get_major_version (void);
guint occ_get_minor_version (void);
guint occ_get_micro_version (void);

/* occ-error.h */
typedef enum {
  OCC_ERROR_SYNTAX,
  OCC_ERROR_FORMAT,
  OCC_ERROR_TYPE,
  OCC_ERROR_RANGE,
  OCC_ERROR_UNKNOWN_ID,
  OCC_ERROR_DUPLICATE,
  OCC_ERROR_STRUCTURE,
  OCC_ERROR_LIMIT,
} OccError;
GQuark occ_error_quark (void);

/* occ-methodology.h */
typedef enum {
  OCC_AGGREGATION_MEAN,
  OCC_AGGREGATION_MEDIAN,
  OCC_AGGREGATION_GEOMETRIC,
} OccAggregation;
typedef enum {
  OCC_LEVEL_RATERS,
  OCC_LEVEL_CRITERIA,
  OCC_LEVEL_CHILDREN,
} OccLevel;
typedef enum {
  OCC_SCALE_KIND_NUMERIC,
} OccScaleKind;
typedef struct _OccMethodology OccMethodology;
GType occ_methodology_get_type (void);
OccMethodology *occ_methodology_new_builtin (const char *id, GError **error);
OccMethodology *occ_methodology_new_from_data (const char *data, gssize length, GError **error);
const char *const *occ_methodology_list_builtin (void);
char *occ_methodology_to_data (OccMethodology *self, gsize *length);
const char *occ_methodology_get_id (OccMethodology *self);
const char *occ_methodology_get_name (OccMethodology *self);
OccScaleKind occ_methodology_get_scale_kind (OccMethodology *self);
int occ_methodology_get_scale_min (OccMethodology *self);
int occ_methodology_get_scale_max (OccMethodology *self);
guint occ_methodology_get_n_criteria (OccMethodology *self);
const char *occ_methodology_get_criterion_id (OccMethodology *self, guint criterion);
const char *occ_methodology_get_criterion_label (OccMethodology *self, guint criterion);
double occ_methodology_get_criterion_weight (OccMethodology *self, guint criterion);
int occ_methodology_lookup_criterion (OccMethodology *self, const char *id);
OccAggregation occ_methodology_get_aggregation (OccMethodology *self, OccLevel level);
guint occ_methodology_get_min_raters (OccMethodology *self);
guint occ_methodology_get_precision (OccMethodology *self);
guint occ_methodology_get_n_bands (OccMethodology *self);
const char *occ_methodology_get_band_label (OccMethodology *self, guint band);
double occ_methodology_get_band_from (OccMethodology *self, guint band);
const char *occ_methodology_band_for_value (OccMethodology *self, double value);
guint occ_methodology_get_n_population_groups (OccMethodology *self);
const char *occ_methodology_get_population_group_id (OccMethodology *self, guint group);
const char *occ_methodology_get_population_group_label (OccMethodology *self, guint group);
double occ_methodology_round (OccMethodology *self, double value);
char *occ_methodology_format_value (OccMethodology *self, double value);
const char *occ_aggregation_to_string (OccAggregation aggregation);

/* occ-node.h */
typedef struct _OccNode OccNode;
GType occ_node_get_type (void);
const char *occ_node_get_id (OccNode *self);
const char *occ_node_get_label (OccNode *self);
const char *occ_node_get_text (OccNode *self);
double occ_node_get_weight (OccNode *self);
guint occ_node_get_depth (OccNode *self);
guint occ_node_get_index (OccNode *self);
gboolean occ_node_is_leaf (OccNode *self);
OccNode *occ_node_get_parent (OccNode *self);
OccNode *occ_node_get_top (OccNode *self);
GListModel *occ_node_get_children (OccNode *self);

/* occ-dataset.h */
typedef enum {
  OCC_RATING_FIELD_COUNTRY,
  OCC_RATING_FIELD_PHASE,
  OCC_RATING_FIELD_NODE,
  OCC_RATING_FIELD_RATER,
} OccRatingField;
typedef struct _OccDataset OccDataset;
GType occ_dataset_get_type (void);
OccDataset *occ_dataset_new_from_file (const char *filename, GError **error);
OccDataset *occ_dataset_new_from_data (const char *data, gssize length, GError **error);
OccDataset *occ_dataset_new_from_bytes (GBytes *bytes, GError **error);
char *occ_dataset_to_data (OccDataset *self, gsize *length);
gboolean occ_dataset_save_to_file (OccDataset *self, const char *filename, GError **error);
const char *occ_dataset_get_title (OccDataset *self);
OccMethodology *occ_dataset_get_methodology (OccDataset *self);
guint occ_dataset_get_n_countries (OccDataset *self);
const char *occ_dataset_get_country_id (OccDataset *self, guint country);
const char *occ_dataset_get_country_name (OccDataset *self, guint country);
int occ_dataset_lookup_country (OccDataset *self, const char *id);
guint occ_dataset_get_n_phases (OccDataset *self);
const char *occ_dataset_get_phase_id (OccDataset *self, guint phase);
const char *occ_dataset_get_phase_label (OccDataset *self, guint phase);
int occ_dataset_lookup_phase (OccDataset *self, const char *id);
guint occ_dataset_get_n_raters (OccDataset *self);
const char *occ_dataset_get_rater_id (OccDataset *self, guint rater);
const char *occ_dataset_get_rater_name (OccDataset *self, guint rater);
const char *occ_dataset_get_rater_country (OccDataset *self, guint rater);
int occ_dataset_lookup_rater (OccDataset *self, const char *id);
GListModel *occ_dataset_get_framework (OccDataset *self);
guint occ_dataset_get_n_nodes (OccDataset *self);
OccNode *occ_dataset_get_node (OccDataset *self, guint index);
OccNode *occ_dataset_lookup_node (OccDataset *self, const char *id);
gsize occ_dataset_get_n_ratings (OccDataset *self);
const guint32 *occ_dataset_get_rating_indices (OccDataset *self, OccRatingField field, gsize *n_ratings);
gint32 *occ_dataset_dup_rating_scores (OccDataset *self, guint criterion, guint8 **rated, gsize *n_ratings);
guint32 *occ_dataset_dup_rating_group_counts (OccDataset *self, gsize *n_ratings);
const guint16 *occ_dataset_get_rating_groups (OccDataset *self, gsize rating, gsize *n_groups);
int occ_dataset_get_rating_validated (OccDataset *self, gsize rating);
const char *occ_dataset_get_rating_evidence (OccDataset *self, gsize rating);
gsize occ_dataset_get_n_published (OccDataset *self);
const guint32 *occ_dataset_get_published_indices (OccDataset *self, OccRatingField field, gsize *n_published);
double *occ_dataset_dup_published_scores (OccDataset *self, guint criterion, guint8 **present, gsize *n_published);
int occ_dataset_get_published_raters (OccDataset *self, gsize published);
gboolean occ_dataset_get_published_inclusion (OccDataset *self, gsize published, double *inclusion);

/* occ-score.h */
typedef struct _OccScore OccScore;
GType occ_score_get_type (void);
const char *occ_score_get_country (OccScore *self);
const char *occ_score_get_phase (OccScore *self);
OccNode *occ_score_get_node (OccScore *self);
const char *occ_score_get_node_id (OccScore *self);
int occ_score_get_depth (OccScore *self);
gboolean occ_score_get_value (OccScore *self, double *value);
const char *occ_score_get_band (OccScore *self);
gboolean occ_score_get_delta (OccScore *self, double *delta);
guint occ_score_get_rank (OccScore *self);
guint occ_score_get_country_rank (OccScore *self);
gboolean occ_score_get_inclusion (OccScore *self, double *inclusion);
int occ_score_get_missing_children (OccScore *self);
guint occ_score_get_n_criteria (OccScore *self);
gboolean occ_score_get_criterion_value (OccScore *self, guint criterion, double *value);
const char *occ_score_get_criterion_band (OccScore *self, guint criterion);
gboolean occ_score_get_criterion_delta (OccScore *self, guint criterion, double *delta);
int occ_score_get_criterion_n (OccScore *self, guint criterion);

/* occ-results.h */
typedef struct _OccResults OccResults;
GType occ_results_get_type (void);
OccResults *occ_results_new (OccDataset *dataset);
OccDataset *occ_results_get_dataset (OccResults *self);
OccScore *occ_results_lookup (OccResults *self, const char *country, const char *phase, const char *node);
OccScore *occ_results_lookup_country (OccResults *self, const char *country, const char *phase);
GListModel *occ_results_get_best (OccResults *self, const char *country, const char *phase, const char *peer);
GListModel *occ_results_get_worst (OccResults *self, const char *country, const char *phase, const char *peer);
double *occ_results_dup_values (OccResults *self, guint country, guint phase, int criterion, guint8 **present, gsize *n_nodes);
char *occ_results_to_data (OccResults *self, gsize *length);

/* occ-dataset-csv.h (1.1) */
OccDataset *occ_dataset_new_with_ratings_csv (OccDataset *base, const char *filename, GError **error);
OccDataset *occ_dataset_new_with_ratings_csv_stream (OccDataset *base, GInputStream *stream, const char *source, GCancellable *cancellable, GError **error);
OccDataset *occ_dataset_new_with_ratings_csv_data (OccDataset *base, const char *data, gssize length, GError **error);
OccDataset *occ_dataset_new_with_ratings_csv_bytes (OccDataset *base, GBytes *bytes, GError **error);
char *occ_dataset_ratings_to_csv (OccDataset *self, gsize *length);
gboolean occ_dataset_write_ratings_csv (OccDataset *self, GOutputStream *stream, GCancellable *cancellable, GError **error);
char *occ_dataset_template_to_csv (OccDataset *self, gsize *length);
"""

CDEF = GLIB_CDEF + OCC_CDEF

# One function declaration per line: RETURN-TYPE NAME (PARAMETERS);
_FUNCTION = re.compile(
    r"^(?P<ret>[A-Za-z_][\w\s\*]*?[\s\*])(?P<name>[A-Za-z_]\w*)\s*"
    r"\((?P<params>[^()]*)\);\s*$",
    re.MULTILINE)


def declared_functions(cdef=CDEF):
    """(return type, name, parameters) of every function declared in cdef."""
    return [(m.group("ret").strip(), m.group("name"), m.group("params").strip())
            for m in _FUNCTION.finditer(re.sub(r"/\*.*?\*/", "", cdef))]


def type_checks(cdef=CDEF):
    """C source asserting that every function of cdef has exactly the type
    the included headers give it."""
    lines = []
    for ret, name, params in declared_functions(cdef):
        lines.append(
            "_Static_assert (__builtin_types_compatible_p (__typeof__ (%s), "
            "%s (%s)),\n                \"the cffi declaration of %s() "
            "differs from <occ/occ.h>\");" % (name, ret, params, name))
    return "\n".join(lines)


def make_ffi(cdef=CDEF):
    """The FFI of occ._occ_cffi for cdef (the real one by default)."""
    ffi = cffi.FFI()
    ffi.cdef(cdef)
    ffi.set_source("occ._occ_cffi",
                   "#include <occ/occ.h>\n\n"
                   "/* Every declaration of the cdef, checked against the "
                   "headers. */\n" + type_checks(cdef) + "\n")
    return ffi


ffi = make_ffi()


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: occ_build.py OUTPUT.c\n")
        return 2
    make_ffi().emit_c_code(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
