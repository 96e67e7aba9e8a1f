"""Monte Carlo sensitivity: the same draws (occ_rng) scored by the
independent reference scorer, summarised in numpy, against libocc."""

import json
import math

import numpy as np
import pytest

import occ
import occ_reference
from conftest import AMERICAS, PERU, small_dataset
from reference_analysis import (equal_count_bins, first_order,
                                sensitivity_draws)

N = 60  # not a cube: the bin count is ceil(cbrt(N)) = 4


@pytest.fixture(scope="module")
def americas():
    with open(AMERICAS) as f:
        doc = json.load(f)
    return doc, occ.Dataset.from_string(json.dumps(doc))


def reference_runs(doc, draws):
    """Per draw: {(country, phase): (score, rank)} of the countries' own
    scores."""
    runs = []
    for m in draws:
        d = dict(doc)
        d["methodology"] = m
        out = occ_reference.score(d)
        runs.append({(e["country"], e["phase"]): (e.get("value"),
                                                   e.get("rank"))
                     for e in out["countries"]})
    return runs


@pytest.mark.parametrize("weights,kw", [
    (("uniform", 0.3), {"spread": 0.3}),
    (("dirichlet", 8.0), {"concentration": 8.0}),
])
def test_against_reference_draws(americas, weights, kw):
    doc, ds = americas
    seed = 4242
    s = occ.Sensitivity(ds, draws=N, seed=seed, weights=weights, threads=2)
    meth = occ_reference.builtin_methodology("cco-2024")
    draws = sensitivity_draws(meth, seed, N, **kw)
    runs = reference_runs(doc, draws)
    assert s.inputs == ["weight:R", "weight:E", "weight:S",
                        "method:criteria", "method:children"]
    # The inputs are the drawn weights themselves (independent variates).
    shares = [[c["weight"] for c in m["criteria"]] for m in draws]
    methods = ["mean", "geometric", "median"]
    bins = [equal_count_bins([w[c] for w in shares], 4) for c in range(3)]
    bins += [[methods.index(m["aggregation"][level]) for m in draws]
             for level in ("criteria", "children")]
    n_bins = [4, 4, 4, 3, 3]
    for country in ("PE", "CO", "MX", "AR"):
        for phase in ("2022", "2024"):
            y = np.array([r[(country, phase)][0] for r in runs], dtype=float)
            ranks = np.array([r[(country, phase)][1] for r in runs],
                             dtype=float)
            spread = s.score(country, phase)
            assert spread.median == pytest.approx(np.quantile(y, 0.5),
                                                  abs=1e-9)
            assert spread.p5 == pytest.approx(np.quantile(y, 0.05), abs=1e-9)
            assert spread.p95 == pytest.approx(np.quantile(y, 0.95),
                                               abs=1e-9)
            rank = s.rank(country, phase)
            assert rank == (np.quantile(ranks, 0.5), np.quantile(ranks, 0.05),
                            np.quantile(ranks, 0.95))
            got = s.indices(country, phase)
            got_rank = s.indices(country, phase, of="rank")
            for i, name in enumerate(s.inputs):
                expected = first_order(y, bins[i], n_bins[i])
                assert got[name] == pytest.approx(expected, abs=1e-9), name
                expected = first_order(ranks, bins[i], n_bins[i])
                if expected is None:
                    assert got_rank[name] is None
                else:
                    assert got_rank[name] == pytest.approx(expected, abs=1e-9)


def test_index_finds_the_input_that_matters(tmp_path):
    """One leaf rated R = 3, E = 0, S = 0 by everyone, mean everywhere:
    the score is 3 w_R / (w_R + w_E + w_S), driven mostly by w_R; the
    weights are independent, so the first-order indices sum to at most 1
    (up to estimation noise); with methods fixed there are only weight
    inputs."""
    doc = small_dataset({("AA", "p1"): [{"R": 3, "E": 0, "S": 0}] * 3})
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        s = occ.Sensitivity(ds, draws=3000, seed=11, weights=("uniform", 0.5),
                            methods=("mean",), levels=())
    assert s.inputs == ["weight:R", "weight:E", "weight:S"]
    idx = s.indices("AA", "p1", "L")
    # The same draws, the score worked by hand, the index in numpy.
    draws = sensitivity_draws(occ_reference.builtin_methodology("cco-2024"),
                              11, 3000, spread=0.5, methods=("mean",),
                              levels=())
    w = [[c["weight"] for c in m["criteria"]] for m in draws]
    y = [3 * r / (r + e + s_) for r, e, s_ in w]
    n_bins = math.ceil(3000 ** (1 / 3))  # 15
    for c, name in enumerate(s.inputs):
        expected = first_order(y, equal_count_bins([x[c] for x in w], n_bins),
                               n_bins)
        assert idx[name] == pytest.approx(expected, abs=1e-9), name
    lo, med, hi = (np.quantile(y, q) for q in (0.05, 0.5, 0.95))
    assert s.score("AA", "p1", "L") == (pytest.approx(med, abs=1e-12),
                                        pytest.approx(lo, abs=1e-12),
                                        pytest.approx(hi, abs=1e-12))
    assert idx["weight:R"] > 0.6
    assert idx["weight:E"] < 0.3 and idx["weight:S"] < 0.3
    assert sum(idx.values()) <= 1.05
    # A single country: its rank is always 1, so rank indices are undefined.
    assert s.rank("AA", "p1", kind="countries") == (1.0, 1.0, 1.0)
    assert set(s.indices("AA", "p1", of="rank").values()) == {None}


def test_fixed_weights_single_method_do_not_vary(americas):
    doc, ds = americas
    s = occ.Sensitivity(ds, draws=20, weights="fixed", methods=("mean",))
    assert s.inputs == []
    results = ds.score()
    for country in ("PE", "MX"):
        spread = s.score(country, "2024")
        base = results.country_score(country, "2024").value
        assert spread == (pytest.approx(base), pytest.approx(base),
                          pytest.approx(base))
        assert s.indices(country, "2024") == {}


def test_methods_alone(americas):
    _, ds = americas
    s = occ.Sensitivity(ds, draws=300, weights="fixed",
                        methods=("mean", "median"), levels=("children",))
    assert s.inputs == ["method:children"]
    idx = s.indices("PE", "2024")
    # The only input explains all of the variance: with weights fixed the
    # score is a function of the method drawn, so the within-bin sum of
    # squares is 0 and the bias-corrected index is exactly 1 (bar
    # rounding).
    assert idx["method:children"] == pytest.approx(1.0, abs=1e-9)


def test_same_seed_any_threads(americas):
    _, ds = americas
    a = occ.Sensitivity(ds, draws=200, seed=5, threads=1)
    b = occ.Sensitivity(ds, draws=200, seed=5, threads=3)
    c = occ.Sensitivity(ds, draws=200, seed=6, threads=1)
    for country in ("PE", "CO"):
        for node in (None, "IX.A", "IX.B.9"):
            assert a.score(country, "2024", node) == \
                b.score(country, "2024", node)
            assert a.indices(country, "2024", node) == \
                b.indices(country, "2024", node)
            assert a.rank(country, "2024", node, "peers") == \
                b.rank(country, "2024", node, "peers")
    assert a.indices("PE", "2024") != c.indices("PE", "2024")


def test_peru_peer_ranks():
    with occ.load(PERU) as ds:
        s = occ.Sensitivity(ds, draws=200)
        results = ds.score()
    spread = s.rank("PE", "2024", "IX.B", "peers")
    assert spread.p5 <= results.lookup("PE", "2024", "IX.B").rank <= spread.p95
    assert s.score("PE", "2024", "nope") is None
    with pytest.raises(KeyError):
        s.indices("PE", "2024", "nope")


def test_errors(americas):
    _, ds = americas
    doc = small_dataset({("AA", "p1"): [{"A": -1}, {"A": 2}]})
    doc["methodology"] = {"id": "neg", "scale": {"min": -2, "max": 2},
                          "criteria": [{"id": "A"}]}
    with occ.Dataset.from_string(json.dumps(doc)) as neg:
        with pytest.raises(occ.OccError) as e:
            occ.Sensitivity(neg)
        assert e.value.code == "STRUCTURE" and "geometric" in str(e.value)
        s = occ.Sensitivity(neg, draws=10, methods=("mean", "median"))
        assert s.score("AA", "p1") is not None
    for kwargs in ({"draws": 1}, {"weights": ("uniform", 1.0)},
                   {"weights": ("dirichlet", 0)}, {"weights": "loose"},
                   {"methods": ()}, {"methods": ("mode",)},
                   {"levels": ("leaves",)}, {"seed": 2 ** 64}):
        with pytest.raises(ValueError):
            occ.Sensitivity(ds, **kwargs)


@pytest.mark.parametrize("kind", ["countries", "peers"])
def test_kept_leaf_scores_equal_generic_engine(americas, kind):
    """The fast path that scores rule 1 once and keeps the leaves'
    criterion scores for every draw (the scorer's keep_leaf_criteria,
    taken when the raters' method is not drawn) against the generic one
    that scores rule 1 again in every draw, which drawing the raters'
    method from {mean} alone takes: the same draws, so the same doubles
    for every node of every depth."""
    doc, ds = americas
    nodes = [n.id for n in ds.nodes]
    kept = occ.Sensitivity(ds, draws=N, seed=11, methods=("mean",),
                           levels=("criteria", "children"))
    again = occ.Sensitivity(ds, draws=N, seed=11, methods=("mean",),
                            levels=("raters", "criteria", "children"))
    a = json.loads(kept.to_json(nodes=nodes, kind=kind))
    b = json.loads(again.to_json(nodes=nodes, kind=kind))
    assert len(a["results"]) > 100
    assert a == b
