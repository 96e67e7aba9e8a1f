"""Deterministic random occ-dataset/1 documents for the differential test.

    generate(seed) -> dict

Every document is valid under occ-v1 section 6; between them they exercise
uneven frameworks (top-level leaves, deep leaves), zero and fractional node
weights, every aggregation method at every level, min_raters 0-3, missing
and unordered bands, 0-5 population groups, precision 0-3, null scores and
missing criterion keys, published scores with and without ratings, and the
built-in "cco-2024".

Run as a script to print the dataset of a seed:  gen_datasets.py SEED

Tests that start a process per dataset choose their seeds (and other long
lists of datasets) through sample(): all of them normally, an evenly
spread few when OCC_TEST_SAMPLE=N is set (tools/check-valgrind sets it:
there each process costs seconds, and a few datasets of each kind exercise
the same code paths).
"""

import json
import math
import os
import random
import sys

METHODS = ["mean", "median", "geometric"]
CRITERION_IDS = ["R", "E", "S", "X"]
GROUP_IDS = ["women", "youth", "rural", "disability", "indigenous"]
CCO_GROUPS = ["women", "youth", "children", "older-adults", "indigenous",
              "afro-descendant", "lgbtiq", "disability", "rural"]
COUNTRY_IDS = ["AR", "BO", "CL", "PE", "MX", "UY"]
PHASE_IDS = ["2024", "2019", "spring", "autumn", "p1", "p0"]
# Node weights: mostly absent (1), sometimes zero or fractional.
NODE_WEIGHTS = [None] * 6 + [0, 0, 0.5, 2, 3, 1.5, 0.25, 0.3, 1.1, 7]
CRITERION_WEIGHTS = [1, 1, 1, 2, 3, 0, 0, 0.5, 1.5, 0.7]


def sample(items):
    """What a test should run over: all of items (seeds, dataset files), or
    at most OCC_TEST_SAMPLE of them, evenly spread and always the first,
    when that variable is set to a positive number."""
    items = list(items)
    limit = os.environ.get("OCC_TEST_SAMPLE", "")
    if not limit:
        return items
    if not limit.isdigit() or int(limit) < 1:
        raise ValueError("OCC_TEST_SAMPLE=%r: expected a positive number" % limit)
    return items[::math.ceil(len(items) / int(limit))]


def _methodology(rng):
    methods = {level: rng.choice(METHODS) for level in ("raters", "criteria", "children")}
    geometric = "geometric" in methods.values()
    lo = rng.choice([0, 1]) if geometric or rng.random() < 0.7 else rng.choice([-3, -2, -1])
    hi = rng.randint(2, 5)
    ncrit = rng.randint(1, 4)
    weights = [rng.choice(CRITERION_WEIGHTS) for _ in range(ncrit)]
    if all(w == 0 for w in weights):
        weights[rng.randrange(ncrit)] = rng.choice([1, 2, 0.5])
    criteria = [{"id": cid, "label": "Criterion " + cid, "weight": w}
                for cid, w in zip(CRITERION_IDS[:ncrit], weights)]
    meth = {
        "id": "gen-%d" % rng.randrange(1000),
        "name": "Generated methodology",
        "scale": {"min": lo, "max": hi},
        "criteria": criteria,
        "aggregation": methods,
        "min_raters": rng.randint(0, 3),
    }
    r = rng.random()
    if r < 0.15:
        pass                                     # no bands at all
    elif r < 0.25:
        meth["bands"] = []
    else:
        nbands = rng.randint(1, 4)
        start = rng.choice([lo, lo, lo + 0.5, lo - 1, rng.uniform(lo, hi)])
        bands, at = [], start
        for i in range(nbands):
            bands.append({"label": "band-%d" % i, "from": at})
            at = at + rng.choice([0.5, 1, 0.25, 0.8, rng.uniform(0.01, 1.5)])
        meth["bands"] = bands
    ngroups = rng.randint(0, 5)
    meth["population_groups"] = [{"id": g, "label": g.title()} for g in GROUP_IDS[:ngroups]]
    meth["precision"] = rng.randint(0, 3)
    return meth


def _framework(rng):
    """An uneven tree of depth 1-4; returns (framework, leaf ids)."""
    max_depth = rng.randint(1, 4)
    counter = [0]
    leaves = []

    def node(depth, prefix):
        counter[0] += 1
        ident = "%s%d" % (prefix, counter[0])
        obj = {"id": ident, "label": "Node " + ident}
        w = rng.choice(NODE_WEIGHTS)
        if w is not None:
            obj["weight"] = w
        # Deeper levels are more likely to be leaves; the last is always.
        inner = depth + 1 < max_depth and rng.random() < (0.8 if depth == 0 else 0.6)
        if inner:
            obj["children"] = siblings(depth + 1, ident + ".")
        else:
            if rng.random() < 0.1:
                obj["children"] = []             # an empty list is a leaf too
            leaves.append(ident)
        return obj

    def siblings(depth, prefix):
        kids = [node(depth, prefix) for _ in range(rng.randint(1, 4))]
        # Weights that are all zero are refused at load.
        if all(k.get("weight", 1) == 0 for k in kids):
            kids[rng.randrange(len(kids))]["weight"] = rng.choice([1, 0.5, 2])
        return kids

    return siblings(0, "N"), leaves


def _published_value(rng, lo, hi, grid):
    if grid is not None:
        # Decimal values on or half-way between the grid of the precision,
        # written as short decimals (2.675, 0.125, 1.005): many ties after
        # rounding, and halves that binary floating point misses by a hair.
        steps = int(round((hi - lo) * 10 ** grid))
        k = rng.randint(0, max(steps - 1, 0))
        if rng.random() < 0.6:
            return float("%.*f" % (grid + 1, lo + (k + 0.5) / 10 ** grid))
        return float("%.*f" % (grid, lo + k / 10 ** grid))
    r = rng.random()
    if r < 0.3:
        return float(rng.randint(lo, hi))
    if r < 0.5:
        return round(rng.uniform(lo, hi), 2)
    if r < 0.7:
        # Near-halves at the next decimals (a decimal plus 0.05, 0.005...).
        v = round(rng.uniform(lo, hi), rng.randint(0, 2)) + 0.5 * 10 ** -rng.randint(1, 3)
        return min(v, float(hi))
    return rng.uniform(lo, hi)


def generate(seed):
    rng = random.Random(seed)
    builtin = rng.random() < 0.15
    if builtin:
        meth = "cco-2024"
        lo, hi, crit_ids, group_ids = 0, 3, ["R", "E", "S"], CCO_GROUPS
    else:
        meth = _methodology(rng)
        lo, hi = meth["scale"]["min"], meth["scale"]["max"]
        crit_ids = [c["id"] for c in meth["criteria"]]
        group_ids = [g["id"] for g in meth["population_groups"]]

    countries = rng.sample(COUNTRY_IDS, rng.randint(1, 4))
    phases = rng.sample(PHASE_IDS, rng.randint(1, 3))
    framework, leaves = _framework(rng)
    raters = ["org-%d" % i for i in range(1, rng.randint(1, 6) + 1)]

    ratings, published = [], []
    p_rated = rng.choice([0.0, 0.3, 0.6, 0.8])
    p_published = rng.choice([0.0, 0.2, 0.5, 0.8])
    p_null = rng.choice([0.0, 0.1, 0.3])
    precision = 2 if builtin else meth["precision"]
    grid = precision if rng.random() < 0.25 else None
    for k in countries:
        for p in phases:
            for leaf in leaves:
                if rng.random() < p_rated:
                    for rater in rng.sample(raters, rng.randint(1, len(raters))):
                        scores = {}
                        for c in crit_ids:
                            r = rng.random()
                            if r < p_null:
                                scores[c] = None
                            elif r < p_null * 1.5:
                                continue          # a missing key: not rated
                            else:
                                scores[c] = rng.randint(lo, hi)
                        rec = {"country": k, "phase": p, "node": leaf,
                               "rater": rater, "scores": scores,
                               "groups": rng.sample(group_ids, rng.randint(0, len(group_ids)))}
                        if rng.random() < 0.2:
                            rec["validated"] = rng.random() < 0.5
                            rec["evidence"] = [{"kind": "practice", "source": "x", "ref": "y"}]
                        ratings.append(rec)
                if rng.random() < p_published:
                    scores = {}
                    for c in crit_ids:
                        r = rng.random()
                        if r < p_null:
                            scores[c] = None
                        elif r < p_null * 1.3:
                            continue              # a missing key: no score
                        else:
                            scores[c] = _published_value(rng, lo, hi, grid)
                    rec = {"country": k, "phase": p, "node": leaf, "scores": scores}
                    if rng.random() < 0.5:
                        rec["raters"] = rng.randint(1, 12)
                    if rng.random() < 0.5:
                        rec["inclusion"] = rng.choice([0.0, 1.0, 0.46, round(rng.random(), 2),
                                                       rng.random()])
                    published.append(rec)
    rng.shuffle(ratings)    # file order is not cell order

    dataset = {
        "format": "occ-dataset/1",
        "title": "generated dataset, seed %d" % seed,
        "methodology": meth,
        "countries": [{"id": c, "name": "Country " + c} for c in countries],
        "phases": [{"id": p, "label": "Phase " + p} for p in phases],
        "framework": framework,
        "raters": [{"id": r, "name": "Organization " + r} for r in raters],
    }
    if ratings or rng.random() < 0.5:
        dataset["ratings"] = ratings
    if published or rng.random() < 0.5:
        dataset["published"] = published
    return dataset


if __name__ == "__main__":
    json.dump(generate(int(sys.argv[1])), sys.stdout, indent=1)
    sys.stdout.write("\n")
