#!/usr/bin/python3
"""Draw docs/performance.png and print the tables of docs/performance.md
from the results of build-aux/bench/run.py.

    build-aux/bench/plot.py [RESULTS.json] [OUT.png]

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))


def total(r):
    return r["load"] + r["score"] + r["write"]


def plot(doc, out):
    rows = doc["rows"]
    n = [r["ratings"] for r in rows]
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(15, 4.6))
    a.loglog(n, [total(r["c"]) for r in rows], "o-", label="libocc (C)")
    a.loglog(n, [total(r["cffi"]) for r in rows], "s-", label="libocc (Python cffi)")
    a.loglog(n, [total(r["pandas"]) for r in rows], "^-", label="pandas")
    js = [r for r in rows if "c_json" in r]
    a.loglog([r["ratings"] for r in js], [total(r["c_json"]) for r in js], "x--",
             label="libocc (C), from JSON")
    a.set_title("load + score + write")
    b.loglog(n, [r["c"]["score"] for r in rows], "o-", label="libocc (C)")
    b.loglog(n, [r["pandas"]["score"] for r in rows], "^-", label="pandas")
    b.loglog(n, [r["floor"]["floor"] for r in rows], "k:",
             label="memory floor (one pass, 32 B/rating)")
    b.set_title("scoring alone")
    c.loglog(n, [r["c"]["rss_mib"] for r in rows], "o-", label="libocc (C)")
    c.loglog(n, [r["cffi"]["rss_mib"] for r in rows], "s-", label="libocc (Python cffi)")
    c.loglog(n, [r["pandas"]["rss_mib"] for r in rows], "^-", label="pandas")
    c.loglog([r["ratings"] for r in js], [r["c_json"]["rss_mib"] for r in js], "x--",
             label="libocc (C), from JSON")
    c.axhline(2048, color="r", lw=0.8, ls="--", label="2 GiB")
    c.set_title("peak memory (RSS)")
    for ax, unit in ((a, "CPU seconds"), (b, "CPU seconds"), (c, "MiB")):
        ax.set_xlabel("ratings")
        ax.set_ylabel(unit)
        ax.grid(True, which="both", lw=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("libocc vs pandas, same machine, same run (%s)" % doc["date"])
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def table(doc):
    print("| ratings | CSV | libocc C: load / score / write | C peak RSS | "
          "pandas: load / score / write | pandas peak RSS | Python cffi total | "
          "floor | score pandas/C | score C/floor | total pandas/C | "
          "total pandas/cffi |")
    print("|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in doc["rows"]:
        c, p, f = r["c"], r["pandas"], r["floor"]["floor"]
        print("| %s | %.1f MB | %.3f / %.4f / %.3f s | %.0f MiB | "
              "%.3f / %.3f / %.3f s | %.0f MiB | %.3f s | %.5f s | %.0f× | "
              "%.1f× | %.1f× | %.1f× |"
              % (format(r["ratings"], ","), r["csv_mib"] * 1.048576, c["load"],
                 c["score"], c["write"], c["rss_mib"], p["load"], p["score"],
                 p["write"], p["rss_mib"], total(r["cffi"]), f,
                 p["score"] / c["score"], c["score"] / f, total(p) / total(c),
                 total(p) / total(r["cffi"])))
    js = [r for r in doc["rows"] if "c_json" in r]
    if js:
        print()
        print("| ratings | libocc C from JSON: load / score / write | peak RSS |"
              " from CSV: load | peak RSS |")
        print("|---:|---|---:|---:|---:|")
        for r in js:
            j, c = r["c_json"], r["c"]
            print("| %s | %.3f / %.4f / %.3f s | %.0f MiB | %.3f s | %.0f MiB |"
                  % (format(r["ratings"], ","), j["load"], j["score"],
                     j["write"], j["rss_mib"], c["load"], c["rss_mib"]))


def main(argv):
    results = argv[1] if len(argv) > 1 else os.path.join(SRCDIR, "build",
                                                          "bench-results.json")
    out = argv[2] if len(argv) > 2 else os.path.join(SRCDIR, "docs",
                                                      "performance.png")
    with open(results, encoding="utf-8") as f:
        doc = json.load(f)
    plot(doc, out)
    m = doc["machine"]
    print("Machine: %s, %d cores, %d MiB; %s; Python %s" % (
        m["cpu"], m["cores"], m["memory_mib"], m["system"], m["python"]))
    print("Command: %s (repeat %d)\n" % (doc["command"], doc["repeat"]))
    table(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
