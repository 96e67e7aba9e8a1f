"""Differential test of categorical methodologies (occ-categorical.md):
libocc (through `occ score --format=json`) against the independent Python
implementation in occ_categorical_reference.py.

OCC_TOOL names the built `occ` executable.  Datasets: 200 generated ones
(gen_categorical.py) and the IRM conformance data, peru-irm-2017.json and
peru-irm-2023.json (examples/data).  Summaries, levels and
flags must agree exactly, every number to the bit except aggregated numeric
scores (relative 1e-12, as test_differential.py).  The hand checks and
test_generated_exercise_categorical need no tool.
"""

import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import gen_categorical  # noqa: E402
import gen_datasets  # noqa: E402
from tool_run import entry_name, run_tool  # noqa: E402
import occ_categorical_reference as ref  # noqa: E402

SEEDS = gen_datasets.sample(range(200))
REL_TOL = 1e-12
DATA_DIRS = [os.path.join(SRCDIR, "examples", "data")]


def _irm_file(name):
    for d in DATA_DIRS:
        path = os.path.join(d, name)
        if os.path.exists(path):
            return path
    return None


def _load_irm(name):
    path = _irm_file(name)
    if path is None:
        pytest.fail("%s not found in %s" % (name, ", ".join(DATA_DIRS)))
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _is_leaf_criterion(path, leaf):
    return leaf and ".criteria." in path


def first_difference(expected, actual, exact, path="$", leaf=False):
    """The first difference between the reference's `expected` and the
    tool's `actual`, as a string, or None.  Floats are compared to the bit
    when `exact`, in summaries (percent, delta_percent) and for a leaf's
    criterion values (a level's value as it is); elsewhere within
    REL_TOL."""
    if isinstance(expected, bool) or isinstance(actual, bool) \
            or expected is None or actual is None:
        if expected is not actual:
            return "%s: reference %r, libocc %r" % (path, expected, actual)
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return "%s: reference an object, libocc %r" % (path, actual)
        if set(expected) != set(actual):
            return "%s: keys differ: reference %s, libocc %s" % (
                path, sorted(expected), sorted(actual))
        if "node" in expected and "depth" in expected:
            leaf = "levels" in expected
        for key in expected:
            d = first_difference(expected[key], actual[key], exact,
                                 "%s.%s" % (path, key), leaf)
            if d:
                return d
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return "%s: reference a list, libocc %r" % (path, actual)
        for i, (e, a) in enumerate(zip(expected, actual)):
            d = first_difference(e, a, exact, "%s[%d]{%s}" % (path, i, entry_name(e)), leaf)
            if d:
                return d
        if len(expected) != len(actual):
            i = min(len(expected), len(actual))
            extra = expected[i] if len(expected) > i else actual[i]
            return "%s: length differs: reference %d, libocc %d; first extra entry %s" % (
                path, len(expected), len(actual), json.dumps(extra))
        return None
    if type(expected) is not type(actual):
        return "%s: types differ: reference %r, libocc %r" % (path, expected, actual)
    if isinstance(expected, float):
        if expected == actual:
            return None
        if exact or ".summaries." in path or _is_leaf_criterion(path, leaf):
            return "%s: reference %r, libocc %r (not bit-equal)" % (path, expected, actual)
        if abs(expected - actual) <= REL_TOL * max(abs(expected), abs(actual)):
            return None
        return "%s: reference %r, libocc %r" % (path, expected, actual)
    if expected != actual:
        return "%s: reference %r, libocc %r" % (path, expected, actual)
    return None


def compare(dataset, tmp_path, what, exact=False):
    actual = run_tool(dataset, tmp_path)
    expected = ref.score(dataset)
    diff = first_difference(expected, actual, exact)
    assert diff is None, "%s: %s" % (what, diff)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated(seed, tmp_path):
    compare(gen_categorical.generate(seed), tmp_path, "seed %d" % seed)


@pytest.mark.parametrize("name", ["peru-irm-2017.json", "peru-irm-2023.json"])
def test_irm_data(name, tmp_path):
    """The conformance data, every number to the bit."""
    compare(_load_irm(name), tmp_path, name, exact=True)


# ---------------------------------------------------------------------------
# Hand checks of the reference (no tool): the published "at a glance"
# figures of occ-categorical.md section 5.

def _summaries(out, node):
    for e in out["scores"]:
        if e.get("node") == node:
            return e["summaries"]
    raise AssertionError("no entry for %s" % node)


def test_reference_peru_2017_at_a_glance():
    out = ref.score(_load_irm("peru-irm-2017.json"))
    s = _summaries(out, "AP3")
    counts = {k: v["count"] for k, v in s.items()}
    assert counts == {"commitments": 18, "relevant": 16, "transformative": 1,
                      "potentially-starred": 0, "starred": 0, "completed": 3,
                      "major": 3, "outstanding": 0}
    assert all(v["of"] == 18 for v in s.values())
    assert s["relevant"]["percent"] == 88.88888888888889
    assert s["transformative"]["percent"] == 5.555555555555555
    assert s["potentially-starred"]["percent"] == 0.0
    for k in ("commitments", "starred", "completed", "major", "outstanding"):
        assert "percent" not in s[k]
    # Printed to precision 0: 89 % and 6 %.
    assert ref.occ_reference.round_half_away(s["relevant"]["percent"], 0) == 89
    assert ref.occ_reference.round_half_away(s["transformative"]["percent"], 0) == 6
    # The seed's named commitments (1 limited, 2 substantial, 7 complete;
    # major DIOG for 1, 2 and 7).
    levels = {e["node"]: e["levels"] for e in out["scores"] if "levels" in e}
    assert levels["AP3.1"]["completion"] == "limited"
    assert levels["AP3.2"]["completion"] == "substantial"
    assert levels["AP3.7"]["completion"] == "complete"
    assert all(levels[n]["diog"] == "major" for n in ("AP3.1", "AP3.2", "AP3.7"))
    # The country entry summarises the same 18 leaves.
    assert out["countries"][0]["summaries"] == s


def test_reference_peru_2023_potential():
    out = ref.score(_load_irm("peru-irm-2023.json"))
    s = out["countries"][0]["summaries"]
    assert s["commitments"]["count"] == 13
    assert s["potential-modest"]["count"] == 9
    assert s["potential-unclear"]["count"] == 3
    assert s["potential-substantial"]["count"] == 1


def test_reference_rule_1():
    """The rule-1 choices of the reference, by hand."""
    c = {"id": "c", "levels": ["a", "b", "c", "d"], "unranked": ["u", {"id": "v"}]}
    lv = ref.level_of
    assert lv(c, ["d", "a", "c", "b"], "median", 1) == "b"      # lower middle
    assert lv(c, ["c", "a"], "median", 1) == "a"
    assert lv(c, ["c", "a", "b"], "median", 1) == "b"
    assert lv(c, ["c", "a", "c", "a"], "mode", 1) == "a"        # tie: lower
    assert lv(c, ["d", "c", "d"], "mode", 1) == "d"
    assert lv(c, ["u", "u"], "median", 1) == "u"                # unranked alone
    assert lv(c, ["u", "v"], "median", 1) is None               # two unranked
    assert lv(c, ["u", "c", "u"], "mode", 1) == "c"             # unranked dropped
    assert lv(c, ["u", "c"], "median", 3) is None               # min_raters
    assert lv(c, [], "median", 0) is None
    crit = {"c": c}
    ev = ref.evaluate
    assert ev({"criterion": "c", "at_least": "a"}, {"c": "u"}, {}, crit) is False
    assert ev({"criterion": "c", "is": "u"}, {"c": "u"}, {}, crit) is True
    assert ev({"criterion": "c", "is": "a"}, {}, {}, crit) is None
    assert ev({"all": [{"criterion": "c", "is": "a"}, {"not": {"all": []}}]}, {}, {}, crit) is False
    assert ev({"any": [{"criterion": "c", "is": "a"}, {"any": []}]}, {}, {}, crit) is None
    assert ev({"not": {"criterion": "c", "in": ["a", "b"]}}, {}, {}, crit) is None


# ---------------------------------------------------------------------------
# Not vacuous: the generated datasets reach the cases of the rules.

def _walk_conditions(cond, out):
    for op in ("is", "in", "at_least", "at_most", "flag", "all", "any", "not"):
        if op in cond:
            out.add(op)
    for part in cond.get("all", []) + cond.get("any", []):
        _walk_conditions(part, out)
    if "not" in cond:
        _walk_conditions(cond["not"], out)


def _cases(dataset):
    cases = set()
    meth = ref.methodology_of(dataset)
    method = (meth.get("aggregation") or {}).get("raters", "median")
    min_raters = meth.get("min_raters", 1)
    cells = {}
    for r in dataset["ratings"]:
        cells.setdefault((r["country"], r["phase"], r["node"]), []).append(r)
    for rs in cells.values():
        for c in meth["criteria"]:
            answers = [r["scores"].get(c["id"]) for r in rs]
            answers = [a for a in answers if a is not None]
            ranked = ref.level_ids(c)
            idx = sorted(ranked.index(a) for a in answers if a in ranked)
            if answers and len(answers) < min_raters:
                cases.add("below min_raters")
            if len(answers) < max(min_raters, 1):
                continue
            if idx and len(idx) < len(answers):
                cases.add("unranked answers left out")
            if method == "median" and len(idx) >= 2 and len(idx) % 2 == 0 \
                    and idx[len(idx) // 2 - 1] != idx[len(idx) // 2]:
                cases.add("even-count median")
            if method == "mode" and idx:
                counts = {i: idx.count(i) for i in idx}
                if sum(1 for v in counts.values() if v == max(counts.values())) > 1:
                    cases.add("mode tie")
    ops = set()
    for f in meth.get("flags") or []:
        _walk_conditions(f, ops)
    cases |= {"flag operator " + op for op in ops}
    out = ref.score(dataset)
    unranked = {u for c in meth["criteria"] for u in ref.unranked_ids(c)}
    for e in out["scores"]:
        if "levels" in e:
            if any(v in unranked for v in e["levels"].values()):
                cases.add("unranked level")
            if not e["levels"]:
                cases.add("leaf without levels")
            if any(v is None for v in e["flags"].values()):
                cases.add("unknown flag")
            if any(v is True for v in e["flags"].values()) and \
                    any(v is False for v in e["flags"].values()):
                cases.add("true and false flags")
            if any("value" in c for c in e.get("criteria", {}).values()):
                cases.add("values mapping")
            if "value" in e:
                cases.add("numeric leaf score")
    if "flag" in ops and out["scores"]:
        cases.add("flags on flags")
    for e in out["scores"] + out["countries"]:
        for s in (e.get("summaries") or {}).values():
            if "percent" in s:
                cases.add("percent summary")
            if s["unknown"]:
                cases.add("unknown in a summary")
            if "delta" in s:
                cases.add("summary delta")
        if "value" in e and "node" in e and "levels" not in e:
            cases.add("numeric inner score")
        if "rank" in e and e["rank"] > 1:
            cases.add("rank")
    if isinstance(dataset["methodology"], str):
        cases.add("built-in by id")
    return cases


def test_generated_exercise_categorical():
    wanted = {"below min_raters", "unranked answers left out", "even-count median",
              "mode tie", "unranked level", "leaf without levels", "unknown flag",
              "true and false flags", "values mapping", "numeric leaf score",
              "numeric inner score", "rank", "flags on flags", "percent summary",
              "unknown in a summary", "summary delta", "built-in by id"}
    wanted |= {"flag operator " + op for op in
               ("is", "in", "at_least", "at_most", "flag", "all", "any", "not")}
    counts = dict.fromkeys(wanted, 0)
    for seed in range(200):
        for case in _cases(gen_categorical.generate(seed)):
            if case in counts:
                counts[case] += 1
    rare = {case: n for case, n in counts.items() if n < 5}
    assert not rare, "cases reached by fewer than 5 generated datasets: %r" % rare
