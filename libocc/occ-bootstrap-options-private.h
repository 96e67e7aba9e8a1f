/* occ-bootstrap-options-private.h: the fields of OccBootstrapOptions
 *
 * For the analysis that reads them (its getters are the public way).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-bootstrap-options.h>

#include "occ-analysis-common-private.h"

G_BEGIN_DECLS

struct _OccBootstrapOptions
{
  GObject parent_instance;

  guint replicates;
  double level;
  guint64 seed;
  OccIntervalMethod method;
  guint threads;
};

G_END_DECLS
