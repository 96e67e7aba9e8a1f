/* occ-version-macros.h: export and availability annotations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib.h>

#if defined(OCC_COMPILATION) && defined(__GNUC__)
#define _OCC_EXPORT __attribute__ ((visibility ("default")))
#else
#define _OCC_EXPORT
#endif

#define _OCC_EXTERN _OCC_EXPORT extern

/**
 * OCC_AVAILABLE_IN_1_0:
 *
 * Marks a symbol as part of the libocc 1.0 ABI: exported from the shared
 * library and guaranteed to stay for the whole 1.x series.
 *
 * Since: 1.0
 */
#define OCC_AVAILABLE_IN_1_0 _OCC_EXTERN

/**
 * OCC_AVAILABLE_IN_1_1:
 *
 * Marks a symbol added in libocc 1.1: exported from the shared library
 * under the symbol version `LIBOCC_1.1`.
 *
 * Since: 1.1
 */
#define OCC_AVAILABLE_IN_1_1 _OCC_EXTERN

/**
 * OCC_AVAILABLE_IN_1_2:
 *
 * Marks a symbol added in libocc 1.2: exported from the shared library
 * under the symbol version `LIBOCC_1.2`.
 *
 * Since: 1.2
 */
#define OCC_AVAILABLE_IN_1_2 _OCC_EXTERN

/**
 * OCC_AVAILABLE_IN_1_3:
 *
 * Marks a symbol added in libocc 1.3: exported from the shared library
 * under the symbol version `LIBOCC_1.3`.
 *
 * Since: 1.3
 */
#define OCC_AVAILABLE_IN_1_3 _OCC_EXTERN

/**
 * OCC_AVAILABLE_IN_1_4:
 *
 * Marks a symbol added in libocc 1.4: exported from the shared library
 * under the symbol version `LIBOCC_1.4`.
 *
 * Since: 1.4
 */
#define OCC_AVAILABLE_IN_1_4 _OCC_EXTERN

/**
 * OCC_AVAILABLE_IN_1_5:
 *
 * Marks a symbol added in libocc 1.5: exported from the shared library
 * under the symbol version `LIBOCC_1.5`.
 *
 * Since: 1.5
 */
#define OCC_AVAILABLE_IN_1_5 _OCC_EXTERN
