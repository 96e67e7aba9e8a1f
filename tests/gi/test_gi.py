"""libocc through GObject-Introspection and PyGObject.

Run by `meson test --suite gi` with GI_TYPELIB_PATH and LD_LIBRARY_PATH
pointing at the uninstalled Occ-1.0.typelib and libocc.so; OCC_SRCDIR is
the source tree.
"""

import json
import re
import math
import os

import gi
import pytest

gi.require_version("Occ", "1.0")
from gi.repository import Gio, GLib, GObject, Occ  # noqa: E402

SRCDIR = os.environ.get("OCC_SRCDIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
PERU = os.path.join(SRCDIR, "examples", "data", "peru-2024.json")
FAULTS = os.path.join(SRCDIR, "tests", "faults")
CODES = {
    "SYNTAX": Occ.Error.SYNTAX,
    "FORMAT": Occ.Error.FORMAT,
    "TYPE": Occ.Error.TYPE,
    "RANGE": Occ.Error.RANGE,
    "UNKNOWN_ID": Occ.Error.UNKNOWN_ID,
    "DUPLICATE": Occ.Error.DUPLICATE,
    "STRUCTURE": Occ.Error.STRUCTURE,
    "LIMIT": Occ.Error.LIMIT,
}

# A small dataset with raw ratings, two countries and a rater per country.
RATED = {
    "format": "occ-dataset/1",
    "title": "rated",
    "methodology": "cco-2024",
    "countries": [{"id": "AR", "name": "Argentina"}, {"id": "BO"}],
    "phases": [{"id": "p1", "label": "Phase 1"}, {"id": "p2"}],
    "framework": [
        {"id": "T", "label": "Top", "children": [
            {"id": "L1", "text": "Leaf one", "weight": 2},
            {"id": "L2", "label": "Leaf two"},
        ]},
    ],
    "raters": [{"id": "r1", "name": "Org 1", "country": "AR"},
               {"id": "r2"}],
    "ratings": [
        {"country": "AR", "phase": "p1", "node": "L1", "rater": "r1",
         "scores": {"R": 2, "E": 1, "S": None}, "groups": ["women", "youth"],
         "evidence": [{"kind": "practice", "source": "information-request"}],
         "validated": True},
        {"country": "AR", "phase": "p1", "node": "L1", "rater": "r2",
         "scores": {"R": 3, "E": 2, "S": 1}, "groups": ["rural"],
         "validated": False},
        {"country": "AR", "phase": "p2", "node": "L2", "rater": "r1",
         "scores": {"R": 1, "E": 1, "S": 1}},
        {"country": "BO", "phase": "p1", "node": "L1", "rater": "r2",
         "scores": {"R": 3, "E": 3, "S": 3}},
    ],
    "published": [
        {"country": "AR", "phase": "p1", "node": "L2",
         "scores": {"R": 1.5, "E": None, "S": 2.5}, "raters": 4,
         "inclusion": 0.25},
    ],
}


def close(a, b):
    # b is printed to two decimals: a must round to it.
    return abs(a - b) <= 0.005 + 1e-9


def ids(model):
    return [item.get_node_id() if isinstance(item, Occ.Score) else item.get_id()
            for item in model]


@pytest.fixture(scope="module")
def peru():
    dataset = Occ.Dataset.new_from_file(PERU)
    return dataset, Occ.Results.new(dataset)


@pytest.fixture(scope="module")
def rated():
    dataset = Occ.Dataset.new_from_data(json.dumps(RATED), -1)
    return dataset, Occ.Results.new(dataset)


def test_version():
    assert Occ.get_version() == "%d.%d.%d" % (Occ.get_major_version(),
                                              Occ.get_minor_version(),
                                              Occ.get_micro_version())
    assert Occ.get_major_version() == 1


def test_types():
    for cls in (Occ.Dataset, Occ.Methodology, Occ.Node, Occ.Results,
                Occ.Score):
        assert issubclass(cls, GObject.Object)
    assert issubclass(Occ.Results, Gio.ListModel)
    assert Occ.Results.get_item_type  # the interface's methods are there


# §7: the Peru report.

def test_peru_best_ix_theme(peru):
    _, results = peru
    best = results.get_best("PE", "2024", "IX.A")
    assert isinstance(best, Gio.ListModel)
    assert best.get_item_type() == Occ.Score.__gtype__
    assert ids(best) == ["IX.B"]
    ok, value = best[0].get_value()
    assert ok and close(value, 2.94)
    assert best[0].get_band() == "high"
    assert best[0].get_rank() == 1


def test_peru_best_and_worst_viii_leaf(peru):
    _, results = peru
    best = results.get_best("PE", "2024", "VIII.2")
    worst = results.get_worst("PE", "2024", "VIII.37")
    assert ids(best) == ["VIII.37"]
    assert ids(worst) == ["VIII.2"]
    assert close(best[0].get_value()[1], 2.28)
    assert close(worst[0].get_value()[1], 0.17)
    assert ids(results.get_best("PE", "2024", None)) == ["IX"]
    assert len(results.get_best("XX", "2024", None)) == 0
    assert len(results.get_worst("PE", "2024", "no-such-node")) == 0


def test_peru_best_ix_commitment(peru):
    # occ-v1 §7 (revision 2): IX.C.3, which has sub-commitments, is the
    # best commitment of the IX Summit, ahead of the leaf IX.B.9.
    _, results = peru
    for peer in ("IX.A.4", "IX.A.3"):
        assert ids(results.get_best("PE", "2024", peer)) == ["IX.C.3"]
    assert results.lookup("PE", "2024", "IX.B.9").get_rank() == 2
    assert ids(results.get_worst("PE", "2024", "IX.A.3")) == ["IX.A.23"]


def test_labels_and_levels(peru):
    dataset, _ = peru
    m = dataset.get_methodology()
    assert m.get_n_levels() == 4
    assert [m.get_level_label(d, None) for d in range(4)] == [
        "Summit", "Theme", "Commitment", "Sub-commitment"]
    assert m.get_level_label(1, "es") == "Tema"
    assert m.get_level_label(4, None) is None
    assert m.get_localized_name("fr").startswith("Observatoire citoyen")
    assert m.get_localized_criterion_label(1, "es-PE") == "Efectividad"
    assert m.get_localized_band_label(m.lookup_band("low"), "pt") == "baixo"
    assert m.get_localized_population_group_label(0, "es") == "Mujeres"
    node = dataset.lookup_node("IX.B")
    assert node.get_localized_label("es") == node.get_label()
    assert dataset.get_localized_country_name(0, None) == "Peru"


def test_peru_phase1_averages(peru):
    _, results = peru
    for node, printed in (("VIII.25", 2.05), ("VIII.37", 1.98),
                          ("VIII.41", 2.05)):
        ok, value = results.lookup("PE", "2022", node).get_value()
        assert ok and close(value, printed), node


def test_peru_results_example(peru):
    dataset, results = peru
    m = dataset.get_methodology()
    r, e, s = (m.lookup_criterion(c) for c in "RES")
    leaf = results.lookup("PE", "2024", "VIII.25")
    assert leaf.get_country() == "PE" and leaf.get_phase() == "2024"
    assert leaf.get_node_id() == "VIII.25"
    assert leaf.get_node() is dataset.lookup_node("VIII.25")
    assert leaf.get_depth() == 2
    assert close(leaf.get_value()[1], 1.29)
    assert leaf.get_band() == "low"
    ok, delta = leaf.get_delta()
    assert ok and close(delta, -0.76)
    assert leaf.get_rank() == 6
    assert leaf.get_country_rank() == 1
    assert leaf.get_missing_children() == -1
    assert leaf.get_n_criteria() == 3
    for c, value, band, change in ((r, 2.81, "high", 0.81),
                                   (e, 1.06, "low", -1.17),
                                   (s, 0.0, "low", -1.92)):
        ok, v = leaf.get_criterion_value(c)
        assert ok and close(v, value)
        assert leaf.get_criterion_band(c) == band
        ok, d = leaf.get_criterion_delta(c)
        assert ok and close(d, change)
        assert leaf.get_criterion_n(c) == -1      # published, no raters
    theme = results.lookup("PE", "2024", "VIII.T3")
    assert close(theme.get_value()[1], 1.29)
    assert theme.get_rank() == 3 and theme.get_depth() == 1
    assert theme.get_missing_children() == 0
    ok, inclusion = results.lookup("PE", "2024", "VIII.7").get_inclusion()
    assert ok and math.isclose(inclusion, 0.46)
    assert leaf.get_inclusion()[0] is False


def test_peru_annex_deltas(peru):
    dataset, results = peru
    m = dataset.get_methodology()
    annex = {  # R, +-, E, +-, S, +- in 2024
        "VIII.2": (0.50, -1.42, 0.00, -1.77, 0.00, -1.92),
        "VIII.37": (3.00, 1.15, 2.50, 0.42, 1.33, -0.67),
        "VIII.14": (2.33, 2.33, 2.00, 0.00, 2.17, -0.14),
    }
    for node, row in annex.items():
        score = results.lookup("PE", "2024", node)
        for i, cid in enumerate("RES"):
            c = m.lookup_criterion(cid)
            assert close(score.get_criterion_value(c)[1], row[2 * i]), node
            assert close(score.get_criterion_delta(c)[1], row[2 * i + 1]), node
    # IX has no 2022 phase: values but no deltas.
    score = results.lookup("PE", "2024", "IX.C.3")
    assert score.get_value() == (True, 3.0)
    assert score.get_delta()[0] is False
    assert score.get_criterion_delta(0)[0] is False


def test_peru_bands(peru):
    _, results = peru
    for node, bands in (("IX.C.17", ("medium-high", "medium", "medium")),
                        ("IX.C.21", ("medium-high", "low", "medium")),
                        ("IX.D.2", ("low", "low", "low"))):
        score = results.lookup("PE", "2024", node)
        assert tuple(score.get_criterion_band(c) for c in range(3)) == bands


def test_peru_lookup_misses(peru):
    _, results = peru
    assert results.lookup("PE", "2022", "IX.B") is None   # not in phase 1
    assert results.lookup("XX", "2024", "IX.B") is None
    assert results.lookup("PE", "1999", "IX.B") is None
    assert results.lookup("PE", "2024", "nope") is None
    assert results.lookup_country("XX", "2024") is None


def test_peru_country_score(peru):
    dataset, results = peru
    country = results.lookup_country("PE", "2024")
    assert country.get_node() is None and country.get_node_id() is None
    assert country.get_depth() == -1
    assert country.get_value()[0]
    assert country.get_country_rank() == 1
    assert country.get_rank() == 0
    assert country.get_country() == "PE"


# GListModel iteration.

def test_results_list_model(peru):
    dataset, results = peru
    n = results.get_n_items()
    assert n == len(results) > 0
    assert results.get_item_type() == Occ.Score.__gtype__
    items = list(results)
    assert len(items) == n
    assert all(isinstance(s, Occ.Score) for s in items)
    assert results.get_item(n) is None
    assert results[0].get_node_id() == items[0].get_node_id()
    # by country, then phase, then document order
    phases = [s.get_phase() for s in items]
    assert phases == sorted(phases, key=lambda p: dataset.lookup_phase(p))
    first = [s.get_node().get_index() for s in items if s.get_phase() == "2022"]
    assert first == sorted(first)
    # one entry per (country, phase, node) with any score, as results.to_data
    text, length = results.to_data()
    doc = json.loads(text)
    assert length == len(text.encode("utf-8"))
    assert [(e["country"], e["phase"], e["node"]) for e in doc["scores"]] == \
        [(s.get_country(), s.get_phase(), s.get_node_id()) for s in items]
    assert results.get_dataset() is dataset


def test_framework_and_nodes(peru):
    dataset, _ = peru
    framework = dataset.get_framework()
    assert isinstance(framework, Gio.ListModel)
    assert framework.get_item_type() == Occ.Node.__gtype__
    assert ids(framework) == ["VIII", "IX"]
    seen = []

    def walk(model, depth, parent):
        for node in model:
            assert isinstance(node, Occ.Node)
            assert node.get_depth() == depth
            assert node.get_parent() is parent
            assert node.get_top() is (parent.get_top() if parent else node)
            assert dataset.get_node(node.get_index()) is node
            assert dataset.lookup_node(node.get_id()) is node
            assert node.is_leaf() == (node.get_children().get_n_items() == 0)
            assert node.get_weight() == 1.0
            assert isinstance(node.get_label(), str)
            seen.append(node.get_index())
            walk(node.get_children(), depth + 1, node)

    walk(framework, 0, None)
    assert seen == list(range(dataset.get_n_nodes()))
    leaf = dataset.lookup_node("IX.A.12.A")
    assert leaf.get_label() == "Commitment 12.A"
    assert leaf.get_text().startswith("Promote gender equity")
    assert dataset.lookup_node("VIII").get_text() is None
    assert dataset.lookup_node("missing") is None
    assert ids(dataset.lookup_node("IX.A.12").get_children()) == \
        ["IX.A.12.A", "IX.A.12.G"]


def test_node_without_label(rated):
    dataset, _ = rated
    l1 = dataset.lookup_node("L1")
    assert l1.get_label() == "L1"          # defaults to the id
    assert l1.get_text() == "Leaf one"
    assert l1.get_weight() == 2.0
    assert dataset.lookup_node("L2").get_text() is None


# Every accessor of Occ.Dataset.

def test_dataset_accessors(peru, rated):
    dataset, _ = peru
    assert dataset.get_title().startswith("Peru")
    assert dataset.get_n_countries() == 1
    assert dataset.get_country_id(0) == "PE"
    assert dataset.get_country_name(0) == "Peru"
    assert dataset.lookup_country("PE") == 0
    assert dataset.lookup_country("XX") == -1
    assert dataset.get_n_phases() == 2
    assert [dataset.get_phase_id(p) for p in range(2)] == ["2022", "2024"]
    assert dataset.get_phase_label(1) == "Phase 2 (2024)"
    assert dataset.lookup_phase("2024") == 1
    assert dataset.lookup_phase("x") == -1
    assert dataset.get_n_raters() == 0
    assert dataset.get_n_ratings() == 0
    assert dataset.get_n_published() > 0
    assert dataset.get_methodology().get_id() == "cco-2024"

    dataset, _ = rated
    assert dataset.get_title() == "rated"
    assert dataset.get_country_name(1) is None
    assert dataset.get_phase_label(1) is None
    assert dataset.get_n_raters() == 2
    assert dataset.get_rater_id(0) == "r1"
    assert dataset.get_rater_name(0) == "Org 1"
    assert dataset.get_rater_name(1) is None
    assert dataset.get_rater_country(0) == "AR"
    assert dataset.get_rater_country(1) is None
    assert dataset.lookup_rater("r2") == 1
    assert dataset.lookup_rater("r3") == -1
    assert dataset.get_n_ratings() == 4
    assert dataset.get_rating_validated(0) == 1
    assert dataset.get_rating_validated(1) == 0
    assert dataset.get_rating_validated(2) == -1
    evidence = dataset.get_rating_evidence(0)
    assert json.loads(evidence) == RATED["ratings"][0]["evidence"]
    assert dataset.get_rating_evidence(1) is None


def test_untitled_dataset():
    dataset = Occ.Dataset.new_from_data(
        '{"format": "occ-dataset/1", "methodology": "cco-2024"}', -1)
    assert dataset.get_title() is None
    assert dataset.get_n_nodes() == 0
    assert len(dataset.get_framework()) == 0
    results = Occ.Results.new(dataset)
    assert len(results) == 0
    assert len(results.get_best("PE", "2024", None)) == 0


# Bulk arrays.

def test_rating_arrays(rated):
    dataset, _ = rated
    m = dataset.get_methodology()
    country = dataset.get_rating_indices(Occ.RatingField.COUNTRY)
    phase = dataset.get_rating_indices(Occ.RatingField.PHASE)
    node = dataset.get_rating_indices(Occ.RatingField.NODE)
    rater = dataset.get_rating_indices(Occ.RatingField.RATER)
    assert country == [0, 0, 0, 1]
    assert phase == [0, 0, 1, 0]
    assert [dataset.get_node(i).get_id() for i in node] == \
        ["L1", "L1", "L2", "L1"]
    assert rater == [0, 1, 0, 1]
    scores, rated_mask = dataset.dup_rating_scores(m.lookup_criterion("S"))
    assert list(scores) == [0, 1, 1, 3]
    assert isinstance(rated_mask, bytes) and list(rated_mask) == [0, 1, 1, 1]
    scores, _ = dataset.dup_rating_scores(m.lookup_criterion("R"))
    assert list(scores) == [2, 3, 1, 3]
    assert dataset.dup_rating_group_counts() == [2, 1, 0, 0]
    groups = dataset.get_rating_groups(0)
    assert [m.get_population_group_id(g) for g in groups] == ["women", "youth"]
    assert dataset.get_rating_groups(2) == []


def test_published_arrays(rated, peru):
    dataset, _ = rated
    assert dataset.get_n_published() == 1
    assert dataset.get_published_indices(Occ.RatingField.COUNTRY) == [0]
    assert dataset.get_published_indices(Occ.RatingField.PHASE) == [0]
    node = dataset.get_published_indices(Occ.RatingField.NODE)
    assert dataset.get_node(node[0]).get_id() == "L2"
    scores, present = dataset.dup_published_scores(1)
    assert list(scores) == [0.0] and list(present) == [0]
    scores, present = dataset.dup_published_scores(2)
    assert list(scores) == [2.5] and list(present) == [1]
    assert dataset.get_published_raters(0) == 4
    assert dataset.get_published_inclusion(0) == (True, 0.25)

    dataset, _ = peru
    n = dataset.get_n_published()
    scores, present = dataset.dup_published_scores(0)
    assert len(scores) == len(present) == n
    assert dataset.get_published_raters(0) == -1
    assert dataset.get_published_inclusion(0)[0] is False


def test_results_values(peru):
    dataset, results = peru
    p = dataset.lookup_phase("2024")
    values, present = results.dup_values(0, p, -1)
    assert len(values) == len(present) == dataset.get_n_nodes()
    ix_b = dataset.lookup_node("IX.B").get_index()
    assert present[ix_b] == 1
    assert values[ix_b] == results.lookup("PE", "2024", "IX.B").get_value()[1]
    r = dataset.get_methodology().lookup_criterion("R")
    values, present = results.dup_values(0, 0, r)
    leaf = dataset.lookup_node("IX.C.3").get_index()
    assert present[leaf] == 0 and values[leaf] == 0.0   # not in 2022
    v = dataset.lookup_node("VIII.25").get_index()
    assert values[v] == results.lookup("PE", "2022", "VIII.25") \
        .get_criterion_value(r)[1]


def test_rated_scores(rated):
    dataset, results = rated
    m = dataset.get_methodology()
    r = m.lookup_criterion("R")
    l1 = results.lookup("AR", "p1", "L1")
    assert l1.get_criterion_value(r) == (True, 2.5)
    assert l1.get_criterion_n(r) == 2
    assert l1.get_criterion_n(m.lookup_criterion("S")) == 1
    ok, inclusion = l1.get_inclusion()
    assert ok and math.isclose(inclusion, 3 / 18)
    l2 = results.lookup("AR", "p1", "L2")
    assert l2.get_criterion_n(r) == 4              # published raters
    assert l2.get_value()[0] is False              # E is null
    assert l2.get_band() is None
    assert l2.get_inclusion() == (True, 0.25)
    top = results.lookup("AR", "p1", "T")
    assert top.get_missing_children() == 1
    assert top.get_country_rank() == 2              # BO scores 3.0
    assert results.lookup("BO", "p1", "T").get_country_rank() == 1
    assert results.lookup("AR", "p2", "L1") is None
    assert results.lookup_country("BO", "p2") is None


# Methodology: built-in and from data.

def test_methodology_builtin():
    assert "cco-2024" in Occ.Methodology.list_builtin()
    m = Occ.Methodology.new_builtin("cco-2024")
    assert m.get_id() == "cco-2024"
    assert m.get_name().startswith("Citizen Corruption Observatory")
    assert m.get_scale_kind() == Occ.ScaleKind.NUMERIC
    assert (m.get_scale_min(), m.get_scale_max()) == (0, 3)
    assert m.get_n_criteria() == 3
    assert [m.get_criterion_id(c) for c in range(3)] == ["R", "E", "S"]
    assert m.get_criterion_label(0) == "Relevance"
    assert m.get_criterion_weight(2) == 1.0
    assert m.lookup_criterion("S") == 2 and m.lookup_criterion("Q") == -1
    for level in (Occ.Level.RATERS, Occ.Level.CRITERIA, Occ.Level.CHILDREN):
        assert m.get_aggregation(level) == Occ.Aggregation.MEAN
    assert Occ.aggregation_to_string(Occ.Aggregation.GEOMETRIC) == "geometric"
    assert m.get_min_raters() == 1
    assert m.get_precision() == 2
    assert [m.get_band_label(b) for b in range(m.get_n_bands())] == \
        ["low", "medium", "medium-high", "high"]
    assert [m.get_band_from(b) for b in range(4)] == [0.0, 1.5, 2.5, 2.8]
    assert m.band_for_value(2.79) == "medium-high"
    assert m.band_for_value(-1.0) is None
    assert m.get_n_population_groups() == 9
    assert m.get_population_group_id(0) == "women"
    assert m.get_population_group_label(0) == "Women"
    assert m.round(2.675) == 2.68
    assert m.format_value(2.675) == "2.68"
    assert m.format_value(1.0) == "1.00"


def test_methodology_from_data():
    text, length = Occ.Methodology.new_builtin("cco-2024").to_data()
    assert isinstance(text, str) and length == len(text.encode("utf-8"))
    obj = json.loads(text)
    obj.update(id="mine", precision=1, min_raters=2)
    obj["aggregation"]["children"] = "median"
    m = Occ.Methodology.new_from_data(json.dumps(obj), -1)
    assert m.get_id() == "mine"
    assert m.get_precision() == 1 and m.get_min_raters() == 2
    assert m.get_aggregation(Occ.Level.CHILDREN) == Occ.Aggregation.MEDIAN
    assert m.format_value(2.25) == "2.3"
    # inline in a dataset
    dataset = Occ.Dataset.new_from_data(json.dumps(
        {"format": "occ-dataset/1", "methodology": obj}), -1)
    assert dataset.get_methodology().get_id() == "mine"


# Errors: GLib.Error in the occ-error-quark domain, with the message.

def fault_cases():
    with open(os.path.join(FAULTS, "index.tests"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, code, place = (line.rstrip("\n").split("\t") + [""])[:3]
            yield pytest.param(name, code, place, id=name)


def test_fault_cases_found():
    # An empty or unreadable index would make test_faults run zero times.
    cases = list(fault_cases())
    assert len(cases) >= 10, len(cases)
    assert sum(1 for c in cases if c.values[1] != "VALID") >= 10
    assert all(c.values[1] in CODES or c.values[1] == "VALID" for c in cases)


@pytest.mark.parametrize("name,code,place", list(fault_cases()))
def test_faults(name, code, place):
    path = os.path.join(FAULTS, name)
    if code == "VALID":
        Occ.Dataset.new_from_file(path)
        return
    with pytest.raises(GLib.Error) as info:
        Occ.Dataset.new_from_file(path)
    error = info.value
    assert error.domain == "occ-error-quark"
    assert error.code == CODES[code], error.message
    assert error.matches(Occ.error_quark(), CODES[code])
    assert error.message.startswith(path + ":"), error.message
    assert place in error.message


def test_error_from_data_names_the_place():
    doc = json.loads(json.dumps(RATED))
    doc["ratings"][1]["scores"]["R"] = 4
    with pytest.raises(GLib.Error) as info:
        Occ.Dataset.new_from_data(json.dumps(doc), -1)
    assert info.value.domain == "occ-error-quark"
    assert info.value.code == Occ.Error.RANGE
    assert re.match(r"<data>:1:\d+: ratings\[1\]\.scores\.R: ",
                    info.value.message)
    assert "outside the scale 0..3" in info.value.message
    located, source, line, column = Occ.error_get_location(info.value)
    assert located and source == "<data>" and line == 1 and column > 1
    assert Occ.error_get_path(info.value) == "ratings[1].scores.R"
    assert Occ.error_get_rule(info.value) == "4 is outside the scale 0..3"
    with pytest.raises(GLib.Error) as info:
        Occ.Dataset.new_from_data("{", -1)
    assert info.value.code == Occ.Error.SYNTAX
    assert info.value.message.startswith("<data>:1:")


def test_other_errors(tmp_path):
    with pytest.raises(GLib.Error) as info:
        Occ.Methodology.new_builtin("nope")
    assert info.value.matches(Occ.error_quark(), Occ.Error.UNKNOWN_ID)
    assert "nope" in info.value.message
    with pytest.raises(GLib.Error) as info:
        Occ.Methodology.new_from_data('{"id": "x"}', -1)
    assert info.value.domain == "occ-error-quark"
    with pytest.raises(GLib.Error) as info:
        Occ.Dataset.new_from_file(str(tmp_path / "missing.json"))
    assert info.value.domain == GLib.quark_to_string(GLib.file_error_quark())
    assert info.value.code == GLib.FileError.NOENT
    dataset = Occ.Dataset.new_from_file(PERU)
    with pytest.raises(GLib.Error) as info:
        dataset.save_to_file(str(tmp_path / "no-dir" / "x.json"))
    assert info.value.domain == GLib.quark_to_string(GLib.file_error_quark())


# Round trips.

def test_round_trip_data(rated):
    dataset, results = rated
    text, length = dataset.to_data()
    assert isinstance(text, str) and text.endswith("\n")
    again = Occ.Dataset.new_from_data(text, -1)
    assert again.to_data() == (text, length)
    assert Occ.Results.new(again).to_data() == results.to_data()
    from_bytes = Occ.Dataset.new_from_bytes(GLib.Bytes.new(text.encode()))
    assert from_bytes.to_data()[0] == text


def test_round_trip_peru_unicode(peru):
    dataset, results = peru
    text, _ = dataset.to_data()
    doc = json.loads(text)
    doc["title"] = "Perú — ñandú ✓"
    again = Occ.Dataset.new_from_data(json.dumps(doc, ensure_ascii=False), -1)
    assert again.get_title() == "Perú — ñandú ✓"
    assert Occ.Results.new(again).to_data() == results.to_data()


def test_save_to_file(tmp_path, rated):
    dataset, _ = rated
    path = tmp_path / "saved.json"
    assert dataset.save_to_file(str(path)) is True
    assert path.read_text(encoding="utf-8") == dataset.to_data()[0]
    again = Occ.Dataset.new_from_file(str(path))
    assert again.to_data() == dataset.to_data()
    assert sorted(os.listdir(tmp_path)) == ["saved.json"]


def test_objects_outlive_their_owners():
    dataset = Occ.Dataset.new_from_file(PERU)
    results = Occ.Results.new(dataset)
    score = results.lookup("PE", "2024", "IX.B")
    best = results.get_best("PE", "2024", "IX.A")
    node = dataset.lookup_node("IX.B.9")
    del dataset, results
    import gc
    gc.collect()
    assert score.get_value()[0] and score.get_node_id() == "IX.B"
    assert best[0].get_node_id() == "IX.B"
    assert node.get_id() == "IX.B.9"


def test_categorical_and_audit():
    data = os.path.join(SRCDIR, "examples", "data")
    irm = Occ.Dataset.new_from_file(os.path.join(data, "peru-irm-2017.json"))
    m = irm.get_methodology()
    assert m.get_scale_kind() == Occ.ScaleKind.CATEGORICAL
    c = m.lookup_criterion("completion")
    assert m.dup_criterion_level_ids(c) == [
        "not-started", "limited", "substantial", "complete", "no-evidence"]
    assert m.get_n_criterion_levels(c) == 4
    assert m.get_criterion_level_id(c, -1) == "no-evidence"
    results = Occ.Results.new(irm)
    ok, count, unknown, of, percent = results.lookup(
        "PE", "2017-2019", "AP3").get_summary(m.lookup_summary("major"))
    assert (ok, count, unknown, of) == (True, 3, 1, 18)
    levels = results.dup_levels(0, 0, c)
    node = irm.lookup_node("AP3.16").get_index()
    assert levels[node] == -1
    assert levels[irm.lookup_node("AP3").get_index()] == Occ.NO_LEVEL
    flags = results.dup_flags(0, 0, m.lookup_flag("relevant"))
    assert flags[node] == Occ.Truth.TRUE
    sums = results.dup_summaries(0, 0, m.lookup_summary("relevant"))
    top = irm.lookup_node("AP3").get_index()
    assert list(sums[3 * top:3 * top + 3]) == [16, 0, 18]
    peru = Occ.Results.new(Occ.Dataset.new_from_file(PERU))
    audit = Occ.Audit.new_from_file(
        peru, os.path.join(data, "peru-2024-claims.json"))
    assert audit.count(Occ.Verdict.HOLDS) == 5
    assert audit.count(Occ.Verdict.CONTRADICTED) == 9
    ids = [audit.get_claim_id(i) for i in range(audit.get_n_claims())]
    i = ids.index("ix-commitment-best")
    assert json.loads(audit.dup_found(i)) == {"nodes": ["IX.C.3"],
                                              "value": 3.0}
    with pytest.raises(GLib.Error) as caught:
        Occ.Audit.new_from_data(peru, '{"format": "occ-claims/2"}', -1)
    assert caught.value.matches(Occ.error_quark(), Occ.Error.FORMAT)
