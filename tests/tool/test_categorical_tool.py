"""occ score, report, audit, validate, export and the analyses on
categorical datasets (occ-categorical.md) and claims (occ-claims.md),
from outside: outputs, exit statuses, and hostile data that must not break
the JSON, the CSV or the terminal."""

import csv
import io
import json
import os
import re
import subprocess

import pytest

OCC = os.environ.get("OCC_TOOL", "occ")
SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
DATA = os.path.join(SRCDIR, "examples", "data")
IRM17 = os.path.join(DATA, "peru-irm-2017.json")
IRM23 = os.path.join(DATA, "peru-irm-2023.json")
PERU = os.path.join(DATA, "peru-2024.json")
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c"
                         "\u202a-\u202e\u2066-\u2069]")


def occ(*args):
    return subprocess.run([OCC, *args], capture_output=True, timeout=120)


def out(*args):
    result = occ(*args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def test_score_json_summaries():
    results = json.loads(out("score", "--format=json", IRM17))
    ap3 = next(e for e in results["scores"] if e["node"] == "AP3")
    s = ap3["summaries"]
    assert s["commitments"] == {"count": 18, "unknown": 0, "of": 18}
    assert s["relevant"]["percent"] == 88.88888888888889
    assert s["transformative"]["count"] == 1
    assert s["major"] == {"count": 3, "unknown": 1, "of": 18}
    assert "value" not in ap3 and "criteria" not in ap3
    leaf = next(e for e in results["scores"] if e["node"] == "AP3.16")
    assert leaf["levels"]["completion"] == "no-evidence"
    assert leaf["flags"] == {"relevant": True, "potentially-starred": False,
                             "starred": False}
    last = next(e for e in results["scores"] if e["node"] == "AP3.18")
    assert "diog" not in last["levels"]
    assert results["countries"][0]["summaries"]["commitments"]["count"] == 18


def test_score_table_and_csv():
    table = out("score", "--format=table", IRM17)
    assert "16 (89%)" in table and "1 (6%)" in table
    assert "3, 1 unknown" in table
    rows = list(csv.DictReader(io.StringIO(out("score", "--format=csv",
                                               IRM17))))
    ap3 = next(r for r in rows if r["node"] == "AP3")
    assert ap3["relevant.count"] == "16"
    assert ap3["relevant.percent"] == "88.88888888888889"
    leaf = next(r for r in rows if r["node"] == "AP3.4")
    assert leaf["impact"] == "transformative"
    assert leaf["flag.potentially-starred"] == "false"


def test_report_at_a_glance():
    report = out("report", IRM17)
    assert "At a glance: Peru, Third action plan" in report
    assert re.search(r"Commitments relevant to OGP values +16 \(89%\)",
                     report)
    assert re.search(r"Transformative commitments +1 \(6%\)", report)
    assert "Starred: 0 (none)" in report
    report23 = out("report", IRM23)
    assert re.search(r"Modest potential for results +9 \(69%\)", report23)


def test_export_round_trip(tmp_path):
    ratings = tmp_path / "r.csv"
    ratings.write_text(out("export", IRM17), encoding="utf-8")
    again = out("score", "--format=json", "--ratings", str(ratings), IRM17)
    assert again == out("score", "--format=json", IRM17)


def test_unknown_level_in_csv(tmp_path):
    text = out("export", IRM17).replace(",limited,", ",limitd,", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    result = occ("score", "--ratings", str(bad), IRM17)
    assert result.returncode == 1
    message = result.stderr.decode()
    assert re.search(r"bad\.csv:2:\d+ \(column completion\): unknown level "
                     r"\"limitd\" of criterion \"completion\" \(its levels: "
                     r"\"not-started\", \"limited\"", message), message


@pytest.mark.parametrize("command", ["agreement", "sensitivity"])
def test_analyses_refuse(command):
    result = occ(command, IRM17)
    assert result.returncode == 1
    assert b"categorical" in result.stderr


def test_audit_verdicts():
    audit = json.loads(out("audit", "--format=json", PERU,
                           os.path.join(DATA, "peru-2024-claims.json")))
    assert audit["format"] == "occ-audit/1"
    assert audit["dataset"] == "peru-2024.json"
    assert audit["counts"] == {"holds": 5, "contradicted": 9,
                               "not-checkable": 0}
    best = next(c for c in audit["claims"] if c["id"] == "ix-commitment-best")
    assert best["found"] == {"nodes": ["IX.C.3"], "value": 3.0}
    assert best["claimed"]["nodes"] == ["IX.B.9"]
    for name, n in (("peru-irm-2017", 8), ("peru-irm-2023", 5)):
        a = json.loads(out("audit", "--format=json",
                           os.path.join(DATA, name + ".json"),
                           os.path.join(DATA, name + "-claims.json")))
        assert a["counts"] == {"holds": n, "contradicted": 0,
                               "not-checkable": 0}
    table = out("audit", PERU, os.path.join(DATA, "peru-2024-claims.json"))
    assert "14 claims: 5 hold, 9 contradicted, 0 not checkable" in table


def test_audit_exit_statuses(tmp_path):
    claims = tmp_path / "c.json"
    claims.write_text('{"format": "occ-claims/1", "claims": [{"id": "a", '
                      '"country": "PE", "phase": "2024", "node": "NOPE", '
                      '"value": "1"}]}')
    # The audit ran: 0, whatever the verdicts.
    assert json.loads(out("audit", "--format=json", PERU, str(claims)))[
        "counts"]["not-checkable"] == 1
    claims.write_text('{"format": "occ-claims/1", "claims": [{"id": "a", '
                      '"country": "PE", "phase": "2024", "value": 1}]}')
    result = occ("audit", PERU, str(claims))
    assert result.returncode == 1
    assert re.match(r"occ: .*c\.json:1:\d+: claims\[0\]\.value: ",
                    result.stderr.decode())
    assert occ("audit", PERU).returncode == 2
    assert occ("audit", "--format=csv", PERU, str(claims)).returncode == 2


ESCAPES = "\x1b[31mred\x1b]0;title\x07\u202e"
BREAKOUT = '", "injected": true, "x": "'


def test_hostile_claims_and_levels(tmp_path):
    dataset = {
        "format": "occ-dataset/1", "title": "T" + ESCAPES,
        "methodology": {
            "id": "h", "name": "N" + ESCAPES, "scale": {"kind": "categorical"},
            "criteria": [{"id": "q" + ESCAPES, "label": "Q" + ESCAPES,
                          "levels": [BREAKOUT, "=1+1" + ESCAPES]}],
            "flags": [{"id": "f" + BREAKOUT, "label": "F" + ESCAPES,
                       "criterion": "q" + ESCAPES, "is": "=1+1" + ESCAPES}],
            "summaries": [{"id": "s" + ESCAPES, "label": "S" + ESCAPES,
                           "count": {"flag": "f" + BREAKOUT},
                           "percent": True}]},
        "countries": [{"id": "K" + ESCAPES}], "phases": [{"id": "p"}],
        "raters": [{"id": "r"}],
        "framework": [{"id": "T" + BREAKOUT, "label": ESCAPES,
                       "children": [{"id": "+a" + ESCAPES}]}],
        "ratings": [{"country": "K" + ESCAPES, "phase": "p",
                     "node": "+a" + ESCAPES, "rater": "r",
                     "scores": {"q" + ESCAPES: "=1+1" + ESCAPES}}]}
    path = tmp_path / "h.json"
    path.write_text(json.dumps(dataset), encoding="utf-8")
    claims = tmp_path / "c.json"
    claims.write_text(json.dumps({
        "format": "occ-claims/1", "source": "S" + ESCAPES, "claims": [
            {"id": "x" + ESCAPES, "text": "t" + ESCAPES + BREAKOUT,
             "country": "K" + ESCAPES, "phase": "p",
             "node": "T" + BREAKOUT, "summary": "s" + ESCAPES, "count": "1"},
            {"id": "y" + BREAKOUT, "country": "K" + ESCAPES, "phase": "p",
             "node": "no" + ESCAPES, "value": "1"}]}), encoding="utf-8")
    results = json.loads(out("score", "--format=json", str(path)))
    leaf = next(e for e in results["scores"] if e["node"] == "+a" + ESCAPES)
    assert leaf["levels"] == {"q" + ESCAPES: "=1+1" + ESCAPES}
    audit = json.loads(out("audit", "--format=json", str(path), str(claims)))
    assert [c["verdict"] for c in audit["claims"]] == ["holds",
                                                       "not-checkable"]
    assert audit["claims"][0]["text"] == "t" + ESCAPES + BREAKOUT
    for args in (("score", "--format=table", str(path)),
                 ("report", str(path)),
                 ("audit", str(path), str(claims))):
        assert not RAW_CONTROL.search(out(*args)), args
    for row in csv.reader(io.StringIO(out("score", "--format=csv",
                                          str(path)))):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_template_says_the_levels(tmp_path):
    sheet = out("template", IRM17)
    header, first = sheet.splitlines()[:2]
    assert header.endswith(",allowed levels")
    assert "completion: not-started | limited | substantial | complete | " \
           "no-evidence" in first
    # Filled in and read back: the column is ignored.
    rows = sheet.splitlines()
    cells = next(csv.reader([rows[1]]))
    cells[4:13] = ["irm", "high", "yes", "no", "no", "no", "transformative",
                   "complete", "major"]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([next(csv.reader([rows[0]])), cells])
    filled = tmp_path / "filled.csv"
    filled.write_text(buffer.getvalue(), encoding="utf-8")
    results = json.loads(out("score", "--format=json", "--ratings",
                             str(filled), IRM17))
    leaf = next(e for e in results["scores"] if e["node"] == "AP3.1")
    assert leaf["flags"]["starred"] is True


def test_compare_summaries():
    table = out("compare", IRM23)
    assert re.search(r"PE +13 .* 3 \(23%\) +9 \(69%\) +1 \(8%\)", table)
    rows = list(csv.DictReader(io.StringIO(out("compare", "--depth", "1",
                                               "--format=csv", IRM23))))
    health = next(r for r in rows if r["node"] == "AP5.HEA")
    assert health["potential-modest.count"] == "3"
    assert occ("compare", "--format=json", IRM23).returncode == 2
