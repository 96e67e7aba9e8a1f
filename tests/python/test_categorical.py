"""Categorical methodologies (occ-categorical.md) and audits of claims
(occ-claims.md) through the binding (libocc 1.5): levels, flags and
summaries of the IRM's Peru action plans, their records and DataFrames,
the audits of the shipped claims files, a bad claims file, and the
hand-worked median and mode of rule 1.

The expected figures are those of the IRM's "at a glance" tables and of
the Peru report (the spec's section 5 and occ-claims.md), or worked out by
hand below, not read off libocc."""

import json
import math
import os
import subprocess

import pytest

import occ
from conftest import DATADIR, PERU, tool

IRM_2017 = os.path.join(DATADIR, "peru-irm-2017.json")
IRM_2023 = os.path.join(DATADIR, "peru-irm-2023.json")
CLAIMS_2017 = os.path.join(DATADIR, "peru-irm-2017-claims.json")
CLAIMS_2023 = os.path.join(DATADIR, "peru-irm-2023-claims.json")
CLAIMS_2024 = os.path.join(DATADIR, "peru-2024-claims.json")
P17, P23 = "2017-2019", "2023-2025"


@pytest.fixture(scope="module")
def r17():
    with occ.load(IRM_2017) as ds:
        yield ds.score()


@pytest.fixture(scope="module")
def r23():
    with occ.load(IRM_2023) as ds:
        yield ds.score()


@pytest.fixture(scope="module")
def r24():
    with occ.load(PERU) as ds:
        yield ds.score()


def is_none(cell):
    """A DataFrame cell for an absent value: None, or NaN in float columns."""
    return cell is None or (isinstance(cell, float) and math.isnan(cell))


# The methodology ------------------------------------------------------------

def test_scale_kinds():
    cco = occ.Methodology.builtin("cco-2024")
    assert cco.scale_kind == "numeric" and not cco.is_categorical
    assert cco.flags == [] and cco.flag_ids == [] and cco.n_flags == 0
    assert cco.summaries == [] and cco.summary_ids == []
    assert cco.criterion_levels("R") == [] and cco.criterion_level_ids("R") == []
    assert cco.criterion_level_index("R", "high") is None
    irm = occ.Methodology.builtin("ogp-irm-2015")
    assert irm.scale_kind == "categorical" and irm.is_categorical
    assert occ.Methodology.builtin("ogp-irm-2021").is_categorical


def test_criterion_levels():
    m = occ.Methodology.builtin("ogp-irm-2015")
    ranked = ["not-started", "limited", "substantial", "complete"]
    assert m.criterion_level_ids("completion") == ranked + ["no-evidence"]
    assert m.criterion_level_ids("completion", unranked=False) == ranked
    assert m.n_criterion_levels("completion") == 4
    levels = m.criterion_levels("completion")
    assert [lv.id for lv in levels] == ranked + ["no-evidence"]
    assert [lv.index for lv in levels] == [0, 1, 2, 3, -1]
    assert levels[-1] == occ.Level("no-evidence", "No evidence available", -1,
                                   None)
    # by index of the criterion as by id
    assert m.criterion_levels(m.criterion_index("specificity"))[3] == \
        occ.Level("high", "High", 3, None)
    assert m.criterion_level_index("completion", "limited") == 1
    assert m.criterion_level_index("completion", "no-evidence") == -1
    assert m.criterion_level_index("completion", "started") is None
    assert m.criterion_level_label("specificity", "medium") == "Medium"
    assert m.criterion_level_label("specificity", 2) == "Medium"
    assert m.criterion_level_label("completion", -1) == "No evidence available"
    # A level given by id only is labelled by its id.
    assert m.criterion_level_label("diog", "major") == "major"
    assert m.criterion_level_value("completion", "complete") is None
    with pytest.raises(KeyError):
        m.criterion_level_label("completion", "started")
    with pytest.raises(IndexError):
        m.criterion_level_label("completion", 4)
    with pytest.raises(IndexError):
        m.criterion_level_label("completion", -2)
    with pytest.raises(KeyError):
        m.criterion_levels("nope")


def test_flags_and_summaries_of_the_methodology():
    m = occ.Methodology.builtin("ogp-irm-2015")
    assert m.flag_ids == ["relevant", "potentially-starred", "starred"]
    assert m.flags[0] == occ.Flag("relevant", "Relevant to OGP values")
    assert m.flag_index("starred") == 2 and m.flag_index("nope") is None
    assert m.flag_label("starred") == "Starred" == m.flag_label(2, "es")
    assert m.summary_ids == ["commitments", "relevant", "transformative",
                             "potentially-starred", "starred", "completed",
                             "major", "outstanding"]
    assert m.summaries[1] == occ.Summary(
        "relevant", "Commitments relevant to OGP values", True)
    assert [s.has_percent for s in m.summaries] == [
        False, True, True, True, False, False, False, False]
    assert m.summary_index("major") == 6 and m.summary_index("x") is None
    assert m.summary_label("transformative") == "Transformative commitments"
    assert m.summary_has_percent("relevant")
    assert not m.summary_has_percent("starred")
    with pytest.raises(KeyError):
        m.flag_label("nope")
    with pytest.raises(IndexError):
        m.summary_label(8)


def test_labels_in_a_language():
    m = occ.Methodology.from_string(json.dumps({
        "id": "t", "scale": {"kind": "categorical"},
        "criteria": [{"id": "q", "levels": [
            {"id": "lo", "label": "Low", "labels": {"es": "Bajo"}},
            {"id": "hi", "label": "High"}]}],
        "flags": [{"id": "f", "label": "Flagged", "labels": {"es": "Marcado"},
                   "criterion": "q", "is": "hi"}],
        "summaries": [{"id": "n", "label": "Number",
                       "labels": {"es": "Número"}, "count": "rated"}]}))
    assert m.criterion_level_label("q", "lo", "es") == "Bajo"
    assert m.criterion_level_label("q", "lo", "es-PE") == "Bajo"
    assert m.criterion_level_label("q", "lo") == "Low"
    assert m.criterion_level_label("q", "hi", "es") == "High"
    assert [lv.label for lv in m.criterion_levels("q", "es")] == ["Bajo", "High"]
    assert m.flag_label("f", "es") == "Marcado" and m.flag_label("f") == "Flagged"
    assert m.summary_label("n", "es") == "Número"


# Scores: levels, flags and summaries -----------------------------------------

def test_ap3_summaries(r17):
    """The IRM's 2017-2019 "at a glance": 18 commitments, 16 relevant (89 %),
    1 transformative (6 %), 3 completed, 3 with major DIOG (one unknown)."""
    ap3 = r17.lookup("PE", P17, "AP3")
    assert ap3.summary("commitments") == {"count": 18, "unknown": 0, "of": 18,
                                          "percent": None}
    relevant = ap3.summary("relevant")
    assert relevant == {"count": 16, "unknown": 0, "of": 18,
                        "percent": 88.88888888888889}
    assert r17.methodology.round(relevant["percent"]) == 89
    assert ap3.summary("transformative")["count"] == 1
    assert round(ap3.summary("transformative")["percent"]) == 6
    assert ap3.summary("potentially-starred")["count"] == 0
    assert ap3.summary("starred")["count"] == 0
    assert ap3.summary("completed")["count"] == 3
    assert ap3.summary("major") == {"count": 3, "unknown": 1, "of": 18,
                                    "percent": None}
    assert ap3.summary("outstanding")["count"] == 0
    assert ap3.summary(1) == relevant
    assert list(ap3.summaries) == r17.summary_ids
    assert ap3.summaries["relevant"] == relevant
    # The country: its one action plan.
    country = r17.country_score("PE", P17)
    assert country.summaries == ap3.summaries
    # One phase only: no change.
    assert ap3.summary_delta("relevant") is None
    with pytest.raises(KeyError):
        ap3.summary("nope")
    with pytest.raises(IndexError):
        ap3.summary(99)


def test_leaf_levels_and_flags(r17):
    ap16 = r17.lookup("PE", P17, "AP3.16")
    assert ap16.level("completion") == "no-evidence"
    assert ap16.level_index("completion") == -1  # the first unranked answer
    assert ap16.levels["completion"] == "no-evidence"
    ap18 = r17.lookup("PE", P17, "AP3.18")
    assert ap18.level("diog") is None and ap18.level_index("diog") is None
    ap1 = r17.lookup("PE", P17, "AP3.1")
    assert ap1.flag("relevant") is True and ap1.flag(0) is True
    assert ap1.level("completion") == "limited" and ap1.level("diog") == "major"
    assert ap1.level_index("completion") == 1
    assert ap1.flags == {"relevant": True, "potentially-starred": False,
                         "starred": False}
    # Leaves have no summaries, inner nodes and countries no levels or flags.
    assert ap1.summary("commitments") is None
    ap3 = r17.lookup("PE", P17, "AP3")
    assert ap3.level("completion") is None and ap3.flag("relevant") is None
    assert r17.country_score("PE", P17).flag("starred") is None
    with pytest.raises(KeyError):
        ap1.flag("nope")


def test_numeric_scores_have_no_levels(r24):
    s = r24.lookup("PE", "2024", "IX.C.3")
    assert s.level("R") is None and s.levels == {"R": None, "E": None, "S": None}
    assert s.flags == {} and s.summaries == {}
    assert r24.flag_ids == [] and r24.summary_ids == []
    assert r24.summary_records() == []
    # The records of a numeric methodology keep their columns.
    assert not any(c.endswith(".level") or c.startswith("flag.")
                   for c in r24.columns)
    assert list(r24.to_records()[0]) == r24.columns


# Records and DataFrames --------------------------------------------------------

def test_records_have_levels_and_flags(r17):
    columns = r17.columns
    ids = r17.criterion_ids
    assert columns[:11] == list(occ.RECORD_COLUMNS)
    assert columns[-(len(ids) + 3):] == [c + ".level" for c in ids] + [
        "flag.relevant", "flag.potentially-starred", "flag.starred"]
    records = r17.to_records()
    assert len(records) == len(r17) == 19
    # From the bulk arrays, the same as score by score.
    assert records == [score.to_dict() for score in r17]
    by_node = {r["node"]: r for r in records}
    assert by_node["AP3.16"]["completion.level"] == "no-evidence"
    assert by_node["AP3.18"]["diog.level"] is None
    assert by_node["AP3.1"]["flag.relevant"] is True
    assert by_node["AP3.1"]["flag.starred"] is False
    assert by_node["AP3"]["completion.level"] is None
    assert by_node["AP3"]["flag.relevant"] is None
    for record in records:
        assert list(record) == columns


def test_bulk_levels_and_flags(r17):
    nodes = r17.dataset.nodes
    levels = r17.levels("PE", P17, "completion")
    flags = r17.flags(0, 0, "relevant")
    assert len(levels) == len(flags) == len(nodes)
    for node, level, flag in zip(nodes, levels, flags):
        score = r17.lookup("PE", P17, node.id)
        assert level == score.level("completion")
        assert flag == score.flag("relevant")
    assert levels[r17.dataset.node("AP3.16").index] == "no-evidence"
    with pytest.raises(KeyError):
        r17.levels("PE", "1999", "completion")
    with pytest.raises(KeyError):
        r17.flags("PE", P17, "nope")


def test_dataframe_has_levels_and_flags(r17):
    pandas = pytest.importorskip("pandas")
    df = r17.to_dataframe()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == r17.columns and len(df) == 19
    leaf = df[df.node == "AP3.16"].iloc[0]
    assert leaf["completion.level"] == "no-evidence"
    assert leaf["flag.relevant"] == True  # noqa: E712 (a numpy bool maybe)
    assert is_none(df[df.node == "AP3.18"].iloc[0]["diog.level"])
    assert is_none(df[df.node == "AP3"].iloc[0]["flag.relevant"])
    assert sorted(df["completion.level"].dropna().unique()) == [
        "complete", "limited", "no-evidence", "not-started", "substantial"]


def test_summary_records_2017(r17):
    records = r17.summary_records()
    # AP3 and the country, each with every summary.
    assert len(records) == 2 * len(r17.summary_ids)
    for record in records:
        assert tuple(record) == occ.SUMMARY_COLUMNS
    ap3 = [r for r in records if r["node"] == "AP3"]
    country = [r for r in records if r["node"] is None]
    assert [r["summary"] for r in ap3] == r17.summary_ids
    assert all(r["depth"] == 0 for r in ap3)
    assert all(r["depth"] is None for r in country)
    assert records[-len(country):] == country  # the country last
    relevant = ap3[1]
    assert (relevant["count"], relevant["unknown"], relevant["of"],
            relevant["percent"]) == (16, 0, 18, 88.88888888888889)
    assert ap3[6]["summary"] == "major"
    assert (ap3[6]["count"], ap3[6]["unknown"]) == (3, 1)
    assert ap3[6]["percent"] is None and ap3[6]["delta"] is None
    # The same figures as the scores give.
    score = r17.lookup("PE", P17, "AP3")
    for r in ap3:
        assert score.summary(r["summary"]) == {
            k: r[k] for k in ("count", "unknown", "of", "percent")}


def test_summary_records_2023(r23):
    """The Action Plan Review 2023-2025: 9 modest, 3 unclear, 1
    substantial potential for results; the health commitments 8-11 are 3
    modest and 1 unclear."""
    records = {(r["node"], r["summary"]): r for r in r23.summary_records()}
    assert records[("AP5", "potential-modest")]["count"] == 9
    assert records[("AP5", "potential-unclear")]["count"] == 3
    assert records[("AP5", "potential-substantial")]["count"] == 1
    assert records[("AP5", "commitments")]["count"] == 13
    assert records[("AP5.HEA", "potential-modest")]["count"] == 3
    assert records[("AP5.HEA", "potential-modest")]["of"] == 4
    assert records[("AP5.HEA", "potential-modest")]["percent"] == 75.0
    assert records[(None, "potential-modest")]["count"] == 9
    # Nothing of verifiable is known: all 13 unknown.
    assert records[("AP5", "verifiable")]["unknown"] == 13
    # Leaves have no summary records.
    assert ("AP5.1", "commitments") not in records
    nodes = {node for node, _ in records}
    assert nodes == {"AP5", "AP5.ENV", "AP5.EDU", "AP5.HEA", "AP5.JUS",
                     "AP5.PAR", None}


def test_summaries_dataframe(r23):
    pandas = pytest.importorskip("pandas")
    df = r23.summaries_dataframe()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == list(occ.SUMMARY_COLUMNS)
    assert len(df) == len(r23.summary_records())
    at = df[(df.node == "AP5") & (df.summary == "potential-modest")].iloc[0]
    assert at["count"] == 9 and at["of"] == 13
    heal = df[(df.node == "AP5.HEA") & (df.summary == "potential-modest")]
    assert heal.iloc[0]["count"] == 3
    assert df[df.node.isna()].depth.isna().all()


def test_dataframes_without_pandas_say_so(r17, monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pandas.*summary_records"):
        r17.summaries_dataframe()
    with pytest.raises(ImportError, match="pandas.*to_records"):
        r17.audit(CLAIMS_2017).to_dataframe()


# Rule 1 by hand, and changes of summaries ---------------------------------------

def inline_dataset(raters, ratings, extra=""):
    """One criterion q on none < low < medium < high (n/a unranked), four
    raters, phases p and p2, leaves a, b, c under T."""
    methodology = (
        '{"id": "t", "scale": {"kind": "categorical"}, "criteria": ['
        '{"id": "q", "levels": ["none", "low", "medium", "high"],'
        ' "unranked": ["n/a"]}], "aggregation": {"raters": "%s"}%s}'
        % (raters, extra))
    rows = ",".join(
        '{"country": "K", "phase": "%s", "node": "%s", "rater": "%s",'
        ' "scores": {"q": %s}}'
        % (phase, node, rater, "null" if q is None else '"%s"' % q)
        for phase, node, rater, q in ratings)
    return occ.Dataset.from_string(
        '{"format": "occ-dataset/1", "methodology": %s,'
        ' "countries": [{"id": "K"}], "phases": [{"id": "p"}, {"id": "p2"}],'
        ' "raters": [{"id": "r1"}, {"id": "r2"}, {"id": "r3"}, {"id": "r4"}],'
        ' "framework": [{"id": "T", "children": [{"id": "a"}, {"id": "b"},'
        ' {"id": "c"}]}], "ratings": [%s]}' % (methodology, rows))


HAND = [("p", "a", "r1", "low"), ("p", "a", "r2", "high"),
        ("p", "a", "r3", "medium"), ("p", "a", "r4", "high"),
        ("p", "b", "r1", "low"), ("p", "b", "r2", "high"),
        ("p", "b", "r3", None)]


def test_median_and_mode_by_hand():
    """a: low, high, medium, high sorted are low, medium, high, high: the
    lower middle is medium; the most frequent is high. b: low, high and a
    null: the median is the lower, low; the mode a tie, the lower, low."""
    with inline_dataset("median", HAND) as ds:
        assert ds.methodology.aggregation["raters"] == "median"
        r = ds.score()
    assert r.lookup("K", "p", "a").level("q") == "medium"
    assert r.lookup("K", "p", "a").level_index("q") == 2
    assert r.lookup("K", "p", "b").level("q") == "low"
    assert r.lookup("K", "p", "a").criterion("q")["n"] == 4
    assert r.levels("K", "p", "q") == [None, "medium", "low", None]
    with inline_dataset("mode", HAND) as ds:
        assert ds.methodology.aggregation["raters"] == "mode"
        r = ds.score()
    assert r.lookup("K", "p", "a").level("q") == "high"
    assert r.lookup("K", "p", "b").level("q") == "low"
    assert r.levels("K", "p", "q") == [None, "high", "low", None]


def test_unknown_flags_and_summary_changes():
    extra = (', "flags": [{"id": "hi", "criterion": "q", "at_least": "high"}],'
             ' "summaries": [{"id": "n", "count": "rated"},'
             ' {"id": "hi", "count": {"flag": "hi"}, "percent": true}]')
    ratings = [("p", "a", "r1", "high"), ("p", "b", "r1", "low"),
               ("p2", "a", "r1", "high"), ("p2", "b", "r1", "high"),
               ("p2", "c", "r1", None)]
    with inline_dataset("median", ratings, extra) as ds:
        r = ds.score()
    assert r.lookup("K", "p", "a").flag("hi") is True
    assert r.lookup("K", "p", "b").flag("hi") is False
    c = r.lookup("K", "p2", "c")  # rated, all null: an entry, flag unknown
    assert c is not None and c.level("q") is None and c.flag("hi") is None
    assert r.lookup("K", "p", "c") is None  # not rated in p
    assert r.flags("K", "p2", "hi") == [None, True, True, None]
    assert r.flags("K", "p", "hi") == [None, True, False, None]
    t1, t2 = r.lookup("K", "p", "T"), r.lookup("K", "p2", "T")
    assert t1.summary("hi") == {"count": 1, "unknown": 0, "of": 2,
                                "percent": 50.0}
    assert t2.summary("hi") == {"count": 2, "unknown": 1, "of": 3,
                                "percent": 200.0 / 3}
    assert t1.summary_delta("hi") is None
    assert t2.summary_delta("hi") == {"count": 1,
                                      "percent": 200.0 / 3 - 50.0}
    assert t2.summary_delta("n") == {"count": 1, "percent": None}
    records = {(x["phase"], x["node"], x["summary"]): x
               for x in r.summary_records()}
    assert records[("p2", "T", "hi")]["delta"] == 1
    assert records[("p2", "T", "hi")]["delta_percent"] == 200.0 / 3 - 50.0
    assert records[("p2", None, "n")]["delta"] == 1
    assert records[("p2", None, "n")]["delta_percent"] is None
    assert records[("p", "T", "hi")]["delta"] is None
    # The results' JSON says the same.
    entry = [e for e in json.loads(r.to_json())["scores"]
             if e["phase"] == "p2" and e["node"] == "T"][0]
    assert entry["summaries"]["hi"] == {
        "count": 2, "unknown": 1, "of": 3, "percent": 200.0 / 3,
        "delta": 1, "delta_percent": 200.0 / 3 - 50.0}


# Audits --------------------------------------------------------------------------

VERDICTS_2024 = {
    "viii-inclusion-best": "holds",
    "viii-inclusion-worst": "holds",
    "viii-theme-best": "contradicted",
    "viii-theme-worst": "contradicted",
    "viii-commitment-best-2022": "contradicted",
    "viii-commitment-best-2024": "contradicted",
    "viii-commitment-worst-2022": "contradicted",
    "viii-commitment-worst-2024": "contradicted",
    "ix-inclusion-best": "holds",
    "ix-inclusion-worst": "holds",
    "ix-theme-best": "holds",
    "ix-theme-worst": "contradicted",
    "ix-commitment-best": "contradicted",
    "ix-commitment-worst": "contradicted",
}


def test_audit_2017_all_hold(r17):
    with r17.audit(CLAIMS_2017) as audit:
        assert audit.counts == {"holds": 8, "contradicted": 0,
                                "not-checkable": 0}
        assert len(audit) == 8 and all(c.verdict == "holds" for c in audit)
        assert audit.source.startswith("OGP IRM, Peru Implementation Report")
        relevant = audit["relevant"]
        assert relevant.text == "Commitments that are relevant to OGP values: (89%)"
        assert relevant.found["count"] == 16 and relevant.found["of"] == 18
        assert relevant.found["percent"] == 88.88888888888889
        assert audit.results is r17
    assert audit.closed


def test_audit_2023_all_hold(r23):
    audit = occ.Audit(r23, CLAIMS_2023)
    assert audit.counts == {"holds": 5, "contradicted": 0, "not-checkable": 0}
    assert [c.verdict for c in audit] == ["holds"] * 5


def test_audit_peru_2024(r24):
    audit = r24.audit(CLAIMS_2024)
    assert audit.counts == {"holds": 5, "contradicted": 9, "not-checkable": 0}
    assert audit.ids == list(VERDICTS_2024)
    assert {c.id: c.verdict for c in audit} == VERDICTS_2024
    for cid, verdict in VERDICTS_2024.items():
        assert audit.verdict(cid) == verdict
    best = audit["ix-commitment-best"]
    assert best.explanation == ("the best level-2 node under IX in PE 2024 is "
                                "IX.C.3 (3.00); IX.B.9 scores 2.94")
    assert best.found == {"nodes": ["IX.C.3"], "value": 3.0}
    assert best.text.startswith("IX Summit")
    assert audit[12] == best and audit[-2] == best
    assert audit[:2] == tuple(audit)[:2]
    with pytest.raises(KeyError):
        audit["nope"]
    assert "14 claims, 5 hold, 9 contradicted" in repr(audit)


def test_audit_json_is_what_the_tool_prints(r24):
    audit = r24.audit(CLAIMS_2024)
    doc = json.loads(audit.to_json())
    assert doc["format"] == "occ-audit/1" and "dataset" not in doc
    assert doc["counts"] == audit.counts
    assert [c["id"] for c in doc["claims"]] == audit.ids
    assert [c["found"] for c in doc["claims"]] == [c.found for c in audit]
    out = subprocess.run([tool(), "audit", "--format=json", PERU, CLAIMS_2024],
                         capture_output=True, text=True, check=True).stdout
    assert audit.to_json(os.path.basename(PERU)) == out


def test_audit_records_and_dataframe(r24):
    audit = r24.audit(CLAIMS_2024)
    records = audit.to_records()
    assert len(records) == 14
    assert tuple(records[12]) == occ.CLAIM_COLUMNS
    assert records[12]["found"] == {"nodes": ["IX.C.3"], "value": 3.0}
    pandas = pytest.importorskip("pandas")
    df = audit.to_dataframe()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == list(occ.CLAIM_COLUMNS) and len(df) == 14
    assert (df.verdict == "contradicted").sum() == 9
    assert df.set_index("id").loc["ix-theme-best", "verdict"] == "holds"


def test_audit_from_string_and_not_checkable(r24):
    text = json.dumps({"format": "occ-claims/1", "source": "a test", "claims": [
        {"id": "c3", "country": "PE", "phase": "2024", "node": "IX.C.3",
         "value": "3.00"},
        {"id": "later", "country": "PE", "phase": "2024", "node": "IX.C.3",
         "something": "new"},
        {"id": "gone", "country": "PE", "phase": "2099", "node": "IX.C.3",
         "value": "1"}]})
    for audit in (occ.Audit.from_string(r24, text),
                  occ.Audit.from_string(r24, text.encode("utf-8"))):
        assert audit.source == "a test"
        assert [c.verdict for c in audit] == ["holds", "not-checkable",
                                              "not-checkable"]
        assert audit["c3"].text is None and audit["c3"].found["value"] == 3.0
        assert audit["later"].found == {} and audit["gone"].found == {}
        assert "2099" in audit["gone"].explanation
    empty = occ.Audit.from_string(
        r24, '{"format": "occ-claims/1", "claims": []}')
    assert len(empty) == 0 and empty.source is None
    assert empty.counts == {"holds": 0, "contradicted": 0, "not-checkable": 0}


BAD_CLAIMS = """{
 "format": "occ-claims/1",
 "claims": [
  {"id": "c25", "country": "PE", "phase": "2022",
   "node": "VIII.25", "value": 2.05}
 ]
}
"""


def test_bad_claims_file(r24, tmp_path):
    path = tmp_path / "bad-claims.json"
    path.write_text(BAD_CLAIMS)
    with pytest.raises(occ.OccError) as info:
        r24.audit(path)
    e = info.value
    assert e.code == "TYPE" and e.place == "claims[0].value"
    assert (e.line, e.column) == (5, 32)
    assert e.rule == ('a claimed figure is written as a string, so that its '
                      'decimals are kept ("2.05", not 2.05)')
    assert e.file == str(path) and e.source == str(path)
    assert e.message == "%s:5:32: claims[0].value: %s" % (path, e.rule)
    with pytest.raises(occ.OccError) as info:
        occ.Audit.from_string(r24, BAD_CLAIMS)
    e = info.value
    assert e.source == "<data>" and e.file is None
    assert (e.line, e.column, e.place) == (5, 32, "claims[0].value")


def test_claims_files_refused(r24, tmp_path):
    with pytest.raises(occ.OccError) as info:
        occ.Audit.from_string(r24, '{"format": "occ-claims/2", "claims": []}')
    assert info.value.code == "FORMAT" and info.value.place == "format"
    dup = {"id": "a", "country": "PE", "phase": "2024"}
    with pytest.raises(occ.OccError) as info:
        occ.Audit.from_string(r24, json.dumps(
            {"format": "occ-claims/1", "claims": [dup, dup]}))
    assert info.value.code == "DUPLICATE" and info.value.place == "claims[1].id"
    with pytest.raises(occ.OccError) as info:
        occ.Audit.from_string(r24, '{"format": "occ-claims/1",,}')
    assert info.value.code == "SYNTAX" and info.value.line == 1
    with pytest.raises(occ.OccFileError) as info:
        r24.audit(tmp_path / "missing.json")
    assert info.value.code == "NOENT" and isinstance(info.value, OSError)
    with pytest.raises(TypeError):
        occ.Audit(object(), CLAIMS_2024)
    with pytest.raises(TypeError):
        occ.Audit.from_string(r24, 42)


def test_closed_audit_raises(r17):
    audit = r17.audit(CLAIMS_2017)
    claims = list(audit)
    audit.close()
    assert audit.closed and "closed" in repr(audit)
    with pytest.raises(ValueError):
        audit.counts
    with pytest.raises(ValueError):
        list(audit)
    assert claims[0].verdict == "holds"  # what was taken stays


def test_exports():
    for name in ("Audit", "Claim", "Flag", "Level", "Summary",
                 "SUMMARY_COLUMNS", "CLAIM_COLUMNS", "VERDICTS"):
        assert name in occ.__all__ and hasattr(occ, name)
    assert occ.VERDICTS == ("holds", "contradicted", "not-checkable")
