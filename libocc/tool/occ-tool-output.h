/* occ-tool-output.h: how the occ tool writes its output and its messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

/* The exit statuses of every command. */
#define OCC_TOOL_EXIT_SUCCESS 0
#define OCC_TOOL_EXIT_BAD_INPUT 1 /* also a failed write */
#define OCC_TOOL_EXIT_USAGE 2

int occ_tool_write_stdout (const GString *out);
int occ_tool_write_results (OccResults *results);
int occ_tool_fail (const GError *error);
int occ_tool_usage_error (const char *message);

G_END_DECLS
