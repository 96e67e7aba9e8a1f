# test_occ_tool.py: the occ command-line tool, run as a user would.
#
# The environment gives the built tool (OCC_TOOL), the bundled data
# (OCC_DATADIR) and the source tree (OCC_SRCDIR); see meson.build here.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import csv
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys

import pytest

OCC = os.environ.get("OCC_TOOL", "occ")
DATADIR = os.environ["OCC_DATADIR"]
PERU = os.path.join(DATADIR, "peru-2024.json")
# How printf spells what must never be printed ("Financing" holds "nan").
NAN = re.compile(r"\b-?(nan|inf|infinity)\b", re.IGNORECASE)


def occ(*args, stdin=None, env=None):
    return subprocess.run([OCC, *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=60)


def ok(*args, **kwargs):
    result = occ(*args, **kwargs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def results():
    return json.loads(ok("score", "--format=json", PERU))


def find(results, phase, node):
    [entry] = [s for s in results["scores"]
               if s["country"] == "PE" and s["phase"] == phase
               and s["node"] == node]
    return entry


def peru():
    with open(PERU, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, document):
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


# occ score --------------------------------------------------------------

def test_score_json_is_occ_results(results):
    assert results["format"] == "occ-results/1"
    assert results["methodology"] == "cco-2024"
    assert len(results["scores"]) > 40


def test_score_json_reproduces_peru(results):
    c25 = find(results, "2024", "VIII.25")
    assert c25["depth"] == 1 + find(results, "2024", "VIII.T3")["depth"]
    assert c25["criteria"]["R"]["value"] == pytest.approx(2.81, abs=0.01)
    assert c25["criteria"]["R"]["delta"] == pytest.approx(0.81, abs=0.01)
    assert c25["criteria"]["R"]["band"] == "high"
    assert c25["value"] == pytest.approx(1.29, abs=0.01)
    assert c25["delta"] == pytest.approx(-0.76, abs=0.01)
    assert find(results, "2024", "VIII.T3")["value"] == pytest.approx(1.29, abs=0.01)
    assert find(results, "2024", "IX.B")["value"] == pytest.approx(2.94, abs=0.01)
    assert find(results, "2022", "VIII.25")["value"] == pytest.approx(2.05, abs=0.01)


def test_score_json_has_no_nan():
    out = ok("score", PERU)
    assert not re.search(NAN, out)
    # json.loads accepts NaN unless told otherwise.
    json.loads(out, parse_constant=pytest.fail)


def test_score_default_is_json_of_bundled_dataset():
    assert ok("score") == ok("score", "--format=json", PERU)


def test_score_reads_stdin():
    with open(PERU, encoding="utf-8") as f:
        text = f.read()
    assert ok("score", "-", stdin=text) == ok("score", PERU)


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_score_csv_agrees_with_json_to_the_bit(results):
    result = subprocess.run([OCC, "score", "--format=csv", PERU],
                            capture_output=True, timeout=60)
    assert result.returncode == 0
    raw = result.stdout.decode("utf-8")
    assert raw.endswith("\r\n"), "RFC 4180 records end in CRLF"
    rows = csv_rows(raw)
    assert len(rows) == len(results["scores"])
    for row, entry in zip(rows, results["scores"]):
        check_csv_row(row, entry)


def check_csv_row(row, entry):
    assert (row["country"], row["phase"], row["node"]) == \
        (entry["country"], entry["phase"], entry["node"])
    assert int(row["depth"]) == entry["depth"]
    for key in ("value", "delta", "inclusion"):
        same_number(row[key], entry.get(key))
    for key in ("rank", "country_rank", "missing_children"):
        same_int(row[key], entry.get(key))
    assert row["band"] == entry.get("band", "")
    for cid in ("R", "E", "S"):
        criterion = entry.get("criteria", {}).get(cid, {})
        same_number(row[cid + ".value"], criterion.get("value"))
        same_number(row[cid + ".delta"], criterion.get("delta"))
        same_int(row[cid + ".n"], criterion.get("n"))
        assert row[cid + ".band"] == criterion.get("band", "")


def same_number(cell, value):
    if value is None:
        assert cell == ""
    else:
        assert float(cell) == value, (cell, value)   # exact, not approx
        assert not math.isnan(float(cell))


def same_int(cell, value):
    assert cell == ("" if value is None else str(value))


def two_countries(tmp_path):
    # Chile, invented: Peru's figures a quarter point lower.
    document = peru()
    document["countries"].append({"id": "CL", "name": "Chile"})
    for record in list(document["published"]):
        chile = dict(record, country="CL")
        chile["scores"] = {k: max(0.0, v - 0.25)
                           for k, v in record["scores"].items()}
        document["published"].append(chile)
    return write_json(tmp_path / "two.json", document)


def test_score_csv_two_countries(tmp_path):
    path = two_countries(tmp_path)
    results = json.loads(ok("score", path))
    rows = csv_rows(ok("score", "--format=csv", path))
    assert len(rows) == len(results["scores"])
    for row, entry in zip(rows, results["scores"]):
        check_csv_row(row, entry)
    assert {r["country_rank"] for r in rows} == {"1", "2"}


def test_report_two_countries(tmp_path):
    report = ok("report", two_countries(tmp_path))
    assert "\nChile, Phase 2 (2024)\n" in report
    assert re.search(r"^Country score: .*; rank 1 of 2 countries$", report,
                     re.MULTILINE)
    assert re.search(r"^Country score: .*; rank 2 of 2 countries$", report,
                     re.MULTILINE)


def test_score_csv_2022_has_empty_deltas():
    rows = csv_rows(ok("score", "--format=csv", PERU))
    row = next(r for r in rows if r["phase"] == "2022" and r["node"] == "VIII.25")
    assert row["delta"] == "" and row["R.delta"] == ""
    assert row["missing_children"] == ""   # a leaf


def table_line(table, phase, node):
    [line] = [l for l in table.splitlines()
              if l.split()[1:3] == [phase, node]]
    return line.split()


def test_score_table():
    table = ok("score", "--format=table", PERU)
    header = table.splitlines()[0].split()
    assert header[:8] == ["country", "phase", "node", "depth", "value",
                          "band", "delta", "rank"]
    c25 = dict(zip(header, table_line(table, "2024", "VIII.25")))
    assert c25 == {"country": "PE", "phase": "2024", "node": "VIII.25",
                   "depth": "2", "value": "1.29", "band": "low",
                   "delta": "-0.76", "rank": "6",
                   "R": "2.81", "R.band": "high", "R.delta": "+0.81",
                   "E": "1.06", "E.band": "low", "E.delta": "-1.17",
                   "S": "0.00", "S.band": "low", "S.delta": "-1.92",
                   "incl": "-", "missing": "-"}
    c7 = dict(zip(header, table_line(table, "2024", "VIII.7")))
    assert c7["incl"] == "46%"
    assert dict(zip(header, table_line(table, "2024", "IX.B")))["value"] == "2.94"


def test_score_table_is_aligned():
    lines = ok("score", "--format=table", PERU).splitlines()
    # The rank column is right-aligned: all ranks end in the same column.
    end = len(lines[0].split("rank")[0]) + len("rank")
    for line in lines[1:]:
        assert line[end - 1].isdigit() or line[end - 1] == "-", line


def decimal_comma_env(tmp_path):
    """An environment whose locale writes 2,5 for 2.5: the system's
    de_DE.UTF-8 when installed, else one compiled into tmp_path with
    localedef (LOCPATH), as a fresh Debian machine has only C.UTF-8."""
    env = dict(os.environ, LC_ALL="de_DE.UTF-8")
    env.pop("LANGUAGE", None)
    probe = [sys.executable, "-c",
             "import locale; locale.setlocale(locale.LC_ALL, ''); "
             "print(locale.localeconv()['decimal_point'])"]

    def comma(env):
        result = subprocess.run(probe, env=env, capture_output=True,
                                text=True)
        return result.returncode == 0 and result.stdout.strip() == ","

    if comma(env):
        return env
    localedef = shutil.which("localedef")
    if localedef is None or not os.path.exists(
            "/usr/share/i18n/locales/de_DE"):
        pytest.skip("no de_DE.UTF-8 locale and no localedef to build one")
    subprocess.run([localedef, "-i", "de_DE", "-f", "UTF-8",
                    str(tmp_path / "de_DE.UTF-8")], check=True,
                   capture_output=True)
    env["LOCPATH"] = str(tmp_path)
    assert comma(env), "the locale built by localedef writes no comma"
    return env


def test_score_is_locale_independent(tmp_path):
    env = decimal_comma_env(tmp_path)
    for fmt in ("json", "table", "csv"):
        assert ok("score", "--format=" + fmt, PERU, env=env) == \
            ok("score", "--format=" + fmt, PERU)


def test_score_bad_format_is_usage_error():
    result = occ("score", "--format=xml", PERU)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "xml" in result.stderr


# occ validate -----------------------------------------------------------

def test_validate_good():
    out = ok("validate", PERU)
    document = peru()
    assert out == (f"{PERU}: valid occ-dataset/1 (1 country, 2 phases, "
                   f"{count_nodes(document['framework'])} nodes, 0 ratings, "
                   f"{len(document['published'])} published)\n")


def count_nodes(nodes):
    return sum(1 + count_nodes(n.get("children", [])) for n in nodes)


def test_validate_malformed_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "occ-dataset/1",\n  "title": }\n')
    result = occ("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("occ: ")
    assert re.search(re.escape(str(bad)) + r":\d+:\d+", result.stderr)


def test_validate_unknown_country(tmp_path):
    document = peru()
    document["raters"] = [{"id": "org-1", "name": "An organization",
                           "country": "PE"}]
    document["ratings"] = [{"country": "XX", "phase": "2024",
                            "node": "VIII.2", "rater": "org-1",
                            "scores": {"R": 2, "E": 1, "S": None}}]
    result = occ("validate", write_json(tmp_path / "xx.json", document))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "ratings[0].country" in result.stderr


def test_validate_counts_ratings(tmp_path):
    document = peru()
    document["raters"] = [{"id": "org-1", "name": "An organization",
                           "country": "PE"}]
    document["ratings"] = [{"country": "PE", "phase": "2024",
                            "node": "VIII.2", "rater": "org-1",
                            "scores": {"R": 2, "E": 1, "S": None}}]
    out = ok("validate", write_json(tmp_path / "one.json", document))
    assert ", 1 rating, " in out


def test_validate_missing_file(tmp_path):
    result = occ("validate", str(tmp_path / "absent.json"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "absent.json" in result.stderr


def test_bad_input_leaves_stdout_empty(tmp_path):
    document = peru()
    document["published"][3]["scores"]["R"] = 7
    path = write_json(tmp_path / "range.json", document)
    for args in (["score"], ["score", "--format=csv"],
                 ["score", "--format=table"], ["report"]):
        result = occ(*args, path)
        assert result.returncode == 1
        assert result.stdout == ""
        assert "published[3].scores.R" in result.stderr


def test_validate_needs_dataset():
    result = occ("validate")
    assert result.returncode == 2
    assert result.stdout == ""


# occ report -------------------------------------------------------------

@pytest.fixture(scope="module")
def report():
    return ok("report", PERU)


def phase_section(report, label):
    return report.split(f"Peru, {label}\n")[1].split("\nPeru, ")[0]


def test_report_header(report):
    lines = report.splitlines()
    assert lines[0] == peru()["title"]
    assert "Methodology: Citizen Corruption Observatory, Phase 2 (2024) (cco-2024)" in lines


def test_report_best_and_worst_2024(report):
    section = phase_section(report, "Phase 2 (2024)")
    ix = "IX Summit of the Americas (Los Angeles, 2022)"
    assert re.search(r"^  Best theme of " + re.escape(ix) + r": IX\.B B\. Action "
                     r"Plan on Health and Resilience in the Americas \(2\.94\)$",
                     section, re.MULTILINE)
    # occ-v1 §7 (revision 2): commitments are peers whether or not they
    # have sub-commitments, so the inner IX.C.3 is the best IX commitment.
    assert f"  Best commitment of {ix}: IX.C.3 Commitment 3 (3.00)\n" in section
    assert (f"  Worst commitment of {ix}: IX.A.23 Commitment 23 (0.00)\n"
            in section)
    viii = "VIII Summit of the Americas (Lima, 2018)"
    assert f"  Best commitment of {viii}: VIII.37 Commitment 37 (2.28)\n" in section
    assert f"  Worst commitment of {viii}: VIII.2 Commitment 2 (0.17)\n" in section
    assert f"  Best summit: {ix} (1.76)\n" in section
    # No "depth-N node" and no "leaf" wording where the levels have names.
    assert "depth-" not in section and "leaf" not in section


def test_report_node_lines(report):
    section = phase_section(report, "Phase 2 (2024)")
    assert ("    VIII.25 Commitment 25: 1.29 low (-0.76), rank 6; "
            "R 2.81 high (+0.81), E 1.06 low (-1.17), "
            "S 0.00 low (-1.92); inclusion not recorded\n") in section
    assert "    VIII.7 Commitment 7: 1.06 low (-0.39), rank 7;" in section
    assert "; inclusion 46%\n" in section
    assert re.search(r"^  VIII\.T3 Theme 3: .*: 1\.29 low \(-0\.76\)",
                     section, re.MULTILINE)
    # The id once: the label starts with it.
    assert re.search(r"^IX Summit .*: \d\.\d\d \w", section, re.MULTILINE)
    assert not re.search(r"^(\S+) \1 ", section, re.MULTILINE)
    # occ-v1 §4.5 (revision 2): the mean 1.4999999999999998 is shown as
    # 1.50, with the band of 1.50 (1.1 printed "1.50 low").
    assert re.search(r"^Country score: 1\.50 medium \(-0\.33\)",
                     section, re.MULTILINE)


def test_report_phase_1(report):
    section = phase_section(report, "Phase 1 (2022)")
    # Phase 1 has nothing before it, hence no changes, and no IX Summit.
    assert "    VIII.25 Commitment 25: 2.05 medium, rank 2;" in section
    assert "\nIX Summit of the Americas (Los Angeles, 2022): not scored\n" in section
    assert "(+" not in section and "(-" not in section
    assert re.search(r"^Country score: .*; 1 child not scored$", section, re.MULTILINE)


def test_report_has_no_nan(report):
    assert not re.search(NAN, report)


def test_report_default_dataset(report):
    assert ok("report") == report


def test_unscored_parent_of_scored_child(tmp_path):
    # VIII.2 alone is scored in 2024 and has weight 0: Theme 1 gets no
    # score (never NaN), yet VIII.2 is still listed under it.
    document = peru()
    theme1 = document["framework"][0]["children"][0]
    theme1["children"][0]["weight"] = 0
    document["published"] = [
        p for p in document["published"]
        if not (p["phase"] == "2024"
                and p["node"] in ("VIII.7", "VIII.8", "VIII.11"))]
    path = write_json(tmp_path / "weight0.json", document)
    for fmt in ("json", "table", "csv"):
        assert not re.search(NAN, ok("score", "--format=" + fmt, path))
    section = phase_section(ok("report", path), "Phase 2 (2024)")
    assert not re.search(NAN, section)
    assert ("  VIII.T1 Theme 1: Reinforcement of Democratic Governance: "
            "not scored\n    VIII.2 Commitment 2: 0.17 low (-1.70)") in section
    assert "    VIII.7 Commitment 7: not scored\n" in section


def small_rated(methodology="cco-2024"):
    """A framework of one summit, a theme with a leaf and a commitment
    with a sub-commitment, rated raw: a rater that records no groups, one
    that records none included, one that marks two of the nine."""
    return {
        "format": "occ-dataset/1", "title": "Small", "methodology": methodology,
        "countries": [{"id": "GT", "name": "Guatemala"}],
        "phases": [{"id": "2024", "label": "Phase 1"}],
        "framework": [{"id": "S", "label": "S Summit", "children": [
            {"id": "S.A", "label": "Theme A", "children": [
                {"id": "S.A.1", "label": "Commitment 1"},
                {"id": "S.A.2", "label": "Commitment 2", "children": [
                    {"id": "S.A.2.a", "label": "Commitment 2.a"}]}]}]}],
        "raters": [{"id": "r1"}, {"id": "r2"}, {"id": "r3"}],
        "ratings": [
            {"country": "GT", "phase": "2024", "node": "S.A.1", "rater": "r1",
             "scores": {"R": 3, "E": 3, "S": 3}},
            {"country": "GT", "phase": "2024", "node": "S.A.2.a", "rater": "r2",
             "scores": {"R": 1, "E": 1, "S": 1}, "groups": []},
            {"country": "GT", "phase": "2024", "node": "S.A.2.a", "rater": "r3",
             "scores": {"R": 2, "E": 2, "S": 2}, "groups": ["women", "youth"]}]}


def test_report_inclusion_not_recorded_is_not_zero(tmp_path):
    # occ-v1 §4.6: S.A.1's only rating has no `groups`: not recorded (1.1
    # printed 0 %). S.A.2.a: 2 marked of 2 ratings × 9 groups = 11 %; the
    # theme pools the same 2 of 18 (S.A.1 adds nothing to either side).
    text = ok("report", write_json(tmp_path / "small.json", small_rated()))
    assert ("    S.A.1 Commitment 1: 3.00 high, rank 1; R 3.00 high, "
            "E 3.00 high, S 3.00 high; inclusion not recorded\n") in text
    assert "      S.A.2.a Commitment 2.a: 1.50 medium, rank 1;" in text
    assert re.search(r"^      S\.A\.2\.a .*; inclusion 11%$", text, re.MULTILINE)
    assert re.search(r"^  S\.A Theme A: .*; inclusion 11%$", text, re.MULTILINE)
    # A leaf and an inner node of one depth are peers (occ-v1 §4.7).
    assert "    S.A.2 Commitment 2: 1.50 medium, rank 2;" in text
    assert "  Best commitment of S Summit: S.A.1 Commitment 1 (3.00)\n" in text
    assert "  Worst commitment of S Summit: S.A.2 Commitment 2 (1.50)\n" in text
    assert "  Best sub-commitment of S Summit: S.A.2.a Commitment 2.a (1.50)\n" in text


def test_percent_rounds_the_decimal_a_reader_sees(tmp_path):
    # occ-v1 §4.8: an inclusion of 0.575 is 58 % (round(0.575 * 100) is 57,
    # 0.575 * 100 being 57.49999999999999 in binary).
    doc = small_rated()
    doc["ratings"] = []
    doc["published"] = [{"country": "GT", "phase": "2024", "node": "S.A.1",
                         "scores": {"R": 1, "E": 1, "S": 1}, "inclusion": 0.575}]
    path = write_json(tmp_path / "pct.json", doc)
    assert re.search(r"^    S\.A\.1 .*; inclusion 58%$", ok("report", path),
                     re.MULTILINE)
    table = ok("score", "--format=table", path)
    assert re.search(r"^GT .* S\.A\.1 .* 58% ", table, re.MULTILINE)


def test_level_names_in_sentences(tmp_path):
    # A level's name is lowercased in a sentence, whatever the locale, and
    # an acronym is left as it is.
    methodology = json.loads(ok("methodology"))
    methodology["id"] = "named-levels"
    methodology["levels"] = [{"label": "Ámbito"}, {"label": "Éje"},
                             {"label": "OGP commitment"}]
    path = write_json(tmp_path / "levels.json", small_rated(methodology))
    for env in (None, dict(os.environ, LC_ALL="C")):
        text = ok("report", path, env=env)
        assert "  Best ámbito: S Summit (" in text
        assert "  Best éje of S Summit: S.A Theme A (" in text
        assert "  Best OGP commitment of S Summit: S.A.1 Commitment 1 (3.00)" in text


def test_report_levels_unnamed(tmp_path):
    # A methodology without `levels`: the depth is named instead.
    methodology = json.loads(ok("methodology"))
    methodology["id"] = "no-levels"
    del methodology["levels"]
    text = ok("report", write_json(tmp_path / "plain.json",
                                   small_rated(methodology)))
    assert "  Best top-level node: S Summit (" in text
    assert "  Best depth-2 node of S Summit: S.A.1 Commitment 1 (3.00)\n" in text


def test_csv_neutralizes_formulas(tmp_path):
    # OWASP "CSV injection": a band label or an id a spreadsheet would
    # evaluate is written after a ' in every CSV the tool writes; numbers
    # (a negative change) never; --csv-raw writes cells as they are.
    methodology = json.loads(ok("methodology"))
    methodology["id"] = "formulas"
    methodology["bands"][1]["label"] = "+medium"
    doc = small_rated(methodology)
    doc["raters"][0]["id"] = "=cmd|' /C calc'!A0"
    doc["ratings"][0]["rater"] = "=cmd|' /C calc'!A0"
    doc["framework"][0]["children"][0]["children"][0]["id"] = "@SUM(1)"
    doc["ratings"][0]["node"] = "@SUM(1)"
    path = write_json(tmp_path / "formulas.json", doc)
    score = csv_rows(ok("score", "--format=csv", path))
    assert {r["band"] for r in score} >= {"'+medium"}
    assert "'@SUM(1)" in {r["node"] for r in score}
    raw = csv_rows(ok("score", "--format=csv", "--csv-raw", path))
    assert {r["band"] for r in raw} >= {"+medium"}
    export = ok("export", path)
    assert "'@SUM(1),'=cmd|' /C calc'!A0," in export
    assert "@SUM(1),=cmd|' /C calc'!A0," in ok("export", "--csv-raw", path)
    assert "'@SUM(1)" in ok("template", path)
    for text in (ok("score", "--format=csv", path), export, ok("template", path)):
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell or cell[0] not in "=+@\t\r" and not (
                    cell[0] == "-" and not re.fullmatch(r"-[\d.e+-]+", cell)), cell
    # What occ export wrote reads back as the same ratings.
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(export)
    assert ok("export", "--ratings", str(sheet), path) == export


# occ methodology --------------------------------------------------------

def test_methodology_default():
    methodology = json.loads(ok("methodology"))
    assert methodology["id"] == "cco-2024"
    assert [c["id"] for c in methodology["criteria"]] == ["R", "E", "S"]
    assert len(methodology["population_groups"]) == 9
    assert json.loads(ok("methodology", "cco-2024")) == methodology
    # occ-v1 §3 (revision 2): levels, and labels in es, pt and fr.
    assert [level["label"] for level in methodology["levels"]] == [
        "Summit", "Theme", "Commitment", "Sub-commitment"]
    assert methodology["criteria"][0]["labels"] == {
        "es": "Relevancia", "pt": "Relevância", "fr": "Pertinence"}
    assert methodology["bands"][2]["labels"]["es"] == "medio-alto"
    for labelled in (methodology, *methodology["criteria"], *methodology["bands"],
                     *methodology["levels"], *methodology["population_groups"]):
        assert sorted(labelled["labels"]) == ["es", "fr", "pt"]


def test_methodology_list():
    assert "cco-2024" in ok("methodology", "--list").splitlines()


def test_methodology_unknown():
    result = occ("methodology", "no-such-methodology")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no-such-methodology" in result.stderr


# Usage ------------------------------------------------------------------

@pytest.mark.parametrize("command", ["score", "validate", "report",
                                     "methodology"])
def test_subcommand_help(command):
    out = ok(command, "--help")
    assert f"occ {command} [OPTION" in out


def test_help_lists_commands():
    out = ok("--help")
    for command in ("score", "validate", "report", "methodology"):
        assert re.search(rf"^  {command} ", out, re.MULTILINE)


def test_version():
    srcdir = os.environ.get("OCC_SRCDIR")
    if srcdir is None:
        pytest.skip("OCC_SRCDIR not set")
    with open(os.path.join(srcdir, "meson.build"), encoding="utf-8") as f:
        version = re.search(r"version: '([^']+)'", f.read()).group(1)
    assert ok("--version") == f"occ {version}\n"


@pytest.mark.parametrize("args", [["frobnicate"], [], ["score", "--bogus"],
                                  ["score", PERU, PERU],
                                  ["methodology", "--list", "cco-2024"]])
def test_usage_errors(args):
    result = occ(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("occ")


def test_write_error_is_reported():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run([OCC, "score", PERU], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert "standard output" in result.stderr


def test_report_without_names_or_scores():
    """Titles, names and labels are optional: the report falls back to ids."""
    document = {"format": "occ-dataset/1", "methodology": "cco-2024",
                "countries": [{"id": "AA"}, {"id": "BB"}],
                "phases": [{"id": "p1"}]}
    proc = occ("report", "-", stdin=json.dumps(document))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith("Untitled dataset\n================\n")
    assert "\nAA, p1\n------\n" in proc.stdout
    assert "\nBB, p1\n" in proc.stdout
    assert "(null)" not in proc.stdout


@pytest.mark.parametrize("args", [["score", "--format=json"], ["methodology"]])
def test_json_ends_with_one_newline(args):
    out = ok(*args)
    assert out.endswith("}\n") and not out.endswith("\n\n")


# Special files and endless input (issue 12) ------------------------------

def test_fifo_socket_and_devices_are_refused_not_waited_on(tmp_path):
    import socket
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        cases = [(str(fifo), "a FIFO"), (str(sock_path), None),
                 ("/dev/zero", "a character device"),
                 (str(tmp_path), "a directory")]
        for path, kind in cases:
            # No writer on the FIFO: a blocking open() would hang here.
            result = occ("score", path)
            assert result.returncode == 1, path
            assert result.stdout == ""
            if kind:
                assert kind in result.stderr, result.stderr
            assert "regular file" in result.stderr
            result = occ("score", "--ratings", path, PERU)
            assert result.returncode == 1 and "regular file" in result.stderr
    finally:
        server.close()


@pytest.mark.skipif(bool(os.environ.get("OCC_TEST_MEMCHECK")),
                    reason="129 MiB through a memory checker takes "
                           "minutes; the plain run checks it")
def test_standard_input_past_128_mib_streams_in_bounded_memory():
    # 1.2 refused more than 128 MiB: json-glib kept a tree of it all.
    # The streaming reader keeps none: 129 MiB of spaces, then the Peru
    # dataset, loads, and occ's peak memory stays far below the input.
    with open(PERU, "rb") as f:
        peru = f.read()
    proc = subprocess.Popen([OCC, "validate", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunk = b" " * (1 << 20)
    for _ in range(129):
        proc.stdin.write(chunk)
    proc.stdin.write(peru)
    proc.stdin.close()
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, err
    assert out.startswith(b"-: valid occ-dataset/1 "), out
    assert usage.ru_maxrss < 64 * 1024, usage.ru_maxrss  # KiB


def test_stdin_dataset_and_ratings_still_read():
    with open(PERU, "rb") as f:
        data = f.read()
    for name in ("-", "/dev/stdin"):
        result = subprocess.run([OCC, "validate", name], input=data,
                                capture_output=True, timeout=60)
        assert result.returncode == 0, result.stderr
    csv_text = ok("export", os.path.join(DATADIR, "americas-sample.json"))
    result = subprocess.run(
        [OCC, "validate", "--ratings", "-",
         os.path.join(DATADIR, "americas-sample.json")],
        input=csv_text.encode(), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [OCC, "validate", "--ratings", "-",
         os.path.join(DATADIR, "americas-sample.json")],
        input=b"country,phase,node,rater\nXX,1,a,b\n", capture_output=True,
        timeout=60)
    assert result.returncode == 1
    assert result.stderr.decode().startswith("occ: -:")


@pytest.mark.parametrize("args,option", [
    (("score", "--ci", "--level=nan"), "--level"),
    (("score", "--ci", "--level=1e400"), "--level"),
    (("score", "--ci", "--level=1"), "--level"),
    (("agreement", "-B", "-2"), "--replicates"),
    (("agreement", "-B", "2.5"), "--replicates"),
    (("sensitivity", "-n", "-1"), "--draws"),
    (("sensitivity", "-n", "99999999999"), "--draws"),
    (("sensitivity", "--threads", "300"), "--threads"),
    (("compare", "--depth", "-1"), "--depth"),
    (("compare", "-d", "x"), "--depth"),
])
def test_numeric_options_are_checked(args, option):
    # NaN, a negative count, a number out of range: a usage error naming
    # the option, never a silent fall back to the default.
    result = occ(*args, PERU)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert option in result.stderr


@pytest.mark.parametrize("args", [
    ("--help",), ("score", "--help"), ("report", "-h"), ("--version",),
    ("methodology",), ("score",), ("report",),
])
def test_write_errors_fail_every_command(args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([OCC, *args], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1, args
    assert "error writing to standard output" in result.stderr


def test_help_is_printed():
    assert "Usage:" in ok("--help") and "Commands:" in ok("--help")
    assert "--csv-raw" in ok("score", "--help")
    # --help wins over a missing argument.
    assert "Usage:" in ok("validate", "--help")


def test_negative_zero_is_zero_in_every_format(tmp_path):
    doc = peru()
    doc["published"][0]["scores"] = {"R": -0.0, "E": 0.0, "S": -0.0}
    node = doc["published"][0]["node"]
    phase = doc["published"][0]["phase"]
    path = write_json(tmp_path / "zero.json", doc)
    text = ok("score", path)
    entry = next(e for e in json.loads(text)["scores"]
                 if e["node"] == node and e["phase"] == phase)
    assert math.copysign(1, entry["criteria"]["R"]["value"]) == 1
    assert not re.search(r"-0(\.0)?[,\s]", text)
    rows = csv_rows(ok("score", "--format=csv", path))
    row = next(r for r in rows if r["node"] == node and r["phase"] == phase)
    assert row["R.value"] == "0" and row["S.value"] == "0"
    saved = ok("export", "--format=json", path)
    assert not re.search(r"-0(\.0)?[,\s}]", saved)
