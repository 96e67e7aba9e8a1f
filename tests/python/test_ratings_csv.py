"""Ratings as CSV through the cffi package (issue 6): the Dataset methods,
errors, and the round trip JSON -> CSV -> JSON on the 300 generated datasets
of the differential test, which must give the same dataset and the same
scores to the byte."""

import json
import os

import pytest

from conftest import SRCDIR
from gen_datasets import generate, sample

import occ

BASE = os.path.join(SRCDIR, "tests", "csv", "base.json")
FAULTS = os.path.join(SRCDIR, "tests", "csv", "faults")


@pytest.fixture
def base():
    with occ.load(BASE) as ds:
        yield ds


def test_file_string_and_bytes_agree(base):
    path = os.path.join(FAULTS, "valid-bom-crlf.csv")
    with open(path, "rb") as f:
        data = f.read()
    a = base.with_ratings_csv(path)
    b = base.with_ratings_csv_string(data.decode("utf-8"))
    c = base.with_ratings_csv_bytes(data)
    d = base.with_ratings_csv_string(data)
    assert isinstance(a, occ.Dataset)
    assert a.n_ratings == 2
    # What the file says, read by hand: quotes, the BOM, CRLF, the padded
    # " 1 ", an empty S, TRUE/false, the doubled quotes of the evidence; the
    # unknown "notes" column (with a quoted newline) is ignored.
    assert json.loads(a.to_json())["ratings"] == [
        {"country": "PE", "phase": "2024", "node": "IX.A.1", "rater": "org-1",
         "scores": {"R": 2, "E": 1, "S": None}, "groups": ["women", "youth"],
         "evidence": [{"kind": "practice", "ref": "a, b"}], "validated": True},
        {"country": "PE", "phase": "2024", "node": "IX.A.2", "rater": "org-1",
         "scores": {"R": 3, "E": 3, "S": 3}, "groups": [], "validated": False},
    ]
    assert a.to_json() == b.to_json() == c.to_json() == d.to_json()
    assert base.n_ratings == 4  # the base keeps its own ratings


def test_errors_name_the_place(base):
    path = os.path.join(FAULTS, "unknown-group.csv")
    with pytest.raises(occ.OccError) as info:
        base.with_ratings_csv(path)
    assert info.value.code == "UNKNOWN_ID"
    assert str(info.value).endswith(
        ':2:28 (column groups): unknown population group "elves"')
    with pytest.raises(occ.OccError) as info:
        base.with_ratings_csv_string("country,phase\n")
    assert info.value.code == "FORMAT"
    assert str(info.value).startswith("<data>:1:1: the header has no column")
    with pytest.raises(occ.OccError) as info:
        base.with_ratings_csv_bytes(b"\xff")
    assert info.value.code == "SYNTAX"
    with pytest.raises(occ.OccFileError):
        base.with_ratings_csv(os.path.join(FAULTS, "no-such-file.csv"))


def test_export_template_and_save(base, tmp_path):
    text = base.ratings_to_csv()
    assert text.splitlines()[0] == \
        "country,phase,node,rater,R,E,S,groups,validated,evidence"
    assert base.with_ratings_csv_string(text).to_json() == base.to_json()
    path = tmp_path / "r.csv"
    base.save_ratings_csv(path)
    assert path.read_bytes() == text.encode("utf-8")
    assert base.with_ratings_csv(path).score().to_json() == \
        base.score().to_json()
    sheet = base.template_csv()
    assert sheet.count("\r\n") == 1 + 16
    assert base.with_ratings_csv_string(sheet).n_ratings == 0


def test_closed_dataset(base):
    base.close()
    with pytest.raises(ValueError):
        base.ratings_to_csv()


ROUND_TRIP_SEEDS = sample(range(0, 300))


def test_generated_round_trip_has_ratings():
    # The round trip is vacuous on a dataset without ratings.
    assert sum(1 for s in ROUND_TRIP_SEEDS if generate(s).get("ratings")) \
        >= len(ROUND_TRIP_SEEDS) // 2


@pytest.mark.parametrize("seed", ROUND_TRIP_SEEDS)
def test_generated_round_trip(seed):
    with occ.Dataset.from_string(json.dumps(generate(seed))) as ds:
        assert ds.n_ratings == len(generate(seed).get("ratings", []))
        back = ds.with_ratings_csv_string(ds.ratings_to_csv())
        assert back.to_json() == ds.to_json()
        assert back.score().to_json() == ds.score().to_json()
