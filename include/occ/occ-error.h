/* occ-error.h: the libocc error domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <occ/occ-version-macros.h>

G_BEGIN_DECLS

/**
 * OCC_ERROR:
 *
 * The error domain of libocc. Errors in this domain carry an
 * [enum@Occ.Error] code; the message names the place in the input and
 * the rule that was broken, as `FILE:LINE:COLUMN: PATH: RULE` (for
 * example `peru.json:193:30: ratings[12].scores.R: 4 is outside the scale
 * 0..3`; for a CSV sheet `FILE:LINE:COLUMN (column NAME): RULE`).
 * [func@Occ.error_get_location], [func@Occ.error_get_path] and
 * [func@Occ.error_get_rule] give the parts.
 *
 * Since: 1.0
 */
#define OCC_ERROR (occ_error_quark ())

/**
 * OccError:
 * @OCC_ERROR_SYNTAX: the input is not well-formed JSON (or, for ratings
 *   read as CSV, not well-formed RFC 4180 CSV in UTF-8)
 * @OCC_ERROR_FORMAT: the input is JSON but not the expected format or
 *   version (for example `"format"` is not `occ-dataset/1`), or a ratings
 *   CSV lacks its header or a required column
 * @OCC_ERROR_TYPE: a field is missing or has the wrong JSON type
 * @OCC_ERROR_RANGE: a number is out of its allowed range: a score outside
 *   the scale or not an integer, a negative weight, NaN or infinity
 * @OCC_ERROR_UNKNOWN_ID: an id names nothing known: a country, phase, node,
 *   rater, population group, criterion or built-in methodology
 * @OCC_ERROR_DUPLICATE: an id, or a (country, phase, node, rater) rating,
 *   appears twice
 * @OCC_ERROR_STRUCTURE: the parts are individually valid but do not fit
 *   together: a rating on a node that is not a leaf, bands out of order,
 *   weights that are all zero
 * @OCC_ERROR_LIMIT: the input exceeds one of libocc's documented limits
 *   (nesting depth, size, number of items)
 *
 * Kinds of fault reported in the [error@Occ.Error] domain.
 *
 * Since: 1.0
 */
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

OCC_AVAILABLE_IN_1_0
GQuark occ_error_quark (void);

OCC_AVAILABLE_IN_1_4
gboolean occ_error_get_location (const GError *error,
                                 const char **source,
                                 guint *line,
                                 guint *column);
OCC_AVAILABLE_IN_1_4
const char *occ_error_get_path (const GError *error);
OCC_AVAILABLE_IN_1_4
const char *occ_error_get_rule (const GError *error);

G_END_DECLS
