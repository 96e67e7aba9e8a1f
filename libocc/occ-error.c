/* occ-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <occ/occ-error.h>

/**
 * occ_error_quark:
 *
 * The quark of the [error@Occ.Error] domain; C code uses the `OCC_ERROR`
 * macro instead.
 *
 * Returns: the error quark
 *
 * Since: 1.0
 */
/* clang-format off */
G_DEFINE_QUARK (occ-error-quark, occ_error)
/* clang-format on */
