/* fuzz-dataset.c: occ_dataset_new_from_data() on any bytes
 *
 * Every input either fails with one well-formed OccError, or loads; a
 * dataset that loads is scored and written, the text is loaded again, and
 * the second dataset must write the same bytes and score to the same
 * occ-results/1 bytes. Every number of every score must be finite and on
 * the scale. The writers must keep every output whole whatever the ids
 * and labels hold (fuzz_check_writers()): JSON that parses, ratings CSV
 * that reads back with no cell a spreadsheet would evaluate, text that
 * escapes for a terminal.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "fuzz-common.h"

/* Datasets with more cells than this load and round-trip but are not
 * scored here: a few bytes can ask for millions of empty cells (up to the
 * limits tests/limits checks), and scoring them is slow without being
 * interesting. */
#define MAX_SCORED_CELLS (1u << 16)

static char *
score (OccDataset *dataset, gsize *length)
{
  g_autoptr (OccResults) results = occ_results_new (dataset);

  fuzz_check_results (results);
  return occ_results_to_data (results, length);
}

static gboolean
small_enough (OccDataset *dataset)
{
  guint64 cells = (guint64) occ_dataset_get_n_countries (dataset)
                  * occ_dataset_get_n_phases (dataset)
                  * (occ_dataset_get_n_nodes (dataset) + 1);

  return cells <= MAX_SCORED_CELLS;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccDataset) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *results = NULL;
  g_autofree char *results_again = NULL;
  gsize length = 0, length_again = 0, results_length = 0;
  gsize results_length_again = 0;

  dataset = occ_dataset_new_from_data (size ? (const char *) data : "",
                                       (gssize) size, &error);
  if (dataset == NULL)
    {
      fuzz_check_load_error (error);
      return 0;
    }
  fuzz_check (error == NULL, "loaded, yet an error is set");

  text = occ_dataset_to_data (dataset, &length);
  again = occ_dataset_new_from_data (text, (gssize) length, &error);
  fuzz_check (again != NULL, "the written dataset does not load: %s\n%s",
              error->message, text);
  text_again = occ_dataset_to_data (again, &length_again);
  fuzz_check (length == length_again
                && memcmp (text, text_again, length) == 0,
              "writing the reloaded dataset gives other bytes:\n%s\n---\n%s",
              text, text_again);

  if (!small_enough (dataset))
    {
      fuzz_check_writers (dataset, NULL);
      return 0;
    }
  {
    g_autoptr (OccResults) scored = occ_results_new (dataset);
    fuzz_check_writers (dataset, scored);
  }
  results = score (dataset, &results_length);
  results_again = score (again, &results_length_again);
  fuzz_check (results_length == results_length_again
                && memcmp (results, results_again, results_length) == 0,
              "the reloaded dataset scores differently:\n%s\n---\n%s",
              results, results_again);
  return 0;
}
