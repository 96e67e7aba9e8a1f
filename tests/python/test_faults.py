"""Bad input is refused with the right error and place (occ-v1 §6), as
tests/faults/test-faults.c checks it, through the binding: every file of
tests/faults/index.tests is loaded from its file name, from a str and from
bytes; each load must raise occ.OccError with the listed code, a message
naming the listed place, and the place parsed into OccError.place."""

import os
import re

import pytest

import occ
from conftest import FAULTS_DIR


def read_index():
    faults = []
    with open(os.path.join(FAULTS_DIR, "index.tests"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            assert len(fields) >= 2, "index.tests:%d: FILE<TAB>CODE<TAB>PLACE" % number
            code = fields[1]
            assert code == "VALID" or code in occ.CODE_NAMES, code
            faults.append((fields[0], code, fields[2] if len(fields) > 2 else ""))
    assert faults
    return faults


FAULTS = read_index()
JSON_PATH = re.compile(r"^(\(top level\)|[A-Za-z_]\w*(\[\d+\]|\.[^\s.\[\]:]+)*)$")


def check_fault(error, code, where, source):
    """What test-faults.c checks, plus the binding's parsing of the message."""
    assert isinstance(error, occ.OccError)
    assert error.domain == "occ-error-quark"
    assert error.code == code
    assert error.code_value == occ.CODE_NAMES.index(code)
    assert str(error) == error.message
    if where:
        assert where in error.message
    assert error.message.startswith(source + ":")
    assert error.source == source
    assert error.file == (None if source == "<data>" else source)
    # Every fault has its line and column (1.4), and the parts put
    # together again give the message: SOURCE:LINE:COLUMN: PATH: RULE.
    assert isinstance(error.line, int) and error.line >= 1
    assert isinstance(error.column, int) and error.column >= 1
    at = "%s:%d:%d" % (source, error.line, error.column)
    if error.place is None:
        assert code in ("SYNTAX", "LIMIT")
        assert error.message == "%s: %s" % (at, error.rule)
    else:
        assert JSON_PATH.match(error.place), error.place
        assert error.message == "%s: %s: %s" % (at, error.place, error.rule)
    if where and not where.startswith(":") and code != "SYNTAX":
        # The expected place is the place, or the start of it (a member
        # of it, for the index's shorter paths).
        assert error.place == where or error.place.startswith(where + ".") \
            or error.place.startswith(where + "[") or where == "format", \
            (error.place, where)
    assert error.rule and not error.rule.startswith(":")


@pytest.mark.parametrize("name,code,where", FAULTS, ids=[f[0] for f in FAULTS])
def test_fault(name, code, where):
    path = os.path.join(FAULTS_DIR, name)
    with open(path, "rb") as f:
        data = f.read()
    loaders = [(lambda: occ.Dataset.from_file(path), path),
               (lambda: occ.Dataset.from_string(data.decode("utf-8")), "<data>"),
               (lambda: occ.Dataset.from_bytes(data), "<data>")]
    for load, source in loaders:
        if code == "VALID":
            with load() as ds:
                assert len(ds.score()) >= 0
            continue
        with pytest.raises(occ.OccError) as info:
            load()
        check_fault(info.value, code, where, source)


def test_index_covers_every_fault_file():
    listed = {f[0] for f in FAULTS}
    on_disk = {n for n in os.listdir(FAULTS_DIR) if n.endswith(".json")}
    assert on_disk == listed


def test_places_of_all_fault_files():
    """OccError.place of every file of tests/faults/: a JSON path or
    FILE:LINE:COLUMN, and the one the index lists."""
    expected = {f[0]: f for f in FAULTS}
    for name in sorted(os.listdir(FAULTS_DIR)):
        if not name.endswith(".json") or expected[name][1] == "VALID":
            continue
        path = os.path.join(FAULTS_DIR, name)
        with pytest.raises(occ.OccError) as info:
            occ.load(path)
        e = info.value
        assert e.line >= 1 and e.column >= 1, e.message
        assert e.file == path
        if expected[name][1] == "SYNTAX":
            assert e.place is None or JSON_PATH.match(e.place), e.place
        elif expected[name][2]:
            assert e.place.startswith(expected[name][2]), (e.place, expected[name])


def deep_document(open_, close, inner, depth):
    return ('{"format": "occ-dataset/1", "title": ' + open_ * depth + inner
            + close * depth + "}")


DEEP = {
    "deep-arrays.json": deep_document("[", "]", "1", 100000),
    "deep-objects.json": deep_document('{"a": ', "}", "1", 100000),
    "deep-unclosed.json": '{"format": "occ-dataset/1", "x": ' + "[" * 100000,
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting(name, tmp_path):
    """100000 levels: refused with LIMIT and FILE:LINE:COLUMN, not a crash."""
    text = DEEP[name]
    with pytest.raises(occ.OccError) as info:
        occ.Dataset.from_string(text)
    assert info.value.code == "LIMIT"
    assert info.value.message.startswith("<data>:1:")
    assert info.value.place is None  # 48 levels of path say nothing
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(occ.OccError) as info:
        occ.load(path)
    assert info.value.code == "LIMIT"
    assert info.value.message.startswith(str(path))
    assert info.value.file == str(path)
    assert info.value.message.startswith(
        "%s:%d:%d: " % (path, info.value.line, info.value.column))
    # The column is that of the first bracket past the limit.
    e = info.value
    assert e.line == 1
    assert text[e.column - 1] in "[{"
    limit = int(re.search(r"deeper than (\d+) levels", e.rule).group(1))
    assert text[:e.column].count("[") + text[:e.column].count("{") == limit + 1
