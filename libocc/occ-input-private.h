/* occ-input-private.h: opening the files libocc reads (see occ-input.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int occ_open_regular_file (const char *filename, const char *display,
                           GError **error);

G_END_DECLS
