"""Shared helpers of the analysis tests (meson test --suite analysis).

The `occ` package comes from the build directory (PYTHONPATH), the
independent reference scorer from tests/reference, the generator replica
from this directory.
"""

import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.environ.get("OCC_SRCDIR") or os.path.dirname(os.path.dirname(HERE))
DATADIR = os.path.join(SRCDIR, "examples", "data")
PERU = os.path.join(DATADIR, "peru-2024.json")
AMERICAS = os.path.join(DATADIR, "americas-sample.json")

sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(SRCDIR, "tests", "reference"))


def tool():
    path = os.environ.get("OCC_TOOL")
    if not path:
        pytest.skip("OCC_TOOL is not set")
    return path


def run_tool(*args, input=None, check=True):
    proc = subprocess.run([tool()] + list(args), input=input,
                          capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError("occ %s: %s" % (" ".join(args), proc.stderr))
    return proc


def write_dataset(tmp_path, doc, name="data.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return str(path)


def small_dataset(scores, methodology="cco-2024", countries=("AA",),
                  phases=("p1",)):
    """A dataset of one leaf L under top-level node T, rated in each
    country and phase: scores[(country, phase)] is a list of {criterion:
    score} per rater."""
    raters = max(len(v) for v in scores.values())
    doc = {
        "format": "occ-dataset/1",
        "methodology": methodology,
        "countries": [{"id": c} for c in countries],
        "phases": [{"id": p} for p in phases],
        "framework": [{"id": "T", "children": [{"id": "L"}]}],
        "raters": [{"id": "r%d" % i} for i in range(raters)],
        "ratings": [],
    }
    for (country, phase), rows in scores.items():
        for i, row in enumerate(rows):
            doc["ratings"].append({"country": country, "phase": phase,
                                   "node": "L", "rater": "r%d" % i,
                                   "scores": row})
    return doc
