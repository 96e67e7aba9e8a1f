"""Bootstrap intervals: against the same replicates computed independently
(the generator replica, the reference scorer, numpy), distribution-level
facts, degenerate cases."""

import json
import math

import numpy as np
import pytest

import occ
from occ_rng import STREAM_BOOTSTRAP, Rng
from conftest import AMERICAS, PERU, small_dataset
from reference_analysis import (bca_interval, bootstrap_replicates,
                                jackknife, percentile_interval)

SEED = 20240917
B = 120


@pytest.fixture(scope="module")
def americas():
    with open(AMERICAS) as f:
        doc = json.load(f)
    ds = occ.Dataset.from_string(json.dumps(doc))
    return doc, ds, ds.score()


def keys_of(doc, reps):
    keys = set()
    for r in reps:
        keys |= set(r)
    return sorted(keys, key=lambda k: (k[0] or "", k[1] or ""))


@pytest.mark.parametrize("country,phase", [("PE", "2024"), ("MX", "2022")])
def test_percentile_matches_same_replicates(americas, country, phase):
    doc, ds, results = americas
    boot = occ.Bootstrap(results, replicates=B, seed=SEED, threads=2)
    reps = bootstrap_replicates(doc, country, phase, SEED, B)
    checked = 0
    for node, crit in keys_of(doc, reps):
        values = [r[(node, crit)] for r in reps if (node, crit) in r]
        iv = boot.interval(country, phase, node, crit)
        assert iv.status == "estimated", (node, crit)
        assert iv.n_valid == len(values)
        lo, hi = percentile_interval(values, 0.90)
        assert iv.low == pytest.approx(lo, abs=1e-9), (node, crit)
        assert iv.high == pytest.approx(hi, abs=1e-9), (node, crit)
        assert iv.se == pytest.approx(np.std(values, ddof=1), abs=1e-9)
        checked += 1
    assert checked > 40


def test_bca_matches_numpy(americas):
    doc, ds, results = americas
    country, phase = "CO", "2024"
    boot = occ.Bootstrap(results, replicates=B, seed=SEED, method="bca",
                         level=0.8)
    reps = bootstrap_replicates(doc, country, phase, SEED, B)
    strata, jack = jackknife(doc, country, phase)
    nonzero_a = 0
    for node, crit in keys_of(doc, reps):
        values = [r[(node, crit)] for r in reps if (node, crit) in r]
        if node is None:
            s = results.country_score(country, phase)
        else:
            s = results.lookup(country, phase, node)
        estimate = s.value if crit is None else s.criterion(crit)["value"]
        j = [v.get((node, crit), math.nan) for v in jack]
        lo, hi, a = bca_interval(values, estimate, j, strata, 0.8)
        nonzero_a += abs(a) > 1e-6
        iv = boot.interval(country, phase, node, crit)
        assert iv.low == pytest.approx(lo, abs=1e-9), (node, crit)
        assert iv.high == pytest.approx(hi, abs=1e-9), (node, crit)
    assert nonzero_a > 5  # the acceleration is exercised, not always 0


def test_same_seed_same_numbers_any_threads(americas):
    _, ds, results = americas
    one = occ.Bootstrap(results, replicates=300, seed=7, threads=1,
                        method="bca")
    many = occ.Bootstrap(results, replicates=300, seed=7, threads=3,
                         method="bca")
    assert one.to_json() == many.to_json()
    other = occ.Bootstrap(results, replicates=300, seed=8, threads=1,
                          method="bca")
    assert other.to_json() != one.to_json()


def test_two_raters_distribution():
    """Raters 1 and 3: a replicate's mean is 1, 2 or 3 with probabilities
    1/4, 1/2, 1/4: the standard error is sqrt(1/2), the 90 % interval
    [1, 3]."""
    doc = small_dataset({("AA", "p1"): [{"R": 1, "E": 2, "S": 2},
                                        {"R": 3, "E": 2, "S": 2}]})
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        boot = occ.Bootstrap(ds.score(), replicates=4000, seed=3)
    iv = boot.interval("AA", "p1", "L", "R")
    assert (iv.low, iv.high) == (1.0, 3.0)
    assert iv.se == pytest.approx(math.sqrt(0.5), abs=0.02)
    # E and S do not vary: zero width; the leaf's score is (R + 4) / 3.
    e = boot.interval("AA", "p1", "L", "E")
    assert (e.low, e.high, e.se) == (2.0, 2.0, 0.0)
    leaf = boot.interval("AA", "p1", "L")
    assert leaf.low == pytest.approx(5 / 3) and leaf.high == pytest.approx(7 / 3)
    top = boot.interval("AA", "p1", "T")
    assert (top.low, top.high) == (leaf.low, leaf.high)


def test_degenerate_cases():
    doc = small_dataset({
        ("AA", "p1"): [{"R": 2, "E": 1, "S": 0}],                 # one rater
        ("AA", "p2"): [{"R": 2, "E": 2, "S": 2}] * 4,             # all equal
        ("BB", "p1"): [{"R": None, "E": None, "S": None}] * 3,    # all null
        ("BB", "p2"): [{"R": 3, "E": None, "S": 1},
                       {"R": None, "E": 1, "S": 1}],
    }, countries=("AA", "BB"), phases=("p1", "p2"))
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        results = ds.score()
        boot = occ.Bootstrap(results, replicates=500, seed=1)
    one = boot.interval("AA", "p1", "L")
    assert one.status == "estimated" and one.low == one.high == 1.0
    assert one.se == 0.0
    equal = boot.interval("AA", "p2")
    assert equal.low == equal.high == 2.0 and equal.se == 0.0
    assert boot.interval("BB", "p1", "L").status == "none"
    assert boot.interval("BB", "p1").status == "none"
    # One non-null rating per criterion: every replicate that draws it
    # has a score, others have none; n_valid says how many.
    r = boot.interval("BB", "p2", "L", "R")
    assert r.status == "estimated" and r.low == r.high == 3.0
    assert 0 < r.n_valid < 500
    assert abs(r.n_valid - 375) < 60  # P(some draw picks it) = 3/4
    # Exactly: the replicates (occ_rng) whose two draws of BB p2's two
    # ratings pick the first (unit 1 × 2 phases + 1 = 3) at least once.
    picks = 0
    for b in range(500):
        rng = Rng(1, STREAM_BOOTSTRAP | 3, b)
        picks += 0 in (rng.below(2), rng.below(2))
    assert r.n_valid == picks


def test_published_only_and_partial(tmp_path):
    with occ.load(PERU) as ds:
        boot = occ.Bootstrap(ds.score(), replicates=50)
    assert boot.n_published_only == 44
    assert boot.interval("PE", "2024", "IX.B").status == "published"
    assert boot.interval("PE", "2024").status == "published"
    out = json.loads(boot.to_json())
    assert out["bootstrap"]["published_only_leaves"] == 44
    assert all("ci" not in e for e in out["scores"])
    assert all(e["ci_status"] == "published" for e in out["scores"]
               if "value" in e)
    # One leaf with ratings, one published: the parent's interval is
    # partial.
    doc = small_dataset({("AA", "p1"): [{"R": 1, "E": 1, "S": 1},
                                        {"R": 3, "E": 3, "S": 3}]})
    doc["framework"][0]["children"].append({"id": "P"})
    doc["published"] = [{"country": "AA", "phase": "p1", "node": "P",
                         "scores": {"R": 2, "E": 2, "S": 2}}]
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        boot = occ.Bootstrap(ds.score(), replicates=200)
    assert boot.interval("AA", "p1", "P").status == "published"
    assert boot.interval("AA", "p1", "L").status == "estimated"
    top = boot.interval("AA", "p1", "T")
    assert top.status == "partial"
    assert (top.low, top.high) == (1.5, 2.5)
    assert boot.n_published_only == 1


def test_bulk_arrays_agree_with_lookup(americas):
    _, ds, results = americas
    boot = occ.Bootstrap(results, replicates=200, seed=5)
    k, p = ds.country_index("AR"), ds.phase_index("2024")
    arrays = boot.intervals(k, p, "E")
    for node in ds.nodes:
        iv = boot.interval("AR", "2024", node.id, "E")
        status = arrays["status"][node.index]
        assert occ.analysis.STATUS_NAMES[status] == iv.status
        if iv.low is not None:
            assert arrays["low"][node.index] == iv.low
            assert arrays["high"][node.index] == iv.high
            assert arrays["se"][node.index] == iv.se
        else:
            assert arrays["low"][node.index] == 0
    assert arrays["low"][-1] == boot.interval("AR", "2024", None, "E").low


def test_json_fields(americas):
    _, ds, results = americas
    boot = occ.Bootstrap(results, replicates=100, seed=5)
    agreement = occ.Agreement(ds, replicates=100)
    out = json.loads(boot.to_json(agreement))
    assert out["format"] == "occ-results/1"
    assert out["bootstrap"] == {"replicates": 100, "level": 0.9,
                                "method": "percentile", "seed": "5",
                                "published_only_leaves": 0,
                                "alpha_metric": "ordinal"}
    for entry in out["scores"] + out["countries"]:
        lo, hi = entry["ci"]
        # What the JSON writes is what a lookup gives.
        iv = boot.interval(entry["country"], entry["phase"],
                           entry.get("node"))
        assert (lo, hi, entry["se"]) == (iv.low, iv.high, iv.se)
        assert lo <= hi and entry["se"] >= 0
    for entry in out["countries"]:
        assert entry["alpha"] == pytest.approx(
            agreement.alpha(entry["country"], entry["phase"]))
        assert len(entry["alpha_ci"]) == 2
        for cid, crit in entry["criteria"].items():
            assert crit["alpha"] == pytest.approx(
                agreement.alpha(entry["country"], entry["phase"], cid))
    text = boot.to_json()
    assert "NaN" not in text and "Infinity" not in text


def test_bad_arguments(americas):
    _, ds, results = americas
    for kwargs in ({"replicates": 1}, {"level": 1.0}, {"level": 0},
                   {"seed": -1}, {"method": "basic"}, {"threads": -1}):
        with pytest.raises(ValueError):
            occ.Bootstrap(results, **kwargs)
    with pytest.raises(TypeError):
        occ.Bootstrap(ds)


def test_progress_reports(americas):
    _, ds, results = americas
    seen = []
    occ.Bootstrap(results, replicates=200, progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert all(0 <= f <= 1 for f in seen)
    assert seen == sorted(seen)


def wide_copy(doc, extra=2):
    """@doc with @extra more criteria of weight 0, each rating scoring them
    as it scores the first: the same figures for every node and for the
    first criteria, under another methodology id (rev. 2 refuses a
    cco-2024 with other rules)."""
    meth = json.loads(occ.Methodology.builtin(doc["methodology"]).to_json())
    first = meth["criteria"][0]["id"]
    meth["id"] = "wide-copy"
    for i in range(extra):
        meth["criteria"].append({"id": "Z%d" % i, "label": "Copy %d" % i,
                                 "weight": 0.0})
    wide = dict(doc, methodology=meth, ratings=[])
    for r in doc["ratings"]:
        scores = dict(r["scores"])
        for i in range(extra):
            scores["Z%d" % i] = scores.get(first)
        wide["ratings"].append(dict(r, scores=scores))
    return wide


@pytest.mark.parametrize("method", ["percentile", "bca"])
def test_fused_path_equals_generic_engine(americas, method):
    """The bootstrap's fast path (replicate_fused(): rule 1 in
    resample_means(), taken when the raters' method is the mean and there
    are at most 4 criteria) against the generic one (resample_rows(), then
    the engine's own rule 1), which the same ratings take with 5 criteria:
    the same draws, so every interval and se is the same double."""
    doc, ds, results = americas
    wide = wide_copy(doc)
    assert len(wide["methodology"]["criteria"]) > 4
    wide_ds = occ.Dataset.from_string(json.dumps(wide))
    fast = occ.Bootstrap(results, replicates=B, seed=SEED, method=method)
    generic = occ.Bootstrap(wide_ds.score(), replicates=B, seed=SEED,
                            method=method)
    n_criteria = len(ds.methodology.criteria)
    compared = 0
    for country in ("PE", "CO"):
        for phase in ("2022", "2024"):
            k, p = ds.country_index(country), ds.phase_index(phase)
            for criterion in [None] + list(range(n_criteria)):
                a = fast.intervals(k, p, criterion)
                b = generic.intervals(k, p, criterion)
                for field in ("status", "low", "high", "se"):
                    assert np.array_equal(a[field], b[field]), \
                        (country, phase, criterion, field)
                compared += int(np.sum(a["status"] != 0))
    assert compared > 200
