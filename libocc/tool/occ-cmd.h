/* occ-cmd.h: the commands of the occ tool, one file each
 *
 * Each occ-cmd-NAME.c defines occ_cmd_NAME; occ-main.c lists them in its
 * command table, in the order occ --help shows them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "occ-tool-command.h"

G_BEGIN_DECLS

extern const OccToolCommand occ_cmd_score;
extern const OccToolCommand occ_cmd_validate;
extern const OccToolCommand occ_cmd_report;
extern const OccToolCommand occ_cmd_methodology;
extern const OccToolCommand occ_cmd_export;
extern const OccToolCommand occ_cmd_template;
extern const OccToolCommand occ_cmd_agreement;
extern const OccToolCommand occ_cmd_sensitivity;
extern const OccToolCommand occ_cmd_compare;
extern const OccToolCommand occ_cmd_audit;

G_END_DECLS
