"""Krippendorff's alpha: Krippendorff's published worked example, a
numpy implementation by the coincidence matrix on random data, the
dataset's units and the bootstrap interval of alpha."""

import json
import math

import numpy as np
import pytest

import occ
from conftest import AMERICAS, PERU, small_dataset
from occ_rng import STREAM_ALPHA, Rng

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C:
# 4 observers × 12 units, values 1..5, missing values.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
K2011_ALPHA = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849,
               "ratio": 0.797}


def units_of(matrix_by_coder):
    return [list(unit) for unit in zip(*matrix_by_coder)]


@pytest.mark.parametrize("metric", sorted(K2011_ALPHA))
def test_krippendorff_2011_example(metric):
    alpha = occ.krippendorff_alpha(units_of(K2011), metric)
    assert round(alpha, 3) == K2011_ALPHA[metric]


def test_krippendorff_2011_nominal_exact():
    # Krippendorff's own computation for the nominal case: n = 40 pairable
    # values with marginals n_c below; the coincidences off the diagonal
    # sum to 8; alpha = 1 - (n - 1) × 8 / (n² - Σ n_c²) = 1 - 312 / 1216.
    n_c = {1: 9, 2: 13, 3: 10, 4: 5, 5: 3}
    n = sum(n_c.values())
    expected = 1 - (n - 1) * 8 / (n * n - sum(v * v for v in n_c.values()))
    assert n == 40
    assert occ.krippendorff_alpha(units_of(K2011), "nominal") == \
        pytest.approx(expected, abs=1e-12)


def numpy_alpha(units, metric):
    """Alpha by the coincidence matrix (Krippendorff 2011, §A-E)."""
    pairable = [[v for v in u if v is not None and not
                 (isinstance(v, float) and math.isnan(v))] for u in units]
    pairable = [u for u in pairable if len(u) >= 2]
    values = sorted({v for u in pairable for v in u})
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for u in pairable:
        m = len(u)
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[index[u[i]], index[u[j]]] += 1.0 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    v = np.asarray(values, dtype=float)
    delta = np.zeros_like(o)
    for c in range(len(values)):
        for k in range(len(values)):
            if metric == "nominal":
                delta[c, k] = 0.0 if c == k else 1.0
            elif metric == "interval":
                delta[c, k] = (v[c] - v[k]) ** 2
            elif metric == "ratio":
                s = v[c] + v[k]
                delta[c, k] = 0.0 if s == 0 else ((v[c] - v[k]) / s) ** 2
            else:
                lo, hi = min(c, k), max(c, k)
                delta[c, k] = (n_c[lo:hi + 1].sum()
                               - (n_c[c] + n_c[k]) / 2.0) ** 2
    d_o = (o * delta).sum()
    d_e = (np.outer(n_c, n_c) * delta).sum() / (n - 1)
    return 1.0 - d_o / d_e


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("metric", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_against_numpy_on_random_data(seed, metric):
    rng = np.random.default_rng(seed)
    n_units, n_coders = rng.integers(3, 40), rng.integers(2, 9)
    truth = rng.integers(0, 4, size=n_units)
    data = []
    for u in range(n_units):
        row = []
        for c in range(n_coders):
            if rng.random() < 0.2:
                row.append(None)
            else:
                row.append(int(np.clip(truth[u] + rng.integers(-1, 2), 0, 3)))
        data.append(row)
    expected = numpy_alpha(data, metric)
    assert occ.krippendorff_alpha(data, metric) == pytest.approx(expected,
                                                                 abs=1e-10)


def test_alpha_hand_cases():
    # Perfect agreement with variation: 1.
    assert occ.krippendorff_alpha([[1, 1], [2, 2], [3, 3]], "interval") == 1
    # Two coders, two units, complete disagreement of a binary code:
    # o_01 = o_10 = 2, n = 4: alpha = 1 - 3 × 4 / (2 × 2 × 2) = -0.5.
    assert occ.krippendorff_alpha([[0, 1], [1, 0]], "nominal") == \
        pytest.approx(-0.5)
    # Continuous values under the interval metric.
    data = [[0.5, 1.5, None], [2.25, 2.0, 2.5], [None, 3.0, 3.5]]
    assert occ.krippendorff_alpha(data, "interval") == pytest.approx(
        numpy_alpha(data, "interval"), abs=1e-12)


def test_alpha_undefined_and_bad_input():
    with pytest.raises(occ.OccError) as e:
        occ.krippendorff_alpha([[2, 2], [2, 2]], "ordinal")
    assert e.value.code == "STRUCTURE" and "do not vary" in str(e.value)
    with pytest.raises(occ.OccError) as e:
        occ.krippendorff_alpha([[1, None], [None, 2]], "nominal")
    assert "two coders" in str(e.value)
    with pytest.raises(occ.OccError) as e:
        occ.krippendorff_alpha([[1, float("inf")]], "interval")
    assert e.value.code == "RANGE"
    with pytest.raises(occ.OccError) as e:
        occ.krippendorff_alpha([[1, -1], [2, 2]], "ratio")
    assert e.value.code == "RANGE"
    with pytest.raises(ValueError):
        occ.krippendorff_alpha([[1, 2], [1]], "nominal")
    with pytest.raises(ValueError):
        occ.krippendorff_alpha([[1, 2]], "cardinal")


def dataset_units(doc, country, phase, criterion=None):
    crits = ["R", "E", "S"]  # cco-2024
    cells = {}
    for r in doc["ratings"]:
        if r["country"] == country and r["phase"] == phase:
            cells.setdefault(r["node"], []).append(r)
    units = []
    for node, rows in cells.items():
        for c in crits:
            if criterion is not None and c != criterion:
                continue
            units.append([r["scores"].get(c) for r in rows])
    return units


@pytest.fixture(scope="module")
def americas():
    with open(AMERICAS) as f:
        doc = json.load(f)
    ds = occ.Dataset.from_string(json.dumps(doc))
    return doc, ds


@pytest.mark.parametrize("criterion", [None, "R", "S"])
def test_dataset_alpha_against_numpy(americas, criterion):
    doc, ds = americas
    agreement = occ.Agreement(ds, replicates=50)
    for country in ("PE", "CO", "MX", "AR"):
        for phase in ("2022", "2024"):
            units = dataset_units(doc, country, phase, criterion)
            for metric in ("nominal", "ordinal", "interval", "ratio"):
                assert agreement.alpha(country, phase, criterion, metric) == \
                    pytest.approx(numpy_alpha(units, metric), abs=1e-10)
            pairable = [u for u in units
                        if sum(v is not None for v in u) >= 2]
            assert agreement.n_units(country, phase, criterion) == \
                len(pairable)
            assert agreement.n_values(country, phase, criterion) == sum(
                sum(v is not None for v in u) for u in pairable)


def test_alpha_interval_resamples_units(americas):
    """The interval from the same unit resampling (occ_rng), in numpy."""
    doc, ds = americas
    seed, b = 99, 150
    agreement = occ.Agreement(ds, replicates=b, seed=seed, level=0.8)
    country, phase = "MX", "2024"
    ids = [c["id"] for c in doc["countries"]]
    phases = [p["id"] for p in doc["phases"]]
    scopes = 3 + 1
    task = (ids.index(country) * len(phases) + phases.index(phase)) * scopes \
        + 3  # all criteria together
    # Pairable units in libocc's order: leaves in framework order, then
    # criteria; a unit with fewer than two values is left out.
    order = []

    def visit(n):
        order.append(n["id"])
        for c in n.get("children") or []:
            visit(c)

    for top in doc["framework"]:
        visit(top)
    rows_of = {}
    for r in doc["ratings"]:
        if r["country"] == country and r["phase"] == phase:
            rows_of.setdefault(r["node"], []).append(r)
    units = []
    for node in order:
        for c in ("R", "E", "S"):
            vals = [r["scores"].get(c) for r in rows_of.get(node, [])]
            vals = [v for v in vals if v is not None]
            if len(vals) >= 2:
                units.append(vals)
    reps = []
    for i in range(b):
        rng = Rng(seed, STREAM_ALPHA | task, i)
        drawn = [units[rng.below(len(units))] for _ in units]
        reps.append(numpy_alpha(drawn, "ordinal"))
    lo, hi = agreement.interval(country, phase, None, "ordinal")
    assert lo == pytest.approx(np.quantile(reps, 0.1), abs=1e-9)
    assert hi == pytest.approx(np.quantile(reps, 0.9), abs=1e-9)


def test_agreement_degenerate(tmp_path):
    with occ.load(PERU) as ds:
        agreement = occ.Agreement(ds, replicates=20)
    assert agreement.alpha("PE", "2024") is None
    assert agreement.n_units("PE", "2024") == 0
    doc = small_dataset({("AA", "p1"): [{"R": 2, "E": 2, "S": 2}] * 3,
                         ("AA", "p2"): [{"R": 1, "E": 2, "S": 3},
                                        {"R": 1, "E": 3, "S": 3}]},
                        phases=("p1", "p2"))
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        agreement = occ.Agreement(ds, replicates=100)
    # All raters equal everywhere: no variation, alpha undefined.
    assert agreement.alpha("AA", "p1") is None
    assert agreement.interval("AA", "p1") is None
    # p2: units R (1, 1), E (2, 3), S (3, 3).
    expected = numpy_alpha([[1, 1], [2, 3], [3, 3]], "interval")
    assert agreement.alpha("AA", "p2", metric="interval") == \
        pytest.approx(expected)
    # One pairable unit without variation: undefined; R alone never varies.
    assert agreement.alpha("AA", "p2", "R") is None
    # One pairable unit (2, 3): D_o = D_e, alpha = 0; every resample is
    # that unit again, so the interval has zero width.
    assert agreement.alpha("AA", "p2", "E") == 0.0
    assert agreement.interval("AA", "p2", "E") == (0.0, 0.0)
