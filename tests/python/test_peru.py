"""Conformance with the CCO's Peru report (occ-v1 §7) through the
binding, mirroring tests/peru/test-peru.c: examples/data/peru-2024.json scored
under cco-2024 reproduces, within 0.01, the annex figures and changes, the
Phase 1 averages, the report's bands for the IX Summit, its best and worst
items and the worked example of occ-v1 §5. The figures are the report's
(annexes of "Peru, CCO Phase 2, September 2024")."""

import pytest

TOL = 0.005 + 1e-9  # half the last printed digit: the figure rounds to it
COUNTRY, PHASE_1, PHASE_2 = "PE", "2022", "2024"

# VIII Summit annex: R, +-, E, +-, S, +- for 2024.
ANNEX_VIII = [
    ("VIII.2", 0.50, -1.42, 0.00, -1.77, 0.00, -1.92),
    ("VIII.7", 1.17, -0.16, 1.00, -0.47, 1.00, -0.53),
    ("VIII.8", 1.17, 0.02, 0.33, -0.67, 0.83, -0.32),
    ("VIII.11", 1.43, -0.42, 0.00, -1.85, 0.00, -1.77),
    ("VIII.37", 3.00, 1.15, 2.50, 0.42, 1.33, -0.67),
    ("VIII.41", 0.86, -1.06, 0.86, -1.45, 0.57, -1.35),
    ("VIII.13", 2.25, -0.06, 1.63, -0.52, 1.13, -0.87),
    ("VIII.14", 2.33, 2.33, 2.00, 0.00, 2.17, -0.14),
    ("VIII.15", 1.63, -0.52, 1.50, -0.27, 2.14, 0.14),
    ("VIII.22", 2.33, 0.25, 2.33, 0.33, 0.78, -1.14),
    ("VIII.25", 2.81, 0.81, 1.06, -1.17, 0.00, -1.92),
    ("VIII.29", 1.20, -0.26, 0.80, -1.05, 0.80, -0.82),
]

# IX Summit annex: R, E, S for 2024 (no Phase 1).
ANNEX_IX = [
    ("IX.A.3.D", 2.00, 1.50, 1.10), ("IX.A.4", 0.67, 0.67, 2.00),
    ("IX.A.7.A", 1.83, 1.83, 1.33), ("IX.A.12.A", 1.33, 0.67, 1.00),
    ("IX.A.12.G", 1.63, 1.14, 1.71), ("IX.A.13", 1.00, 0.60, 1.00),
    ("IX.A.14", 1.75, 1.25, 1.25), ("IX.A.17.D", 1.50, 0.00, 1.00),
    ("IX.A.17.G", 2.50, 2.50, 2.00), ("IX.A.23", 0.00, 0.00, 0.00),
    ("IX.A.24.F", 0.67, 0.33, 1.33), ("IX.B.9", 3.00, 3.00, 2.83),
    ("IX.C.3", 3.00, 3.00, 3.00), ("IX.C.17", 2.67, 2.33, 2.33),
    ("IX.C.21", 2.75, 1.25, 2.25), ("IX.C.30", 2.20, 1.40, 2.20),
    ("IX.D.2", 0.75, 0.50, 0.75), ("IX.D.3", 1.50, 1.00, 1.00),
    ("IX.E.1.F", 2.00, 1.00, 1.00), ("IX.E.6", 2.00, 1.33, 1.33),
]

# The report's words on the IX Summit (its section 3): R, E, S bands.
REPORT_BANDS = [
    ("IX.B.9", "high", "high", "high"),
    ("IX.C.3", "high", "high", "high"),
    ("IX.C.17", "medium-high", "medium", "medium"),
    ("IX.C.21", "medium-high", "low", "medium"),
    ("IX.C.30", "medium", "low", "medium"),
    ("IX.D.2", "low", "low", "low"),
    ("IX.D.3", "medium", "low", "low"),
    ("IX.E.1.F", "medium", "low", "low"),
    ("IX.E.6", "medium", "low", "low"),
]


def close(actual, printed):
    return actual is not None and abs(actual - printed) <= TOL


def lookup(results, phase, node):
    score = results.lookup(COUNTRY, phase, node)
    assert score is not None, "no score for %s in (%s, %s)" % (node, COUNTRY, phase)
    return score


def test_methodology(peru):
    m = peru.methodology
    assert m.id == "cco-2024"
    assert {"R", "E", "S"} <= set(m.criterion_ids)


@pytest.mark.parametrize("row", ANNEX_VIII, ids=[r[0] for r in ANNEX_VIII])
def test_annex_viii(peru_results, row):
    node, r, dr, e, de, s, ds = row
    crit = lookup(peru_results, PHASE_2, node).criteria
    for cid, value, delta in (("R", r, dr), ("E", e, de), ("S", s, ds)):
        assert close(crit[cid]["value"], value), (node, cid, crit[cid])
        assert close(crit[cid]["delta"], delta), (node, cid, "+-", crit[cid])


@pytest.mark.parametrize("row", ANNEX_IX, ids=[r[0] for r in ANNEX_IX])
def test_annex_ix(peru_results, row):
    node = row[0]
    score = lookup(peru_results, PHASE_2, node)
    for cid, value in zip("RES", row[1:]):
        assert close(score.criterion(cid)["value"], value), (node, cid)
    # The IX Summit was not monitored in Phase 1: no change.
    assert score.delta is None
    assert score.criterion("R")["delta"] is None
    assert peru_results.lookup(COUNTRY, PHASE_1, node) is None


@pytest.mark.parametrize("node,average", [("VIII.25", 2.05), ("VIII.37", 1.98),
                                          ("VIII.41", 2.05)])
def test_phase1_averages(peru_results, node, average):
    # "commitment 25: 2.05; 37: 1.97 (1.98 when recomputed); 41: 2.05"
    assert close(lookup(peru_results, PHASE_1, node).value, average)


@pytest.mark.parametrize("row", REPORT_BANDS, ids=[r[0] for r in REPORT_BANDS])
def test_bands(peru_results, row):
    score = lookup(peru_results, PHASE_2, row[0])
    for cid, band in zip("RES", row[1:]):
        assert score.criterion(cid)["band"] == band, (row[0], cid)


def only(scores, node, printed):
    assert [s.node for s in scores] == [node]
    assert close(scores[0].value, printed)


def test_best_and_worst(peru_results):
    # Health and Resilience, the best-scored IX theme
    only(peru_results.best(COUNTRY, PHASE_2, "IX.A"), "IX.B", 2.94)
    # commitment 37 the best, commitment 2 the worst VIII leaf in 2024
    only(peru_results.best(COUNTRY, PHASE_2, "VIII.2"), "VIII.37", 2.28)
    only(peru_results.worst(COUNTRY, PHASE_2, "VIII.37"), "VIII.2", 0.17)


def test_results_example(peru_results):
    """The worked example of occ-v1 §5."""
    leaf = lookup(peru_results, PHASE_2, "VIII.25")
    theme = lookup(peru_results, PHASE_2, "VIII.T3")
    inclusive = lookup(peru_results, PHASE_2, "VIII.7")
    assert close(leaf.value, 1.29)
    assert leaf.band == "low"
    assert close(leaf.delta, -0.76)
    assert leaf.rank == 6
    assert leaf.criterion("R")["band"] == "high"
    assert leaf.depth == 2
    assert close(theme.value, 1.29)
    assert theme.rank == 3
    assert theme.missing_children == 0
    assert theme.depth == 1
    assert inclusive.inclusion == pytest.approx(0.46, abs=1e-9)
