"""A second, independent implementation of the occ-v1 scoring rules.

Written from the contract, occ-v1 revision 2 (docs/occ-v1.md, sections
2-5 and 8), alone, without reading libocc's C sources, so that the two can
be compared (tests/reference/test_differential.py).

    score(dataset: dict) -> dict

takes a parsed occ-dataset/1 document (assumed valid: loading errors are not
this module's business) and returns the occ-results/1 document that
`occ score --format=json` writes for it.

Arithmetic is plain left-to-right floating point in the order of the data
(ratings in file order within a cell, children in document order, criteria
in methodology order), so that the results can agree with the C library to
the bit.
"""

import decimal
import math
from decimal import Decimal

__all__ = ["score", "builtin_methodology", "round_decimal", "round_half_away",
           "rounded_value", "band_of", "BUILTIN"]


# ---------------------------------------------------------------------------
# Built-in methodologies (occ-v1 §3)

def _cco_2024():
    groups = [
        ("women", "Women"),
        ("youth", "Youth"),
        ("children", "Children and adolescents"),
        ("older-adults", "Older adults"),
        ("indigenous", "Indigenous peoples"),
        ("afro-descendant", "Afro-descendant people"),
        ("lgbtiq", "LGBTIQ+ people"),
        ("disability", "Persons with disabilities"),
        ("rural", "Rural and peasant communities"),
    ]
    return {
        "id": "cco-2024",
        "name": "Citizen Corruption Observatory, Phase 2 (2024)",
        "scale": {"min": 0, "max": 3},
        "criteria": [
            {"id": "R", "label": "Relevance", "weight": 1},
            {"id": "E", "label": "Effectiveness", "weight": 1},
            {"id": "S", "label": "Sustainability", "weight": 1},
        ],
        "aggregation": {"raters": "mean", "criteria": "mean", "children": "mean"},
        "min_raters": 1,
        "bands": [
            {"label": "low", "from": 0},
            {"label": "medium", "from": 1.5},
            {"label": "medium-high", "from": 2.5},
            {"label": "high", "from": 2.8},
        ],
        # Names only (as are the `labels` in other languages, which the
        # built-in also has and which this module leaves out): no effect
        # on any score.
        "levels": [{"label": "Summit"}, {"label": "Theme"},
                   {"label": "Commitment"}, {"label": "Sub-commitment"}],
        "population_groups": [{"id": i, "label": l} for i, l in groups],
        "precision": 2,
    }


BUILTIN = {"cco-2024": _cco_2024}


def builtin_methodology(ident):
    return BUILTIN[ident]()


# ---------------------------------------------------------------------------
# Aggregation (occ-v1 §3, docs/scoring.md "Aggregation")

def _weighted_mean(values, weights):
    num = 0.0
    den = 0.0
    for x, w in zip(values, weights):
        num += w * x
        den += w
    if den == 0.0:
        return None          # all weights zero: undefined, no score
    return num / den


def _median(values):
    if not values:
        return None
    s = sorted(values)
    m = len(s) // 2
    if len(s) % 2 == 1:
        return s[m]
    return (s[m - 1] + s[m]) / 2.0


def _geometric(values, weights):
    den = 0.0
    for w in weights:
        den += w
    if den == 0.0:
        return None          # all weights zero: undefined, no score
    for x in values:
        if x <= 0.0:
            return 0.0       # a zero anywhere gives zero
    acc = 0.0
    for x, w in zip(values, weights):
        acc += w * math.log(x)
    return math.exp(acc / den)


def aggregate(method, values, weights):
    """Aggregate `values` (floats) with `weights`; None when there is no score."""
    if not values:
        return None
    values = [float(v) for v in values]
    weights = [float(w) for w in weights]
    if method == "mean":
        return _weighted_mean(values, weights)
    if method == "median":
        return _median(values)
    if method == "geometric":
        return _geometric(values, weights)
    raise ValueError("unknown aggregation method %r" % (method,))


# ---------------------------------------------------------------------------
# Bands and rounding (rules 5, 7, 8)

# Plenty of digits: |values| up to 1e300 at precision up to 9 stay exact.
_DECIMAL = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_UP,
                           Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def round_decimal(value, precision):
    """Rule 8: `value` rounded to `precision` decimals, half away from zero,
    on the shortest decimal that reads back as the same double (repr), as a
    Decimal: 2.675 -> 2.68, 1.4999999999999998 -> 1.50, 2.6749999999 -> 2.67.
    (ROUND_HALF_UP is half away from zero: -0.125 -> -0.13.)"""
    return Decimal(repr(float(value))).quantize(
        Decimal(1).scaleb(-precision), rounding=decimal.ROUND_HALF_UP,
        context=_DECIMAL)


def round_half_away(value, precision):
    """The rounded value as an integer number of 10**-precision units (rule 7
    compares these)."""
    return int(round_decimal(value, precision).scaleb(precision, context=_DECIMAL))


def rounded_value(value, precision):
    """The rounded decimal converted back to a double (what rule 5 reads)."""
    return float(round_decimal(value, precision))


def band_of(bands, value, precision):
    """Rule 5: the label of the last band whose `from` <= the value rounded
    to `precision` (as a double), or None when no band starts low enough."""
    shown = rounded_value(value, precision)
    label = None
    for b in bands:
        if b["from"] <= shown:
            label = b["label"]
    return label


def competition_ranks(items, precision):
    """items: list of (key, value).  Returns {key: rank}: 1 + the number of
    items whose rounded value (rule 8) is strictly greater (1, 2, 2, 4)."""
    rounded = [(k, round_half_away(v, precision)) for k, v in items]
    ranks = {}
    for k, r in rounded:
        ranks[k] = 1 + sum(1 for _, o in rounded if o > r)
    return ranks


# ---------------------------------------------------------------------------
# The framework

class _Node:
    __slots__ = ("id", "weight", "children", "depth", "top", "parent")

    def __init__(self, ident, weight, depth, top, parent):
        self.id = ident
        self.weight = weight
        self.children = []
        self.depth = depth
        self.top = top
        self.parent = parent

    @property
    def is_leaf(self):
        return not self.children


def _build_framework(framework):
    """Returns (top-level nodes, all nodes in pre-order)."""
    preorder = []

    def build(obj, depth, top, parent):
        node = _Node(obj["id"], float(obj.get("weight", 1)), depth,
                     top if top is not None else obj["id"], parent)
        preorder.append(node)
        for child in obj.get("children") or []:
            node.children.append(build(child, depth + 1, node.top, node))
        return node

    tops = [build(obj, 0, None, None) for obj in framework]
    return tops, preorder


# ---------------------------------------------------------------------------
# Scoring one (country, phase)

class _Score:
    """The scores of one node in one (country, phase)."""
    __slots__ = ("value", "crit", "n", "incl", "pool", "missing")

    def __init__(self):
        self.value = None      # node score
        self.crit = {}         # criterion id -> value (only when scored)
        self.n = {}            # criterion id -> n (leaves, when known)
        self.incl = None       # inclusion fraction
        self.pool = None       # (numerator, denominator) for pooling
        self.missing = None    # inner nodes: children without a score

    def has_any_score(self):
        return self.value is not None or bool(self.crit)


def _score_leaf(meth, node, ratings, published):
    s = _Score()
    criteria = meth["criteria"]
    ngroups = len(meth.get("population_groups") or [])
    min_raters = meth.get("min_raters", 1)
    if ratings:
        # Rule 1: the raters aggregate of the non-null ratings, in file order.
        for c in criteria:
            cid = c["id"]
            vals = []
            for r in ratings:
                v = (r.get("scores") or {}).get(cid)
                if v is not None:
                    vals.append(v)
            n = len(vals)
            s.n[cid] = n
            if n >= min_raters and n > 0:
                v = aggregate(meth["aggregation"]["raters"], vals, [1.0] * n)
                if v is not None:
                    s.crit[cid] = v
        # Rule 6: marked (rating, group) pairs over (ratings that record
        # groups x groups).  A rating records groups iff it has a `groups`
        # member ("groups": [] records "no group"); one without counts in
        # neither sum.  The leaf pools whether or not it has a score.
        if ngroups > 0:
            num = 0
            recorded = 0
            for r in ratings:
                if "groups" in r:
                    recorded += 1
                    num += len(r["groups"] or [])
            den = recorded * ngroups
            s.pool = (float(num), float(den))
            if den > 0:
                s.incl = num / den
    elif published is not None:
        scores = published.get("scores") or {}
        raters = published.get("raters")
        for c in criteria:
            cid = c["id"]
            v = scores.get(cid)
            if v is not None:
                s.crit[cid] = float(v)
            if raters is not None:
                s.n[cid] = raters
        inclusion = published.get("inclusion")
        if inclusion is not None:
            # Used as it is (even with no population groups; a leaf that
            # uses its published record and gives no inclusion has none).
            s.incl = float(inclusion)
            if raters is not None and ngroups > 0:
                # numerator = inclusion x (raters x groups): the integer
                # denominator is formed first, as libocc does (the other
                # grouping differs in the last bit).
                s.pool = (float(inclusion) * (raters * ngroups),
                          float(raters * ngroups))
    # Rule 2: the criteria aggregate, none if any criterion has none.
    if criteria and all(c["id"] in s.crit for c in criteria):
        s.value = aggregate(meth["aggregation"]["criteria"],
                            [s.crit[c["id"]] for c in criteria],
                            [c.get("weight", 1) for c in criteria])
    return s


def _score_inner(meth, children, child_scores):
    """Rule 3 over `children` (nodes, in document order) whose scores are
    `child_scores` (same order)."""
    s = _Score()
    method = meth["aggregation"]["children"]
    vals, ws = [], []
    missing = 0
    for ch, cs in zip(children, child_scores):
        if cs.value is None:
            missing += 1
        else:
            vals.append(cs.value)
            ws.append(ch.weight)
    s.value = aggregate(method, vals, ws)
    s.missing = missing
    for c in meth["criteria"]:
        cid = c["id"]
        vals, ws = [], []
        for ch, cs in zip(children, child_scores):
            if cid in cs.crit:
                vals.append(cs.crit[cid])
                ws.append(ch.weight)
        v = aggregate(method, vals, ws)
        if v is not None:
            s.crit[cid] = v
    # Rule 6: pool the numerators and denominators of the leaves below
    # (through the children, each of which pooled its own leaves); nothing
    # recorded (denominator 0) gives no inclusion.
    num, den, any_pool = 0.0, 0.0, False
    for cs in child_scores:
        if cs.pool is not None:
            num += cs.pool[0]
            den += cs.pool[1]
            any_pool = True
    if any_pool:
        s.pool = (num, den)
        if den > 0:
            s.incl = num / den
    return s


def _score_cell(meth, tops, ratings_of, published_of):
    """Score every node of one (country, phase).  Returns
    ({node id: _Score}, country _Score)."""
    out = {}

    def visit(node):
        if node.is_leaf:
            s = _score_leaf(meth, node, ratings_of(node.id), published_of(node.id))
        else:
            child_scores = [visit(ch) for ch in node.children]
            s = _score_inner(meth, node.children, child_scores)
        out[node.id] = s
        return s

    top_scores = [visit(t) for t in tops]
    # "Country score" extension: one more inner node above the top level.
    country = _score_inner(meth, tops, top_scores)
    return out, country


# ---------------------------------------------------------------------------
# The whole dataset

def score(dataset):
    meth = dataset["methodology"]
    if isinstance(meth, str):
        meth = builtin_methodology(meth)
    precision = meth.get("precision", 2)
    bands = meth.get("bands") or []
    criteria = [c["id"] for c in meth["criteria"]]

    countries = [c["id"] for c in dataset.get("countries") or []]
    phases = [p["id"] for p in dataset.get("phases") or []]
    tops, preorder = _build_framework(dataset.get("framework") or [])

    ratings = {}
    for r in dataset.get("ratings") or []:
        ratings.setdefault((r["country"], r["phase"], r["node"]), []).append(r)
    published = {}
    for p in dataset.get("published") or []:
        published[(p["country"], p["phase"], p["node"])] = p

    cells = {}        # (k, p) -> {node id: _Score}
    country_cells = {}  # (k, p) -> _Score
    for k in countries:
        for p in phases:
            cells[(k, p)], country_cells[(k, p)] = _score_cell(
                meth, tops,
                lambda nid, k=k, p=p: ratings.get((k, p, nid), []),
                lambda nid, k=k, p=p: published.get((k, p, nid)))

    # Rule 7: ranks within (k, p) among peers.
    ranks = {}
    for (k, p), scores in cells.items():
        groups = {}
        for node in preorder:
            v = scores[node.id].value
            if v is None:
                continue
            # Rule 7 (revision 2): the top-level nodes are peers of each
            # other; every other node's peers are the nodes of its depth
            # under its top-level node, leaves and inner nodes alike.
            if node.depth == 0:
                key = ("top",)
            else:
                key = ("level", node.top, node.depth)
            groups.setdefault(key, []).append((node.id, v))
        for items in groups.values():
            for nid, r in competition_ranks(items, precision).items():
                ranks[(k, p, nid)] = r

    # Between countries: the same node id in the same phase.
    country_ranks = {}
    if len(countries) > 1:
        for p in phases:
            for node in preorder:
                items = [(k, cells[(k, p)][node.id].value) for k in countries
                         if cells[(k, p)][node.id].value is not None]
                for k, r in competition_ranks(items, precision).items():
                    country_ranks[(k, p, node.id)] = r

    # Countries ranked against each other in each phase.
    nation_ranks = {}
    for p in phases:
        items = [(k, country_cells[(k, p)].value) for k in countries
                 if country_cells[(k, p)].value is not None]
        for k, r in competition_ranks(items, precision).items():
            nation_ranks[(k, p)] = r

    def previous(k, p, get):
        """The score object of the phase just before p, or None."""
        i = phases.index(p)
        if i == 0:
            return None
        return get(k, phases[i - 1])

    def delta(now, before):
        if now is None or before is None:
            return None
        return now - before

    def criteria_obj(s, prev, leaf):
        obj = {}
        for cid in criteria:
            e = {}
            v = s.crit.get(cid)
            if v is not None:
                e["value"] = v
            if leaf and cid in s.n:
                e["n"] = s.n[cid]
            if v is not None:
                b = band_of(bands, v, precision)
                if b is not None:
                    e["band"] = b
                d = delta(v, prev.crit.get(cid) if prev is not None else None)
                if d is not None:
                    e["delta"] = d
            if e:
                obj[cid] = e
        return obj

    def common(entry, s, prev, leaf):
        if s.value is not None:
            entry["value"] = s.value
            b = band_of(bands, s.value, precision)
            if b is not None:
                entry["band"] = b
            d = delta(s.value, prev.value if prev is not None else None)
            if d is not None:
                entry["delta"] = d

    out_scores = []
    for k in countries:
        for p in phases:
            scores = cells[(k, p)]
            for node in preorder:
                s = scores[node.id]
                if not s.has_any_score():
                    continue
                prev = previous(k, p, lambda k2, p2: cells[(k2, p2)][node.id])
                e = {"country": k, "phase": p, "node": node.id, "depth": node.depth}
                common(e, s, prev, node.is_leaf)
                if s.value is not None:
                    e["rank"] = ranks[(k, p, node.id)]
                    if (k, p, node.id) in country_ranks:
                        e["country_rank"] = country_ranks[(k, p, node.id)]
                crit = criteria_obj(s, prev, node.is_leaf)
                if crit:
                    e["criteria"] = crit
                if s.incl is not None:
                    e["inclusion"] = s.incl
                if not node.is_leaf:
                    e["missing_children"] = s.missing
                out_scores.append(e)

    out_countries = []
    for k in countries:
        for p in phases:
            s = country_cells[(k, p)]
            if not s.has_any_score():
                continue
            prev = previous(k, p, lambda k2, p2: country_cells[(k2, p2)])
            e = {"country": k, "phase": p}
            common(e, s, prev, False)
            if s.value is not None:
                e["rank"] = nation_ranks[(k, p)]
            crit = criteria_obj(s, prev, False)
            if crit:
                e["criteria"] = crit
            if s.incl is not None:
                e["inclusion"] = s.incl
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
    import sys

    with open(sys.argv[1], encoding="utf-8") as f:
        json.dump(score(json.load(f)), sys.stdout, indent=2)
    sys.stdout.write("\n")
