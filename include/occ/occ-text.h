/* occ-text.h: text from a dataset made safe to show, figures as text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib.h>
#include <occ/occ-version-macros.h>

G_BEGIN_DECLS

OCC_AVAILABLE_IN_1_2
char *occ_escape_for_terminal (const char *text);

OCC_AVAILABLE_IN_1_3
char *occ_format_exact (double value);

G_END_DECLS
