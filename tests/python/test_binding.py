"""The binding's own behaviour: errors, lifetimes, context managers,
finalizers, no leaks across many loads, records and DataFrames that match
iteration, bulk values, the methodology, the framework, and output that is
the library's."""

import csv
import gc
import json
import math
import os
import subprocess
import weakref

import pytest

import occ
from conftest import FAULTS_DIR, PERU, tool


def peru_text():
    with open(PERU, encoding="utf-8") as f:
        return f.read()


# Version ------------------------------------------------------------------

def test_version():
    assert occ.__version__ == occ.version()
    assert occ.version() == "%d.%d.%d" % occ.version_info()
    assert occ.version_info()[0] >= 1


# Errors ---------------------------------------------------------------------

def test_error_from_file_names_the_file_and_the_place():
    path = os.path.join(FAULTS_DIR, "score-above-scale.json")
    with pytest.raises(occ.OccError) as info:
        occ.Dataset.from_file(path)
    e = info.value
    assert type(e) is occ.OccError and isinstance(e, Exception)
    assert (e.code, e.code_value) == ("RANGE", 3)
    assert e.domain == "occ-error-quark"
    assert e.place == "ratings[0].scores.R"
    assert e.file == path and e.source == path
    assert e.rule == "4 is outside the scale 0..3"
    assert str(e) == e.message == "%s:22:23: ratings[0].scores.R: 4 is outside the scale 0..3" % path
    assert (e.line, e.column) == (22, 23)
    assert e.args == (e.message,)


def test_error_from_string_has_no_file():
    with pytest.raises(occ.OccError) as info:
        occ.Dataset.from_string('{"format": "occ-dataset/2"}')
    e = info.value
    assert e.code == "FORMAT" and e.place == "format" and e.file is None
    assert e.source == "<data>"
    assert (e.line, e.column) == (1, 12)
    assert e.message == "<data>:1:12: format: %s" % e.rule


def test_syntax_error_has_line_column_and_path(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "occ-dataset/1",,\n}\n')
    with pytest.raises(occ.OccError) as info:
        occ.load(path)
    e = info.value
    assert e.code == "SYNTAX" and (e.line, e.column) == (2, 29)
    assert e.place == "format" and e.file == str(path)
    assert e.message == "%s:2:29: format: %s" % (path, e.rule)
    with pytest.raises(occ.OccError) as info:
        occ.Dataset.from_bytes(b"")
    e = info.value
    assert e.code == "SYNTAX" and (e.line, e.column) == (1, 1)
    assert e.place is None and e.rule == "empty input, expected a JSON value"


def test_csv_fault_has_line_column_and_column_name(tmp_path):
    """1.3 left `place` None for a CSV cell and put the place in `rule`."""
    sheet = tmp_path / "ratings.csv"
    with occ.Dataset.from_file(os.path.join(FAULTS_DIR, "valid-base.json")) as peru:
        lines = peru.ratings_to_csv(raw=True).lstrip("\ufeff").splitlines()
        assert len(lines) > 1, lines
        header = next(csv.reader([lines[0]]))
        row = next(csv.reader([lines[1]]))
        row[header.index("E")] = "9"
        with open(sheet, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([header, row])
        with pytest.raises(occ.OccError) as info:
            peru.with_ratings_csv(sheet)
    e = info.value
    assert e.code == "RANGE" and e.place == "E"
    assert e.line == 2 and e.column >= 1 and e.place is not None
    assert e.message.startswith("%s:2:%d (column %s): " % (sheet, e.column, e.place))
    assert e.message.endswith(e.rule) and not e.rule.startswith("(column")


def test_missing_file_is_an_oserror_too(tmp_path):
    path = tmp_path / "nothing-here.json"
    with pytest.raises(occ.OccFileError) as info:
        occ.load(path)
    e = info.value
    assert isinstance(e, occ.OccError) and isinstance(e, OSError)
    assert e.code == "NOENT" and e.errno == 2
    assert e.domain == "g-file-error-quark"
    assert e.file == str(path) and e.filename == str(path)
    assert e.place is None
    assert str(e) == e.message and str(path) in e.message
    try:
        occ.load(path)
    except OSError as caught:  # caught as an OSError, too
        assert caught.errno == 2


def test_methodology_errors():
    with pytest.raises(occ.OccError) as info:
        occ.Methodology.builtin("cco-1999")
    e = info.value
    assert e.code == "UNKNOWN_ID" and e.place is None and e.file is None
    assert e.rule == e.message and "cco-1999" in e.message
    m = json.loads(occ.Methodology.builtin("cco-2024").to_json())
    m["criteria"][1]["weight"] = -1
    with pytest.raises(occ.OccError) as info:
        occ.Methodology.from_string(json.dumps(m))
    assert info.value.code == "RANGE"
    assert info.value.place == "criteria[1].weight"


def test_wrong_argument_types_raise_before_reaching_c(peru_results):
    with pytest.raises(TypeError):
        occ.Dataset.from_string(None)
    with pytest.raises(TypeError):
        peru_results.lookup("PE", 2024, "VIII.25")
    with pytest.raises(TypeError):
        occ.Results("not a dataset")
    with pytest.raises(TypeError):
        occ.Dataset(42)
    with pytest.raises(KeyError):
        peru_results.values("XX", "2024")
    with pytest.raises(IndexError):
        peru_results.values(0, 7)
    with pytest.raises(KeyError):
        peru_results.values("PE", "2024", "Q")
    with pytest.raises(IndexError):
        peru_results[len(peru_results)]


def test_unknown_ids_give_none_or_empty(peru_results):
    assert peru_results.lookup("PE", "2024", "NOPE") is None
    assert peru_results.lookup("XX", "2024", "VIII.25") is None
    assert peru_results.country_score("PE", "1999") is None
    assert peru_results.best("PE", "2024", "NOPE") == []
    assert peru_results.worst("XX", "2024") == []


# Lifetimes ------------------------------------------------------------------

def test_score_outlives_results_and_dataset():
    ds = occ.load(PERU)
    results = ds.score()
    score = results.lookup("PE", "2024", "VIII.25")
    expected = score.to_dict()
    node = ds.node("VIII.25")
    methodology = ds.methodology
    results_ref = weakref.ref(results)
    ds_ref = weakref.ref(ds)
    del ds, results
    gc.collect()
    # The Python objects are gone; the C objects live on in the score.
    assert ds_ref() is None
    assert results_ref() is not None  # a score keeps its Results
    assert score.to_dict() == expected
    assert score.node_object.id == "VIII.25"
    assert score.node_object.parent.id == "VIII.T3"
    assert node.parent.children[node.parent.children.index(node)] == node
    assert methodology.id == "cco-2024"


def test_closing_keeps_what_was_taken(peru):
    results = peru.score()
    nodes = peru.nodes
    peru.close()
    peru.close()  # idempotent
    assert peru.closed
    assert len(results) > 0 and results[0].value is not None
    assert results.dataset.countries == [("PE", "Peru")]
    assert [n.id for n in nodes] == [s.node for s in results if s.phase == "2024"]
    assert nodes[0].children[0].parent == nodes[0]


def test_use_after_close_raises_value_error():
    ds = occ.load(PERU)
    results = ds.score()
    ds.close()
    for use in (lambda: ds.title, lambda: ds.score(), lambda: ds.nodes,
                lambda: ds.to_json(), lambda: ds.node("VIII.25")):
        with pytest.raises(ValueError, match="closed occ.Dataset"):
            use()
    with pytest.raises(ValueError):
        with ds:
            pass
    score = results[0]
    results.close()
    for use in (lambda: len(results), lambda: results.lookup("PE", "2024", "VIII"),
                lambda: list(results), lambda: results.to_json(),
                lambda: results.values(0, 0)):
        with pytest.raises(ValueError, match="closed occ.Results"):
            use()
    assert score.value is not None  # scores stay valid
    assert "closed" in repr(ds) and "closed" in repr(results)


def test_context_managers():
    with occ.load(PERU) as ds:
        assert not ds.closed
        with ds.score() as results:
            n = len(results)
        assert results.closed
    assert ds.closed and n > 0
    with pytest.raises(KeyError):
        with occ.load(PERU) as ds2:
            raise KeyError("not swallowed")
    assert ds2.closed


def test_finalizers_free_objects():
    """Unreferenced objects are freed by their finalizers (ffi.gc), and
    objects taken from a dataset keep it alive until they go."""
    ds = occ.load(PERU)
    ref = weakref.ref(ds)
    node = ds.node("IX.B")
    del ds
    assert ref() is None  # refcounting frees the Python object at once
    assert node.id == "IX.B" and not node.is_leaf
    assert node.top.id == "IX"
    del node
    gc.collect()


# Under tools/check-sanitizers (ASan's quarantine) and tools/check-valgrind
# (valgrind's allocator) freed memory is held back on purpose, so the
# resident set says nothing about leaks; valgrind checks them itself.
rss_measures_leaks = pytest.mark.skipif(
    bool(os.environ.get("OCC_TEST_MEMCHECK")),
    reason="VmRSS is meaningless under %s" % os.environ.get("OCC_TEST_MEMCHECK"))


def vm_rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    pytest.skip("no VmRSS in /proc/self/status")


def load_score_free(text, n):
    for i in range(n):
        if i % 2:
            ds = occ.Dataset.from_string(text)
        else:
            ds = occ.load(PERU)
        with ds:
            results = ds.score()
            assert len(results) > 0
            score = results.lookup("PE", "2024", "VIII.25")
            score.criteria
            results.values("PE", "2024")
        del results, score


@rss_measures_leaks
def test_no_leaks_across_many_loads():
    """2000 loads, scorings and frees of Peru (from the file and from
    text): the resident set barely grows after a warm-up."""
    text = peru_text()
    load_score_free(text, 200)  # warm-up
    gc.collect()
    before = vm_rss_kib()
    load_score_free(text, 2000)
    gc.collect()
    growth = vm_rss_kib() - before
    # One leaked Peru dataset is tens of KiB: 2000 of them would be tens
    # of MiB. Allow 4 MiB of allocator noise.
    assert growth < 4096, "VmRSS grew by %d KiB" % growth


@rss_measures_leaks
def test_no_leaks_iterating_scores_and_errors():
    bad = os.path.join(FAULTS_DIR, "score-above-scale.json")
    def work(n):
        for _ in range(n):
            with occ.load(PERU) as ds:
                records = ds.score().to_records()
            assert records
            try:
                occ.load(bad)
            except occ.OccError:
                pass
    work(20)
    gc.collect()
    before = vm_rss_kib()
    work(300)
    gc.collect()
    assert vm_rss_kib() - before < 4096


# Results ------------------------------------------------------------------

def test_sequence_protocol(peru_results):
    scores = list(peru_results)
    assert len(scores) == len(peru_results) > 0
    assert [s.to_dict() for s in peru_results[1:4]] == [s.to_dict() for s in scores[1:4]]
    assert peru_results[-1].to_dict() == scores[-1].to_dict()
    # Order: country, then phase, then document order of the nodes.
    nodes = [n.id for n in peru_results.dataset.nodes]
    phases = [p.id for p in peru_results.dataset.phases]
    keys = [(phases.index(s.phase), nodes.index(s.node)) for s in scores]
    assert keys == sorted(keys)
    assert all(not s.is_country for s in scores)


def test_results_match_the_librarys_json(peru_results):
    doc = json.loads(peru_results.to_json())
    assert doc["format"] == "occ-results/1"
    assert len(doc["scores"]) == len(peru_results)
    for entry, score in zip(doc["scores"], peru_results):
        assert (entry["country"], entry["phase"], entry["node"]) == (score.country, score.phase, score.node)
        assert entry.get("value") == score.value
        assert entry.get("band") == score.band
        assert entry.get("delta") == score.delta
        assert entry.get("rank") == score.rank
        assert entry["depth"] == score.depth
        assert entry.get("inclusion") == score.inclusion
        assert entry.get("missing_children") == score.missing_children
        for cid, crit in score.criteria.items():
            got = entry["criteria"].get(cid, {})
            assert got.get("value") == crit["value"]
            assert got.get("n") == crit["n"]
            assert got.get("band") == crit["band"]
    for entry in doc["countries"]:
        s = peru_results.country_score(entry["country"], entry["phase"])
        assert s.is_country and s.node is None and s.depth is None
        assert entry.get("value") == s.value and entry.get("rank") == s.country_rank
        assert s.rank == s.country_rank  # a country's rank is among countries


def test_to_json_is_what_the_tool_prints(peru_results):
    out = subprocess.run([tool(), "score", "--format=json", PERU],
                         capture_output=True, text=True, check=True).stdout
    assert peru_results.to_json() == out


def test_records_match_iteration(peru_results):
    records = peru_results.to_records()
    columns = peru_results.columns
    assert columns[:11] == list(occ.RECORD_COLUMNS)
    assert columns[11:15] == ["R", "R.n", "R.band", "R.delta"]
    assert len(records) == len(peru_results)
    for record, score in zip(records, peru_results):
        assert list(record) == columns
        assert record["node"] == score.node and record["value"] == score.value
        assert record["rank"] == score.rank and record["depth"] == score.depth
        for cid, crit in score.criteria.items():
            assert record[cid] == crit["value"]
            assert record[cid + ".n"] == crit["n"]
            assert record[cid + ".band"] == crit["band"]
            assert record[cid + ".delta"] == crit["delta"]
        for value in record.values():
            assert not (isinstance(value, float) and math.isnan(value))


def test_dataframe_matches_records(peru_results):
    pandas = pytest.importorskip("pandas")
    df = peru_results.to_dataframe()
    records = peru_results.to_records()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == peru_results.columns
    assert len(df) == len(records)
    for i, record in enumerate(records):
        for key, value in record.items():
            cell = df.iloc[i][key]
            if value is None:
                assert cell is None or (isinstance(cell, float) and math.isnan(cell))
            else:
                assert cell == value, (i, key)
    leaf = df[(df.phase == "2024") & (df.node == "VIII.25")].iloc[0]
    assert leaf["value"] == peru_results.lookup("PE", "2024", "VIII.25").value


def test_dataframe_without_pandas_says_so(peru_results, monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pandas.*to_records"):
        peru_results.to_dataframe()


def test_bulk_values_match_scores(peru_results):
    ds = peru_results.dataset
    nodes = ds.nodes
    for phase in ds.phases:
        for criterion in [None] + peru_results.criterion_ids:
            values, present = peru_results.values("PE", phase.id, criterion)
            assert len(values) == len(present) == len(nodes)
            for node, v, p in zip(nodes, values, present):
                score = peru_results.lookup("PE", phase.id, node.id)
                want = None if score is None else (
                    score.value if criterion is None else score.criterion(criterion)["value"])
                assert bool(p) == (want is not None), (phase, criterion, node)
                assert float(v) == (want if want is not None else 0.0)
    by_index = peru_results.values(0, 1, 0)
    by_id = peru_results.values("PE", ds.phases[1].id, peru_results.criterion_ids[0])
    assert list(by_index.values) == list(by_id.values)
    np = pytest.importorskip("numpy")
    assert isinstance(by_id.values, np.ndarray) and by_id.values.dtype == np.float64
    assert by_id.present.dtype == bool


def test_best_and_worst_are_scores_of_the_peer_group(peru_results):
    best = peru_results.best("PE", "2024")
    assert best and all(s.rank == 1 and s.depth == 0 for s in best)
    worst = peru_results.worst("PE", "2024", "VIII.T3")
    m = peru_results.methodology
    peers = [s for s in peru_results if s.phase == "2024" and s.depth == 1
             and s.node.startswith("VIII.") and s.value is not None]
    lowest = min(m.round(s.value) for s in peers)
    assert sorted(s.node for s in worst) == sorted(s.node for s in peers if m.round(s.value) == lowest)


def test_commitments_are_peers_with_or_without_sub_commitments(peru_results):
    # occ-v1 §4.7 (revision 2): the peers of IX.A.4 (a leaf) are every
    # depth-2 node under IX, IX.A.3 (which has sub-commitments) among them.
    peers = [s for s in peru_results if s.phase == "2024" and s.depth == 2
             and s.node.startswith("IX.") and s.value is not None]
    assert any(not s.node_object.is_leaf for s in peers)
    assert any(s.node_object.is_leaf for s in peers)
    m = peru_results.methodology
    keys = {s.node: round(m.round(s.value) * 100) for s in peers}
    for s in peers:
        assert s.rank == 1 + sum(k > keys[s.node] for k in keys.values())
    assert [s.node for s in peru_results.best("PE", "2024", "IX.A.4")] == ["IX.C.3"]


def test_country_score(peru_results):
    s = peru_results.country_score("PE", "2024")
    assert s.is_country and s.node is None and s.node_object is None
    assert s.value is not None and s.band == peru_results.methodology.band_for(s.value)
    assert "(country)" in repr(s)


# Dataset and framework ------------------------------------------------------

def test_dataset_properties(peru):
    doc = json.loads(peru_text())
    assert peru.title == doc.get("title")
    assert peru.countries == [occ.Country(c["id"], c.get("name")) for c in doc["countries"]]
    assert peru.phases == [occ.Phase(p["id"], p.get("label")) for p in doc["phases"]]
    assert len(peru.raters) == len(doc.get("raters", []))
    assert peru.n_ratings == len(doc.get("ratings", []))
    assert peru.n_published == len(doc.get("published", []))
    assert peru.country_index("PE") == 0 and peru.country_index("XX") is None
    assert peru.phase_index(doc["phases"][1]["id"]) == 1
    assert repr(peru).startswith("<occ.Dataset")


def test_framework(peru):
    nodes = peru.nodes
    assert len(nodes) == peru.n_nodes
    assert [n.index for n in nodes] == list(range(len(nodes)))
    assert [n.id for n in peru.framework] == [n.id for n in nodes if n.depth == 0]
    for n in nodes:
        assert peru.node(n.id) == n and hash(peru.node(n.id)) == hash(n)
        assert n.is_leaf == (n.children == [])
        assert all(c.parent == n and c.depth == n.depth + 1 for c in n.children)
        assert (n.parent is None) == (n.depth == 0)
        assert n.top.depth == 0
        assert isinstance(n.weight, float)
    assert peru.node("nope") is None


def test_columns_of_ratings_and_published(peru):
    n = peru.n_published
    for field in ("country", "phase", "node"):
        assert len(peru.published_indices(field)) == n
    nodes = peru.nodes
    assert all(nodes[i].is_leaf for i in peru.published_indices("node"))
    values, present = peru.published_scores("R")
    assert len(values) == len(present) == n
    rec = json.loads(peru_text())["published"][0]
    assert bool(present[0]) == (rec["scores"].get("R") is not None)
    if present[0]:
        assert values[0] == rec["scores"]["R"]
    with pytest.raises(ValueError):
        peru.published_indices("rater")
    assert len(peru.rating_indices("rater")) == peru.n_ratings


def test_ratings_columns_of_generated_dataset():
    import gen_datasets
    doc = gen_datasets.generate(3)
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        assert ds.n_ratings == len(doc["ratings"])
        raters = [r.id for r in ds.raters]
        got = [raters[i] for i in ds.rating_indices("rater")]
        assert got == [r["rater"] for r in doc["ratings"]]
        cid = ds.methodology.criterion_ids[0]
        scores, rated = ds.rating_scores(cid)
        for r, s, p in zip(doc["ratings"], scores, rated):
            want = r.get("scores", {}).get(cid)
            assert bool(p) == (want is not None)
            if want is not None:
                assert int(s) == want


def test_round_trip_and_save(peru, tmp_path):
    text = peru.to_json()
    again = occ.Dataset.from_string(text)
    assert again.to_json() == text
    assert again.score().to_json() == peru.score().to_json()
    path = tmp_path / "saved.json"
    peru.save(path)
    assert path.read_text(encoding="utf-8") == text
    assert occ.Dataset.from_bytes(path.read_bytes()).to_json() == text
    with pytest.raises(occ.OccError) as info:
        peru.save(tmp_path / "no-such-dir" / "x.json")
    assert info.value.file == str(tmp_path / "no-such-dir" / "x.json")


# Methodology ----------------------------------------------------------------

def test_methodology():
    assert "cco-2024" in occ.Methodology.list_builtin()
    m = occ.Methodology.builtin("cco-2024")
    doc = json.loads(m.to_json())
    assert m.id == doc["id"] and m.name == doc["name"]
    assert m.scale == (doc["scale"]["min"], doc["scale"]["max"])
    assert m.scale_kind == "numeric"
    assert m.criteria == [(c["id"], c["label"], c["weight"]) for c in doc["criteria"]]
    assert m.bands == [(b["label"], b["from"]) for b in doc.get("bands", [])]
    assert [g.id for g in m.population_groups] == [g["id"] for g in doc.get("population_groups", [])]
    assert m.aggregation == doc["aggregation"]
    assert m.precision == doc.get("precision", m.precision)
    assert m.min_raters == doc.get("min_raters", m.min_raters)
    again = occ.Methodology.from_string(m.to_json())
    assert again == m and again.to_json() == m.to_json()
    assert m.criterion_index(doc["criteria"][1]["id"]) == 1
    assert m.criterion_index("nope") is None


def test_labels_levels_and_languages():
    m = occ.Methodology.builtin("cco-2024")
    assert m.levels == ["Summit", "Theme", "Commitment", "Sub-commitment"]
    assert m.level_label(2, "es") == "Compromiso"
    assert m.level_label(7) is None
    assert m.localized_name("pt").startswith("Observatório Cidadão")
    assert m.criterion_label("R", "es") == "Relevancia"
    assert m.criterion_label(2, "fr") == "Durabilité"
    assert m.criterion_label("R") == "Relevance"
    assert m.band_label("medium-high", "es") == "medio-alto"
    assert m.band_label(0, "es-PE") == "bajo"
    assert m.population_group_label("indigenous", "es") == "Pueblos indígenas"
    with pytest.raises(KeyError):
        m.criterion_label("X")
    with pytest.raises(IndexError):
        m.band_label(9)


def test_dataset_labels_and_recorded_groups(tmp_path):
    doc = {
        "format": "occ-dataset/1", "methodology": "cco-2024",
        "countries": [{"id": "GT", "name": "Guatemala",
                       "labels": {"fr": "Guatémala"}}],
        "phases": [{"id": "p1", "label": "Phase 1", "labels": {"es": "Fase 1"}}],
        "framework": [{"id": "S", "label": "Summit", "labels": {"es": "Cumbre"},
                       "children": [{"id": "S.1"}]}],
        "raters": [{"id": "a"}, {"id": "b"}],
        "ratings": [
            {"country": "GT", "phase": "p1", "node": "S.1", "rater": "a",
             "scores": {"R": 1, "E": 1, "S": 1}},
            {"country": "GT", "phase": "p1", "node": "S.1", "rater": "b",
             "scores": {"R": 2, "E": 2, "S": 2}, "groups": ["women"]}]}
    ds = occ.Dataset.from_string(json.dumps(doc))
    assert ds.country_name("GT", "fr") == "Guatémala"
    assert ds.country_name(0) == "Guatemala"
    assert ds.phase_label("p1", "es") == "Fase 1"
    assert ds.node("S").localized_label("es-GT") == "Cumbre"
    assert ds.node("S.1").localized_label("es") == "S.1"
    assert ds.rating_records_groups() == [False, True]
    with pytest.raises(KeyError):
        ds.country_name("XX")
    # 1 group of 1 recording rating × 9 groups; rater a is on neither side.
    score = ds.score().lookup("GT", "p1", "S.1")
    assert score.inclusion == 1 / 9
    again = occ.Dataset.from_string(ds.to_json())
    assert again.to_json() == ds.to_json()


def test_builtin_id_with_other_rules_is_refused():
    doc = json.loads(occ.Methodology.builtin("cco-2024").to_json())
    doc["criteria"][0]["weight"] = 2
    with pytest.raises(occ.OccError) as caught:
        occ.Methodology.from_string(json.dumps(doc))
    assert caught.value.code == "DUPLICATE"
    assert "criteria[0].weight" in str(caught.value)


def test_methodology_rounding_and_bands():
    m = occ.Methodology.builtin("cco-2024")
    bands = m.bands
    for i, band in enumerate(bands):
        assert m.band_for(band.from_) == band.label
        if i:
            # occ-v1 §4.5 (revision 2): the band of the rounded value, so
            # a hair below a band's start is shown as that start, in it...
            below = math.nextafter(band.from_, -math.inf)
            assert m.format_value(below) == m.format_value(band.from_)
            assert m.band_for(below) == band.label
            # ... and half a printed unit below it is in the band before.
            assert m.band_for(band.from_ - 0.51 * 10 ** -m.precision) == bands[i - 1].label
    assert m.band_for(bands[0].from_ - 1) is None
    assert m.round(1.234567) == round(1.234567, m.precision)
    assert m.format_value(2.0) == "%.*f" % (m.precision, 2.0)
    with pytest.raises(ValueError):
        m.format_value(float("nan"))


def test_dataset_methodology_is_its_own(peru):
    m = peru.methodology
    peru.close()
    assert m.id == "cco-2024" and m.criteria


def _shown_band(m, value):
    """The band a reader finds for the printed figure, from the bands."""
    shown = float(m.format_value(value))
    band = None
    for b in m.bands:
        if b.from_ <= shown:
            band = b.label
    return band


@pytest.mark.parametrize("name", ["peru-2024.json", "americas-sample.json"])
def test_no_figure_printed_with_another_band(name):
    # occ-v1 §4.5 (revision 2): every figure's band is the band of the
    # figure as printed, for node, criterion and country scores alike.
    from conftest import DATADIR
    results = occ.load(os.path.join(DATADIR, name)).score()
    m = results.methodology
    checked = 0
    for s in list(results) + [results.country_score(c.id, p.id)
                              for c in results.dataset.countries
                              for p in results.dataset.phases]:
        if s is None or s.value is None:
            continue
        assert s.band == _shown_band(m, s.value), (s, m.format_value(s.value))
        for c, figures in s.criteria.items():
            if figures.get("value") is not None:
                assert figures["band"] == _shown_band(m, figures["value"])
                checked += 1
        checked += 1
    assert checked > 100


def test_band_edges_follow_the_printed_figure():
    # Published scores a hair around every band start, through the whole
    # pipeline: the leaf's band is always the printed figure's.
    m = occ.Methodology.builtin("cco-2024")
    values = []
    for b in m.bands[1:]:
        for delta in (-0.006, -0.005, -0.0049999999, -1e-15, 0, 1e-15, 0.004):
            values.append(b.from_ + delta)
    doc = {"format": "occ-dataset/1", "methodology": "cco-2024",
           "countries": [{"id": "X"}], "phases": [{"id": "p"}],
           "framework": [{"id": "T", "children": [
               {"id": "n%d" % i} for i in range(len(values))]}],
           "published": [{"country": "X", "phase": "p", "node": "n%d" % i,
                          "scores": {"R": v, "E": v, "S": v}}
                         for i, v in enumerate(values)]}
    results = occ.Dataset.from_string(json.dumps(doc)).score()
    for i, v in enumerate(values):
        s = results.lookup("X", "p", "n%d" % i)
        assert s.band == _shown_band(m, s.value), (v, m.format_value(v), s.band)


def test_round_half_away_is_on_the_shortest_decimal():
    import decimal
    import random
    assert occ.round_half_away(0.575, 2) == 0.58
    assert occ.round_half_away(2.675, 2) == 2.68
    assert occ.round_half_away(2.6749999999, 2) == 2.67
    assert occ.round_half_away(-0.125, 2) == -0.13
    with pytest.raises(ValueError):
        occ.round_half_away(1.0, 10)
    rng = random.Random(7)
    # Fewer under memcheck (tools/check-valgrind), where a call costs more.
    for _ in range(400 if os.environ.get("OCC_TEST_MEMCHECK") else 20000):
        p = rng.randrange(0, 7)
        # halves of the last kept decimal, nudged by a few ulps
        x = (rng.randrange(-10 ** 6, 10 ** 6) + 0.5) / 10 ** p
        for _ in range(rng.randrange(0, 4)):
            x = math.nextafter(x, rng.choice((-math.inf, math.inf)))
        want = float(decimal.Decimal(repr(x)).quantize(
            decimal.Decimal(1).scaleb(-p), rounding=decimal.ROUND_HALF_UP))
        assert occ.round_half_away(x, p) == want, (x, p)


def test_escape_for_terminal():
    assert occ.escape_for_terminal("ok é \\ ") == "ok é \\ "
    assert occ.escape_for_terminal("\x1b[31mred\x07\n") == "\\x1b[31mred\\x07\\x0a"
    assert occ.escape_for_terminal("a\x9bb\u202ec\x7f") == "a\\u009bb\\u202ec\\x7f"
    once = occ.escape_for_terminal("\x1b\u2066")
    assert occ.escape_for_terminal(once) == once


def test_save_json_writes_what_to_json_gives(tmp_path):
    """Results.save_json() streams occ_results_write()'s chunks to a file:
    the same bytes as to_json(); an unwritable place raises GIO's error."""
    with occ.Dataset.from_file(PERU) as peru:
        results = peru.score()
        target = tmp_path / "results.json"
        results.save_json(target)
        assert target.read_text(encoding="utf-8") == results.to_json()
        with pytest.raises(occ.OccError) as info:
            results.save_json(tmp_path / "no-such-dir" / "results.json")
        assert info.value.domain == "g-io-error-quark"
        assert "no-such-dir" in info.value.message
