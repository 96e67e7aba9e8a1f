# test_occ_csv.py: ratings as CSV in the occ tool: --ratings, export,
# template (issue 6).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import csv
import io
import json
import os
import re
import subprocess

import pytest

OCC = os.environ.get("OCC_TOOL", "occ")
SRCDIR = os.environ["OCC_SRCDIR"]
BASE = os.path.join(SRCDIR, "tests", "csv", "base.json")
FAULTS = os.path.join(SRCDIR, "tests", "csv", "faults")


def occ(*args, stdin=None):
    return subprocess.run([OCC, *args], input=stdin, capture_output=True,
                          text=True, timeout=60)


def ok(*args, **kwargs):
    result = occ(*args, **kwargs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def ok_bytes(*args):
    result = subprocess.run([OCC, *args], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


def test_export_reimports_to_the_same_dataset(tmp_path):
    exported = ok_bytes("export", BASE)
    assert exported.startswith(
        "country,phase,node,rater,R,E,S,groups,validated,evidence\r\n")
    rows = list(csv.DictReader(io.StringIO(exported, newline="")))
    assert len(rows) == 4
    assert rows[0]["groups"] == "women;youth"
    assert json.loads(rows[0]["evidence"])[0]["ref"] == 'a, "quoted"\nref'
    path = tmp_path / "ratings.csv"
    path.write_bytes(exported.encode())
    again = ok("export", "--format=json", "--ratings", str(path), BASE)
    assert again == ok("export", "--format=json", BASE)
    assert ok("score", "--ratings", str(path), BASE) == ok("score", BASE)
    assert (ok("score", "--format=csv", "--ratings", str(path), BASE)
            == ok("score", "--format=csv", BASE))


def test_validate_names_both_files(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("country,phase,node,rater,R,E,S\nPE,2024,IX.A.1,org-1,1,2,3\n")
    out = ok("validate", "--ratings", str(path), BASE)
    assert out == ("%s with ratings %s: valid occ-dataset/1 (2 countries, "
                   "2 phases, 8 nodes, 1 rating, 1 published)\n" % (BASE, path))


def test_a_bad_csv_names_file_line_column_and_column():
    path = os.path.join(FAULTS, "range-above-scale.csv")
    result = occ("score", "--ratings", path, BASE)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == ("occ: %s:3:24 (column E): 4 is outside the "
                             "scale 0..3\n" % path)


def test_ratings_from_standard_input():
    csv_text = "country,phase,node,rater,R,E,S\nPE,2024,IX.A.1,org-1,1,2,3\n"
    out = ok("validate", "--ratings", "-", BASE, stdin=csv_text)
    assert "1 rating," in out
    result = occ("validate", "--ratings", "-", BASE,
                 stdin="country\nPE\n")
    assert result.returncode == 1
    assert result.stderr.startswith('occ: -:1:1: the header has no column "phase"')
    result = occ("validate", "--ratings", "-", "-", stdin="")
    assert result.returncode == 1
    assert "cannot both be read from standard input" in result.stderr


def test_missing_ratings_file():
    result = occ("score", "--ratings", "/nonexistent/r.csv", BASE)
    assert result.returncode == 1
    assert "r.csv" in result.stderr


def test_template_is_a_sheet_to_fill(tmp_path):
    sheet = ok("template", BASE)
    rows = list(csv.reader(io.StringIO(sheet, newline="")))
    assert rows[0] == ["country", "phase", "node", "label", "rater", "R", "E",
                       "S", "groups", "validated"]
    assert len(rows) == 1 + 2 * 2 * 4
    assert rows[1][:4] == ["PE", "2022", "IX.A.1", 'Commitment 1, "open" data']
    assert all(cell == "" for row in rows[1:] for cell in row[4:])
    # Filled in by a rater, it reads back.
    rows[1][4:9] = ["org-1", "3", "2", "", "women"]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "filled.csv"
    path.write_text(out.getvalue(), newline="")
    scores = json.loads(ok("score", "--ratings", str(path), BASE))["scores"]
    [leaf] = [s for s in scores if s["country"] == "PE" and s["phase"] == "2022"
              and s["node"] == "IX.A.1"]
    assert leaf["criteria"]["R"]["value"] == 3.0
    assert "value" not in leaf["criteria"]["S"]


def test_usage_errors():
    result = occ("export", "--format=xml", BASE)
    assert result.returncode == 2
    assert "unknown format" in result.stderr
    assert occ("template").returncode == 2
    assert occ("export").returncode == 2
    assert "template DATASET" in ok("--help")
    assert "--ratings" in ok("score", "--help")
    assert "--ratings" in ok("validate", "--help")
    assert "--format" in ok("export", "--help")


def test_template_of_a_missing_dataset():
    result = occ("template", "/nonexistent.json")
    assert result.returncode == 1


# With the analysis commands (issues 4 and 6 together) ------------------

AMERICAS = os.path.join(SRCDIR, "examples", "data", "americas-sample.json")


@pytest.mark.parametrize("args", [
    ["score", "--ci", "-B", "200", "--method", "bca"],
    ["agreement", "--metric", "all", "-B", "100"],
    ["sensitivity", "-n", "40", "--format", "json"],
    ["compare", "--ci", "-B", "100", "--format", "csv"],
])
def test_analysis_commands_take_ratings(tmp_path, args):
    # The dataset's own ratings as CSV give the very same output, bootstrap
    # replicates included; other ratings give another.
    path = tmp_path / "ratings.csv"
    exported = ok_bytes("export", AMERICAS)
    path.write_bytes(exported.encode())
    assert ok(*args, "--ratings", str(path), AMERICAS) == ok(*args, AMERICAS)
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    header, body = rows[0], rows[1:]
    scores = [header.index(c) for c in ("R", "E", "S")]
    for row in body[::2]:
        for i in scores:
            if row[i] != "":
                row[i] = "0"
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([header] + body)
    path.write_text(out.getvalue(), newline="")
    assert ok(*args, "--ratings", str(path), AMERICAS) != ok(*args, AMERICAS)


def test_analysis_commands_name_the_ratings_in_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("country,phase,node,rater,R,E,S\nPE,2024,IX.A.1,org-1,4,2,3\n")
    for command in ("agreement", "sensitivity", "compare"):
        result = occ(command, "--ratings", str(path), BASE)
        assert result.returncode == 1
        assert result.stdout == ""
        assert f"{path}:2:" in result.stderr
        assert "outside the scale" in result.stderr
        assert "--ratings" in ok(command, "--help")


def test_help_names_every_command_with_a_default_dataset():
    out = ok("--help")
    footer = out[out.index("Without DATASET"):].replace("\n", " ")
    defaulting = re.findall(r"^  (\w+) \[DATASET\]", out, re.MULTILINE)
    assert set(defaulting) == {"score", "report", "agreement", "sensitivity",
                               "compare"}
    for command in defaulting:
        assert re.search(rf"\b{command}\b", footer)
    for command in ("validate", "export", "template", "methodology"):
        assert not re.search(rf"\b{command}\b", footer)
    # The file itself, as the tool would open it (the test environment
    # points OCC_DATADIR at examples/data).
    default = os.path.join(os.environ["OCC_DATADIR"], "peru-2024.json")
    assert default in out
    assert os.path.isfile(default)


def test_score_csv_quotes_blanks_as_export_does(tmp_path):
    # A country id with a trailing blank: occ score --format=csv quotes it
    # as occ export (the library's CSV writer) does, so that a spreadsheet
    # keeps the blank, and both read back to the id.
    with open(BASE, encoding="utf-8") as f:
        text = f.read()
    path = tmp_path / "blank.json"
    path.write_text(text.replace('"PE"', '"PE "'), encoding="utf-8")
    exported = ok_bytes("export", str(path))
    scored = ok_bytes("score", "--format=csv", str(path))
    for output in (exported, scored):
        assert '\r\n"PE ",' in output
        assert "\r\nPE ," not in output
        rows = list(csv.DictReader(io.StringIO(output, newline="")))
        assert "PE " in {row["country"] for row in rows}
