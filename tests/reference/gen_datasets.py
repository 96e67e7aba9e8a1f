"""Deterministic random occ-dataset/1 documents for the differential test.

    generate(seed) -> dict

Every document is valid under occ-v1 revision 2 (section 6); between them
they exercise uneven frameworks (top-level leaves, deep leaves, leaves and
inner nodes at the same depth under one top-level node), zero and
fractional node weights, every aggregation method at every level,
min_raters 0-3 (leaves below it that still have ratings with groups),
missing bands and bands starting at or below the scale's minimum, band
limits on the decimal grid of the precision with values just below them
(1.4999999999999998 under 1.5), 0-5 population groups, ratings with a
`groups` list, with `"groups": []` and without `groups` (rule 6), precision
0-3 and sometimes up to 9, values on rounding halves written as short
decimals (2.675) and just off them (2.6749999999), null scores and missing
criterion keys, published scores with and without ratings, `labels` in
other languages and `levels` (which do not change any score), the built-in
"cco-2024" and adaptations of it under ids of their own.

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
LANGUAGES = ["es", "pt", "fr", "en-GB", "qu"]
# Published values around rounding halves and band limits at precision 2,
# for the cco-2024 scale: the shortest decimal of 2.675 is a half (2.68)
# although the double is below it; 2.6749999999 and 1.4999999999999998
# (the double just below 1.5) are not halves; 1.4999999999999998 shows as
# 1.50, so its band is "medium".
NEAR_HALVES = [1.4999999999999998, 1.5, 2.675, 2.6749999999, 2.6750000001,
               1.005, 0.125, 2.4999999999999996, 2.7999999999999994, 2.795,
               0.005, 1.115, 2.345, 1.4949999999999999, 1.495]


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


def _labels(rng, text):
    """Sometimes a `labels` object (language -> text): no effect on scores."""
    if rng.random() < 0.6:
        return None
    langs = rng.sample(LANGUAGES, rng.randint(0, 3))
    return {lang: "%s (%s)" % (text, lang) for lang in langs}


def _label(rng, obj, text):
    obj["label"] = text
    labels = _labels(rng, text)
    if labels is not None:
        obj["labels"] = labels
    return obj


def _grid_value(rng, lo, hi, precision):
    """A short decimal on the grid of `precision` strictly inside (lo, hi]."""
    steps = int(round((hi - lo) * 10 ** precision))
    k = rng.randint(1, max(steps, 1))
    return float("%.*f" % (precision, lo + k / 10 ** precision))


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
    # Mostly the precisions people print; sometimes up to the limit of 9.
    precision = rng.randint(0, 3) if rng.random() < 0.9 else rng.randint(4, 9)
    r = rng.random()
    if r < 0.1:
        pass                                     # no bands at all
    elif r < 0.15:
        meth["bands"] = []
    else:
        # The first band starts at or below the scale's minimum (revision 2
        # refuses bands that leave the bottom of the scale uncovered).
        nbands = rng.randint(1, 4)
        start = rng.choice([lo, lo, lo - 1, lo - 0.5, lo - rng.uniform(0.001, 2)])
        bands = [{"from": start}]
        if rng.random() < 0.5:
            # Limits on the decimal grid of the precision, where a value just
            # below a limit shows as the limit (rule 5).
            limits = sorted({_grid_value(rng, lo, hi, precision)
                             for _ in range(nbands - 1)})
            bands += [{"from": v} for v in limits if v > start]
        else:
            at = start
            for _ in range(nbands - 1):
                at = at + rng.choice([0.5, 1, 0.25, 0.8, rng.uniform(0.01, 1.5)])
                bands.append({"from": at})
        for i, b in enumerate(bands):
            b["label"] = "band-%d" % i
            labels = _labels(rng, "Band %d" % i)
            if labels is not None:
                b["labels"] = labels
        meth["bands"] = bands
    ngroups = rng.randint(0, 5)
    meth["population_groups"] = [_label(rng, {"id": g}, g.title())
                                 for g in GROUP_IDS[:ngroups]]
    meth["precision"] = precision
    _decorate_methodology(rng, meth)
    return meth


def _decorate_methodology(rng, meth):
    """`labels` on the methodology and its criteria, and `levels`."""
    labels = _labels(rng, meth["name"])
    if labels is not None:
        meth["labels"] = labels
    for c in meth["criteria"]:
        labels = _labels(rng, c["label"])
        if labels is not None:
            c["labels"] = labels
    if rng.random() < 0.4:
        meth["levels"] = [_label(rng, {}, "Level %d" % d)
                          for d in range(rng.randint(0, 4))]


def _adapted_cco(rng):
    """cco-2024 adapted (other bands, groups, min_raters or precision) under
    an id of its own: an inline methodology may not claim `cco-2024` with
    rules other than the built-in ones."""
    groups = CCO_GROUPS[:rng.randint(0, len(CCO_GROUPS))]
    meth = {
        "id": rng.choice(["cco-2024-local", "cco-2024-adapted", "obs-local"]),
        "name": "Citizen Corruption Observatory, adapted",
        "scale": {"min": 0, "max": 3},
        "criteria": [{"id": "R", "label": "Relevance", "weight": 1},
                     {"id": "E", "label": "Effectiveness", "weight": 1},
                     {"id": "S", "label": "Sustainability", "weight": 1}],
        "aggregation": {"raters": "mean", "criteria": "mean", "children": "mean"},
        "min_raters": rng.choice([1, 1, 2, 3]),
        "bands": [{"label": "low", "from": 0}, {"label": "medium", "from": 1.5},
                  {"label": "medium-high", "from": 2.5},
                  {"label": "high", "from": rng.choice([2.8, 2.68, 2.7])}],
        "levels": [{"label": "Summit"}, {"label": "Theme"}, {"label": "Commitment"},
                   {"label": "Sub-commitment"}],
        "population_groups": [{"id": g, "label": g} for g in groups],
        "precision": rng.choice([2, 2, 1]),
    }
    _decorate_methodology(rng, meth)
    return meth


def _framework(rng):
    """An uneven tree of depth 1-4; returns (framework, leaf ids)."""
    max_depth = rng.randint(1, 4)
    counter = [0]
    leaves = []

    def node(depth, prefix, inner=None):
        counter[0] += 1
        ident = "%s%d" % (prefix, counter[0])
        obj = _label(rng, {"id": ident}, "Node " + ident)
        w = rng.choice(NODE_WEIGHTS)
        if w is not None:
            obj["weight"] = w
        # Deeper levels are more likely to be leaves; the last is always.
        if inner is None:
            inner = rng.random() < (0.8 if depth == 0 else 0.6)
        inner = inner and depth + 1 < max_depth
        if inner:
            obj["children"] = siblings(depth + 1, ident + ".")
        else:
            if rng.random() < 0.1:
                obj["children"] = []             # an empty list is a leaf too
            leaves.append(ident)
        return obj

    def siblings(depth, prefix):
        n = rng.randint(1, 4)
        shape = [None] * n
        if depth >= 1 and depth + 1 < max_depth and rng.random() < 0.5:
            # Commitments with and without sub-commitments side by side:
            # peers under revision 2 (rule 7).
            n = max(n, 2)
            shape = [True, False] + [None] * (n - 2)
            rng.shuffle(shape)
        kids = [node(depth, prefix, inner) for inner in shape]
        # Weights that are all zero are refused at load.
        if all(k.get("weight", 1) == 0 for k in kids):
            kids[rng.randrange(len(kids))]["weight"] = rng.choice([1, 0.5, 2])
        return kids

    return siblings(0, "N"), leaves


def _published_value(rng, lo, hi, grid, near=None):
    if near is not None and rng.random() < 0.5:
        # A band limit or a rounding half, or a hair (one ulp) below it.
        v = rng.choice(near)
        r = rng.random()
        if r < 0.4:
            v = math.nextafter(v, -math.inf)
        elif r < 0.5:
            v = math.nextafter(v, math.inf)
        elif r < 0.6:
            v = v - 1e-10
        return min(max(v, float(lo)), float(hi))
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


def _country(rng, ident):
    obj = {"id": ident, "name": "Country " + ident}
    labels = _labels(rng, "Country " + ident)
    if labels is not None:
        obj["labels"] = labels
    return obj


def generate(seed):
    rng = random.Random(seed)
    builtin = rng.random() < 0.15
    if builtin:
        meth = "cco-2024"
        lo, hi, crit_ids, group_ids = 0, 3, ["R", "E", "S"], CCO_GROUPS
        limits, precision = [0, 1.5, 2.5, 2.8], 2
    else:
        meth = _adapted_cco(rng) if rng.random() < 0.1 else _methodology(rng)
        lo, hi = meth["scale"]["min"], meth["scale"]["max"]
        crit_ids = [c["id"] for c in meth["criteria"]]
        group_ids = [g["id"] for g in meth["population_groups"]]
        limits = [b["from"] for b in meth.get("bands") or []]
        precision = meth["precision"]
    # Values a hair from a band limit or a rounding half (rules 5 and 8).
    near = [v for v in limits if lo <= v <= hi]
    # Halves of the precision's grid, as short decimals (0.005, 0.015...).
    near += [float("%.12g" % (lo + (k + 0.5) * 10 ** -precision)) for k in range(3)]
    if (lo, hi) == (0, 3) and precision == 2:
        near += NEAR_HALVES
    if rng.random() < 0.3:
        near = None

    countries = rng.sample(COUNTRY_IDS, rng.randint(1, 4))
    phases = rng.sample(PHASE_IDS, rng.randint(1, 3))
    framework, leaves = _framework(rng)
    raters = ["org-%d" % i for i in range(1, rng.randint(1, 6) + 1)]

    ratings, published = [], []
    p_rated = rng.choice([0.0, 0.3, 0.6, 0.8])
    p_published = rng.choice([0.0, 0.2, 0.5, 0.8])
    p_null = rng.choice([0.0, 0.1, 0.3])
    # Rule 6: a rating without `groups` records nothing; "groups": [] records
    # that no group was included.
    p_no_groups = rng.choice([0.0, 0.0, 0.2, 0.5, 1.0])
    p_empty_groups = rng.choice([0.0, 0.1, 0.3])
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
                               "rater": rater, "scores": scores}
                        r = rng.random()
                        if r < p_no_groups:
                            pass                  # records no groups
                        elif r < p_no_groups + p_empty_groups or not group_ids:
                            rec["groups"] = []
                        else:
                            rec["groups"] = rng.sample(group_ids,
                                                       rng.randint(0, len(group_ids)))
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
                            scores[c] = _published_value(rng, lo, hi, grid, near)
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
        "countries": [_country(rng, c) for c in countries],
        "phases": [_label(rng, {"id": p}, "Phase " + p) for p in phases],
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
