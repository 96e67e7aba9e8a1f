"""The engine's fast paths against its generic code, on the same data
(CONTRIBUTING.md, "Rules and fast paths"). The raters' mean of a leaf
takes leaf_means3() with exactly three criteria and leaf_means() with
any other count; a copy of a dataset with one more criterion of weight
0 (scored as the first) takes the other path and must give the same
doubles for every node and every original criterion. The analyses'
fast paths are checked the same way in tests/analysis/."""

import json
import os

import pytest

import occ

SRCDIR = os.environ["OCC_SRCDIR"]
DATA = os.path.join(SRCDIR, "examples", "data")


def widened(doc, extra):
    meth = json.loads(occ.Methodology.builtin(doc["methodology"]).to_json())
    first = meth["criteria"][0]["id"]
    meth["id"] = "widened"
    for i in range(extra):
        meth["criteria"].append({"id": "Z%d" % i, "label": "Z", "weight": 0.0})
    ratings = []
    for r in doc["ratings"]:
        scores = dict(r["scores"])
        for i in range(extra):
            scores["Z%d" % i] = scores.get(first)
        ratings.append(dict(r, scores=scores))
    return dict(doc, methodology=meth, ratings=ratings)


def scores_without(doc, ids):
    out = json.loads(occ.Dataset.from_string(json.dumps(doc)).score().to_json())
    for entry in out["scores"] + out.get("countries", []):
        for i in ids:
            entry.get("criteria", {}).pop(i, None)
    return out["scores"], out.get("countries")


@pytest.mark.parametrize("extra", [1, 3])
def test_raters_mean_of_any_criteria_count(extra):
    # The americas sample has ratings; the Peru annex only published scores.
    with open(os.path.join(DATA, "americas-sample.json")) as f:
        doc = json.load(f)
    assert len(occ.Methodology.builtin(doc["methodology"]).criteria) == 3
    ids = ["Z%d" % i for i in range(extra)]
    three = scores_without(doc, ids)
    more = scores_without(widened(doc, extra), ids)
    assert len(three[0]) > 50
    assert three == more
