"""Independent computations of libocc's analyses for the tests: the same
resampling and draws (occ_rng), pushed through the independent reference
scorer (tests/reference/occ_reference.py), summarised with numpy."""

import copy
import statistics

import numpy as np

import occ_reference
from occ_rng import STREAM_BOOTSTRAP, STREAM_SENSITIVITY, Rng


def preorder_ids(framework):
    out = []

    def visit(node):
        out.append(node)
        for child in node.get("children") or []:
            visit(child)

    for top in framework:
        visit(top)
    return out


def unit_doc(doc, country, phase, ratings):
    """doc restricted to one (country, phase) with the given ratings."""
    d = copy.deepcopy({k: v for k, v in doc.items() if k != "ratings"})
    d["countries"] = [c for c in doc["countries"] if c["id"] == country]
    d["phases"] = [p for p in doc["phases"] if p["id"] == phase]
    d["ratings"] = ratings
    d["published"] = [p for p in doc.get("published") or []
                      if p["country"] == country and p["phase"] == phase]
    return d


def flat_scores(results):
    """{(node or None, criterion or None): value} of a one-unit result."""
    out = {}
    for entry in results["scores"] + results.get("countries", []):
        node = entry.get("node")
        if "value" in entry:
            out[(node, None)] = entry["value"]
        for cid, crit in (entry.get("criteria") or {}).items():
            if "value" in crit:
                out[(node, cid)] = crit["value"]
    return out


def cell_ratings(doc, country, phase):
    """{leaf id: [ratings in file order]} of one unit."""
    cells = {}
    for r in doc.get("ratings") or []:
        if r["country"] == country and r["phase"] == phase:
            cells.setdefault(r["node"], []).append(r)
    return cells


def bootstrap_replicates(doc, country, phase, seed, replicates):
    """The replicates libocc draws for one unit, scored by the reference
    scorer: a list of flat_scores dicts."""
    countries = [c["id"] for c in doc["countries"]]
    phases = [p["id"] for p in doc["phases"]]
    unit = countries.index(country) * len(phases) + phases.index(phase)
    cells = cell_ratings(doc, country, phase)
    leaves = [n["id"] for n in preorder_ids(doc["framework"])
              if not n.get("children")]
    out = []
    for b in range(replicates):
        rng = Rng(seed, STREAM_BOOTSTRAP | unit, b)
        ratings = []
        for leaf in leaves:
            rows = cells.get(leaf, [])
            n = len(rows)
            ratings += [rows[rng.below(n)] for _ in range(n)]
        out.append(flat_scores(occ_reference.score(
            unit_doc(doc, country, phase, ratings))))
    return out


def jackknife(doc, country, phase):
    """{(leaf, position): flat_scores} leaving out each rating of each leaf
    with two or more, and the strata [(leaf, n)] in libocc's order."""
    cells = cell_ratings(doc, country, phase)
    leaves = [n["id"] for n in preorder_ids(doc["framework"])
              if not n.get("children")]
    strata, values = [], []
    for leaf in leaves:
        rows = cells.get(leaf, [])
        if len(rows) < 2:
            continue
        strata.append(len(rows))
        for i in range(len(rows)):
            ratings = [r for other in leaves for j, r in
                       enumerate(cells.get(other, []))
                       if not (other == leaf and j == i)]
            values.append(flat_scores(occ_reference.score(
                unit_doc(doc, country, phase, ratings))))
    return strata, values


def percentile_interval(values, level):
    v = np.asarray(values, dtype=float)
    return (float(np.quantile(v, (1 - level) / 2)),
            float(np.quantile(v, (1 + level) / 2)))


def bca_interval(values, estimate, jack, strata, level):
    """Efron's BCa with the stratified jackknife acceleration of Davison &
    Hinkley (1997): the formulas of docs/analysis.md, in numpy."""
    v = np.asarray(values, dtype=float)
    n = len(v)
    tol = 1e-12 * max(1.0, abs(estimate))
    equal = np.sum(np.abs(v - estimate) <= tol)
    below = np.sum((v < estimate) & (np.abs(v - estimate) > tol))
    prop = (below + 0.5 * equal) / n
    prop = min(max(prop, 0.5 / n), 1 - 0.5 / n)
    nd = statistics.NormalDist()
    z0 = nd.inv_cdf(prop)
    sum2 = sum3 = 0.0
    start = 0
    for nh in strata:
        t = np.asarray(jack[start:start + nh], dtype=float)
        start += nh
        if np.any(np.isnan(t)):
            sum2 = 0.0
            sum3 = 0.0
            break
        ell = (nh - 1) * (t.mean() - t)
        sum2 += np.sum(ell ** 2) / nh ** 2
        sum3 += np.sum(ell ** 3) / nh ** 3
    a = sum3 / (6 * sum2 ** 1.5) if sum2 > 0 else 0.0

    def adjusted(p):
        z = z0 + nd.inv_cdf(p)
        den = 1 - a * z
        if den <= 0:
            return 1.0 if z > 0 else 0.0
        return nd.cdf(z0 + z / den)

    lo, hi = adjusted((1 - level) / 2), adjusted((1 + level) / 2)
    return float(np.quantile(v, lo)), float(np.quantile(v, hi)), a


def sensitivity_draws(methodology, seed, draws, spread=None,
                      concentration=None, methods=("mean", "geometric",
                                                   "median"),
                      levels=("criteria", "children")):
    """The methodologies libocc's Monte Carlo draws, as dicts."""
    weights = [c.get("weight", 1) for c in methodology["criteria"]]
    total = sum(weights)
    out = []
    for i in range(draws):
        rng = Rng(seed, STREAM_SENSITIVITY, i)
        w = []
        for base in weights:
            if spread is not None:
                w.append(base * (1.0 + spread * (2.0 * rng.uniform() - 1.0)))
            elif concentration is not None:
                w.append(rng.gamma(concentration * base / total)
                         if base > 0 else 0.0)
            else:
                w.append(base)
        if not sum(w) > 0:
            w = list(weights)
        m = copy.deepcopy(methodology)
        for c, weight in zip(m["criteria"], w):
            c["weight"] = weight
        agg = dict(m.get("aggregation") or {})
        for level in ("raters", "criteria", "children"):
            if level in levels:
                agg[level] = methods[rng.below(len(methods))]
            else:
                agg.setdefault(level, "mean")
        m["aggregation"] = agg
        out.append(m)
    return out


def first_order(y, bins, n_bins):
    """The bias-corrected binned first-order index of docs/analysis.md."""
    y = np.asarray(y, dtype=float)
    bins = np.asarray(bins)
    keep = ~np.isnan(y)
    y, bins = y[keep], bins[keep]
    n = len(y)
    if n < 2:
        return None
    mean = y.mean()
    sst = np.sum((y - mean) ** 2)
    ssb, occupied = 0.0, 0
    for b in range(n_bins):
        sel = y[bins == b]
        if len(sel):
            ssb += len(sel) * (sel.mean() - mean) ** 2
            occupied += 1
    if not sst > 1e-12 * max(1.0, mean * mean) * n or n <= occupied:
        return None
    ssw = max(0.0, sst - ssb)
    between = ssb - (occupied - 1) * ssw / (n - occupied)
    return min(max(between / sst, 0.0), 1.0)


def equal_count_bins(x, n_bins):
    order = sorted(range(len(x)), key=lambda i: (x[i], i))
    bins = [0] * len(x)
    for j, i in enumerate(order):
        bins[i] = j * n_bins // len(x)
    return bins
