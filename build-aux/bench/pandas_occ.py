#!/usr/bin/python3
"""The scoring rules of occ-v1 section 4, in pandas, for the benchmark.

    pandas_occ.py [--repeat N] BASE.json RATINGS.csv OUT.csv
    pandas_occ.py [--repeat N] --json DATASET.json OUT.csv

What an analyst would write without libocc: read the ratings CSV with
pandas, score them with groupby, one level of the framework at a time, and
write the results with to_csv. Prints one JSON line of seconds: {"load",
"score", "write", "ratings", "results"}
(seconds of CPU time: time.process_time()).

It implements the rules for methodologies whose three aggregations are
"mean" (as cco-2024's are): leaf criterion scores (rule 1, with
min_raters), leaf scores (2), inner nodes and the country with node
weights and missing children (3), changes between phases (4), bands (5),
pooled population inclusion (6) and ranks among peers and between
countries, on values rounded half away from zero (7). Published scores are
not read (the benchmark's datasets have none). build-aux/bench/run.py checks
its numbers against libocc's on the smaller sizes.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import decimal
import json
import sys
import time

import numpy as np
import pandas as pd

# cco-2024, as docs/occ-v1.md section 3 gives it.
CCO_2024 = {
    "id": "cco-2024",
    "criteria": [{"id": "R", "weight": 1}, {"id": "E", "weight": 1},
                 {"id": "S", "weight": 1}],
    "aggregation": {"raters": "mean", "criteria": "mean", "children": "mean"},
    "min_raters": 1,
    "bands": [{"label": "low", "from": 0}, {"label": "medium", "from": 1.5},
              {"label": "medium-high", "from": 2.5},
              {"label": "high", "from": 2.8}],
    "population_groups": [{"id": g} for g in (
        "women", "youth", "children", "older-adults", "indigenous",
        "afro-descendant", "lgbtiq", "disability", "rural")],
    "precision": 2,
}
KEYS = ["country", "phase", "node"]


def methodology_of(base):
    m = base["methodology"]
    if m == "cco-2024":
        return CCO_2024
    if isinstance(m, str):
        raise SystemExit("pandas_occ: unknown built-in methodology %s" % m)
    if set(m["aggregation"].values()) != {"mean"}:
        raise SystemExit("pandas_occ: only mean aggregation is implemented")
    return m


def framework_table(base):
    """One row per node: id, parent (None at the top), depth, weight, top
    node, leaf flag; in document order."""
    rows = []

    def walk(nodes, parent, depth, top):
        for node in nodes:
            children = node.get("children") or []
            rows.append((node["id"], parent, depth, node.get("weight", 1.0),
                         top or node["id"], not children))
            walk(children, node["id"], depth + 1, top or node["id"])

    walk(base.get("framework", []), None, 0, None)
    return pd.DataFrame(rows, columns=["node", "parent", "depth", "weight",
                                       "top", "leaf"])


def load(base_path, csv_path, criteria):
    with open(base_path, encoding="utf-8") as f:
        base = json.load(f)
    ids = {"country": "category", "phase": "category", "node": "category",
           "rater": "category", "groups": "str"}
    df = pd.read_csv(csv_path, dtype={**ids, **{c: "float64" for c in criteria}},
                     keep_default_na=False,
                     na_values={c: [""] for c in criteria}, encoding="utf-8")
    return base, df


def load_json(path, criteria):
    """A whole occ-dataset/1 file: Python's json module, then one
    DataFrame of its ratings, groups as the CSV writes them."""
    with open(path, encoding="utf-8") as f:
        base = json.load(f)
    ratings = base.pop("ratings", [])
    columns = {k: [r[k] for r in ratings]
               for k in ("country", "phase", "node", "rater")}
    for c in criteria:
        columns[c] = [r["scores"].get(c) for r in ratings]
    columns["groups"] = [";".join(r["groups"]) if "groups" in r else "?"
                         for r in ratings]
    df = pd.DataFrame(columns)
    for k in ("country", "phase", "node", "rater"):
        df[k] = df[k].astype("category")
    for c in criteria:
        df[c] = df[c].astype("float64")
    return base, df


def weighted_mean(frame, keys, columns, weight):
    """Per group of keys, the weighted mean of each column over its non-NaN
    values; NaN where a column has none (or only zero weights)."""
    w = frame[weight].to_numpy()[:, None]
    values = frame[columns].to_numpy()
    present = ~np.isnan(values)
    num = pd.DataFrame(np.where(present, values * w, 0.0), columns=columns)
    den = pd.DataFrame(np.where(present, w, 0.0), columns=columns)
    for k in keys:
        num[k] = frame[k].to_numpy()
        den[k] = frame[k].to_numpy()
    num = num.groupby(keys, observed=True, sort=False)[columns].sum()
    den = den.groupby(keys, observed=True, sort=False)[columns].sum()
    return num / den.where(den > 0)


def round_keys(values, precision):
    """Rule 8: values rounded half away from zero on their shortest
    decimal, in units of 10^-precision; only values near a half read
    their decimal digits (repr), the rest round the scaled double."""
    x = values * 10.0 ** precision
    keys = np.round(x)
    near = np.abs(x - np.floor(x) - 0.5) <= 1e-12 * np.maximum(1.0, np.abs(x))
    quantum = decimal.Decimal(1).scaleb(-precision)
    for i in np.flatnonzero(near):
        d = decimal.Decimal(repr(float(values[i]))).quantize(
            quantum, rounding=decimal.ROUND_HALF_UP)
        keys[i] = float(d.scaleb(precision))
    return keys


def score(base, df, m):
    criteria = [c["id"] for c in m["criteria"]]
    cw = np.array([c.get("weight", 1.0) for c in m["criteria"]], dtype=float)
    slots = criteria + ["value"]
    n_groups = len(m.get("population_groups", []))
    countries = [c["id"] for c in base["countries"]]
    phases = [p["id"] for p in base["phases"]]
    fw = framework_table(base)

    # Rule 1 and 6 for leaves: one groupby over the ratings. A sheet with
    # a groups column records groups on every row but a lone "?".
    groups = df["groups"].fillna("").str.strip()
    recorded = groups != "?"
    df = df.assign(marked=(groups.str.count(";") + (groups != "")).where(recorded, 0),
                   recorded=recorded.astype(float))
    g = df.groupby(KEYS, observed=True, sort=False)
    leaves = g[criteria].mean()
    counts = g[criteria].count()
    leaves = leaves.where(counts >= max(m.get("min_raters", 1), 1))
    leaves[["n_" + c for c in criteria]] = counts.to_numpy()
    leaves["num"] = g["marked"].sum().to_numpy().astype(float)
    leaves["den"] = g["recorded"].sum().to_numpy() * float(n_groups)
    # Rule 2: a leaf's score needs every criterion.
    leaves["value"] = (leaves[criteria].to_numpy() * cw).sum(axis=1) / cw.sum()
    leaves = leaves.reset_index()
    for k in ("country", "phase", "node"):
        leaves[k] = leaves[k].astype(str)

    # Rule 3, level by level from the deepest: every node's children on the
    # full (country, phase) grid, so that absent children count as missing.
    scored = [leaves]
    by_node = leaves.set_index(KEYS)
    top_level = fw[fw["parent"].isna()]["node"].tolist()
    fw_country = pd.DataFrame({"node": top_level, "parent": "__country__",
                               "weight": fw.set_index("node").loc[top_level, "weight"].to_numpy()})
    edges = pd.concat([fw[fw["parent"].notna()][["node", "parent", "weight"]],
                       fw_country], ignore_index=True)
    depth = dict(zip(fw["node"], fw["depth"]))
    depth["__country__"] = -1
    edges["depth"] = edges["parent"].map(depth)
    for d in range(int(fw["depth"].max()) - 1, -2, -1):
        level = edges[edges["depth"] == d]
        if level.empty:
            continue
        full = pd.MultiIndex.from_product(
            [countries, phases, level["node"].unique()], names=KEYS)
        children = by_node.reindex(full)[slots + ["num", "den"]].reset_index()
        children = children.merge(level[["node", "parent", "weight"]], on="node",
                                  how="left", sort=False)
        keys = ["country", "phase", "parent"]
        inner = weighted_mean(children, keys, slots, "weight")
        children["missing"] = children["value"].isna()
        cg = children.groupby(keys, observed=True, sort=False)
        inner["missing_children"] = cg["missing"].sum().to_numpy()
        pooled = cg[["num", "den"]].sum(min_count=1)
        inner["num"] = pooled["num"].to_numpy()
        inner["den"] = pooled["den"].to_numpy()
        inner = inner.reset_index().rename(columns={"parent": "node"})
        scored.append(inner)
        by_node = pd.concat([by_node, inner.set_index(KEYS)])
    res = pd.concat(scored, ignore_index=True)
    res["inclusion"] = (res["num"] / res["den"].where(res["den"] > 0)
                        if n_groups else np.nan)
    res = res[res[slots].notna().any(axis=1)].copy()

    # Rule 4: against the previous phase of the dataset's order.
    order = {p: i for i, p in enumerate(phases)}
    res["phase_index"] = res["phase"].map(order)
    res = res.sort_values(["country", "node", "phase_index"], kind="stable")
    prev = res.groupby(["country", "node"], sort=False)[slots + ["phase_index"]].shift(1)
    adjacent = prev["phase_index"] == res["phase_index"] - 1
    for s in slots:
        res["delta" if s == "value" else s + ".delta"] = (
            res[s] - prev[s]).where(adjacent)

    # Rule 5: the last band whose "from" is <= the value rounded to the
    # precision (rule 8).
    precision = m.get("precision", 2)
    bands = m.get("bands", [])
    froms = np.array([b["from"] for b in bands], dtype=float)
    labels = np.array([b["label"] for b in bands] + [None], dtype=object)
    for s in slots:
        shown = round_keys(res[s].to_numpy(), precision) / 10.0 ** precision
        i = np.searchsorted(froms, shown, side="right") - 1
        band = labels[np.where(i < 0, len(bands), i)]
        res["band" if s == "value" else s + ".band"] = np.where(
            res[s].isna(), None, band)

    # Rule 7: ranks on the rounded values, among the nodes of one depth
    # under one top-level node, leaves and inner nodes alike.
    res["key"] = round_keys(res["value"].to_numpy(), precision)
    peer = fw.set_index("node")
    top = res["node"].map(peer["top"])
    kind = np.where(res["node"].map(peer["parent"]).isna(), "top",
                    res["node"].map(peer["depth"]).astype(str))
    res["peer"] = np.where(kind == "top", "top", top.astype(str) + "/" + kind)
    nodes = res["node"] != "__country__"
    res.loc[nodes, "rank"] = res[nodes].groupby(
        ["country", "phase", "peer"], sort=False)["key"].rank(
        method="min", ascending=False)
    res["country_rank"] = res.groupby(["phase", "node"], sort=False)["key"].rank(
        method="min", ascending=False) if len(countries) > 1 else np.nan
    res["node"] = res["node"].replace("__country__", "")
    return res


def write(res, criteria, path):
    columns = ["country", "phase", "node", "value", "band", "delta", "rank",
               "country_rank"]
    for c in criteria:
        columns += [c, "n_" + c, c + ".band", c + ".delta"]
    columns += ["inclusion", "missing_children"]
    res.reindex(columns=columns).to_csv(path, index=False)


def main(argv):
    repeat = 1
    if len(argv) > 2 and argv[1] == "--repeat":
        repeat = int(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    t0 = time.process_time()
    if argv[1] == "--json":
        base, df = load_json(argv[2], [c["id"] for c in CCO_2024["criteria"]])
        m = methodology_of(base)
    else:
        with open(argv[1], encoding="utf-8") as f:
            m = methodology_of(json.load(f))
        base, df = load(argv[1], argv[2], [c["id"] for c in m["criteria"]])
    criteria = [c["id"] for c in m["criteria"]]
    t1 = time.process_time()
    best = None
    for _ in range(repeat):  # the fastest of N, as for libocc
        t = time.process_time()
        res = score(base, df, m)
        best = min(best or 1e30, time.process_time() - t)
    t2 = time.process_time()
    write(res, criteria, argv[3])
    t3 = time.process_time()
    print(json.dumps({"load": t1 - t0, "score": best, "write": t3 - t2,
                      "ratings": len(df), "results": len(res)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
