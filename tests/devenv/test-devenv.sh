#!/bin/sh
# `meson devenv -C BUILD` is enough to use the uninstalled build from every
# language: the occ command, the cffi package, PyGObject and GJS. Nothing
# from the caller's environment may help.
set -eu
build=$1
data=$2
unset LD_LIBRARY_PATH GI_TYPELIB_PATH PYTHONPATH OCC_DATADIR
run () { meson devenv -C "$build" "$@"; }

run occ validate "$data" | grep -q "valid occ-dataset/1"
run /usr/bin/python3 -c '
import sys, occ
ds = occ.Dataset.from_file(sys.argv[1])
assert len(ds.score()) > 0
' "$data"
run /usr/bin/python3 -c '
import sys, gi
gi.require_version("Occ", "1.0")
from gi.repository import Occ
results = Occ.Results.new(Occ.Dataset.new_from_file(sys.argv[1]))
assert results.get_n_items() > 0
' "$data"
cat >"${TMPDIR:-/tmp}/occ-devenv-$$.js" <<'JS'
import Occ from 'gi://Occ?version=1.0';
import System from 'system';
const results = Occ.Results.new(Occ.Dataset.new_from_file(ARGV[0]));
if (results.get_n_items() === 0)
    System.exit(1);
JS
trap 'rm -f "${TMPDIR:-/tmp}/occ-devenv-$$.js"' EXIT
run gjs -m "${TMPDIR:-/tmp}/occ-devenv-$$.js" "$data"
echo "meson devenv OK"
