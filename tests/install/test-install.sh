#!/bin/sh
# Install libocc into a temporary prefix, then build examples/c/score.c
# against it with nothing but pkg-config, as a user of the library would,
# and run the installed `occ` command on the installed Peru dataset.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

meson setup "$tmp/build" "$src" --prefix="$prefix" --libdir=lib \
  -Dbuildtype=plain >"$tmp/setup.log" 2>&1 || { cat "$tmp/setup.log"; exit 1; }
meson install -C "$tmp/build" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
test "$(pkg-config --modversion occ)" = "$(sed -n "s/^ *version: '\(.*\)',$/\1/p" "$src/meson.build")"
cc -std=c11 -Wall -Werror "$src/examples/c/score.c" -o "$tmp/score" \
  $(pkg-config --cflags --libs occ)

# The installed library is found through its own prefix, not the build tree.
unset LD_LIBRARY_PATH OCC_DATADIR
export LD_LIBRARY_PATH="$prefix/lib"
"$tmp/score" "$prefix/share/occ/peru-2024.json" >"$tmp/out.txt"
grep -q "^PE 2024 IX.B     2.94 high$" "$tmp/out.txt"
grep -q "^libocc $(pkg-config --modversion occ), cco-2024: 68 scores$" "$tmp/out.txt"

# Headers refuse direct inclusion: only the umbrella header is public.
printf '#include <occ/occ-node.h>\nint main (void) { return 0; }\n' >"$tmp/direct.c"
if cc $(pkg-config --cflags occ) -c "$tmp/direct.c" -o "$tmp/direct.o" 2>/dev/null; then
  echo "occ-node.h could be included directly" >&2
  exit 1
fi

if [ -x "$prefix/bin/occ" ]; then
  test "$("$prefix/bin/occ" --version)" = "occ $(pkg-config --modversion occ)"
  "$prefix/bin/occ" report >"$tmp/report.txt"
  grep -q "IX.B" "$tmp/report.txt"
fi
# The bindings, installed: the typelib through GI_TYPELIB_PATH (PyGObject
# and GJS), the cffi package through PYTHONPATH. Each example prints the
# same occ-results/1 as the installed `occ score`, to the last bit.
unset GI_TYPELIB_PATH PYTHONPATH
test -f "$prefix/share/gir-1.0/Occ-1.0.gir"
test -f "$prefix/lib/girepository-1.0/Occ-1.0.typelib"
ext=$(find "$prefix" -path '*/occ/_occ_cffi*.so' | head -n 1)
test -n "$ext" || { echo "the cffi extension is not installed" >&2; exit 1; }
test -f "$(dirname "$ext")/__init__.py"
data="$prefix/share/occ/peru-2024.json"
"$prefix/bin/occ" score "$data" >"$tmp/occ.json"
GI_TYPELIB_PATH="$prefix/lib/girepository-1.0" \
  /usr/bin/python3 "$src/examples/python/occ_score_gi.py" "$data" >"$tmp/gi.json"
GI_TYPELIB_PATH="$prefix/lib/girepository-1.0" \
  gjs -m "$src/examples/gjs/occ-score.js" "$data" >"$tmp/gjs.json"
PYTHONPATH="$(dirname "$(dirname "$ext")")" \
  /usr/bin/python3 "$src/examples/python/occ_score_cffi.py" "$data" >"$tmp/cffi.json"
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
want = json.load(open(d + "/occ.json"))
assert want["scores"], "occ score printed no scores"
for name in ("gi", "gjs", "cffi"):
    got = json.load(open(f"{d}/{name}.json"))
    assert got == want, f"{name} example disagrees with occ score"
PY

# The API reference, when gi-docgen built it.
if [ -d "$tmp/build/docs/libocc-1.0" ]; then
  test -f "$prefix/share/doc/libocc-1.0/index.html"
fi
echo "installed libocc OK"
