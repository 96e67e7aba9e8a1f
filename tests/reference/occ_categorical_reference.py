"""An independent implementation of occ-v1's categorical methodologies.

Written from the contract alone (docs: occ-categorical.md, which extends
occ-v1 revision 2, and the output choices of libocc 1.5's
`occ score --format=json` for categorical methodologies), without reading
libocc's C sources, so that the two can be compared
(tests/reference/test_categorical_differential.py).

    score(dataset: dict) -> dict

takes a parsed, valid occ-dataset/1 document whose methodology is
categorical (inline, or the built-ins "ogp-irm-2015" / "ogp-irm-2021") and
returns the occ-results/1 document:

- rule 1: the level of each criterion of each rated leaf (ordinal median,
  lower middle; or mode, lowest level on a tie; an unranked answer only
  when every answer is that one; min_raters on the non-null answers);
- rules 2-3: flags, three-valued (True / False / None for unknown);
- rule 4: summaries of every inner node and of the country (count,
  unknown, of, percent, and changes between phases);
- with `values`: the numeric scores of occ-v1 rules 2-9, with the numeric
  machinery of occ_reference.py (aggregation, bands, rounding, ranks).
"""

import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import occ_reference  # noqa: E402
from occ_reference import (aggregate, band_of, competition_ranks,  # noqa: E402
                           _build_framework, _Score, _score_inner)

__all__ = ["score", "builtin_methodology", "BUILTIN", "is_categorical",
           "level_of", "evaluate", "level_ids"]


# ---------------------------------------------------------------------------
# Built-in methodologies (occ-categorical.md sections 1 and 4)

def _ogp_irm_2015():
    return {
        "id": "ogp-irm-2015",
        "name": "OGP Independent Reporting Mechanism, action plans assessed 2015-2020",
        "scale": {"kind": "categorical"},
        "criteria": [
            {"id": "specificity", "label": "Specificity", "levels": [
                {"id": "none", "label": "None"}, {"id": "low", "label": "Low"},
                {"id": "medium", "label": "Medium"}, {"id": "high", "label": "High"}]},
            {"id": "ati", "label": "Access to information", "levels": ["no", "yes"]},
            {"id": "cp", "label": "Civic participation", "levels": ["no", "yes"]},
            {"id": "pa", "label": "Public accountability", "levels": ["no", "yes"]},
            {"id": "tech", "label": "Technology and innovation for transparency and accountability",
             "levels": ["no", "yes"]},
            {"id": "impact", "label": "Potential impact",
             "levels": ["none", "minor", "moderate", "transformative"]},
            {"id": "completion", "label": "Completion",
             "levels": ["not-started", "limited", "substantial", "complete"],
             "unranked": [{"id": "no-evidence", "label": "No evidence available"}]},
            {"id": "diog", "label": "Did it open government?",
             "levels": ["worsened", "did-not-change", "marginal", "major", "outstanding"]},
        ],
        "aggregation": {"raters": "median"},
        "flags": [
            {"id": "relevant", "label": "Relevant to OGP values",
             "any": [{"criterion": "ati", "is": "yes"}, {"criterion": "cp", "is": "yes"},
                     {"criterion": "pa", "is": "yes"}]},
            {"id": "potentially-starred", "label": "Potentially starred",
             "all": [{"criterion": "specificity", "at_least": "medium"}, {"flag": "relevant"},
                     {"criterion": "impact", "is": "transformative"}]},
            {"id": "starred", "label": "Starred",
             "all": [{"flag": "potentially-starred"},
                     {"criterion": "completion", "at_least": "substantial"}]},
        ],
        "summaries": [
            {"id": "commitments", "label": "Number of commitments", "count": "rated"},
            {"id": "relevant", "label": "Commitments relevant to OGP values",
             "count": {"flag": "relevant"}, "percent": True},
            {"id": "transformative", "label": "Transformative commitments",
             "count": {"criterion": "impact", "is": "transformative"}, "percent": True},
            {"id": "potentially-starred", "label": "Potentially starred",
             "count": {"flag": "potentially-starred"}, "percent": True},
            {"id": "starred", "label": "Starred commitments", "count": {"flag": "starred"}},
            {"id": "completed", "label": "Completed commitments",
             "count": {"criterion": "completion", "is": "complete"}},
            {"id": "major", "label": "Commitments with major DIOG",
             "count": {"criterion": "diog", "is": "major"}},
            {"id": "outstanding", "label": "Commitments with outstanding DIOG",
             "count": {"criterion": "diog", "is": "outstanding"}},
        ],
        "precision": 0,
    }


def _ogp_irm_2021():
    return {
        "id": "ogp-irm-2021",
        "name": "OGP Independent Reporting Mechanism, action plans from 2020",
        "scale": {"kind": "categorical"},
        "criteria": [
            {"id": "verifiable", "label": "Verifiable", "levels": ["no", "yes"]},
            {"id": "relevant", "label": "Relevant to OGP values", "levels": ["no", "yes"]},
            {"id": "potential", "label": "Potential for results",
             "levels": ["unclear", "modest", "substantial"]},
            {"id": "completion", "label": "Completion",
             "levels": ["not-started", "limited", "substantial", "complete"],
             "unranked": [{"id": "no-evidence", "label": "No evidence available"}]},
            {"id": "results", "label": "Early results",
             "levels": ["worsened", "did-not-change", "marginal", "major", "outstanding"]},
        ],
        "aggregation": {"raters": "median"},
        "flags": [
            {"id": "high-completion", "label": "High completion",
             "criterion": "completion", "at_least": "substantial"},
            {"id": "strong-results", "label": "Strong early results",
             "criterion": "results", "at_least": "major"},
        ],
        "summaries": [
            {"id": "commitments", "label": "Number of commitments", "count": "rated"},
            {"id": "verifiable", "label": "Verifiable commitments",
             "count": {"criterion": "verifiable", "is": "yes"}, "percent": True},
            {"id": "relevant", "label": "Commitments relevant to OGP values",
             "count": {"criterion": "relevant", "is": "yes"}, "percent": True},
            {"id": "potential-unclear", "label": "Unclear potential for results",
             "count": {"criterion": "potential", "is": "unclear"}, "percent": True},
            {"id": "potential-modest", "label": "Modest potential for results",
             "count": {"criterion": "potential", "is": "modest"}, "percent": True},
            {"id": "potential-substantial", "label": "Substantial potential for results",
             "count": {"criterion": "potential", "is": "substantial"}, "percent": True},
            {"id": "high-completion", "label": "Substantially or fully completed",
             "count": {"flag": "high-completion"}},
            {"id": "strong-results", "label": "Strong early results",
             "count": {"flag": "strong-results"}},
            {"id": "results-major", "label": "Major early results",
             "count": {"criterion": "results", "is": "major"}},
            {"id": "results-outstanding", "label": "Outstanding early results",
             "count": {"criterion": "results", "is": "outstanding"}},
        ],
        "precision": 0,
    }


BUILTIN = {"ogp-irm-2015": _ogp_irm_2015, "ogp-irm-2021": _ogp_irm_2021}


def builtin_methodology(ident):
    return BUILTIN[ident]()


def methodology_of(dataset):
    meth = dataset["methodology"]
    if isinstance(meth, str):
        meth = builtin_methodology(meth)
    return meth


def is_categorical(meth):
    if isinstance(meth, str):
        return meth in BUILTIN
    return (meth.get("scale") or {}).get("kind") == "categorical"


# ---------------------------------------------------------------------------
# Rule 1: the level of a criterion

def level_ids(criterion):
    """The ranked level ids of a criterion, in increasing order."""
    return [lv if isinstance(lv, str) else lv["id"] for lv in criterion["levels"]]


def unranked_ids(criterion):
    return [u if isinstance(u, str) else u["id"]
            for u in criterion.get("unranked") or []]


def level_of(criterion, answers, method, min_raters):
    """answers: the non-null answers (level or unranked ids) in file order.
    Returns the level id (ranked, or an unranked id), or None."""
    if len(answers) < min_raters or not answers:
        return None
    ranked = level_ids(criterion)
    index = {lv: i for i, lv in enumerate(ranked)}
    unranked = set(unranked_ids(criterion))
    first = answers[0]
    if first in unranked and all(a == first for a in answers):
        return first
    idx = [index[a] for a in answers if a in index]
    if not idx:
        return None
    if method == "median":
        idx.sort()
        return ranked[idx[(len(idx) - 1) // 2]]
    if method == "mode":
        counts = {}
        for i in idx:
            counts[i] = counts.get(i, 0) + 1
        best = max(counts.values())
        return ranked[min(i for i, c in counts.items() if c == best)]
    raise ValueError("unknown raters aggregation %r" % (method,))


# ---------------------------------------------------------------------------
# Rule 2: conditions, three-valued

CONDITION_MEMBERS = ("criterion", "flag", "all", "any", "not")


def evaluate(cond, levels, flags, criteria):
    """cond: a condition (or a flag object: its id/label/labels are
    ignored).  levels: criterion id -> level id (absent: no level).
    flags: flag id -> True/False/None.  criteria: id -> criterion object.
    Returns True, False or None (unknown)."""
    if "criterion" in cond:
        cid = cond["criterion"]
        level = levels.get(cid)
        if level is None:
            return None
        if "is" in cond:
            return level == cond["is"]
        if "in" in cond:
            return level in cond["in"]
        ranked = level_ids(criteria[cid])
        if level not in ranked:
            return False          # an unranked answer satisfies neither
        if "at_least" in cond:
            return ranked.index(level) >= ranked.index(cond["at_least"])
        if "at_most" in cond:
            return ranked.index(level) <= ranked.index(cond["at_most"])
        raise ValueError("criterion condition without an operator: %r" % (cond,))
    if "flag" in cond:
        return flags[cond["flag"]]
    if "all" in cond:
        parts = [evaluate(c, levels, flags, criteria) for c in cond["all"]]
        if any(p is False for p in parts):
            return False
        if any(p is None for p in parts):
            return None
        return True
    if "any" in cond:
        parts = [evaluate(c, levels, flags, criteria) for c in cond["any"]]
        if any(p is True for p in parts):
            return True
        if any(p is None for p in parts):
            return None
        return False
    if "not" in cond:
        v = evaluate(cond["not"], levels, flags, criteria)
        return None if v is None else not v
    raise ValueError("not a condition: %r" % (cond,))


# ---------------------------------------------------------------------------
# The whole dataset

class _Leaf:
    """What rule 1-3 give one rated leaf in one (country, phase)."""
    __slots__ = ("levels", "flags", "score")

    def __init__(self):
        self.levels = {}
        self.flags = {}
        self.score = None        # an occ_reference._Score (numeric part)


def score(dataset):
    meth = methodology_of(dataset)
    criteria = meth["criteria"]
    crit_by_id = {c["id"]: c for c in criteria}
    agg = meth.get("aggregation") or {}
    raters_method = agg.get("raters", "median")
    min_raters = meth.get("min_raters", 1)
    flags_def = meth.get("flags") or []
    summaries_def = meth.get("summaries") or []
    precision = meth.get("precision", 2)
    bands = meth.get("bands") or []
    ngroups = len(meth.get("population_groups") or [])

    valued = [c for c in criteria if "values" in c]
    any_values = bool(valued)
    all_values = bool(criteria) and len(valued) == len(criteria)
    # The numeric view for occ_reference's rule 3 (_score_inner reads
    # `criteria` and `aggregation.children`).
    num_meth = {"criteria": [{"id": c["id"]} for c in valued],
                "aggregation": {"children": agg.get("children", "mean")}}
    crit_method = agg.get("criteria", "mean")

    countries = [c["id"] for c in dataset.get("countries") or []]
    phases = [p["id"] for p in dataset.get("phases") or []]
    tops, preorder = _build_framework(dataset.get("framework") or [])

    ratings = {}
    for r in dataset.get("ratings") or []:
        ratings.setdefault((r["country"], r["phase"], r["node"]), []).append(r)

    def score_leaf(rs):
        leaf = _Leaf()
        s = _Score()
        for c in criteria:
            cid = c["id"]
            answers = []
            for r in rs:
                a = (r.get("scores") or {}).get(cid)
                if a is not None:
                    answers.append(a)
            level = level_of(c, answers, raters_method, min_raters)
            if level is not None:
                leaf.levels[cid] = level
            if "values" in c:
                s.n[cid] = len(answers)
                ranked = level_ids(c)
                if level in ranked:
                    s.crit[cid] = float(c["values"][ranked.index(level)])
        for f in flags_def:
            leaf.flags[f["id"]] = evaluate(f, leaf.levels, leaf.flags, crit_by_id)
        if all_values and all(c["id"] in s.crit for c in criteria):
            s.value = aggregate(crit_method, [s.crit[c["id"]] for c in criteria],
                                [c.get("weight", 1) for c in criteria])
        # occ-v1 rule 6 (inclusion), for methodologies with groups.
        if ngroups > 0:
            num = 0
            recorded = 0
            for r in rs:
                if "groups" in r:
                    recorded += 1
                    num += len(r["groups"] or [])
            den = recorded * ngroups
            s.pool = (float(num), float(den))
            if den > 0:
                s.incl = num / den
        leaf.score = s
        return leaf

    # Per (k, p): leaves (node id -> _Leaf), numeric scores of every node,
    # rated leaves below each inner node, and the country.
    cells = {}
    for k in countries:
        for p in phases:
            leaves = {}
            scores = {}
            below = {}     # inner node id -> [rated leaf ids below, pre-order]

            def visit(node):
                if node.is_leaf:
                    rs = ratings.get((k, p, node.id))
                    if rs:
                        leaf = score_leaf(rs)
                        leaves[node.id] = leaf
                        s = leaf.score
                        rated = [node.id]
                    else:
                        s = _Score()
                        rated = []
                else:
                    subs = [visit(ch) for ch in node.children]
                    s = _score_inner(num_meth, node.children, [x[0] for x in subs])
                    rated = [lid for x in subs for lid in x[1]]
                    below[node.id] = rated
                scores[node.id] = s
                return s, rated

            subs = [visit(t) for t in tops]
            country = _score_inner(num_meth, tops, [x[0] for x in subs])
            country_rated = [lid for x in subs for lid in x[1]]
            cells[(k, p)] = {"leaves": leaves, "scores": scores, "below": below,
                             "country": country, "country_rated": country_rated}

    # occ-v1 rule 7: ranks of numeric scores within (k, p) among peers.
    ranks = {}
    for (k, p), cell in cells.items():
        groups = {}
        for node in preorder:
            v = cell["scores"][node.id].value
            if v is None:
                continue
            key = ("top",) if node.depth == 0 else ("level", node.top, node.depth)
            groups.setdefault(key, []).append((node.id, v))
        for items in groups.values():
            for nid, r in competition_ranks(items, precision).items():
                ranks[(k, p, nid)] = r
    country_ranks = {}
    if len(countries) > 1:
        for p in phases:
            for node in preorder:
                items = [(k, cells[(k, p)]["scores"][node.id].value) for k in countries
                         if cells[(k, p)]["scores"][node.id].value is not None]
                for k, r in competition_ranks(items, precision).items():
                    country_ranks[(k, p, node.id)] = r
    nation_ranks = {}
    for p in phases:
        items = [(k, cells[(k, p)]["country"].value) for k in countries
                 if cells[(k, p)]["country"].value is not None]
        for k, r in competition_ranks(items, precision).items():
            nation_ranks[(k, p)] = r

    def prev_phase(p):
        i = phases.index(p)
        return phases[i - 1] if i > 0 else None

    def numeric_members(e, s, prev):
        if s.value is not None:
            e["value"] = s.value
            b = band_of(bands, s.value, precision)
            if b is not None:
                e["band"] = b
            if prev is not None and prev.value is not None:
                e["delta"] = s.value - prev.value

    def criteria_obj(s, prev, leaf):
        obj = {}
        for c in valued:
            cid = c["id"]
            e = {}
            v = s.crit.get(cid)
            if v is not None:
                e["value"] = v
                b = band_of(bands, v, precision)
                if b is not None:
                    e["band"] = b
                if prev is not None and prev.crit.get(cid) is not None:
                    e["delta"] = v - prev.crit[cid]
            if leaf and cid in s.n:
                e["n"] = s.n[cid]
            if e:
                obj[cid] = e
        return obj

    def summaries(leaf_objs, prev_summ):
        out = {}
        of = len(leaf_objs)
        for sm in summaries_def:
            cond = sm["count"]
            count = unknown = 0
            for leaf in leaf_objs:
                if cond == "rated":
                    v = True
                else:
                    v = evaluate(cond, leaf.levels, leaf.flags, crit_by_id)
                if v is True:
                    count += 1
                elif v is None:
                    unknown += 1
            e = {"count": count, "unknown": unknown, "of": of}
            if sm.get("percent"):
                e["percent"] = 100.0 * count / of
            if prev_summ is not None:
                pe = prev_summ[sm["id"]]
                e["delta"] = count - pe["count"]
                if sm.get("percent"):
                    e["delta_percent"] = e["percent"] - pe["percent"]
            out[sm["id"]] = e
        return out

    # Summaries first (the delta needs the previous phase's).
    node_summ = {}
    country_summ = {}
    for k in countries:
        for p in phases:
            cell = cells[(k, p)]
            pp = prev_phase(p)
            for node in preorder:
                if node.is_leaf:
                    continue
                rated = cell["below"][node.id]
                if not rated:
                    continue
                prev = node_summ.get((k, pp, node.id)) if pp is not None else None
                node_summ[(k, p, node.id)] = summaries(
                    [cell["leaves"][lid] for lid in rated], prev)
            if cell["country_rated"]:
                prev = country_summ.get((k, pp)) if pp is not None else None
                country_summ[(k, p)] = summaries(
                    [cell["leaves"][lid] for lid in cell["country_rated"]], prev)

    out_scores = []
    out_countries = []
    for k in countries:
        for p in phases:
            cell = cells[(k, p)]
            pp = prev_phase(p)
            for node in preorder:
                s = cell["scores"][node.id]
                prev = cells[(k, pp)]["scores"][node.id] if pp is not None else None
                if node.is_leaf:
                    leaf = cell["leaves"].get(node.id)
                    if leaf is None:
                        continue
                else:
                    if (k, p, node.id) not in node_summ:
                        continue
                e = {"country": k, "phase": p, "node": node.id, "depth": node.depth}
                numeric_members(e, s, prev)
                if s.value is not None:
                    e["rank"] = ranks[(k, p, node.id)]
                    if (k, p, node.id) in country_ranks:
                        e["country_rank"] = country_ranks[(k, p, node.id)]
                if any_values:
                    crit = criteria_obj(s, prev, node.is_leaf)
                    if crit or node.is_leaf:
                        e["criteria"] = crit
                if node.is_leaf:
                    e["levels"] = {c["id"]: leaf.levels[c["id"]] for c in criteria
                                   if c["id"] in leaf.levels}
                    e["flags"] = {f["id"]: leaf.flags[f["id"]] for f in flags_def}
                else:
                    e["summaries"] = node_summ[(k, p, node.id)]
                if s.incl is not None:
                    e["inclusion"] = s.incl
                if not node.is_leaf and all_values:
                    e["missing_children"] = s.missing
                out_scores.append(e)
            if (k, p) in country_summ:
                s = cell["country"]
                prev = cells[(k, pp)]["country"] if pp is not None else None
                e = {"country": k, "phase": p}
                numeric_members(e, s, prev)
                if s.value is not None:
                    e["rank"] = nation_ranks[(k, p)]
                if any_values:
                    crit = criteria_obj(s, prev, False)
                    if crit:
                        e["criteria"] = crit
                e["summaries"] = country_summ[(k, p)]
                if s.incl is not None:
                    e["inclusion"] = s.incl
                if all_values:
                    e["missing_children"] = s.missing
                out_countries.append(e)

    return {
        "format": "occ-results/1",
        "methodology": meth["id"],
        "scores": out_scores,
        "countries": out_countries,
    }


if __name__ == "__main__":
    import json

    with open(sys.argv[1], encoding="utf-8") as f:
        json.dump(score(json.load(f)), sys.stdout, indent=2)
    sys.stdout.write("\n")
