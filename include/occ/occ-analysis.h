/* occ-analysis.h: confidence intervals, inter-rater agreement, weight
 * sensitivity and country comparison
 *
 * Each analysis has a header of its own; this one includes them all, as
 * it declared them all before 1.3.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <occ/occ-analysis-common.h>
#include <occ/occ-bootstrap-options.h>
#include <occ/occ-bootstrap.h>
#include <occ/occ-agreement.h>
#include <occ/occ-sensitivity-options.h>
#include <occ/occ-sensitivity.h>
#include <occ/occ-comparison.h>
