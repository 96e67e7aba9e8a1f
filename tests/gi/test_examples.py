"""The GObject-Introspection examples agree with `occ score --format=json`.

examples/python/occ_score_gi.py (PyGObject) and examples/gjs/occ-score.js
(GJS) build occ-results/1 from the object API; on the Peru dataset, every
tests/rules/*.json dataset and generated datasets
(tests/reference/gen_datasets.py), their output must equal the occ tool's:
the same members in the same order, every number the same double, bit for
bit.

Environment: OCC_SRCDIR, OCC_TOOL (the built occ), GJS (gjs, optional),
GI_TYPELIB_PATH and LD_LIBRARY_PATH for the typelib and the library.
"""

import glob
import json
import math
import os
import re
import struct
import subprocess
import sys

import pytest

SRCDIR = os.environ.get("OCC_SRCDIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRCDIR, "tests", "reference"))
import gen_datasets  # noqa: E402

OCC_TOOL = os.environ.get("OCC_TOOL", "occ")
GJS = os.environ.get("GJS")
PYTHON_EXAMPLE = os.path.join(SRCDIR, "examples", "python", "occ_score_gi.py")
GJS_EXAMPLE = os.path.join(SRCDIR, "examples", "gjs", "occ-score.js")
PERU = os.path.join(SRCDIR, "examples", "data", "peru-2024.json")
RULES = gen_datasets.sample(
    sorted(glob.glob(os.path.join(SRCDIR, "tests", "rules", "*.json"))))
SEEDS = gen_datasets.sample(range(0, 300, 10))

CASES = ([pytest.param("peru", id="peru")]
         + [pytest.param("rule:" + path, id=os.path.basename(path))
            for path in RULES]
         + [pytest.param("seed:%d" % seed, id="seed-%d" % seed)
            for seed in SEEDS])


def dataset_path(case, tmp_path):
    if case == "peru":
        return PERU
    kind, _, arg = case.partition(":")
    if kind == "rule":
        with open(arg, encoding="utf-8") as f:
            document = json.load(f)["dataset"]
    else:
        document = gen_datasets.generate(int(arg))
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def run(argv):
    done = subprocess.run(argv, capture_output=True, timeout=120)
    assert done.returncode == 0, (argv, done.stderr.decode(errors="replace"))
    assert done.stderr == b"", (argv, done.stderr.decode(errors="replace"))
    return json.loads(done.stdout.decode("utf-8"))


def bits(x):
    return struct.pack("<d", float(x))


def compare(actual, expected, where, js):
    """Structural equality; numbers the same double (JS prints 2.0 as 2)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        assert list(actual) == list(expected), \
            "%s: members %s, expected %s" % (where, list(actual), list(expected))
        for key in expected:
            compare(actual[key], expected[key], "%s.%s" % (where, key), js)
    elif isinstance(expected, list):
        assert isinstance(actual, list), where
        assert len(actual) == len(expected), where
        for i, (a, e) in enumerate(zip(actual, expected)):
            compare(a, e, "%s[%d]" % (where, i), js)
    elif isinstance(expected, float):
        if js:
            assert type(actual) in (int, float), where
        else:
            assert type(actual) is float, "%s: %r is not a float" % (where, actual)
        assert math.isfinite(expected), where
        assert bits(actual) == bits(expected), \
            "%s: %r, expected %r" % (where, actual, expected)
    else:
        assert type(actual) is type(expected), \
            "%s: %r, expected %r" % (where, actual, expected)
        assert actual == expected, "%s: %r, expected %r" % (where, actual, expected)


@pytest.mark.parametrize("case", CASES)
def test_examples_agree_with_occ(case, tmp_path):
    path = dataset_path(case, tmp_path)
    expected = run([OCC_TOOL, "score", "--format=json", path])
    assert expected["format"] == "occ-results/1"
    python = run([sys.executable, PYTHON_EXAMPLE, path])
    compare(python, expected, "python", js=False)
    if GJS:
        compare(run([GJS, "-m", GJS_EXAMPLE, path]), expected, "gjs", js=True)


def test_datasets_found():
    # An empty glob or sample would run the comparisons zero times.
    assert len(RULES) >= 1 and len(SEEDS) >= 1
    if not os.environ.get("OCC_TEST_SAMPLE"):
        assert len(RULES) >= 30 and len(SEEDS) == 30


def test_gjs_found():
    if not GJS:
        pytest.skip("gjs not found: the GJS example is not checked")


@pytest.mark.parametrize("example", ["python", "gjs"])
def test_examples_report_errors(example, tmp_path):
    if example == "gjs" and not GJS:
        pytest.skip("no gjs")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "occ-dataset/1", "methodology": "nope"}')
    argv = ([sys.executable, PYTHON_EXAMPLE] if example == "python"
            else [GJS, "-m", GJS_EXAMPLE]) + [str(bad)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert re.match(re.escape(str(bad)) + r":1:\d+: methodology", done.stderr)
