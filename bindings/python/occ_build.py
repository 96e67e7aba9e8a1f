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
  declare (OCC_AVAILABLE_IN_*, including the *_get_type functions of
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
typedef int... gint8;
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
typedef struct _GFile GFile;
typedef struct _GFileOutputStream GFileOutputStream;
typedef enum { G_FILE_CREATE_NONE = 0, G_FILE_CREATE_PRIVATE = 1, G_FILE_CREATE_REPLACE_DESTINATION = 2 } GFileCreateFlags;
typedef struct _GOutputStream GOutputStream;
typedef struct _GCancellable GCancellable;

void g_free (gpointer mem);
void g_strfreev (char **str_array);
void g_error_free (GError *error);
const char *g_quark_to_string (GQuark quark);
GQuark g_file_error_quark (void);

gpointer g_object_ref (gpointer object);
void g_object_unref (gpointer object);
GFile *g_file_new_for_path (const char *path);
GFileOutputStream *g_file_replace (GFile *file, const char *etag, gboolean make_backup, GFileCreateFlags flags, GCancellable *cancellable, GError **error);
gboolean g_output_stream_close (GOutputStream *stream, GCancellable *cancellable, GError **error);

GBytes *g_bytes_new (gconstpointer data, gsize size);
void g_bytes_unref (GBytes *bytes);

guint g_list_model_get_n_items (GListModel *list);
gpointer g_list_model_get_item (GListModel *list, guint position);

char *g_filename_display_name (const char *filename);
"""

# The public API of libocc outside occ-analysis.h, header by header (1.0,
# and the 1.1 functions of occ-dataset-csv.h).
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
gboolean occ_error_get_location (const GError *error, const char **source, guint *line, guint *column);
const char *occ_error_get_path (const GError *error);
const char *occ_error_get_rule (const GError *error);

/* occ-methodology.h */
typedef enum {
  OCC_AGGREGATION_MEAN,
  OCC_AGGREGATION_MEDIAN,
  OCC_AGGREGATION_GEOMETRIC,
  OCC_AGGREGATION_MODE,
} OccAggregation;
typedef enum {
  OCC_LEVEL_RATERS,
  OCC_LEVEL_CRITERIA,
  OCC_LEVEL_CHILDREN,
} OccLevel;
typedef enum {
  OCC_SCALE_KIND_NUMERIC,
  OCC_SCALE_KIND_CATEGORICAL,
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
double occ_round (double value, guint decimals);
const char *occ_methodology_get_localized_name (OccMethodology *self, const char *lang);
const char *occ_methodology_get_localized_criterion_label (OccMethodology *self, guint criterion, const char *lang);
const char *occ_methodology_get_localized_band_label (OccMethodology *self, guint band, const char *lang);
const char *occ_methodology_get_localized_population_group_label (OccMethodology *self, guint group, const char *lang);
int occ_methodology_lookup_band (OccMethodology *self, const char *label);
guint occ_methodology_get_n_levels (OccMethodology *self);
const char *occ_methodology_get_level_label (OccMethodology *self, guint depth, const char *lang);
char *occ_methodology_format_value (OccMethodology *self, double value);
const char *occ_aggregation_to_string (OccAggregation aggregation);
/* 1.5: categorical methodologies */
guint occ_methodology_get_n_criterion_levels (OccMethodology *self, guint criterion);
guint occ_methodology_get_n_criterion_unranked (OccMethodology *self, guint criterion);
const char *occ_methodology_get_criterion_level_id (OccMethodology *self, guint criterion, int level);
const char *occ_methodology_get_criterion_level_label (OccMethodology *self, guint criterion, int level, const char *lang);
gboolean occ_methodology_lookup_criterion_level (OccMethodology *self, guint criterion, const char *id, int *level);
gboolean occ_methodology_get_criterion_level_value (OccMethodology *self, guint criterion, int level, double *value);
char **occ_methodology_dup_criterion_level_ids (OccMethodology *self, guint criterion);
guint occ_methodology_get_n_flags (OccMethodology *self);
const char *occ_methodology_get_flag_id (OccMethodology *self, guint flag);
const char *occ_methodology_get_flag_label (OccMethodology *self, guint flag, const char *lang);
int occ_methodology_lookup_flag (OccMethodology *self, const char *id);
guint occ_methodology_get_n_summaries (OccMethodology *self);
const char *occ_methodology_get_summary_id (OccMethodology *self, guint summary);
const char *occ_methodology_get_summary_label (OccMethodology *self, guint summary, const char *lang);
gboolean occ_methodology_get_summary_has_percent (OccMethodology *self, guint summary);
int occ_methodology_lookup_summary (OccMethodology *self, const char *id);

/* occ-node.h */
typedef struct _OccNode OccNode;
GType occ_node_get_type (void);
const char *occ_node_get_id (OccNode *self);
const char *occ_node_get_label (OccNode *self);
const char *occ_node_get_localized_label (OccNode *self, const char *lang);
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
OccDataset *occ_dataset_new_from_stream (GInputStream *stream, const char *source, GCancellable *cancellable, GError **error);
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
const char *occ_dataset_get_localized_country_name (OccDataset *self, guint country, const char *lang);
const char *occ_dataset_get_localized_phase_label (OccDataset *self, guint phase, const char *lang);
gboolean occ_dataset_get_rating_records_groups (OccDataset *self, gsize rating);
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
typedef enum {
  OCC_TRUTH_FALSE,
  OCC_TRUTH_TRUE,
  OCC_TRUTH_UNKNOWN,
} OccTruth;
gboolean occ_score_get_level (OccScore *self, guint criterion, int *level);
const char *occ_score_get_level_id (OccScore *self, guint criterion);
OccTruth occ_score_get_flag (OccScore *self, guint flag);
gboolean occ_score_get_summary (OccScore *self, guint summary, guint *count, guint *unknown, guint *of, double *percent);
gboolean occ_score_get_summary_delta (OccScore *self, guint summary, int *count_delta, double *percent_delta);

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
gboolean occ_results_write (OccResults *self, GOutputStream *stream, GCancellable *cancellable, GError **error);
gint32 *occ_results_dup_levels (OccResults *self, guint country, guint phase, guint criterion, gsize *n_nodes);
gint8 *occ_results_dup_flags (OccResults *self, guint country, guint phase, guint flag, gsize *n_nodes);
guint32 *occ_results_dup_summaries (OccResults *self, guint country, guint phase, guint summary, gsize *n_values);

/* occ-audit.h (1.5) */
typedef enum {
  OCC_VERDICT_HOLDS,
  OCC_VERDICT_CONTRADICTED,
  OCC_VERDICT_NOT_CHECKABLE,
} OccVerdict;
typedef struct _OccAudit OccAudit;
GType occ_audit_get_type (void);
OccAudit *occ_audit_new_from_data (OccResults *results, const char *data, gssize length, GError **error);
OccAudit *occ_audit_new_from_file (OccResults *results, const char *filename, GError **error);
OccResults *occ_audit_get_results (OccAudit *self);
const char *occ_audit_get_source (OccAudit *self);
guint occ_audit_get_n_claims (OccAudit *self);
const char *occ_audit_get_claim_id (OccAudit *self, guint claim);
const char *occ_audit_get_claim_text (OccAudit *self, guint claim);
OccVerdict occ_audit_get_verdict (OccAudit *self, guint claim);
const char *occ_audit_get_explanation (OccAudit *self, guint claim);
char *occ_audit_dup_found (OccAudit *self, guint claim);
guint occ_audit_count (OccAudit *self, OccVerdict verdict);
char *occ_audit_to_data (OccAudit *self, const char *dataset, gsize *length);
const char *occ_verdict_to_string (OccVerdict verdict);

/* occ-dataset-csv.h (1.1) */
OccDataset *occ_dataset_new_with_ratings_csv (OccDataset *base, const char *filename, GError **error);
OccDataset *occ_dataset_new_with_ratings_csv_stream (OccDataset *base, GInputStream *stream, const char *source, GCancellable *cancellable, GError **error);
OccDataset *occ_dataset_new_with_ratings_csv_data (OccDataset *base, const char *data, gssize length, GError **error);
OccDataset *occ_dataset_new_with_ratings_csv_bytes (OccDataset *base, GBytes *bytes, GError **error);
char *occ_dataset_ratings_to_csv (OccDataset *self, gsize *length);
gboolean occ_dataset_write_ratings_csv (OccDataset *self, GOutputStream *stream, GCancellable *cancellable, GError **error);
char *occ_dataset_template_to_csv (OccDataset *self, gsize *length);
typedef enum {
  OCC_CSV_FLAGS_NONE = 0,
  OCC_CSV_FLAGS_RAW = 1,
} OccCsvFlags;
char *occ_csv_quote_field (const char *field, OccCsvFlags flags);
char *occ_escape_for_terminal (const char *text);
char *occ_format_exact (double value);
char *occ_dataset_ratings_to_csv_full (OccDataset *self, OccCsvFlags flags, gsize *length);
gboolean occ_dataset_write_ratings_csv_full (OccDataset *self, GOutputStream *stream, OccCsvFlags flags, GCancellable *cancellable, GError **error);
char *occ_dataset_template_to_csv_full (OccDataset *self, OccCsvFlags flags, gsize *length);
"""

# The analysis headers (libocc 1.1; 1.3 for the status names): intervals,
# agreement, sensitivity, comparison. The progress callback is a Python
# function (extern "Python"), called from the calling thread only.
OCC_ANALYSIS_CDEF = """
typedef int... guint64;
typedef struct _GCancellable GCancellable;
typedef void (*OccProgressFunc) (double fraction, gpointer user_data);
extern "Python" void _py_progress (double, gpointer);
typedef enum {
    OCC_INTERVAL_METHOD_PERCENTILE,
    OCC_INTERVAL_METHOD_BCA,
} OccIntervalMethod;
typedef enum {
    OCC_INTERVAL_STATUS_NONE,
    OCC_INTERVAL_STATUS_PUBLISHED,
    OCC_INTERVAL_STATUS_ESTIMATED,
    OCC_INTERVAL_STATUS_PARTIAL,
} OccIntervalStatus;
const char *occ_interval_status_to_string (OccIntervalStatus status);
typedef enum {
    OCC_ALPHA_METRIC_NOMINAL,
    OCC_ALPHA_METRIC_ORDINAL,
    OCC_ALPHA_METRIC_INTERVAL,
    OCC_ALPHA_METRIC_RATIO,
} OccAlphaMetric;
typedef enum {
    OCC_WEIGHT_DRAW_FIXED,
    OCC_WEIGHT_DRAW_UNIFORM,
    OCC_WEIGHT_DRAW_DIRICHLET,
} OccWeightDraw;
typedef enum {
    OCC_RANK_KIND_PEERS,
    OCC_RANK_KIND_COUNTRIES,
} OccRankKind;

typedef struct _OccBootstrapOptions OccBootstrapOptions;
GType occ_bootstrap_options_get_type (void);
OccBootstrapOptions *occ_bootstrap_options_new (void);
void occ_bootstrap_options_set_replicates (OccBootstrapOptions *self, guint replicates);
guint occ_bootstrap_options_get_replicates (OccBootstrapOptions *self);
void occ_bootstrap_options_set_level (OccBootstrapOptions *self, double level);
double occ_bootstrap_options_get_level (OccBootstrapOptions *self);
void occ_bootstrap_options_set_seed (OccBootstrapOptions *self, guint64 seed);
guint64 occ_bootstrap_options_get_seed (OccBootstrapOptions *self);
void occ_bootstrap_options_set_method (OccBootstrapOptions *self, OccIntervalMethod method);
OccIntervalMethod occ_bootstrap_options_get_method (OccBootstrapOptions *self);
void occ_bootstrap_options_set_threads (OccBootstrapOptions *self, guint threads);
guint occ_bootstrap_options_get_threads (OccBootstrapOptions *self);

typedef struct _OccBootstrap OccBootstrap;
GType occ_bootstrap_get_type (void);
OccBootstrap *occ_bootstrap_new (OccResults *results, OccBootstrapOptions *options, OccProgressFunc progress, gpointer user_data, GCancellable *cancellable, GError **error);
OccResults *occ_bootstrap_get_results (OccBootstrap *self);
guint occ_bootstrap_get_replicates (OccBootstrap *self);
double occ_bootstrap_get_level (OccBootstrap *self);
guint64 occ_bootstrap_get_seed (OccBootstrap *self);
OccIntervalMethod occ_bootstrap_get_method (OccBootstrap *self);
OccIntervalStatus occ_bootstrap_lookup (OccBootstrap *self, const char *country, const char *phase, const char *node, int criterion, double *low, double *high, double *se);
guint occ_bootstrap_get_n_valid (OccBootstrap *self, const char *country, const char *phase, const char *node, int criterion);
guint8 *occ_bootstrap_dup_intervals (OccBootstrap *self, guint country, guint phase, int criterion, double **low, double **high, double **se, gsize *n_nodes);
gsize occ_bootstrap_get_n_published_only (OccBootstrap *self);
char *occ_bootstrap_to_data (OccBootstrap *self, gsize *length);

typedef struct _OccAgreement OccAgreement;
char *occ_bootstrap_to_data_with_agreement (OccBootstrap *self, OccAgreement *agreement, gsize *length);
gboolean occ_alpha_compute (const double *data, gsize n_data, guint n_coders, OccAlphaMetric metric, double *alpha, GError **error);
GType occ_agreement_get_type (void);
char *occ_agreement_to_data (OccAgreement *self, gsize *length);
OccAgreement *occ_agreement_new (OccDataset *dataset, OccBootstrapOptions *options, OccProgressFunc progress, gpointer user_data, GCancellable *cancellable, GError **error);
OccDataset *occ_agreement_get_dataset (OccAgreement *self);
gboolean occ_agreement_lookup (OccAgreement *self, const char *country, const char *phase, int criterion, OccAlphaMetric metric, double *alpha);
gboolean occ_agreement_lookup_interval (OccAgreement *self, const char *country, const char *phase, int criterion, OccAlphaMetric metric, double *low, double *high);
guint occ_agreement_get_replicates (OccAgreement *self);
double occ_agreement_get_level (OccAgreement *self);
guint occ_agreement_get_n_units (OccAgreement *self, const char *country, const char *phase, int criterion);
guint occ_agreement_get_n_values (OccAgreement *self, const char *country, const char *phase, int criterion);
guint8 *occ_agreement_dup_alpha (OccAgreement *self, int criterion, OccAlphaMetric metric, double **alpha, double **low, double **high, gsize *n_cells);

typedef struct _OccSensitivityOptions OccSensitivityOptions;
GType occ_sensitivity_options_get_type (void);
OccSensitivityOptions *occ_sensitivity_options_new (void);
void occ_sensitivity_options_set_draws (OccSensitivityOptions *self, guint draws);
guint occ_sensitivity_options_get_draws (OccSensitivityOptions *self);
void occ_sensitivity_options_set_seed (OccSensitivityOptions *self, guint64 seed);
guint64 occ_sensitivity_options_get_seed (OccSensitivityOptions *self);
void occ_sensitivity_options_set_weight_draw (OccSensitivityOptions *self, OccWeightDraw draw, double parameter);
OccWeightDraw occ_sensitivity_options_get_weight_draw (OccSensitivityOptions *self, double *parameter);
void occ_sensitivity_options_set_methods (OccSensitivityOptions *self, const OccAggregation *methods, gsize n_methods);
OccAggregation *occ_sensitivity_options_dup_methods (OccSensitivityOptions *self, gsize *n_methods);
void occ_sensitivity_options_set_vary_level (OccSensitivityOptions *self, OccLevel level, gboolean vary);
gboolean occ_sensitivity_options_get_vary_level (OccSensitivityOptions *self, OccLevel level);
void occ_sensitivity_options_set_threads (OccSensitivityOptions *self, guint threads);
guint occ_sensitivity_options_get_threads (OccSensitivityOptions *self);

typedef struct _OccSensitivity OccSensitivity;
GType occ_sensitivity_get_type (void);
char *occ_sensitivity_to_data (OccSensitivity *self, OccRankKind kind, const char *const *nodes, gsize *length);
OccSensitivity *occ_sensitivity_new (OccDataset *dataset, OccSensitivityOptions *options, OccProgressFunc progress, gpointer user_data, GCancellable *cancellable, GError **error);
OccDataset *occ_sensitivity_get_dataset (OccSensitivity *self);
guint occ_sensitivity_get_draws (OccSensitivity *self);
guint occ_sensitivity_get_n_inputs (OccSensitivity *self);
const char *occ_sensitivity_get_input_name (OccSensitivity *self, guint input);
gboolean occ_sensitivity_lookup_score (OccSensitivity *self, const char *country, const char *phase, const char *node, double *median, double *low, double *high);
gboolean occ_sensitivity_lookup_rank (OccSensitivity *self, const char *country, const char *phase, const char *node, OccRankKind kind, double *median, double *low, double *high);
double *occ_sensitivity_dup_indices (OccSensitivity *self, const char *country, const char *phase, const char *node, gboolean of_rank, OccRankKind kind, guint8 **present, gsize *n_inputs);
guint8 *occ_sensitivity_dup_ranks (OccSensitivity *self, guint country, guint phase, OccRankKind kind, double **median, double **low, double **high, gsize *n_nodes);

typedef struct _OccComparison OccComparison;
GType occ_comparison_get_type (void);
OccComparison *occ_comparison_new (OccResults *results, OccBootstrap *bootstrap, const char *phase, const char *node, int depth, GError **error);
guint occ_comparison_get_n_rows (OccComparison *self);
const char *occ_comparison_get_country (OccComparison *self, guint row);
const char *occ_comparison_get_node (OccComparison *self, guint row);
const char *occ_comparison_get_phase (OccComparison *self);
gboolean occ_comparison_get_value (OccComparison *self, guint row, double *value);
guint occ_comparison_get_rank (OccComparison *self, guint row);
gboolean occ_comparison_get_delta (OccComparison *self, guint row, double *delta);
guint occ_comparison_get_previous_rank (OccComparison *self, guint row);
OccIntervalStatus occ_comparison_get_interval (OccComparison *self, guint row, double *low, double *high);
char *occ_comparison_to_data (OccComparison *self, gsize *length);
"""

CDEF = GLIB_CDEF + OCC_CDEF + OCC_ANALYSIS_CDEF

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
