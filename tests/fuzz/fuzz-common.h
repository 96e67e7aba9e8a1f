/* fuzz-common.h: what every libFuzzer target of libocc shares
 *
 * A target is one file, fuzz-NAME.c, that defines LLVMFuzzerTestOneInput()
 * and nothing else; it is built twice: with clang and libFuzzer by
 * tools/fuzz, and with the ordinary compiler into a replay program
 * (fuzz-replay.c) that feeds it the committed corpus and regressions as a
 * plain test.
 *
 * A target states what must hold for every input with fuzz_check(): a
 * broken invariant aborts, which libFuzzer reports as a crash and saves.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <occ/occ.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define fuzz_check(condition, ...)                                           \
  G_STMT_START                                                               \
  {                                                                          \
    if (G_UNLIKELY (!(condition)))                                           \
      fuzz_fail (G_STRLOC, #condition, __VA_ARGS__);                         \
  }                                                                          \
  G_STMT_END

G_NORETURN void fuzz_fail (const char *where, const char *condition,
                           const char *format, ...) G_GNUC_PRINTF (3, 4);

/* A failed load: exactly one OCC_ERROR with a readable message. */
void fuzz_check_load_error (const GError *error);

/* @text escaped for a terminal holds no raw control character and is
 * UTF-8, whatever @text holds. */
void fuzz_check_terminal_safe (const char *text);

/* The writers on what the data can hold (issue 12): the results and the
 * dataset as JSON parse, the ratings as CSV read back as the same
 * dataset, no CSV cell starts a formula, and every id and label escapes
 * for a terminal. */
void fuzz_check_writers (OccDataset *dataset, OccResults *results);

/* Every number of every score of @results is finite and in its range. */
void fuzz_check_results (OccResults *results);
