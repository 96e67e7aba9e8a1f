/* fuzz-csv.c: occ_dataset_new_with_ratings_csv_data() on any bytes
 *
 * The bytes are the ratings CSV of one base dataset, a copy of
 * tests/csv/base.json (two countries, two phases, a small framework,
 * population groups, a published score) loaded once. Every input either
 * fails with one well-formed OccError, or loads; and:
 * - read as a stream that gives one byte per read, it fails with the same
 *   error or loads to the same ratings (every state of the streaming
 *   reader meets a chunk boundary);
 * - a dataset that loads writes its ratings as CSV, which loads again to
 *   the same CSV bytes and the same occ-dataset/1 bytes;
 * - its occ-dataset/1 JSON loads, and scores to the same occ-results/1
 *   bytes; every number of every score is finite and on the scale.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "fuzz-common.h"

/* tests/csv/base.json, embedded so that the target needs no file. */
static const char base_json[] =
  "{\n"
  "  \"format\": \"occ-dataset/1\",\n"
  "  \"title\": \"CSV tests: a small framework with ratings and a published score\",\n"
  "  \"methodology\": \"cco-2024\",\n"
  "  \"countries\": [{\"id\": \"PE\", \"name\": \"Peru\"}, {\"id\": \"CL\", \"name\": \"Chile\"}],\n"
  "  \"phases\": [{\"id\": \"2022\", \"label\": \"Phase 1\"}, {\"id\": \"2024\", \"label\": \"Phase 2\"}],\n"
  "  \"framework\": [\n"
  "    {\"id\": \"IX\", \"label\": \"IX Summit\", \"children\": [\n"
  "      {\"id\": \"IX.A\", \"label\": \"A. Democratic Governance\", \"children\": [\n"
  "        {\"id\": \"IX.A.1\", \"label\": \"Commitment 1, \\\"open\\\" data\", \"weight\": 2},\n"
  "        {\"id\": \"IX.A.2\", \"label\": \"Commitment 2\"}\n"
  "      ]},\n"
  "      {\"id\": \"IX.B\", \"label\": \"B. Health\", \"children\": [\n"
  "        {\"id\": \"IX.B.1\", \"label\": \"Commitment 1\"}\n"
  "      ]}\n"
  "    ]},\n"
  "    {\"id\": \"VIII\", \"label\": \"VIII Summit\", \"children\": [\n"
  "      {\"id\": \"VIII.1\", \"label\": \"Commitment 1\"}\n"
  "    ]}\n"
  "  ],\n"
  "  \"raters\": [\n"
  "    {\"id\": \"org-1\", \"name\": \"One\", \"country\": \"PE\"},\n"
  "    {\"id\": \"org-2\", \"name\": \"Two, Inc.\", \"country\": \"PE\"},\n"
  "    {\"id\": \"org-3\", \"country\": \"CL\"}\n"
  "  ],\n"
  "  \"ratings\": [\n"
  "    {\"country\": \"PE\", \"phase\": \"2024\", \"node\": \"IX.A.1\", \"rater\": \"org-1\",\n"
  "     \"scores\": {\"R\": 2, \"E\": 1, \"S\": null}, \"groups\": [\"women\", \"youth\"],\n"
  "     \"evidence\": [{\"kind\": \"practice\", \"source\": \"information-request\", \"ref\": \"a, \\\"quoted\\\"\\nref\"}],\n"
  "     \"validated\": true},\n"
  "    {\"country\": \"PE\", \"phase\": \"2024\", \"node\": \"IX.A.1\", \"rater\": \"org-2\",\n"
  "     \"scores\": {\"R\": 3, \"E\": 3, \"S\": 0}, \"groups\": [], \"validated\": false},\n"
  "    {\"country\": \"PE\", \"phase\": \"2022\", \"node\": \"IX.B.1\", \"rater\": \"org-2\",\n"
  "     \"scores\": {\"R\": 1, \"E\": 2, \"S\": 3}, \"groups\": [\"rural\"]},\n"
  "    {\"country\": \"CL\", \"phase\": \"2024\", \"node\": \"VIII.1\", \"rater\": \"org-3\",\n"
  "     \"scores\": {\"R\": 0, \"E\": 0}}\n"
  "  ],\n"
  "  \"published\": [\n"
  "    {\"country\": \"CL\", \"phase\": \"2022\", \"node\": \"IX.A.2\",\n"
  "     \"scores\": {\"R\": 1.33, \"E\": 0.67, \"S\": 1.0}, \"raters\": 6, \"inclusion\": 0.25}\n"
  "  ]\n"
  "}\n";

static OccDataset *
base_dataset (void)
{
  static OccDataset *base;

  if (base == NULL)
    {
      g_autoptr (GError) error = NULL;

      base = occ_dataset_new_from_data (base_json, -1, &error);
      fuzz_check (base != NULL, "the base dataset does not load: %s",
                  error->message);
    }
  return base;
}

/* A stream that gives at most one byte per read. */
#define FUZZ_TYPE_TRICKLE_STREAM (fuzz_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, FUZZ,
                      TRICKLE_STREAM, GInputStream)

struct _FuzzTrickleStream
{
  GInputStream parent_instance;
  const guint8 *data;
  gsize length;
  gsize offset;
};

G_DEFINE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream,
                     G_TYPE_INPUT_STREAM)

static gssize
trickle_read (GInputStream *stream, void *buffer, gsize count,
              GCancellable *cancellable, GError **error)
{
  FuzzTrickleStream *self = FUZZ_TRICKLE_STREAM (stream);

  if (self->offset >= self->length || count == 0)
    return 0;
  ((guint8 *) buffer)[0] = self->data[self->offset++];
  return 1;
}

static void
fuzz_trickle_stream_class_init (FuzzTrickleStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = trickle_read;
}

static void
fuzz_trickle_stream_init (FuzzTrickleStream *self)
{
}

static OccDataset *
load_trickled (OccDataset *base, const uint8_t *data, size_t size,
               GError **error)
{
  g_autoptr (FuzzTrickleStream) stream =
    g_object_new (FUZZ_TYPE_TRICKLE_STREAM, NULL);

  stream->data = data;
  stream->length = size;
  return occ_dataset_new_with_ratings_csv_stream (base,
                                                  G_INPUT_STREAM (stream),
                                                  "<data>", NULL, error);
}

static void
check_same_bytes (const char *a, gsize a_length, const char *b,
                  gsize b_length, const char *what)
{
  fuzz_check (a_length == b_length && memcmp (a, b, a_length) == 0,
              "%s:\n%s\n---\n%s", what, a, b);
}

static char *
score (OccDataset *dataset, gsize *length)
{
  g_autoptr (OccResults) results = occ_results_new (dataset);

  fuzz_check_results (results);
  return occ_results_to_data (results, length);
}

/* The dataset of a CSV that loaded: its CSV and JSON round-trip, and it
 * scores as its JSON does. */
static void
check_loaded (OccDataset *base, OccDataset *dataset)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) again = NULL;
  g_autoptr (OccDataset) from_json = NULL;
  g_autofree char *csv = NULL, *csv_again = NULL;
  g_autofree char *json = NULL, *json_again = NULL;
  g_autofree char *results = NULL, *results_json = NULL;
  gsize csv_length = 0, csv_again_length = 0, json_length = 0;
  gsize json_again_length = 0, results_length = 0, results_json_length = 0;

  csv = occ_dataset_ratings_to_csv (dataset, &csv_length);
  again = occ_dataset_new_with_ratings_csv_data (base, csv,
                                                 (gssize) csv_length, &error);
  fuzz_check (again != NULL, "the written CSV does not load: %s\n%s",
              error->message, csv);
  csv_again = occ_dataset_ratings_to_csv (again, &csv_again_length);
  check_same_bytes (csv, csv_length, csv_again, csv_again_length,
                    "writing the reloaded CSV gives other bytes");

  json = occ_dataset_to_data (dataset, &json_length);
  json_again = occ_dataset_to_data (again, &json_again_length);
  check_same_bytes (json, json_length, json_again, json_again_length,
                    "the reloaded CSV writes other JSON");
  from_json = occ_dataset_new_from_data (json, (gssize) json_length, &error);
  fuzz_check (from_json != NULL, "the written JSON does not load: %s\n%s",
              error->message, json);

  results = score (dataset, &results_length);
  results_json = score (from_json, &results_json_length);
  check_same_bytes (results, results_length, results_json,
                    results_json_length,
                    "the dataset as JSON scores differently");
  /* The writers on whatever the sheet held (ids are the base's, but the
   * cells of groups and evidence are the input's). */
  fuzz_check_writers (dataset, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  OccDataset *base = base_dataset ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) trickle_error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccDataset) trickled = NULL;

  dataset = occ_dataset_new_with_ratings_csv_data (
    base, size ? (const char *) data : "", (gssize) size, &error);
  trickled = load_trickled (base, data, size, &trickle_error);
  if (dataset == NULL)
    {
      fuzz_check_load_error (error);
      fuzz_check (trickled == NULL, "loads as a stream, not from memory: %s",
                  error->message);
      fuzz_check (trickle_error->code == error->code
                    && strcmp (trickle_error->message, error->message) == 0,
                  "another error as a stream: %s\n---\n%s", error->message,
                  trickle_error->message);
      return 0;
    }
  fuzz_check (error == NULL, "loaded, yet an error is set");
  fuzz_check (trickled != NULL, "loads from memory, not as a stream: %s",
              trickle_error->message);
  {
    g_autofree char *csv = NULL, *csv_trickled = NULL;
    gsize length = 0, length_trickled = 0;

    csv = occ_dataset_ratings_to_csv (dataset, &length);
    csv_trickled = occ_dataset_ratings_to_csv (trickled, &length_trickled);
    check_same_bytes (csv, length, csv_trickled, length_trickled,
                      "read as a stream, other ratings");
  }
  check_loaded (base, dataset);
  return 0;
}
