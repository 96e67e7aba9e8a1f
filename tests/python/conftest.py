"""Shared fixtures of the Python tests (run by `meson test --suite python`).

The tests import the `occ` package from the build directory
(PYTHONPATH=<build>/bindings/python, set by tests/python/meson.build) and
read the data of the source tree: OCC_SRCDIR, OCC_DATADIR, OCC_TOOL.
"""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.environ.get("OCC_SRCDIR") or os.path.dirname(os.path.dirname(HERE))
DATADIR = os.environ.get("OCC_DATADIR") or os.path.join(SRCDIR, "examples", "data")
PERU = os.path.join(DATADIR, "peru-2024.json")
RULES_DIR = os.path.join(SRCDIR, "tests", "rules")
FAULTS_DIR = os.path.join(SRCDIR, "tests", "faults")
REFERENCE_DIR = os.path.join(SRCDIR, "tests", "reference")

# Both are plain modules of the source tree.
sys.path.insert(0, HERE)
sys.path.insert(0, REFERENCE_DIR)


@pytest.fixture(scope="session")
def occ_module():
    import occ
    return occ


@pytest.fixture
def peru(occ_module):
    """The Peru dataset, closed after the test."""
    with occ_module.load(PERU) as ds:
        yield ds


@pytest.fixture
def peru_results(peru):
    return peru.score()


def tool():
    """The built `occ` executable (OCC_TOOL), or skip."""
    path = os.environ.get("OCC_TOOL")
    if not path:
        pytest.skip("OCC_TOOL is not set")
    return path
