#!/usr/bin/python3
# add-title.py TITLE INPUT OUTPUT: copy a Markdown page with the `Title:`
# header gi-docgen reads in front of it (docs/meson.build uses it for the
# pages of docs/ that are also read on their own, such as occ-v1.md).
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

title, source, output = sys.argv[1:]
with open(source, encoding="utf-8") as f:
    text = f.read()
with open(output, "w", encoding="utf-8") as f:
    f.write("Title: " + title + "\n\n" + text)
