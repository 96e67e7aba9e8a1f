/* occ-error-private.h: setting an error with its place (occ-error.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-error.h>

G_BEGIN_DECLS

/* Sets an OCC_ERROR whose message is SOURCE:LINE:COLUMN: PATH: RULE,
 * leaving out the parts that are NULL or 0, and keeps the parts for
 * occ_error_get_location() and the others. */
void occ_set_error_at (GError **error, OccError code, const char *source,
                       guint line, guint column, const char *path,
                       const char *format, ...) G_GNUC_PRINTF (7, 8);

/* Sets the parts of @error, an OCC_ERROR whose message already names
 * them in a form of its own (a CSV sheet's `(column NAME)`). */
void occ_error_set_parts (GError *error, const char *source, guint line,
                          guint column, const char *path, const char *rule);

G_END_DECLS
