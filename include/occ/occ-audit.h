/* occ-audit.h: a published report's statements checked against its data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib-object.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-results.h>

G_BEGIN_DECLS

/**
 * OccVerdict:
 * @OCC_VERDICT_HOLDS: the data says what the claim says
 * @OCC_VERDICT_CONTRADICTED: the data says something else
 * @OCC_VERDICT_NOT_CHECKABLE: the claim cannot be checked against this
 *   dataset: a node or phase it does not have, a figure it cannot compute,
 *   or a statement this version of libocc does not know
 *
 * The outcome of checking one claim (occ-claims.md, "Verdicts").
 *
 * Since: 1.5
 */
typedef enum {
  OCC_VERDICT_HOLDS,
  OCC_VERDICT_CONTRADICTED,
  OCC_VERDICT_NOT_CHECKABLE,
} OccVerdict;

#define OCC_TYPE_AUDIT (occ_audit_get_type ())

OCC_AVAILABLE_IN_1_5
G_DECLARE_FINAL_TYPE (OccAudit, occ_audit, OCC, AUDIT, GObject)

OCC_AVAILABLE_IN_1_5
OccAudit *occ_audit_new_from_data (OccResults *results,
                                   const char *data,
                                   gssize length,
                                   GError **error);

OCC_AVAILABLE_IN_1_5
OccAudit *occ_audit_new_from_file (OccResults *results,
                                   const char *filename,
                                   GError **error);

OCC_AVAILABLE_IN_1_5
OccResults *occ_audit_get_results (OccAudit *self);

OCC_AVAILABLE_IN_1_5
const char *occ_audit_get_source (OccAudit *self);

OCC_AVAILABLE_IN_1_5
guint occ_audit_get_n_claims (OccAudit *self);

OCC_AVAILABLE_IN_1_5
const char *occ_audit_get_claim_id (OccAudit *self, guint claim);

OCC_AVAILABLE_IN_1_5
const char *occ_audit_get_claim_text (OccAudit *self, guint claim);

OCC_AVAILABLE_IN_1_5
OccVerdict occ_audit_get_verdict (OccAudit *self, guint claim);

OCC_AVAILABLE_IN_1_5
const char *occ_audit_get_explanation (OccAudit *self, guint claim);

OCC_AVAILABLE_IN_1_5
char *occ_audit_dup_found (OccAudit *self, guint claim);

OCC_AVAILABLE_IN_1_5
guint occ_audit_count (OccAudit *self, OccVerdict verdict);

OCC_AVAILABLE_IN_1_5
char *occ_audit_to_data (OccAudit *self, const char *dataset, gsize *length);

OCC_AVAILABLE_IN_1_5
const char *occ_verdict_to_string (OccVerdict verdict);

G_END_DECLS
