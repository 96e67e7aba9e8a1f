"""Differential test: libocc (through `occ score --format=json`) against the
independent Python implementation in occ_reference.py.

OCC_TOOL names the built `occ` executable.  Datasets: 300 generated ones
(gen_datasets.py), every tests/rules/*.json (its "dataset" member) and
examples/data/peru-2024.json.  Both sides follow occ-v1 revision 2;
test_generated_exercise_revision_2 checks that the generated datasets
reach the cases where revision 2 changed the output (section 8).
"""

import decimal
import glob
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import gen_datasets  # noqa: E402
from tool_run import entry_name, run_tool, tool  # noqa: E402
import occ_reference  # noqa: E402

SEEDS = gen_datasets.sample(range(300))
REL_TOL = 1e-12

RULE_FILES = gen_datasets.sample(
    sorted(glob.glob(os.path.join(SRCDIR, "tests", "rules", "*.json"))))
PERU = os.path.join(SRCDIR, "examples", "data", "peru-2024.json")


def first_difference(expected, actual, exact, path="$"):
    """The first difference between the reference's `expected` and the C
    library's `actual`, as a string, or None."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        if expected is not actual:
            return "%s: reference %r, libocc %r" % (path, expected, actual)
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return "%s: reference an object, libocc %r" % (path, actual)
        # JSON objects are unordered: compare the key sets.
        if set(expected) != set(actual):
            return "%s: keys differ: reference %s, libocc %s" % (
                path, sorted(expected), sorted(actual))
        for key in expected:
            d = first_difference(expected[key], actual[key], exact, "%s.%s" % (path, key))
            if d:
                return d
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return "%s: reference a list, libocc %r" % (path, actual)
        for i, (e, a) in enumerate(zip(expected, actual)):
            d = first_difference(e, a, exact, "%s[%d]{%s}" % (path, i, entry_name(e)))
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
        if exact:
            return "%s: reference %r, libocc %r (not bit-equal)" % (path, expected, actual)
        if abs(expected - actual) <= REL_TOL * max(abs(expected), abs(actual)):
            return None
        return "%s: reference %r, libocc %r" % (path, expected, actual)
    if expected != actual:
        return "%s: reference %r, libocc %r" % (path, expected, actual)
    return None


def compare(dataset, tmp_path, what, exact=False):
    actual = run_tool(dataset, tmp_path)
    expected = occ_reference.score(dataset)
    diff = first_difference(expected, actual, exact)
    assert diff is None, "%s: %s" % (what, diff)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated(seed, tmp_path):
    compare(gen_datasets.generate(seed), tmp_path, "seed %d" % seed)


@pytest.mark.parametrize("path", RULE_FILES, ids=os.path.basename)
def test_rule_file(path, tmp_path):
    with open(path, encoding="utf-8") as f:
        dataset = json.load(f)["dataset"]
    compare(dataset, tmp_path, os.path.relpath(path, SRCDIR))


def test_peru(tmp_path):
    with open(PERU, encoding="utf-8") as f:
        dataset = json.load(f)
    compare(dataset, tmp_path, "peru-2024.json")


def test_bit_exact(tmp_path):
    """Peru and the rule files are meant to agree to the bit."""
    failures = []
    for path in RULE_FILES + [PERU]:
        with open(path, encoding="utf-8") as f:
            dataset = json.load(f)
        dataset = dataset.get("dataset", dataset)
        actual = run_tool(dataset, tmp_path)
        diff = first_difference(occ_reference.score(dataset), actual, exact=True)
        if diff:
            failures.append("%s: %s" % (os.path.relpath(path, SRCDIR), diff))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("seed", gen_datasets.sample(range(0, 300, 10)))
@pytest.mark.parametrize("command", [["report"], ["score", "--format=table"],
                                     ["score", "--format=csv"]])
def test_human_formats_on_generated(seed, command, tmp_path):
    """The report, table and CSV of any valid dataset: no failure, no
    (null), no NaN, whatever names, labels or scores are missing."""
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(gen_datasets.generate(seed)), encoding="utf-8")
    proc = subprocess.run([tool(), *command, str(path)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "(null)" not in proc.stdout
    for word in proc.stdout.replace(",", " ").split():
        assert word.lower().strip("()+-") not in ("nan", "inf", "infinity")


def _cases_of_revision_2(dataset):
    """The cases of occ-v1 section 8 that `dataset` reaches, as a set of
    names (computed with the reference alone)."""
    cases = set()
    meth = dataset["methodology"]
    if isinstance(meth, str):
        meth = occ_reference.builtin_methodology(meth)
    precision = meth.get("precision", 2)
    bands = meth.get("bands") or []
    ngroups = len(meth.get("population_groups") or [])
    if "labels" in json.dumps(dataset) or "levels" in meth:
        cases.add("labels or levels")
    ratings = dataset.get("ratings") or []
    if ngroups and any("groups" not in r for r in ratings):
        cases.add("rating without groups")
    if ngroups and any(r.get("groups") == [] for r in ratings):
        cases.add('rating with "groups": []')
    out = occ_reference.score(dataset)
    scored = {(e["country"], e["phase"], e["node"]) for e in out["scores"]
              if "value" in e}
    leaves_by_level = {}

    def walk(nodes, depth, top):
        for node in nodes:
            top_id = top or node["id"]
            if depth:
                leaves_by_level.setdefault((top_id, depth), []).append(
                    (node["id"], not node.get("children")))
            walk(node.get("children") or [], depth + 1, top_id)

    walk(dataset["framework"], 0, None)
    cells = {(k, p) for (k, p, _) in scored}
    for (k, p) in cells:
        for members in leaves_by_level.values():
            kinds = {leaf for nid, leaf in members if (k, p, nid) in scored}
            if len(kinds) == 2:
                cases.add("leaf and inner node ranked as peers")
    rated = {}
    for r in ratings:
        rated.setdefault((r["country"], r["phase"], r["node"]), []).append(r)
    if ngroups and any(key not in scored and any(r.get("groups") for r in rs)
                       for key, rs in rated.items()):
        cases.add("unscored leaf whose ratings record groups")
    half = decimal.Decimal(5).scaleb(-precision - 1)
    for e in out["scores"] + out["countries"]:
        values = [e["value"]] if "value" in e else []
        values += [c["value"] for c in e.get("criteria", {}).values() if "value" in c]
        for v in values:
            unrounded = None
            for b in bands:
                if b["from"] <= v:
                    unrounded = b["label"]
            if occ_reference.band_of(bands, v, precision) != unrounded:
                cases.add("band of the rounded value, not of the double")
            short = decimal.Decimal(repr(v))
            exact = decimal.Decimal(v)
            unit = decimal.Decimal(1).scaleb(-precision)
            if (abs(short) % unit) == half and exact != short:
                cases.add("half on the shortest decimal, not in binary")
            off = (abs(short) % unit) - half
            if off != 0 and abs(off) < decimal.Decimal("1e-9") * max(1, abs(short) / unit):
                cases.add("a hair from a half, not a half")
    return cases


def test_generated_exercise_revision_2():
    """Not vacuous: between them the generated datasets reach every case of
    revision 2, each in several datasets (pure Python, all 300 seeds)."""
    wanted = {"labels or levels", "rating without groups",
              'rating with "groups": []', "leaf and inner node ranked as peers",
              "unscored leaf whose ratings record groups",
              "band of the rounded value, not of the double",
              "half on the shortest decimal, not in binary",
              "a hair from a half, not a half"}
    counts = dict.fromkeys(wanted, 0)
    for seed in range(300):
        for case in _cases_of_revision_2(gen_datasets.generate(seed)):
            counts[case] += 1
    rare = {case: n for case, n in counts.items() if n < 5}
    assert not rare, "cases reached by fewer than 5 generated datasets: %r" % rare
