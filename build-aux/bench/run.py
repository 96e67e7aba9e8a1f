#!/usr/bin/python3
"""The benchmark of docs/performance.md: libocc (C and Python) against
pandas, at sizes from one country to six million ratings.

    build-aux/bench/run.py [--build build] [--data DIR] [--sizes 500,5k,...]
                       [--repeat N] [--out results.json]

For each size it generates the data (build-aux/bench/occ-gen, seed 1; kept in
DIR between runs), then runs, each in its own process, one after the
other:

* bench-floor: one pass summing as many bytes as the rating columns hold,
  the memory-bandwidth floor of scoring on this machine;
* bench-occ: libocc in C, ratings CSV over a JSON base: load, score, write
  occ-results/1;
* bench-occ --json: the same from one occ-dataset/1 JSON file (sizes up to
  600 k; json-glib's document tree does not fit beyond);
* bench_cffi.py: libocc through the Python binding;
* pandas_occ.py: the same rules written in pandas.

Peak memory is each process's maximum resident set size (wait4's rusage).
On the sizes up to 60 k ratings, pandas' numbers are checked against
libocc's (every value, band, change, rank, n, inclusion and missing
count). Results go to --out as JSON, and a table is printed; plot.py draws
docs/performance.png from them. Times are CPU seconds of each process (the
machine may be shared; wall time would count the others' work), and the
ratios within one run are what count.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import argparse
import csv
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))

# name: countries, leaves, raters per country, phases
SIZES = {
    "500": (1, 25, 20, 1),
    "5k": (1, 250, 20, 1),
    "60k": (2, 500, 20, 3),
    "600k": (20, 500, 20, 3),
    "6M": (200, 500, 20, 3),
}
JSON_MAX = 600_000  # the JSON path is measured up to here
CHECK_MAX = 60_000  # pandas is checked against libocc up to here
BYTES_PER_RATING = 32  # the rating columns (see bench-floor.c)
BUILD = os.path.join(SRCDIR, "build")


def run(argv, env=None, build=None):
    """Run a program; its JSON line, plus its peak RSS in MiB, measured
    by bench-spawn (a child forked from this script would report this
    script's peak RSS as its own: Linux keeps it across exec)."""
    spawn = os.path.join(build or BUILD, "build-aux", "bench", "bench-spawn")
    with tempfile.NamedTemporaryFile("r", suffix=".out") as out:
        got = subprocess.run([spawn, out.name] + argv, env=env, check=True,
                             stdout=subprocess.PIPE, text=True)
        usage = json.loads(got.stdout)
        text = out.read()
    if usage["status"] != 0:
        raise SystemExit("%s failed (%d)" % (" ".join(argv), usage["status"]))
    result = json.loads(text.strip().splitlines()[-1])
    result["rss_mib"] = usage["rss_kib"] / 1024.0
    return result


def generate(build, data, name, shape):
    countries, leaves, raters, phases = shape
    n = countries * leaves * raters * phases
    base = os.path.join(data, name + "-base.json")
    ratings = os.path.join(data, name + ".csv")
    full = os.path.join(data, name + ".json")
    argv = [os.path.join(build, "build-aux", "bench", "occ-gen"),
            "--countries", str(countries), "--leaves", str(leaves),
            "--raters", str(raters), "--phases", str(phases), "--seed", "1",
            "--base", base, "--csv", ratings]
    if n <= JSON_MAX:
        argv += ["--json", full]
    if not os.path.exists(ratings) or (n <= JSON_MAX and not os.path.exists(full)):
        subprocess.run(argv, check=True)
    return n, base, ratings, full if n <= JSON_MAX else None


# Checking pandas against libocc ---------------------------------------

def close(a, b):
    if a is None or b is None or (isinstance(b, float) and math.isnan(b)):
        return (a is None) == (b is None or (isinstance(b, float) and math.isnan(b)))
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def number(cell):
    return float(cell) if cell not in ("", None) else None


def check(libocc_json, pandas_csv, criteria, several):
    """Every figure of every entry, in both directions."""
    with open(libocc_json, encoding="utf-8") as f:
        doc = json.load(f)
    ours = {}
    for e in doc["scores"]:
        ours[(e["country"], e["phase"], e["node"])] = e
    for e in doc["countries"]:
        e = dict(e, country_rank=e.get("rank"), rank=None)
        ours[(e["country"], e["phase"], "")] = e
    theirs = {}
    with open(pandas_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            theirs[(row["country"], row["phase"], row["node"])] = row
    if set(ours) != set(theirs):
        raise SystemExit("pandas and libocc score different entries: %s"
                         % sorted(set(ours) ^ set(theirs))[:5])
    for key, e in ours.items():
        row = theirs[key]
        pairs = [(e.get("value"), number(row["value"])),
                 (e.get("delta"), number(row["delta"])),
                 (e.get("rank"), number(row["rank"])),
                 (e.get("inclusion"), number(row["inclusion"])),
                 (e.get("missing_children"), number(row["missing_children"]))]
        if several:
            pairs.append((e.get("country_rank"), number(row["country_rank"])))
        bands = [(e.get("band"), row["band"] or None)]
        for c in criteria:
            ce = e.get("criteria", {}).get(c, {})
            pairs += [(ce.get("value"), number(row[c])),
                      (ce.get("delta"), number(row[c + ".delta"]))]
            pairs.append((ce.get("n"), number(row["n_" + c])))
            bands.append((ce.get("band"), row[c + ".band"] or None))
        for a, b in pairs:
            if not close(a, b):
                raise SystemExit("pandas differs from libocc at %s: %r %r\n%r\n%r"
                                 % (key, a, b, e, row))
        for a, b in bands:
            if a != b:
                raise SystemExit("band differs at %s: %r %r" % (key, a, b))
    return len(ours)


# The run ----------------------------------------------------------------

def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem = int(f.readline().split()[1]) // 1024
    return {"cpu": model, "cores": os.cpu_count(), "memory_mib": mem,
            "system": platform.platform(), "python": platform.python_version()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(SRCDIR, "build"))
    parser.add_argument("--data", default=os.path.join(SRCDIR, "build", "bench-data"))
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(SRCDIR, "build", "bench-results.json"))
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    global BUILD
    BUILD = build
    os.makedirs(args.data, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(build, "bindings", "python") + os.pathsep + env.get("PYTHONPATH", "")
    env["LD_LIBRARY_PATH"] = os.path.join(build, "libocc") + os.pathsep + env.get("LD_LIBRARY_PATH", "")
    py = "/usr/bin/python3"
    rows = []
    for name in args.sizes.split(","):
        n, base, ratings, full = generate(build, args.data, name, SIZES[name])
        out = os.path.join(args.data, name)
        row = {"size": name, "ratings": n, "csv_mib": os.path.getsize(ratings) / 2**20}
        row["floor"] = run([os.path.join(build, "build-aux", "bench", "bench-floor"),
                            str(n), str(BYTES_PER_RATING)])
        row["c"] = run([os.path.join(build, "build-aux", "bench", "bench-occ"),
                        "--repeat", str(args.repeat), base, ratings,
                        out + "-c.json"], env)
        if full:
            row["c_json"] = run([os.path.join(build, "build-aux", "bench", "bench-occ"),
                                 "--repeat", str(args.repeat), "--json", full,
                                 out + "-cj.json"], env)
        row["cffi"] = run([py, os.path.join(HERE, "bench_cffi.py"), "--repeat",
                           str(args.repeat), base, ratings, out + "-py.json"], env)
        row["pandas"] = run([py, os.path.join(HERE, "pandas_occ.py"), "--repeat",
                             str(args.repeat), base, ratings, out + "-pd.csv"], env)
        if n <= CHECK_MAX:
            several = SIZES[name][0] > 1
            row["checked_entries"] = check(out + "-c.json", out + "-pd.csv",
                                           ["R", "E", "S"], several)
        rows.append(row)
        report(row)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"machine": machine(), "date": time.strftime("%Y-%m-%d"),
                   "command": " ".join(sys.argv), "repeat": args.repeat,
                   "rows": rows}, f, indent=1)
    print("results in", args.out)


def total(r):
    return r["load"] + r["score"] + r["write"]


def report(row):
    c, p, f = row["c"], row["pandas"], row["floor"]["floor"]
    print("%-5s %9d ratings | C load %.3f score %.4f write %.3f rss %.0f MiB"
          " | pandas load %.3f score %.3f write %.3f rss %.0f MiB"
          % (row["size"], row["ratings"], c["load"], c["score"], c["write"],
             c["rss_mib"], p["load"], p["score"], p["write"], p["rss_mib"]))
    print("      score: pandas/C %.0fx, C/floor %.1fx (floor %.5f s); "
          "load+score+write: pandas/C %.1fx, pandas/cffi %.1fx%s"
          % (p["score"] / c["score"], c["score"] / f, f, total(p) / total(c),
             total(p) / total(row["cffi"]),
             "; checked %d entries" % row["checked_entries"]
             if "checked_entries" in row else ""), flush=True)


if __name__ == "__main__":
    main()
