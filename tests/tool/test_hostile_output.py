# test_hostile_output.py: no command's output can be made invalid or
# executable by the data it prints.
#
# One dataset whose every id, label and name is hostile (a JSON breakout,
# quotes and backslashes, terminal escape sequences, C1 controls, a
# right-to-left override, line breaks, spreadsheet formulas) goes through
# every command in every format: JSON must parse and give the ids back
# exactly, CSV must hold no cell a spreadsheet would evaluate, and text
# for a terminal (tables, reports, messages) no raw control character.
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

BREAKOUT = '", "injected": true, "x": "'
ESCAPES = "\x1b[31mred\x1b]0;title\x07\x9b2J\u202e83.2"
HOSTILE = {
    "country": BREAKOUT,
    "phase": 'p"\\1\n\x1b[31m\u202e',
    "top": "=HYPERLINK(\"http://example.invalid\",\"x\")",
    "theme": "@SUM(1+1)" + ESCAPES,
    "leaf_a": "+cmd|' /C calc'!A0",
    "leaf_b": "-2+3" + "\r\n\t",
    "rater_a": "\x1b[2Jorg",
    "rater_b": "org\u2066b",
}
# Raw control characters a terminal acts on: C0 but the line feed that
# ends each line, DEL, C1, bidirectional formatting.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c"
                         "\u202a-\u202e\u2066-\u2069]")


def dataset():
    h = HOSTILE
    rows = [
        (h["leaf_a"], h["rater_a"], {"R": 3, "E": 2, "S": 1}),
        (h["leaf_a"], h["rater_b"], {"R": 2, "E": 2, "S": 3}),
        (h["leaf_b"], h["rater_a"], {"R": 1, "E": 0, "S": 1}),
        (h["leaf_b"], h["rater_b"], {"R": 0, "E": 1, "S": 2}),
    ]
    return {
        "format": "occ-dataset/1",
        "title": "Title " + ESCAPES,
        "methodology": {
            "id": "hostile-" + BREAKOUT, "name": "Name " + ESCAPES,
            "scale": {"min": 0, "max": 3},
            "criteria": [{"id": c, "label": c + ESCAPES} for c in "RES"],
            "bands": [{"label": "=low" + ESCAPES, "from": 0},
                      {"label": "+high\x1b[0m", "from": 1.5}],
            "levels": [{"label": "Summit" + ESCAPES}, {"label": "Theme\r"}],
            "population_groups": [{"id": "@g", "label": "G" + ESCAPES}],
        },
        "countries": [{"id": h["country"], "name": "Country " + ESCAPES},
                      {"id": "Z", "name": "Other"}],
        "phases": [{"id": h["phase"], "label": "Phase " + ESCAPES}],
        "framework": [{"id": h["top"], "label": "Top " + ESCAPES, "children": [
            {"id": h["theme"], "label": ESCAPES, "children": [
                {"id": h["leaf_a"], "label": "A" + ESCAPES},
                {"id": h["leaf_b"]}]}]}],
        "raters": [{"id": h["rater_a"], "name": ESCAPES},
                   {"id": h["rater_b"]}],
        "ratings": [
            {"country": country, "phase": h["phase"], "node": node,
             "rater": rater, "scores": scores, "groups": ["@g"]}
            for country in (h["country"], "Z")
            for node, rater, scores in rows],
    }


def occ(*args):
    return subprocess.run([OCC, *args], capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("hostile") / "hostile.json"
    p.write_text(json.dumps(dataset()), encoding="utf-8")
    return str(p)


def text(result):
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


JSON_COMMANDS = [
    ("score",), ("score", "--ci", "-B", "20"), ("agreement", "-B", "20"),
    ("sensitivity", "-n", "20"), ("sensitivity", "-n", "20", "--depth", "2"),
    ("compare",), ("compare", "--depth", "2", "--ci", "-B", "20"),
    ("export",),
]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_parses_and_keeps_every_id(path, args):
    fmt = "--format=json"
    raw = text(occ(*args, fmt, path))
    # JSON is printed to terminals too: controls, C1 and bidirectional
    # characters are written as \u escapes, which lose nothing.
    assert not RAW_CONTROL.search(raw), RAW_CONTROL.search(raw)
    out = json.loads(raw)
    found = set(strings(out))
    assert "injected" not in found
    assert HOSTILE["country"] in found
    # Every hostile id the command prints comes back exactly.
    for key in ("phase", "leaf_a", "leaf_b"):
        if args[0] in ("score", "export") or "--depth" in args:
            assert HOSTILE[key] in found, key


CSV_COMMANDS = [
    ("score", "--format=csv"), ("score", "--ci", "-B", "20", "--format=csv"),
    ("agreement", "-B", "20", "--format=csv"),
    ("sensitivity", "-n", "20", "--depth", "2", "--format=csv"),
    ("compare", "--depth", "2", "--format=csv"), ("export",), ("template",),
]


def is_number(cell):
    return re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cell)


@pytest.mark.parametrize("args", CSV_COMMANDS, ids=" ".join)
def test_csv_has_no_formula(path, args):
    rows = list(csv.reader(io.StringIO(text(occ(*args, path)), newline="")))
    assert len(rows) > 1
    cells = [cell for row in rows for cell in row if cell]
    assert cells
    for cell in cells:
        assert cell[0] not in "=+-@\t\r" or is_number(cell), cell
    raw = list(csv.reader(io.StringIO(text(occ(*args, "--csv-raw", path)),
                                      newline="")))
    # --csv-raw prints them as they are (agreement prints no node or band).
    if args[0] != "agreement":
        assert any(c.startswith(("=", "+", "@")) for row in raw for c in row)


TEXT_COMMANDS = [
    ("score", "--format=table"), ("score", "--ci", "-B", "20", "--format=table"),
    ("report",), ("agreement", "-B", "20"), ("sensitivity", "-n", "20",
                                             "--depth", "2"),
    ("compare", "--depth", "2"), ("validate",),
]


@pytest.mark.parametrize("args", TEXT_COMMANDS, ids=" ".join)
def test_terminal_text_has_no_raw_control(path, args):
    out = text(occ(*args, path))
    assert out
    assert not RAW_CONTROL.search(out), RAW_CONTROL.search(out)
    # The escapes are shown, not dropped.
    if args[0] == "report":
        assert "\\x1b[31mred" in out and "\\u202e83.2" in out
    if args[0] == "compare":
        assert "Phase p\"\\1\\x0a\\x1b[31m\\u202e;" in out


def test_messages_have_no_raw_control(tmp_path, path):
    # A rating naming an unknown rater whose id is an escape sequence.
    doc = dataset()
    doc["ratings"][0]["rater"] = "\x1b]0;pwned\x07"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    result = occ("score", str(bad))
    assert result.returncode == 1 and result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert "\\x1b]0;pwned\\x07" in message
    assert not RAW_CONTROL.search(message)
    # A usage error quoting what was typed.
    result = occ("score", "--format=\x1b[2J", path)
    assert result.returncode == 2
    assert not RAW_CONTROL.search(result.stderr.decode("utf-8"))
