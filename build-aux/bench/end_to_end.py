#!/usr/bin/python3
"""End to end: `occ score --format=json` against DuckDB and pandas doing
the same, from the same files, each a process of its own (issue 14).

    build-aux/bench/end_to_end.py [--build build] [--data DIR]
        [--sizes 288k,600k,6M] [--repeat N] [--out results.json]

For each size, occ-gen (seed 1) writes one occ-dataset/1 JSON file and
the same ratings as a CSV over a base dataset; then, for each of the two
inputs, in turn:

* occ: `occ score --format=json DATASET.json` (or `--ratings RATINGS.csv
  BASE.json`), standard output to a file;
* duckdb: build-aux/bench/duckdb_occ.mjs, DuckDB's read_json (read_csv)
  and SQL of the same rules, from Node (npm @duckdb/node-api, installed
  into BUILD/bench-node/ when missing), writing CSV;
* pandas: build-aux/bench/pandas_occ.py, Python's json module (pandas'
  read_csv) and groupby, writing CSV.

Each runs --repeat times (once at 6M); the fastest wall time counts, with
its CPU time (user + system, from wait4: DuckDB uses both cores) and the
peak resident memory of the process. Up to 600k, DuckDB's and pandas'
every figure is checked against libocc's (run.py's check()). The JSON
parse speed of the reader alone is measured with bench-json on the 600k
file, against json-glib. Ratios are within one run: the machine is
shared, and only they mean anything.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import run  # noqa: E402  (check(), machine())

# name: countries, leaves, raters per country, phases
SIZES = {
    "288k": (200, 32, 15, 3),
    "600k": (20, 500, 20, 3),
    "6M": (200, 500, 20, 3),
}
CHECK_MAX = 600_000
SPAWN = None  # build-aux/bench/bench-spawn of the build
DUCKDB_PACKAGE = "@duckdb/node-api@1.5.6-r.1"


def timed(argv, stdout, env):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run, measured
    by bench-spawn: forked from this script, a child's peak RSS would be
    this script's (Linux keeps it across exec)."""
    got = subprocess.run([SPAWN, stdout] + argv, env=env, check=True,
                         stdout=subprocess.PIPE, text=True)
    r = json.loads(got.stdout)
    if r["status"] != 0:
        raise SystemExit("%s failed (%d)" % (" ".join(argv), r["status"]))
    return {"wall": r["wall"], "cpu": r["cpu"], "rss_mib": r["rss_kib"] / 1024.0}


def best(argv, stdout, env, repeat):
    runs = [timed(argv, stdout, env) for _ in range(repeat)]
    return min(runs, key=lambda r: r["wall"])


def ensure_duckdb(build):
    prefix = os.path.join(build, "bench-node")
    modules = os.path.join(prefix, "node_modules")
    if not os.path.isdir(os.path.join(modules, "@duckdb", "node-api")):
        os.makedirs(prefix, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund",
                        "--prefix", prefix, DUCKDB_PACKAGE], check=True,
                       stdout=subprocess.DEVNULL)
    return modules


def generate(build, data, name, shape):
    countries, leaves, raters, phases = shape
    base = os.path.join(data, name + "-base.json")
    ratings = os.path.join(data, name + ".csv")
    full = os.path.join(data, name + ".json")
    if not all(os.path.exists(p) for p in (base, ratings, full)):
        subprocess.run([os.path.join(build, "build-aux", "bench", "occ-gen"),
                        "--countries", str(countries), "--leaves", str(leaves),
                        "--raters", str(raters), "--phases", str(phases),
                        "--seed", "1", "--base", base, "--csv", ratings,
                        "--json", full], check=True)
    return base, ratings, full


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(SRCDIR, "build"))
    parser.add_argument("--data", default=os.path.join(SRCDIR, "build", "bench-data"))
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(SRCDIR, "build", "bench-end-to-end.json"))
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    os.makedirs(args.data, exist_ok=True)
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.path.join(build, "libocc") + os.pathsep + env.get("LD_LIBRARY_PATH", "")
    env["OCC_NODE_MODULES"] = ensure_duckdb(build)
    global SPAWN
    SPAWN = os.path.join(build, "build-aux", "bench", "bench-spawn")
    occ = os.path.join(build, "libocc", "tool", "occ")
    node = ["node", os.path.join(HERE, "duckdb_occ.mjs")]
    pandas = ["/usr/bin/python3", os.path.join(HERE, "pandas_occ.py")]
    rows = []
    for name in args.sizes.split(","):
        shape = SIZES[name]
        n = shape[0] * shape[1] * shape[2] * shape[3]
        base, ratings, full = generate(build, args.data, name, shape)
        repeat = 1 if n > CHECK_MAX else args.repeat
        for kind in ("json", "csv"):
            out = os.path.join(args.data, "%s-%s" % (name, kind))
            if kind == "json":
                inputs = {"occ": [occ, "score", "--format=json", full],
                          "duckdb": node + ["--json", full, out + "-duckdb.csv"],
                          "pandas": pandas + ["--json", full, out + "-pandas.csv"]}
            else:
                inputs = {"occ": [occ, "score", "--format=json", "--ratings",
                                  ratings, base],
                          "duckdb": node + [base, ratings, out + "-duckdb.csv"],
                          "pandas": pandas + [base, ratings, out + "-pandas.csv"]}
            row = {"size": name, "ratings": n, "input": kind,
                   "input_mib": os.path.getsize(full if kind == "json" else ratings) / 2**20}
            row["occ"] = best(inputs["occ"], out + "-occ.json", env, repeat)
            row["duckdb"] = best(inputs["duckdb"], out + "-duckdb.log", env, repeat)
            row["pandas"] = best(inputs["pandas"], out + "-pandas.log", env, repeat)
            if n <= CHECK_MAX:
                for peer in ("duckdb", "pandas"):
                    row[peer]["checked_entries"] = run.check(
                        out + "-occ.json", out + "-%s.csv" % peer,
                        ["R", "E", "S"], shape[0] > 1)
            rows.append(row)
            report(row)
    parse = None
    if "600k" in args.sizes.split(","):
        full = os.path.join(args.data, "600k.json")
        got = subprocess.run([os.path.join(build, "build-aux", "bench", "bench-json"),
                              "--repeat", "5", full], check=True,
                             capture_output=True, text=True)
        parse = json.loads(got.stdout)
        parse["occ_mb_s"] = parse["bytes"] / 1e6 / parse["occ_pull"]
        parse["json_glib_mb_s"] = parse["bytes"] / 1e6 / parse["json_glib"]
        print("parse 600k.json (%.0f MB): libocc %.0f MB/s, json-glib %.0f MB/s "
              "(%.1fx)" % (parse["bytes"] / 1e6, parse["occ_mb_s"],
                           parse["json_glib_mb_s"],
                           parse["json_glib"] / parse["occ_pull"]))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"machine": run.machine(), "date": time.strftime("%Y-%m-%d"),
                   "command": " ".join(sys.argv), "repeat": args.repeat,
                   "rows": rows, "parse": parse}, f, indent=1)
    print("results in", args.out)


def report(row):
    o, d, p = row["occ"], row["duckdb"], row["pandas"]
    print("%-5s %-4s %8d ratings %5.0f MiB | occ %6.2f s %5.0f MiB | "
          "duckdb %6.2f s (cpu %6.2f) %5.0f MiB | pandas %6.2f s %5.0f MiB | "
          "duckdb/occ %.1fx, pandas/occ %.1fx%s"
          % (row["size"], row["input"], row["ratings"], row["input_mib"],
             o["wall"], o["rss_mib"], d["wall"], d["cpu"], d["rss_mib"],
             p["wall"], p["rss_mib"], d["wall"] / o["wall"],
             p["wall"] / o["wall"],
             "; checked %d entries" % d["checked_entries"]
             if "checked_entries" in d else ""), flush=True)


if __name__ == "__main__":
    main()
