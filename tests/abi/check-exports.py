#!/usr/bin/python3
"""The shared library exports exactly the functions the public headers
declare with OCC_AVAILABLE_IN_*: nothing private leaks, nothing public is
missing."""
import pathlib
import re
import subprocess
import sys

headers, library = pathlib.Path(sys.argv[1]), sys.argv[2]

declared = set()
for header in sorted(headers.glob("*.h*")):
    text = header.read_text()
    # Each OCC_AVAILABLE_IN_* starts one declaration: a G_DECLARE_*_TYPE
    # line (which has no semicolon) or a prototype up to its semicolon.
    for chunk in re.split(r"^OCC_AVAILABLE_IN_\w+", text, flags=re.M)[1:]:
        final = re.match(r"\s*G_DECLARE_\w+_TYPE\s*\(\s*\w+\s*,\s*(\w+)", chunk)
        if final:
            declared.add(final.group(1) + "_get_type")
            continue
        decl = chunk.split(";")[0]
        name = re.match(r"[^(]*?(\w+)\s*\(", decl)
        if not name:
            sys.exit(f"{header.name}: cannot read the declaration {decl!r}")
        declared.add(name.group(1))

nm = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                    capture_output=True, text=True).stdout
exported = {line.split()[2].split("@")[0] for line in nm.splitlines()
            if len(line.split()) == 3 and line.split()[1] in "TDBRV"}

leaked = sorted(exported - declared)
missing = sorted(declared - exported)
for name in leaked:
    print(f"exported but not declared public: {name}")
for name in missing:
    print(f"declared public but not exported: {name}")
print(f"{len(declared)} public functions, {len(exported)} exported symbols")
sys.exit(1 if leaked or missing else 0)
