"""The analysis commands of `occ`: score --ci, agreement, sensitivity,
compare, on the bundled datasets and generated ones."""

import csv
import io
import json
import os
import sys

import numpy as np
import pytest

from conftest import AMERICAS, DATADIR, PERU, run_tool, small_dataset, \
    write_dataset

import gen_datasets  # tests/reference
import occ_reference  # tests/reference
from reference_analysis import bootstrap_replicates, percentile_interval


def test_score_ci_json_americas():
    out = json.loads(run_tool("score", "--ci", "-B", "200", "--seed", "9",
                              AMERICAS).stdout)
    assert out["format"] == "occ-results/1"
    assert out["bootstrap"]["replicates"] == 200
    assert out["bootstrap"]["seed"] == "9"
    for entry in out["scores"]:
        lo, hi = entry["ci"]
        assert lo <= hi and entry["se"] >= 0
    for entry in out["countries"]:
        assert -1 <= entry["alpha"] <= 1
        assert set(entry["criteria"]) == {"R", "E", "S"}
    # The figures of one unit: the same replicates (-B 200 --seed 9),
    # drawn by occ_rng and scored by the reference scorer.
    with open(AMERICAS) as f:
        doc = json.load(f)
    reps = bootstrap_replicates(doc, "PE", "2024", 9, 200)
    checked = 0
    for entry in out["scores"] + out["countries"]:
        if (entry["country"], entry["phase"]) != ("PE", "2024"):
            continue
        key = (entry.get("node"), None)
        values = [r[key] for r in reps if key in r]
        lo, hi = percentile_interval(values, 0.90)
        assert entry["ci"] == [pytest.approx(lo, abs=1e-9),
                               pytest.approx(hi, abs=1e-9)], key
        assert entry["se"] == pytest.approx(np.std(values, ddof=1),
                                            abs=1e-9), key
        checked += 1
    assert checked > 20
    # Same as without --ci, apart from the added members.
    plain = json.loads(run_tool("score", AMERICAS).stdout)
    strip = {"ci", "se", "ci_status", "alpha", "alpha_ci"}

    def clean(o):
        if isinstance(o, dict):
            return {k: clean(v) for k, v in o.items() if k not in strip}
        if isinstance(o, list):
            return [clean(v) for v in o]
        return o

    del out["bootstrap"]
    assert clean(out) == plain


def test_score_ci_peru_says_published():
    proc = run_tool("score", "--ci", "-B", "50", "--format=table", PERU)
    assert "44 leaf scores come from published scores only" in proc.stdout
    assert "published" in proc.stdout.splitlines()[1]
    out = json.loads(run_tool("score", "--ci", "-B", "50", PERU).stdout)
    assert out["bootstrap"]["published_only_leaves"] == 44
    assert not any("ci" in e for e in out["scores"] + out["countries"])
    assert not any("alpha" in e for e in out["countries"])


def test_score_ci_csv_and_methods():
    text = run_tool("score", "--ci", "-B", "100", "--format=csv",
                    "--method", "bca", "--level", "0.8", AMERICAS).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["country"] == "PE"
    assert {"ci_low", "ci_high", "se", "R.ci_low", "S.se"} <= set(rows[0])
    for row in rows:
        assert float(row["ci_low"]) <= float(row["ci_high"])
    # The country rows come last, without a node.
    assert rows[-1]["node"] == ""


def test_same_output_any_threads():
    a = run_tool("score", "--ci", "-B", "300", "--threads", "1",
                 "--method", "bca", AMERICAS).stdout
    b = run_tool("score", "--ci", "-B", "300", "--threads", "3",
                 "--method", "bca", AMERICAS).stdout
    assert a == b


@pytest.mark.parametrize("args,message", [
    (["score", "--seed", "3"], "go with --ci"),
    (["score", "--ci", "--level", "1.5"], "--level"),
    (["score", "--ci", "-B", "1"], "--replicates"),
    (["score", "--ci", "--seed", "-4"], "--seed"),
    (["score", "--ci", "--seed", "x"], "--seed"),
    (["score", "--ci", "--method", "normal"], "--method"),
    (["agreement", "--metric", "kappa"], "--metric"),
    (["sensitivity", "--weights", "uniform:2"], "--weights"),
    (["sensitivity", "--methods", "mode"], "--methods"),
    (["sensitivity", "--levels", "leaves"], "--levels"),
    (["sensitivity", "--draws", "1"], "--draws"),
    (["sensitivity", "--rank", "best"], "--rank"),
    (["sensitivity", "--node", "X", "--depth", "1"], "not both"),
    (["compare", "--seed", "1"], "go with --ci"),
    (["compare", "--format", "xml"], "unknown format"),
])
def test_usage_errors(args, message):
    proc = run_tool(*args, AMERICAS, check=False)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("args,message", [
    (["compare", "--node", "nope"], "unknown node"),
    (["compare", "--phase", "1999"], "unknown phase"),
    (["compare", "--depth", "9"], "no node has depth 9"),
    (["sensitivity", "--node", "nope"], "unknown node"),
])
def test_bad_input(args, message):
    proc = run_tool(*args, AMERICAS, check=False)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert proc.stdout == ""


def test_agreement_outputs():
    table = run_tool("agreement", AMERICAS).stdout
    assert table.splitlines()[0].split()[:6] == [
        "country", "phase", "criterion", "units", "values", "ordinal"]
    assert "Krippendorff's alpha" in table
    out = json.loads(run_tool("agreement", "--format=json", "-B", "100",
                              AMERICAS).stdout)
    assert out["replicates"] == 100
    first = out["agreement"][0]
    assert first["country"] == "PE" and "criterion" not in first
    assert set(first) >= {"nominal", "ordinal", "interval", "ratio"}
    rows = list(csv.DictReader(io.StringIO(run_tool(
        "agreement", "--format=csv", "--metric", "all", AMERICAS).stdout)))
    assert len(rows) == 4 * 2 * 4
    assert float(rows[0]["ordinal"]) == pytest.approx(first["ordinal"]["alpha"])
    peru = run_tool("agreement", PERU).stdout
    assert "no alpha" in peru


def test_sensitivity_outputs():
    table = run_tool("sensitivity", "-n", "200", AMERICAS).stdout
    header = table.splitlines()[0].split()
    assert header[:4] == ["country", "phase", "node", "value"]
    assert "S(weight:R)" in header and "Srank(method:children)" in header
    out = json.loads(run_tool("sensitivity", "-n", "200", "--format=json",
                              "--weights", "dirichlet:20", "--depth", "1",
                              AMERICAS).stdout)
    assert out["draws"] == 200 and out["rank"] == "countries"
    assert all(r["node"].count(".") == 1 for r in out["results"])
    for r in out["results"]:
        s = r["score"]
        assert s["p5"] <= s["median"] <= s["p95"]
        assert all(0 <= v <= 1 for v in r["indices_score"].values())
    peru = run_tool("sensitivity", "-n", "100", "--node", "IX.B", PERU).stdout
    assert "among peers" in peru
    csv_rows = list(csv.DictReader(io.StringIO(run_tool(
        "sensitivity", "-n", "100", "--format=csv", "--levels", "none",
        "--weights", "fixed", PERU).stdout)))
    assert len(csv_rows) == 2  # the country in two phases
    assert csv_rows[0]["median"] == csv_rows[0]["value"]


def test_compare_outputs():
    table = run_tool("compare", "--ci", "-B", "100", AMERICAS).stdout
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["node", "country", "value"]
    assert [l.split()[1] for l in lines[1:5]] == ["CO", "PE", "AR", "MX"]
    out = json.loads(run_tool("compare", "--format=json", "--node", "IX.B",
                              "--phase", "2022", AMERICAS).stdout)
    assert out["phase"] == "2022" and "previous_phase" not in out
    ranks = [r["rank"] for r in out["rows"]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    # The values are IX.B's 2022 scores by the reference scorer, the rows
    # in decreasing order of them, ranked 1, 2, ... (no ties here).
    with open(AMERICAS) as f:
        ref = occ_reference.score(json.load(f))
    expected = {e["country"]: e["value"] for e in ref["scores"]
                if e.get("node") == "IX.B" and e["phase"] == "2022"
                and "value" in e}
    assert len(out["rows"]) == len(expected) == 3  # AR has no IX.B in 2022
    for row in out["rows"]:
        assert row["value"] == pytest.approx(expected[row["country"]],
                                             abs=1e-9)
    values = [r["value"] for r in out["rows"]]
    assert values == sorted(values, reverse=True)
    assert len(set(values)) == len(values)
    assert ranks == list(range(1, len(ranks) + 1))
    out = json.loads(run_tool("compare", "--format=json", "--depth", "0",
                              "--ci", "-B", "50", AMERICAS).stdout)
    assert all(len(r["ci"]) == 2 and "delta" in r for r in out["rows"])
    # A single country: rank 1, no change of rank to speak of.
    peru = json.loads(run_tool("compare", "--format=json", "--ci", "-B", "20",
                               PERU).stdout)
    assert peru["rows"] == [{
        "country": "PE", "value": peru["rows"][0]["value"], "rank": 1,
        "delta": peru["rows"][0]["delta"], "previous_rank": 1,
        "ci_status": "published"}]


def test_no_progress_bar_without_terminal():
    proc = run_tool("score", "--ci", "-B", "2000", AMERICAS)
    assert proc.stderr == ""


@pytest.mark.parametrize("seed", range(0, 40, 4))
def test_generated_datasets(tmp_path, seed):
    """Every command works on any valid dataset (methodologies of every
    kind, published scores, null scores, min_raters)."""
    path = write_dataset(tmp_path, gen_datasets.generate(seed))
    out = json.loads(run_tool("score", "--ci", "-B", "60", "--method", "bca",
                              path).stdout)
    for entry in out["scores"] + out["countries"]:
        if "ci" in entry:
            assert entry["ci"][0] <= entry["ci"][1]
    run_tool("agreement", "-B", "30", "--format=json", path)
    proc = run_tool("sensitivity", "-n", "30", "--format=json", path,
                    check=False)
    assert proc.returncode == 0 or "geometric" in proc.stderr
    run_tool("compare", "--format=json", "--ci", "-B", "30", path)


def test_analysis_json_is_the_librarys(tmp_path):
    # occ agreement and occ sensitivity print what the library writes
    # (occ_agreement_to_data, occ_sensitivity_to_data), byte for byte,
    # so that every id goes through the one JSON writer.
    import occ
    ds = occ.load(AMERICAS)
    assert run_tool("agreement", "--format=json", "-B", "50", "--seed", "3",
                    AMERICAS).stdout == occ.Agreement(
                        ds, replicates=50, seed=3).to_json()
    s = occ.Sensitivity(ds, draws=100)
    assert run_tool("sensitivity", "--format=json", "-n", "100",
                    AMERICAS).stdout == s.to_json()
    assert run_tool("sensitivity", "--format=json", "-n", "100", "--node",
                    "IX.B", "--rank", "peers", AMERICAS).stdout == s.to_json(
                        ["IX.B"], kind="peers")


def test_analysis_json_escapes_hostile_ids(tmp_path):
    # An id that closes its string and opens members of its own, and one
    # with a quote, a backslash and control characters, stay strings.
    hostile = '", "injected": true, "x": "'
    odd = 'a"b\\c\x1b[31m\n'
    rows = [{"R": 3, "E": 2, "S": 1}, {"R": 2, "E": 2, "S": 2},
            {"R": 0, "E": 1, "S": 3}]
    doc = small_dataset({(hostile, "p1"): rows, (odd, "p1"): rows[::-1]},
                        countries=(hostile, odd))
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc))
    for args in (("agreement", "-B", "20"), ("sensitivity", "-n", "50")):
        out = json.loads(run_tool(*args, "--format=json", str(path)).stdout)
        entries = out["agreement" if args[0] == "agreement" else "results"]
        assert {e["country"] for e in entries} == {hostile, odd}
        assert not any("injected" in e for e in entries)
