/* occ-save-private.h: replacing a file atomically, keeping its
 * permissions (see occ-save.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean occ_save_atomically (const char *filename, const char *data,
                              gsize length, GError **error);

G_END_DECLS
