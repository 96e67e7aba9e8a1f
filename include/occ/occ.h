/* occ.h: libocc, scores for citizen observatories of government commitments
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define __OCC_INSIDE__

#include <occ/occ-version-macros.h>
#include <occ/occ-version.h>
#include <occ/occ-error.h>
#include <occ/occ-aggregation.h>
#include <occ/occ-methodology.h>
#include <occ/occ-node.h>
#include <occ/occ-dataset.h>
#include <occ/occ-score.h>
#include <occ/occ-results.h>
#include <occ/occ-dataset-csv.h>
#include <occ/occ-analysis.h>
#include <occ/occ-audit.h>
#include <occ/occ-text.h>

#undef __OCC_INSIDE__
