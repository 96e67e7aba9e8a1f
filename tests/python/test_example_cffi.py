"""examples/python/occ_score_cffi.py prints the occ-results/1 document of
`occ score --format=json`, built from the object API: the same members in
the same order, every number the same double (Python's float equality is
bit equality, but for 0.0 == -0.0, which the writer never prints).

Datasets: examples/data/peru-2024.json, the "dataset" of every
tests/rules/*.json, and 30 generated ones (tests/reference/gen_datasets.py:
several countries and phases, raw ratings, every aggregation method).
"""

import glob
import json
import os
import subprocess
import sys

import pytest

from conftest import PERU, RULES_DIR, SRCDIR, tool

import gen_datasets

EXAMPLE = os.environ.get("OCC_EXAMPLE_CFFI") or os.path.join(
    SRCDIR, "examples", "python", "occ_score_cffi.py")
RULE_FILES = gen_datasets.sample(
    sorted(glob.glob(os.path.join(RULES_DIR, "*.json"))))
SEEDS = gen_datasets.sample(range(30))


def ordered(text):
    """JSON with every object as a list of (key, value) pairs: equal only
    when the members and their order are."""
    return json.loads(text, object_pairs_hook=list)


def same_numbers(a, b):
    """Also -0.0 against 0.0, and float against int."""
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(
            same_numbers(x, y) for x, y in zip(a, b))
    if isinstance(a, tuple):
        return isinstance(b, tuple) and all(same_numbers(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return type(a) is type(b) and repr(a) == repr(b)
    return a == b and type(a) is type(b)


def compare(path):
    expected = subprocess.run([tool(), "score", "--format=json", str(path)],
                              capture_output=True, text=True, timeout=120)
    assert expected.returncode == 0, expected.stderr
    got = subprocess.run([sys.executable, EXAMPLE, str(path)],
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr
    assert got.stdout.endswith("}\n")
    # What the brief asks: equal after json.loads ...
    assert json.loads(got.stdout) == json.loads(expected.stdout)
    # ... and more: the same members in the same order, the same types and
    # the same doubles (repr of a float is exact).
    a, b = ordered(got.stdout), ordered(expected.stdout)
    assert a == b
    assert same_numbers(a, b)
    return json.loads(got.stdout)


def test_peru():
    doc = compare(PERU)
    assert doc["format"] == "occ-results/1" and doc["scores"]


@pytest.mark.parametrize("path", RULE_FILES, ids=[os.path.basename(p)[:-5] for p in RULE_FILES])
def test_rule_datasets(path, tmp_path):
    with open(path, encoding="utf-8") as f:
        dataset = json.load(f)["dataset"]
    target = tmp_path / "dataset.json"
    target.write_text(json.dumps(dataset, indent=1), encoding="utf-8")
    compare(target)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_datasets(seed, tmp_path):
    dataset = gen_datasets.generate(seed)
    target = tmp_path / "dataset.json"
    target.write_text(json.dumps(dataset, indent=1), encoding="utf-8")
    compare(target)


def test_datasets_found():
    # An empty glob or sample would run the comparisons zero times.
    assert len(RULE_FILES) >= 1 and len(SEEDS) >= 1
    if not os.environ.get("OCC_TEST_SAMPLE"):
        assert len(RULE_FILES) >= 30 and len(SEEDS) == 30


def test_several_countries_are_covered():
    assert any(len(gen_datasets.generate(s)["countries"]) > 1 for s in SEEDS)


def test_a_bad_dataset_fails_with_the_message(tmp_path):
    target = tmp_path / "bad.json"
    target.write_text('{"format": "occ-dataset/9"}')
    got = subprocess.run([sys.executable, EXAMPLE, str(target)],
                         capture_output=True, text=True, timeout=60)
    assert got.returncode == 1 and got.stdout == ""
    assert str(target) + ":1:12: format: " in got.stderr
