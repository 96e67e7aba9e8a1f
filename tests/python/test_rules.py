"""The scoring rules of occ-v1 §4 through the binding: every case of
tests/rules/*.json, checked as tests/rules/test-rules.c checks it (only the
fields a case lists; a missing number is None, never NaN)."""

import glob
import json
import os

import pytest

import occ
from conftest import RULES_DIR

DEFAULT_TOLERANCE = 1e-9
CASES = sorted(glob.glob(os.path.join(RULES_DIR, "*.json")))

EXPECT_KEYS = {"country", "phase", "node", "value", "no_value", "band",
               "delta", "no_delta", "rank", "country_rank", "inclusion",
               "no_inclusion", "missing_children", "criteria", "absent",
               "tolerance"}
COUNTRY_KEYS = {"country", "phase", "value", "no_value", "band", "delta",
                "no_delta", "rank", "inclusion", "no_inclusion", "absent",
                "tolerance"}
CRITERION_KEYS = {"value", "n", "band", "delta", "no_delta", "absent"}
CASE_KEYS = {"description", "dataset", "expect", "countries", "best",
             "worst", "tolerance"}


class Checker:
    def __init__(self, name):
        self.name = name
        self.failures = []

    def fail(self, where, what):
        self.failures.append("%s: %s: %s" % (self.name, where, what))

    def keys(self, where, obj, known):
        for key in obj:
            if key not in known:
                self.fail(where, "unknown key %r in the case file" % key)

    def number(self, where, field, actual, expected, tol):
        assert actual is None or isinstance(actual, float)
        if expected is None:
            if actual is not None:
                self.fail(where, "%s: expected none, got %r" % (field, actual))
        elif actual is None:
            self.fail(where, "%s: expected %r, got none" % (field, expected))
        elif not abs(actual - expected) <= tol:
            self.fail(where, "%s: expected %r, got %r" % (field, expected, actual))

    def int(self, where, field, actual, expected, none_value=None):
        # null in a case file is the C API's 0 (ranks) or -1 (n, missing
        # children), which the binding gives as None; so is that value.
        if expected == none_value:
            expected = None
        if actual != expected:
            self.fail(where, "%s: expected %r, got %r" % (field, expected, actual))

    def string(self, where, field, actual, expected):
        if actual != expected:
            self.fail(where, "%s: expected %r, got %r" % (field, expected, actual))


def check_criterion(ck, where, score, cid, want, tol):
    ck.keys(where, want, CRITERION_KEYS)
    got = score.criterion(cid)
    assert got == score.criteria[cid]
    if want.get("absent"):
        if got["value"] is not None:
            ck.fail(where, "criteria.%s: expected no score, got %r" % (cid, got["value"]))
        if got["band"] is not None:
            ck.fail(where, "criteria.%s.band: expected none for an absent score" % cid)
        return
    if "value" in want:
        ck.number(where, "criteria.%s.value" % cid, got["value"], want["value"], tol)
    if "n" in want:
        ck.int(where, "criteria.%s.n" % cid, got["n"], want["n"], -1)
    if "band" in want:
        ck.string(where, "criteria.%s.band" % cid, got["band"], want["band"])
    if "delta" in want:
        ck.number(where, "criteria.%s.delta" % cid, got["delta"], want["delta"], tol)
    if want.get("no_delta") and got["delta"] is not None:
        ck.fail(where, "criteria.%s.delta: expected none, got %r" % (cid, got["delta"]))


def check_score(ck, where, methodology, score, want, tol):
    if "value" in want:
        ck.number(where, "value", score.value, want["value"], tol)
    if want.get("no_value") and score.value is not None:
        ck.fail(where, "value: expected none, got %r" % score.value)
    if "band" in want:
        ck.string(where, "band", score.band, want["band"])
    if "delta" in want:
        ck.number(where, "delta", score.delta, want["delta"], tol)
    if want.get("no_delta") and score.delta is not None:
        ck.fail(where, "delta: expected none, got %r" % score.delta)
    if "rank" in want:
        # A country's rank (among countries) is its country_rank.
        if score.is_country:
            assert score.rank == score.country_rank
        ck.int(where, "rank", score.rank, want["rank"], 0)
    if "country_rank" in want:
        ck.int(where, "country_rank", score.country_rank, want["country_rank"], 0)
    if "inclusion" in want:
        ck.number(where, "inclusion", score.inclusion, want["inclusion"], tol)
    if want.get("no_inclusion") and score.inclusion is not None:
        ck.fail(where, "inclusion: expected none, got %r" % score.inclusion)
    if "missing_children" in want:
        ck.int(where, "missing_children", score.missing_children,
               want["missing_children"], -1)
    for cid, crit in want.get("criteria", {}).items():
        if methodology.criterion_index(cid) is None:
            ck.fail(where, "criteria.%s: the methodology has no such criterion" % cid)
        else:
            check_criterion(ck, where, score, cid, crit, tol)


def test_rule_cases_found():
    # An empty glob would parametrize test_rule_case over nothing (a skip).
    assert len(CASES) >= 30, CASES


@pytest.mark.parametrize("path", CASES, ids=[os.path.basename(p)[:-5] for p in CASES])
def test_rule_case(path):
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    ck = Checker(os.path.basename(path))
    ck.keys("(case)", case, CASE_KEYS)
    file_tol = case.get("tolerance", DEFAULT_TOLERANCE)
    with occ.Dataset.from_string(json.dumps(case["dataset"])) as ds:
        results = ds.score()
        methodology = ds.methodology
    checked = 0

    for i, want in enumerate(case.get("expect", [])):
        where = "expect[%d] (%s, %s, %s)" % (i, want.get("country"), want.get("phase"), want.get("node"))
        ck.keys(where, want, EXPECT_KEYS)
        score = results.lookup(want["country"], want["phase"], want["node"])
        if want.get("absent"):
            if score is not None:
                ck.fail(where, "expected no score at all, but lookup found one")
        elif score is None:
            ck.fail(where, "lookup() returned None")
        else:
            ck.string(where, "node", score.node, want["node"])
            assert not score.is_country
            check_score(ck, where, methodology, score, want, want.get("tolerance", file_tol))
        checked += 1

    for i, want in enumerate(case.get("countries", [])):
        where = "countries[%d] (%s, %s)" % (i, want.get("country"), want.get("phase"))
        ck.keys(where, want, COUNTRY_KEYS)
        score = results.country_score(want["country"], want["phase"])
        if want.get("absent"):
            if score is not None:
                ck.fail(where, "expected no country score, but found one")
        elif score is None:
            ck.fail(where, "country_score() returned None")
        else:
            assert score.is_country and score.node is None and score.depth is None
            check_score(ck, where, methodology, score, want, want.get("tolerance", file_tol))
        checked += 1

    for kind in ("best", "worst"):
        for i, want in enumerate(case.get(kind, [])):
            where = "%s[%d]" % (kind, i)
            ck.keys(where, want, {"country", "phase", "peer", "nodes"})
            got = getattr(results, kind)(want["country"], want["phase"], want.get("peer"))
            if sorted(s.node for s in got) != sorted(want["nodes"]):
                ck.fail(where, "nodes: expected %s, got %s" % (
                    sorted(want["nodes"]), sorted(s.node for s in got)))
            checked += 1

    assert checked > 0, "the case checks nothing"
    assert not ck.failures, "\n".join(ck.failures)
