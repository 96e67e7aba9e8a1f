"""Deterministic random occ-dataset/1 documents with categorical
methodologies (occ-categorical.md), for the differential test
test_categorical_differential.py.

    generate(seed) -> dict

Every document is meant to be valid.  Between them they exercise: 1-3
countries and phases, frameworks 1-3 levels deep (top-level leaves, uneven
trees, node weights), 1-5 raters and cells rated by an even number of them
(the lower middle of the ordinal median) or with ties (the mode's lowest
level), 2-6 criteria of 2-5 levels written as strings or as objects
(`label`, `labels`), `unranked` answers (alone in a cell, mixed with ranked
ones, two different unranked ones), `values` on some criteria or on all of
them (then numeric scores, with `aggregation.criteria` / `children`,
criterion weights and `bands`), raters median or mode (or the default),
min_raters 0-3 (or the default), null answers and missing criterion keys,
leaves whose answers are all null, flags with every operator, on earlier
flags, nested all/any/not (empty all/any now and then), summaries "rated"
and on conditions, with and without percent, precision 0-2, and the
built-ins "ogp-irm-2015" / "ogp-irm-2021" (by id, or inline as exactly
themselves) with their own criteria.

Run as a script to print the dataset of a seed:  gen_categorical.py SEED
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import occ_categorical_reference as ref  # noqa: E402

COUNTRY_IDS = ["PE", "AR", "CL", "MX", "UY", "BO"]
PHASE_IDS = ["2017-2019", "2019-2021", "2021-2023", "p1", "p0", "spring"]
LEVEL_WORDS = ["none", "low", "medium", "high", "top", "no", "yes", "weak",
               "modest", "strong"]
UNRANKED_WORDS = ["no-evidence", "not-applicable", "withdrawn"]
LANGUAGES = ["es", "pt", "fr"]
NODE_WEIGHTS = [None] * 8 + [0, 0.5, 2, 3, 1.5]
CRITERION_WEIGHTS = [None, None, 1, 2, 0.5, 0, 3]
MAX_RATINGS = 190


def _labels(rng, text):
    if rng.random() < 0.7:
        return None
    return {lang: "%s (%s)" % (text, lang)
            for lang in rng.sample(LANGUAGES, rng.randint(1, 2))}


def _labelled(rng, obj, text):
    obj["label"] = text
    labels = _labels(rng, text)
    if labels is not None:
        obj["labels"] = labels
    return obj


def _values(rng, nlevels, precision):
    r = rng.random()
    if r < 0.35:
        return list(range(nlevels))
    if r < 0.55:
        # On the CCO's 0-3 footing.
        return [3 * i / (nlevels - 1) for i in range(nlevels)]
    if r < 0.8:
        # Short decimals on or between the grid of the precision (rounding
        # halves: 0.5, 1.25, 2.675 ...).
        out, at = [], rng.choice([0, 0, 0.5, 1])
        for _ in range(nlevels):
            out.append(at)
            at = float("%.3f" % (at + rng.choice([0.5, 1, 0.25, 0.125, 1.005, 0.675])))
        return out
    # Not increasing, with repeats: allowed, one number per level.
    return [rng.choice([0, 1, 1.5, 2, 3, 0.25]) for _ in range(nlevels)]


def _criterion(rng, index, precision, with_values):
    nlevels = rng.randint(2, 5)
    words = rng.sample(LEVEL_WORDS, nlevels)
    levels = []
    as_objects = rng.random() < 0.4
    for w in words:
        if as_objects or rng.random() < 0.15:
            levels.append(_labelled(rng, {"id": w}, w.title()))
        else:
            levels.append(w)
    c = _labelled(rng, {"id": "c%d" % index}, "Criterion %d" % index)
    c["levels"] = levels
    if rng.random() < 0.4:
        unranked = rng.sample(UNRANKED_WORDS, rng.choice([1, 1, 1, 2]))
        c["unranked"] = [u if rng.random() < 0.5 else _labelled(rng, {"id": u}, u.title())
                         for u in unranked]
    if with_values:
        c["values"] = _values(rng, nlevels, precision)
    return c


def _leaf_condition(rng, criteria, flag_ids):
    if flag_ids and rng.random() < 0.25:
        return {"flag": rng.choice(flag_ids)}
    c = rng.choice(criteria)
    ranked = ref.level_ids(c)
    unranked = ref.unranked_ids(c)
    op = rng.choice(["is", "is", "in", "at_least", "at_most"])
    if op == "is":
        target = rng.choice(unranked) if unranked and rng.random() < 0.2 else rng.choice(ranked)
        return {"criterion": c["id"], "is": target}
    if op == "in":
        pool = ranked + unranked
        return {"criterion": c["id"], "in": rng.sample(pool, rng.randint(1, min(3, len(pool))))}
    return {"criterion": c["id"], op: rng.choice(ranked)}


def _condition(rng, criteria, flag_ids, depth=0):
    r = rng.random()
    if depth >= 2 or r < 0.45:
        return _leaf_condition(rng, criteria, flag_ids)
    if r < 0.88:
        kind = "all" if r < 0.66 else "any"
        n = 0 if rng.random() < 0.04 else rng.randint(1, 3)
        return {kind: [_condition(rng, criteria, flag_ids, depth + 1) for _ in range(n)]}
    return {"not": _condition(rng, criteria, flag_ids, depth + 1)}


def _band_limits(rng, lo, hi, precision):
    n = rng.randint(1, 4)
    start = lo - rng.choice([0, 0, 0.5, 1])
    limits = [start]
    for _ in range(n - 1):
        if rng.random() < 0.5:
            # On the grid of the precision, inside the range of the values.
            v = float("%.*f" % (precision, rng.uniform(lo, max(hi, lo + 0.1))))
        else:
            v = limits[-1] + rng.choice([0.5, 1, 0.25, 0.75])
        if v > limits[-1]:
            limits.append(v)
    return limits


def _methodology(rng):
    precision = rng.randint(0, 2)
    ncrit = rng.randint(2, 6)
    r = rng.random()
    all_values = r < 0.3
    some_values = 0.3 <= r < 0.55
    criteria = [_criterion(rng, i + 1, precision,
                           all_values or (some_values and rng.random() < 0.5))
                for i in range(ncrit)]
    if all_values and rng.random() < 0.4:
        weights = [rng.choice(CRITERION_WEIGHTS) for _ in criteria]
        if all(w == 0 for w in weights):
            weights[0] = 1
        for c, w in zip(criteria, weights):
            if w is not None:
                c["weight"] = w
    meth = {"id": "gen-cat-%d" % rng.randrange(1000),
            "name": "Generated categorical methodology"}
    labels = _labels(rng, meth["name"])
    if labels is not None:
        meth["labels"] = labels
    meth["scale"] = {"kind": "categorical"}
    meth["criteria"] = criteria
    agg = {}
    if rng.random() < 0.85:
        agg["raters"] = rng.choice(["median", "mode"])
    if any("values" in c for c in criteria):
        for level in ("criteria", "children"):
            if rng.random() < 0.75:
                agg[level] = rng.choice(["mean", "median", "geometric"])
    meth["aggregation"] = agg
    if rng.random() < 0.8:
        meth["min_raters"] = rng.randint(0, 3)
    flags = []
    for i in range(rng.randint(0, 4)):
        cond = _condition(rng, criteria, [f["id"] for f in flags])
        flag = _labelled(rng, {"id": "f%d" % (i + 1)}, "Flag %d" % (i + 1))
        flag.update(cond)
        flags.append(flag)
    meth["flags"] = flags
    summaries = []
    for i in range(rng.randint(1, 5)):
        s = _labelled(rng, {"id": "s%d" % (i + 1)}, "Summary %d" % (i + 1))
        r = rng.random()
        if r < 0.2:
            s["count"] = "rated"
        elif r < 0.5 and flags:
            s["count"] = {"flag": rng.choice(flags)["id"]}
        else:
            s["count"] = _condition(rng, criteria, [f["id"] for f in flags])
        if rng.random() < 0.5:
            s["percent"] = True
        elif rng.random() < 0.2:
            s["percent"] = False
        summaries.append(s)
    meth["summaries"] = summaries
    values = [v for c in criteria for v in c.get("values", [])]
    if values and rng.random() < 0.75:
        limits = _band_limits(rng, min(values), max(values), precision)
        meth["bands"] = [_labelled(rng, {"from": v}, "band-%d" % i) for i, v in
                         enumerate(limits)]
        for i, b in enumerate(meth["bands"]):
            b["label"] = "band-%d" % i
    if rng.random() < 0.1:
        meth["population_groups"] = [{"id": g, "label": g.title()}
                                     for g in ["women", "youth", "rural"][:rng.randint(1, 3)]]
    meth["precision"] = precision
    return meth


def _framework(rng):
    max_depth = rng.randint(1, 3)
    counter = [0]
    leaves = []

    def node(depth, prefix):
        counter[0] += 1
        ident = "%s%d" % (prefix, counter[0])
        obj = _labelled(rng, {"id": ident}, "Node " + ident)
        w = rng.choice(NODE_WEIGHTS)
        if w is not None:
            obj["weight"] = w
        if depth + 1 < max_depth and rng.random() < (0.85 if depth == 0 else 0.6):
            kids = [node(depth + 1, ident + ".") for _ in range(rng.randint(1, 4))]
            if all(k.get("weight", 1) == 0 for k in kids):
                kids[0]["weight"] = 1
            obj["children"] = kids
        else:
            leaves.append(ident)
        return obj

    tops = [node(0, "N") for _ in range(rng.randint(1, 3))]
    if all(t.get("weight", 1) == 0 for t in tops):
        tops[0]["weight"] = 1
    return tops, leaves


def generate(seed):
    rng = random.Random(seed)
    r = rng.random()
    if r < 0.15:
        ident = rng.choice(sorted(ref.BUILTIN))
        meth = ident if rng.random() < 0.8 else ref.builtin_methodology(ident)
        criteria = ref.builtin_methodology(ident)["criteria"]
    else:
        meth = _methodology(rng)
        criteria = meth["criteria"]

    countries = rng.sample(COUNTRY_IDS, rng.randint(1, 3))
    phases = rng.sample(PHASE_IDS, rng.randint(1, 3))
    framework, leaves = _framework(rng)
    raters = ["r%d" % i for i in range(1, rng.randint(1, 5) + 1)]

    p_rated = rng.choice([0.4, 0.6, 0.8, 1.0])
    p_null = rng.choice([0.0, 0.1, 0.25])
    p_missing = rng.choice([0.0, 0.05, 0.1])
    p_unranked = rng.choice([0.1, 0.3, 0.6])
    p_all_null = rng.choice([0.0, 0.05, 0.15])
    cells = [(k, p, leaf) for k in countries for p in phases for leaf in leaves]
    rng.shuffle(cells)
    ratings = []
    for k, p, leaf in cells:
        if rng.random() >= p_rated:
            continue
        # Even counts now and then (the median's lower middle).
        n = rng.randint(1, len(raters))
        if n % 2 and n > 1 and rng.random() < 0.4:
            n -= 1
        chosen = rng.sample(raters, n)
        if len(ratings) + len(chosen) > MAX_RATINGS:
            break
        all_null = rng.random() < p_all_null
        # A narrow choice of levels per cell: ties, and even counts whose
        # two middle answers differ.
        narrow = {c["id"]: rng.sample(ref.level_ids(c), min(2, len(c["levels"])))
                  for c in criteria}
        for rater in chosen:
            scores = {}
            for c in criteria:
                cid = c["id"]
                x = rng.random()
                if all_null or x < p_null:
                    scores[cid] = None
                elif x < p_null + p_missing:
                    continue
                elif ref.unranked_ids(c) and rng.random() < p_unranked:
                    scores[cid] = rng.choice(ref.unranked_ids(c))
                elif rng.random() < 0.6:
                    scores[cid] = rng.choice(narrow[cid])
                else:
                    scores[cid] = rng.choice(ref.level_ids(c))
            rec = {"country": k, "phase": p, "node": leaf, "rater": rater,
                   "scores": scores}
            groups = (meth.get("population_groups") if isinstance(meth, dict) else None)
            if groups and rng.random() < 0.8:
                rec["groups"] = [g["id"] for g in groups if rng.random() < 0.5]
            ratings.append(rec)
    if not ratings:
        k, p, leaf = cells[0]
        ratings.append({"country": k, "phase": p, "node": leaf, "rater": raters[0],
                        "scores": {c["id"]: rng.choice(ref.level_ids(c)) for c in criteria}})
    rng.shuffle(ratings)      # file order is not cell order

    return {
        "format": "occ-dataset/1",
        "title": "generated categorical dataset, seed %d" % seed,
        "methodology": meth,
        "countries": [{"id": c, "name": "Country " + c} for c in countries],
        "phases": [_labelled(rng, {"id": p}, "Phase " + p) for p in phases],
        "framework": framework,
        "raters": [{"id": r, "name": "Rater " + r} for r in raters],
        "ratings": ratings,
    }


if __name__ == "__main__":
    json.dump(generate(int(sys.argv[1])), sys.stdout, indent=1)
    sys.stdout.write("\n")
