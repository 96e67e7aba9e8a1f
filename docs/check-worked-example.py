#!/usr/bin/python3
# check-worked-example.py OCC METHODOLOGY_MD DATASET: the table that
# methodology.md shows for its worked example is what `occ score
# --format=table DATASET` prints today (its header and every row the page
# quotes), so the page cannot drift from the library.
# SPDX-License-Identifier: LGPL-2.1-or-later
import subprocess
import sys

occ, page, dataset = sys.argv[1:]
table = subprocess.run([occ, "score", "--format=table", dataset],
                       check=True, capture_output=True, text=True).stdout
printed = set(table.splitlines())
with open(page, encoding="utf-8") as f:
    quoted = [line for line in f.read().splitlines()
              if line.startswith("country  phase  node") or line.startswith("XX ")]
if not quoted:
    sys.exit(f"{page}: no table rows found")
missing = [line for line in quoted if line not in printed]
for line in missing:
    print(f"{page}: not printed by occ: {line}", file=sys.stderr)
if missing:
    print("occ prints:\n" + table, file=sys.stderr)
    sys.exit(1)
print(f"{len(quoted)} lines of {page} match occ")
