#!/bin/sh
# tools/check-graph must see a circle where there is one: two files that
# call each other (a call circle), then two headers that include each
# other (an include circle), each found in both views; and nothing in a
# tree where the calls run one way.
set -u
check=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect () {
  want=$1; shift
  "$check" "$@" >"$tmp/out" 2>&1
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "check-graph $*: exit $got, expected $want"; cat "$tmp/out"; fail=1
  fi
}
tree () {
  rm -rf "$tmp/libocc"; mkdir -p "$tmp/libocc"
  printf 'int a_fn (void);\n' >"$tmp/libocc/a.h"
  printf 'int b_fn (void);\n' >"$tmp/libocc/b.h"
  printf '#include "b.h"\nint\na_fn (void)\n{\n  return b_fn ();\n}\n' >"$tmp/libocc/a.c"
  printf '%s\nint\nb_fn (void)\n{\n  return %s;\n}\n' "$1" "$2" >"$tmp/libocc/b.c"
}
tree '#include "a.h"' 'a_fn ()'   # a calls b, b calls a
expect 1 "$tmp/libocc"
expect 1 --modules "$tmp/libocc"
tree '' '0'                       # a calls b only
expect 0 "$tmp/libocc"
expect 0 --modules "$tmp/libocc"
printf '#include "d.h"\n' >"$tmp/libocc/c.h"
printf '#include "c.h"\n' >"$tmp/libocc/d.h"
expect 1 "$tmp/libocc"    # c.h and d.h include each other
[ $fail -eq 0 ] && echo "ok: check-graph finds call and include circles, and none where there is none"
exit $fail
