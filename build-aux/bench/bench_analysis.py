#!/usr/bin/python3
"""Benchmark of libocc's bootstrap and Monte Carlo against numpy.

    meson devenv -C build /usr/bin/python3 ../build-aux/bench/bench_analysis.py

(OCC_BENCH_THREADS=N sets libocc's thread count; default one per
processor.)

Not part of the test suite. Generates seeded datasets (one country of
about 500 ratings, and 50 such countries), runs in the same process:

* the bootstrap (2000 replicates, percentile intervals and standard errors
  of every score: leaf criteria, leaves, inner nodes, countries) in
  libocc and in a numpy implementation of the same computation,
  vectorised over replicates;
* the Monte Carlo (2000 draws: criterion weights uniform within ±20 %,
  the criteria and children methods drawn from mean, geometric and
  median; median and 5-95 % of every score, of its rank among peers and
  between countries; first-order indices of each input on all three) in
  libocc and in numpy, vectorised over draws;

checks that the two agree on the statistics (they draw different random
numbers, so within Monte Carlo error), and prints the times and ratios.
"""

import json
import os
import platform
import sys
import time

import numpy as np

import occ

B = 2000
DRAWS = 2000
CRITERIA = ["R", "E", "S"]


def make_dataset(n_countries, seed):
    """3 summits × 4 themes × 4 commitments (48 leaves), 2 phases, each
    leaf rated by 3 to 8 organisations a phase (about 530 ratings per
    country), scores 0..3 around a leaf's level, 3 % null."""
    rng = np.random.default_rng(seed)
    framework = []
    for s in range(3):
        themes = []
        for t in range(4):
            themes.append({"id": "S%d.T%d" % (s, t), "children": [
                {"id": "S%d.T%d.C%d" % (s, t, c)} for c in range(4)]})
        framework.append({"id": "S%d" % s, "children": themes})
    leaves = [c["id"] for s in framework for t in s["children"]
              for c in t["children"]]
    countries = [{"id": "K%02d" % k} for k in range(n_countries)]
    raters = [{"id": "r%d" % i} for i in range(8)]
    ratings = []
    for k in countries:
        for phase in ("p1", "p2"):
            for leaf in leaves:
                level = rng.uniform(0.3, 2.7, size=3)
                for r in range(rng.integers(3, 9)):
                    scores = {}
                    for c, cid in enumerate(CRITERIA):
                        if rng.random() < 0.03:
                            scores[cid] = None
                        else:
                            scores[cid] = int(np.clip(np.rint(
                                level[c] + rng.normal(0, 0.8)), 0, 3))
                    ratings.append({"country": k["id"], "phase": phase,
                                    "node": leaf, "rater": "r%d" % r,
                                    "scores": scores})
    return {"format": "occ-dataset/1", "methodology": "cco-2024",
            "countries": countries,
            "phases": [{"id": "p1"}, {"id": "p2"}],
            "framework": framework, "raters": raters, "ratings": ratings}


class Tree:
    """The framework as arrays: nodes in pre-order, children lists."""

    def __init__(self, doc):
        self.ids, self.children, self.depth, self.top = [], [], [], []

        def visit(node, depth, top):
            i = len(self.ids)
            self.ids.append(node["id"])
            self.children.append([])
            self.depth.append(depth)
            self.top.append(top if top is not None else i)
            for child in node.get("children") or []:
                self.children[i].append(visit(child, depth + 1,
                                              self.top[i]))
            return i

        self.tops = [visit(n, 0, None) for n in doc["framework"]]
        self.leaves = [i for i, c in enumerate(self.children) if not c]
        self.index = {nid: i for i, nid in enumerate(self.ids)}


def unit_scores(doc, tree):
    """{(country, phase): [scores array (raters × C) per leaf index]}."""
    cells = {}
    for r in doc["ratings"]:
        key = (r["country"], r["phase"])
        row = [np.nan if r["scores"].get(c) is None else r["scores"][c]
               for c in CRITERIA]
        cells.setdefault(key, {}).setdefault(tree.index[r["node"]],
                                             []).append(row)
    return {k: {leaf: np.array(rows, dtype=float) for leaf, rows in v.items()}
            for k, v in cells.items()}


# The bootstrap in numpy ----------------------------------------------------

def numpy_bootstrap(doc, level=0.90, seed=1):
    tree = Tree(doc)
    rng = np.random.default_rng(seed)
    n_nodes = len(tree.ids)
    out = {}
    for key, leaves in unit_scores(doc, tree).items():
        # values[node] : (B, C + 1), NaN where no score
        values = np.full((n_nodes + 1, B, len(CRITERIA) + 1), np.nan)
        for leaf, scores in leaves.items():
            n = scores.shape[0]
            idx = rng.integers(0, n, size=(B, n))
            drawn = scores[idx]                      # (B, n, C)
            count = (~np.isnan(drawn)).sum(axis=1)
            with np.errstate(invalid="ignore"):
                crit = np.nansum(drawn, axis=1) / count
            crit[count == 0] = np.nan
            values[leaf, :, :-1] = crit
            values[leaf, :, -1] = crit.mean(axis=1)  # NaN if any is NaN
        for i in reversed(range(n_nodes)):
            if tree.children[i]:
                values[i] = np.nanmean(values[tree.children[i]], axis=0)
        values[n_nodes] = np.nanmean(values[tree.tops], axis=0)
        lo = np.nanquantile(values, (1 - level) / 2, axis=1)
        hi = np.nanquantile(values, (1 + level) / 2, axis=1)
        se = np.nanstd(values, axis=1, ddof=1)
        out[key] = (lo, hi, se)
    return tree, out


# The Monte Carlo in numpy ----------------------------------------------------

def aggregate3(values, weights):
    """Mean, geometric and median over the last axis, ignoring NaN; values
    (..., k), weights (..., k) or (k,)."""
    present = ~np.isnan(values)
    w = np.where(present, np.broadcast_to(weights, values.shape), 0.0)
    total = w.sum(-1)
    v0 = np.where(present, values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (v0 * w).sum(-1) / total
        logs = np.where(present & (values > 0), np.log(np.where(
            values > 0, values, 1.0)), 0.0)
        zero = (present & (values <= 0)).any(-1)
        geo = np.where(zero, 0.0, np.exp((logs * w).sum(-1) / total))
        med = np.nanmedian(values, axis=-1)
    bad = total <= 0
    mean[bad] = np.nan
    geo[bad] = np.nan
    return mean, geo, med


def pick(method, mean, geo, med):
    return np.where(method == 0, mean, np.where(method == 1, geo, med))


def competition_ranks(values, axis):
    """Competition ranks (1 = highest) of values rounded to 2 decimals
    along axis; NaN stays NaN."""
    key = np.round(values * 100)
    a = np.expand_dims(key, axis + 1)
    b = np.expand_dims(key, axis)
    greater = (b > a) & ~np.isnan(b)
    ranks = 1.0 + greater.sum(axis=axis + 1 if axis >= 0 else axis)
    return np.where(np.isnan(key), np.nan, ranks)


def first_order(y, bins, n_bins):
    """The bias-corrected binned estimator, for y (N, cells)."""
    n_present = (~np.isnan(y)).sum(0)
    y0 = np.where(np.isnan(y), 0.0, y)
    mean = y0.sum(0) / np.maximum(n_present, 1)
    sst = (np.where(np.isnan(y), 0.0, (y - mean) ** 2)).sum(0)
    ssb = np.zeros(y.shape[1])
    occupied = np.zeros(y.shape[1])
    for b in range(n_bins):
        sel = bins == b
        cnt = (~np.isnan(y[sel])).sum(0)
        s = y0[sel].sum(0)
        with np.errstate(invalid="ignore", divide="ignore"):
            bm = s / cnt
        ssb += np.where(cnt > 0, cnt * (bm - mean) ** 2, 0.0)
        occupied += cnt > 0
    ssw = np.maximum(0.0, sst - ssb)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = (ssb - (occupied - 1) * ssw / (n_present - occupied)) / sst
    ok = (sst > 1e-12 * np.maximum(1.0, mean ** 2) * n_present) \
        & (n_present > occupied)
    return np.where(ok, np.clip(s, 0, 1), np.nan)


def numpy_sensitivity(doc, seed=1):
    tree = Tree(doc)
    rng = np.random.default_rng(seed)
    countries = [c["id"] for c in doc["countries"]]
    phases = [p["id"] for p in doc["phases"]]
    n_nodes = len(tree.ids)
    w = 1.0 + 0.2 * (2 * rng.random((DRAWS, 3)) - 1)
    m_crit = rng.integers(0, 3, DRAWS)
    m_child = rng.integers(0, 3, DRAWS)
    cells = unit_scores(doc, tree)
    # Leaf criterion scores (raters' means) do not depend on the draws.
    results = {}
    for p in phases:
        scores = np.full((DRAWS, len(countries), n_nodes + 1), np.nan)
        for k, country in enumerate(countries):
            leaves = cells.get((country, p), {})
            crit = np.full((len(tree.leaves), 3), np.nan)
            for j, leaf in enumerate(tree.leaves):
                if leaf in leaves:
                    crit[j] = np.nanmean(leaves[leaf], axis=0)
            full = ~np.isnan(crit).any(1)
            # (DRAWS, leaves) under each criteria method
            c = np.where(full[:, None], crit, np.nan)
            mean = np.where(full, (w[:, None, :] * np.nan_to_num(c)).sum(-1)
                            / w.sum(-1)[:, None], np.nan)
            with np.errstate(divide="ignore"):
                logs = np.log(np.where(c > 0, c, 1.0))
            geo = np.where((c <= 0).any(1), 0.0, np.exp(
                (w[:, None, :] * logs).sum(-1) / w.sum(-1)[:, None]))
            geo = np.where(full, geo, np.nan)
            med = np.broadcast_to(np.where(full, np.median(
                np.nan_to_num(c), axis=1), np.nan), mean.shape)
            scores[:, k, tree.leaves] = pick(m_crit[:, None], mean, geo, med)
            for i in reversed(range(n_nodes)):
                if tree.children[i]:
                    v = scores[:, k, tree.children[i]]
                    scores[:, k, i] = pick(m_child, *aggregate3(v, 1.0))
            v = scores[:, k, tree.tops]
            scores[:, k, n_nodes] = pick(m_child, *aggregate3(v, 1.0))
        # Ranks between countries, per node; among peers within a country.
        country_rank = competition_ranks(scores, axis=1)
        peer = np.full_like(scores, np.nan)
        groups = {}
        for i in range(n_nodes):
            key = ("top",) if tree.depth[i] == 0 else \
                ("leaf", tree.top[i]) if not tree.children[i] else \
                ("inner", tree.top[i], tree.depth[i])
            groups.setdefault(key, []).append(i)
        for members in groups.values():
            peer[:, :, members] = competition_ranks(scores[:, :, members],
                                                    axis=2)
        peer[:, :, n_nodes] = country_rank[:, :, n_nodes]
        q = {}
        for name, y in (("score", scores), ("peer", peer),
                        ("country", country_rank)):
            flat = y.reshape(DRAWS, -1)
            quant = np.nanquantile(flat, [0.5, 0.05, 0.95], axis=0)
            n_bins = int(np.clip(np.ceil(np.cbrt(DRAWS)), 2, 32))
            idx = []
            for c in range(3):
                order = np.argsort(w[:, c], kind="stable")
                bins = np.empty(DRAWS, dtype=int)
                bins[order] = np.arange(DRAWS) * n_bins // DRAWS
                idx.append(first_order(flat, bins, n_bins))
            idx.append(first_order(flat, m_crit, 3))
            idx.append(first_order(flat, m_child, 3))
            q[name] = (quant, np.array(idx))
        results[p] = q
    return tree, results


# Running -------------------------------------------------------------------

def timed(f, *args, repeat=3):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        value = f(*args)
        elapsed = time.perf_counter() - t
        best = elapsed if best is None or elapsed < best else best
    return best, value


def check_bootstrap(doc, boot, numpy_out):
    """Standard errors agree within Monte Carlo error (B = 2000: about
    1.6 % relative) and the interval ends within a tenth of a standard
    error plus a rounding's worth."""
    tree, out = numpy_out
    ratios, ends = [], []
    for (country, phase), (lo, hi, se) in out.items():
        for i, nid in enumerate(tree.ids + [None]):
            for c, crit in enumerate(CRITERIA + [None]):
                iv = boot.interval(country, phase, nid, crit)
                if iv.se is None or not se[i, c] > 0:
                    continue
                ratios.append(iv.se / se[i, c])
                ends.append(max(abs(iv.low - lo[i, c]),
                                abs(iv.high - hi[i, c])) / se[i, c])
    ratios = np.array(ratios)
    assert abs(np.median(ratios) - 1) < 0.02, np.median(ratios)
    assert np.percentile(np.abs(ratios - 1), 95) < 0.12
    assert np.median(ends) < 0.25, np.median(ends)
    return len(ratios)


def check_sensitivity(doc, s, numpy_out):
    tree, out = numpy_out
    diffs, idiffs = [], []
    for k, country in enumerate(c["id"] for c in doc["countries"]):
        for phase, q in out.items():
            quant, idx = q["score"]
            for i, nid in enumerate(tree.ids + [None]):
                col = k * (len(tree.ids) + 1) + i
                spread = s.score(country, phase, nid)
                if spread is None:
                    continue
                diffs.append(abs(spread.median - quant[0, col]))
                mine = s.indices(country, phase, nid)
                for j, name in enumerate(s.inputs):
                    if mine[name] is not None and not np.isnan(idx[j, col]):
                        idiffs.append(abs(mine[name] - idx[j, col]))
    assert np.median(diffs) < 0.02, np.median(diffs)
    assert np.median(idiffs) < 0.05, np.median(idiffs)
    return len(diffs)


def main():
    threads = int(os.environ.get("OCC_BENCH_THREADS", "0"))
    rows = []
    for n_countries in (1, 50):
        doc = make_dataset(n_countries, seed=2024 + n_countries)
        ds = occ.Dataset.from_string(json.dumps(doc))
        results = ds.score()
        n_ratings = len(doc["ratings"])

        t_c, boot = timed(lambda: occ.Bootstrap(results, replicates=B,
                                                threads=threads))
        t_np, np_out = timed(numpy_bootstrap, doc, repeat=1 if n_countries > 1
                             else 3)
        checked = check_bootstrap(doc, boot, np_out)
        rows.append(("bootstrap", n_countries, n_ratings, t_c, t_np, checked))

        t_c, sens = timed(lambda: occ.Sensitivity(ds, draws=DRAWS,
                                                  threads=threads))
        t_np, np_out = timed(numpy_sensitivity, doc, repeat=1 if n_countries > 1
                             else 3)
        checked = check_sensitivity(doc, sens, np_out)
        rows.append(("monte-carlo", n_countries, n_ratings, t_c, t_np,
                     checked))

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    print("libocc %s, numpy %s, Python %s" % (occ.version(), np.__version__,
                                              platform.python_version()))
    print("%s, %d processors available, threads: %s" % (
        cpu, os.cpu_count(), threads or "one per processor"))
    print("B = %d replicates, %d draws; best of 3 (numpy at 50 countries: "
          "1 run)" % (B, DRAWS))
    print()
    print("| analysis | countries | ratings | libocc (s) | numpy (s) | "
          "numpy / libocc | statistics checked |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, k, n, t_c, t_np, checked in rows:
        print("| %s | %d | %d | %.3f | %.3f | %.1f× | %d |"
              % (name, k, n, t_c, t_np, t_np / t_c, checked))


if __name__ == "__main__":
    sys.exit(main())
