#!/usr/bin/python3
"""The shared library exports exactly the functions the public headers
declare with OCC_AVAILABLE_IN_*: nothing private leaks, nothing public is
missing; and each at the symbol version its macro names (libocc.map):
OCC_AVAILABLE_IN_1_0 at LIBOCC_1.0, OCC_AVAILABLE_IN_1_1 at LIBOCC_1.1,
OCC_AVAILABLE_IN_1_2 at LIBOCC_1.2, and so on for each later release, as
the default version (name@@LIBOCC_X.Y), so that a program linked against
1.0 keeps finding each of its symbols where it was."""
import pathlib
import re
import subprocess
import sys

headers, library = pathlib.Path(sys.argv[1]), sys.argv[2]

# name -> the symbol version its OCC_AVAILABLE_IN_X_Y promises: LIBOCC_X.Y
declared = {}
for header in sorted(headers.glob("*.h*")):
    text = header.read_text()
    # Each OCC_AVAILABLE_IN_* starts one declaration: a G_DECLARE_*_TYPE
    # line (which has no semicolon) or a prototype up to its semicolon.
    parts = re.split(r"^OCC_AVAILABLE_IN_(\d+)_(\d+)\b", text, flags=re.M)
    for major, minor, chunk in zip(parts[1::3], parts[2::3], parts[3::3]):
        version = f"LIBOCC_{major}.{minor}"
        final = re.match(r"\s*G_DECLARE_\w+_TYPE\s*\(\s*\w+\s*,\s*(\w+)", chunk)
        if final:
            declared[final.group(1) + "_get_type"] = version
            continue
        decl = chunk.split(";")[0]
        name = re.match(r"[^(]*?(\w+)\s*\(", decl)
        if not name:
            sys.exit(f"{header.name}: cannot read the declaration {decl!r}")
        declared[name.group(1)] = version

nm = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                    capture_output=True, text=True).stdout
# name -> the version nm shows after the name: "@@V" is the default
# version (what a program links against), "@V" a hidden older one, ""
# none at all.
exported = {}
for line in nm.splitlines():
    fields = line.split()
    if len(fields) == 3 and fields[1] in "TDBRV":
        name, _, version = fields[2].partition("@")
        if name == version.lstrip("@"):
            continue  # the version definition itself (an absolute symbol)
        exported[name] = version

leaked = sorted(set(exported) - set(declared))
missing = sorted(set(declared) - set(exported))
misversioned = sorted(name for name in set(declared) & set(exported)
                      if exported[name] != "@" + declared[name])
for name in leaked:
    print(f"exported but not declared public: {name}")
for name in missing:
    print(f"declared public but not exported: {name}")
for name in misversioned:
    shown = "@" + exported[name] if exported[name] else " without a version"
    print(f"{name}: declared {declared[name]} (@@{declared[name]}), "
          f"exported as {name}{shown}")
by_version = {}
for version in declared.values():
    by_version[version] = by_version.get(version, 0) + 1
print(f"{len(declared)} public functions "
      f"({', '.join(f'{n} in {v}' for v, n in sorted(by_version.items()))}), "
      f"{len(exported)} exported symbols")
sys.exit(1 if leaked or missing or misversioned else 0)
