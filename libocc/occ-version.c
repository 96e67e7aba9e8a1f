/* occ-version.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <occ/occ-version-macros.h>
#include <occ/occ-version.h>

/**
 * occ_get_version:
 *
 * The version of the libocc library the program runs with, which may differ
 * from the headers it was compiled against ([const@Occ.VERSION_S]).
 * Bindings cannot read macros, so they call this.
 *
 * Returns: the version, such as `"1.0.0"`
 *
 * Since: 1.0
 */
const char *
occ_get_version (void)
{
  return OCC_VERSION_S;
}

/**
 * occ_get_major_version:
 *
 * The major version of the libocc a program runs with;
 * [const@Occ.MAJOR_VERSION] is the one it was compiled against.
 *
 * Returns: the major version of the running library
 *
 * Since: 1.0
 */
guint
occ_get_major_version (void)
{
  return OCC_MAJOR_VERSION;
}

/**
 * occ_get_minor_version:
 *
 * The minor version of the libocc a program runs with;
 * [const@Occ.MINOR_VERSION] is the one it was compiled against.
 *
 * Returns: the minor version of the running library
 *
 * Since: 1.0
 */
guint
occ_get_minor_version (void)
{
  return OCC_MINOR_VERSION;
}

/**
 * occ_get_micro_version:
 *
 * The micro version of the libocc a program runs with;
 * [const@Occ.MICRO_VERSION] is the one it was compiled against.
 *
 * Returns: the micro version of the running library
 *
 * Since: 1.0
 */
guint
occ_get_micro_version (void)
{
  return OCC_MICRO_VERSION;
}
