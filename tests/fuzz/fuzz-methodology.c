/* fuzz-methodology.c: occ_methodology_new_from_data() on any bytes
 *
 * Every input either fails with one well-formed OccError, or loads; a
 * methodology that loads is written, read again and written again, and
 * the two texts must be the same bytes. Its bands, rounding and formatting
 * are asked about a few values, which must give finite answers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <string.h>

#include "fuzz-common.h"

static void
check_numbers (OccMethodology *m)
{
  double min = occ_methodology_get_scale_min (m);
  double max = occ_methodology_get_scale_max (m);
  const double values[] = { min,           max,         (min + max) / 2,
                            min + 1.0 / 3, max - 0.005, 2.675,
                            -2.675,        1e300,       -1e300,
                            5e-324 };

  /* A categorical methodology's scale is its levels, per criterion. */
  fuzz_check (min < max
                || occ_methodology_get_scale_kind (m)
                     == OCC_SCALE_KIND_CATEGORICAL,
              "scale %g..%g", min, max);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double rounded = occ_methodology_round (m, values[i]);
      g_autofree char *text = occ_methodology_format_value (m, values[i]);

      fuzz_check (isfinite (rounded), "round (%.17g) = %g", values[i],
                  rounded);
      fuzz_check (text != NULL && strpbrk (text, "ni") == NULL,
                  "format_value (%.17g) = %s", values[i], text);
      occ_methodology_band_for_value (m, values[i]);
    }
  for (guint c = 0; c < occ_methodology_get_n_criteria (m); c++)
    {
      double weight = occ_methodology_get_criterion_weight (m, c);
      fuzz_check (isfinite (weight) && weight >= 0, "weight %g", weight);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;
  g_autoptr (OccMethodology) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0, length_again = 0;

  m = occ_methodology_new_from_data (size ? (const char *) data : "",
                                     (gssize) size, &error);
  if (m == NULL)
    {
      fuzz_check_load_error (error);
      return 0;
    }
  check_numbers (m);
  text = occ_methodology_to_data (m, &length);
  again = occ_methodology_new_from_data (text, (gssize) length, &error);
  fuzz_check (again != NULL, "the written methodology does not load: %s\n%s",
              error->message, text);
  text_again = occ_methodology_to_data (again, &length_again);
  fuzz_check (
    length == length_again && memcmp (text, text_again, length) == 0,
    "writing the reloaded methodology gives other bytes:\n%s\n---\n%s", text,
    text_again);
  return 0;
}
