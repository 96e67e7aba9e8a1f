#!/usr/bin/python3
"""libocc through its Python binding (the cffi package occ), timed.

    bench_cffi.py [--repeat N] BASE.json RATINGS.csv OUT.json

As bench-occ.c: load the ratings CSV over the base dataset, score (the
fastest of N), write occ-results/1; prints one JSON line of seconds of CPU time.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import json
import sys
import time

import occ


def main(argv):
    repeat = 1
    if len(argv) > 2 and argv[1] == "--repeat":
        repeat = int(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    t0 = time.process_time()
    ds = occ.load(argv[1]).with_ratings_csv(argv[2])
    t1 = time.process_time()
    best = None
    for _ in range(repeat):
        t = time.process_time()
        results = ds.score()
        best = min(best or 1e30, time.process_time() - t)
    t2 = time.process_time()
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write(results.to_json())
    t3 = time.process_time()
    print(json.dumps({"load": t1 - t0, "score": best, "write": t3 - t2,
                      "ratings": ds.n_ratings, "results": len(results)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
