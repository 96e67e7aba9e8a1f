#!/usr/bin/python3
"""Run the code cells of examples/notebooks/compare-countries.ipynb and check
what they computed.

    run_notebook.py [NOTEBOOK]

No Jupyter needed: the notebook is read with json, its code cells run in
order in one namespace, in the notebook's folder (as Jupyter does), with
matplotlib's Agg backend. A cell that raises, or whose own code triggers a
warning, fails the run with the cell's number. Then the namespace is
checked against the library (`res.lookup`, `res.country_score`) and,
independently, against `occ score --format=json` when $OCC_TOOL names the
occ command.

Environment: PYTHONPATH and LD_LIBRARY_PATH must let `import occ` find the
Python package and libocc; OCC_DATADIR the bundled datasets (the meson test
sets all three).
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import traceback
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.environ.get("OCC_SRCDIR", os.path.dirname(os.path.dirname(HERE)))
NOTEBOOK = os.path.join(SRCDIR, "examples", "notebooks", "compare-countries.ipynb")
DATASET = os.path.join(SRCDIR, "examples", "data", "americas-sample.json")


class CellError(Exception):
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    assert nb.get("nbformat") == 4, "%s: nbformat %r, expected 4" % (path, nb.get("nbformat"))
    assert nb["metadata"]["kernelspec"]["language"] == "python"
    cells = nb["cells"]
    assert any(c["cell_type"] == "markdown" for c in cells), "no markdown cell"
    ids = [c.get("id") for c in cells]
    assert all(ids) and len(set(ids)) == len(ids), "cell ids missing or repeated"
    for number, cell in enumerate(cells, 1):
        if cell["cell_type"] != "code":
            continue
        # The notebook is committed clean: no outputs, never executed.
        assert cell.get("outputs") == [], "cell %d: committed with outputs" % number
        assert cell.get("execution_count") is None, \
            "cell %d: committed with an execution count" % number
    return cells


def source(cell):
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


def run(cells, path):
    """Execute the code cells in one namespace; returns it."""
    namespace = {"__name__": "__main__"}
    name = os.path.basename(path)
    for number, cell in enumerate(cells, 1):
        if cell["cell_type"] != "code":
            continue
        filename = "<%s cell %d>" % (name, number)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                exec(compile(source(cell), filename, "exec"), namespace)
            except BaseException as e:
                traceback.print_exc()
                raise CellError("%s: cell %d (id %s) raised %s: %s"
                                % (name, number, cell.get("id", "?"),
                                   type(e).__name__, e)) from e
        # A warning the notebook's own code causes (a deprecated pandas call,
        # say) is a failure too; warnings deep inside libraries are shown.
        for w in caught:
            text = warnings.formatwarning(w.message, w.category, w.filename, w.lineno)
            if w.filename == filename:
                raise CellError("%s: cell %d (id %s) warns: %s"
                                % (name, number, cell.get("id", "?"), text.strip()))
            sys.stderr.write("cell %d: (library) %s" % (number, text))
        print("cell %d (%s): ok" % (number, cell.get("id", "?")))
    return namespace


def isnan(x):
    """None, NaN or pandas.NA: no value."""
    return x is None or bool(pd.isna(x))


def value_of(score):
    return None if score is None else score.value


def tool_results(dataset):
    """occ-results/1 from the occ command, or None without $OCC_TOOL."""
    tool = os.environ.get("OCC_TOOL")
    if not tool:
        print("OCC_TOOL unset: not comparing with the occ command")
        return None
    out = subprocess.run([tool, "score", "--format=json", dataset],
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    return ({(s["country"], s["phase"], s["node"]): s for s in data["scores"]},
            {(s["country"], s["phase"]): s for s in data.get("countries", [])})


def same(a, b, what):
    if isnan(a) or isnan(b):
        assert isnan(a) and isnan(b), "%s: %r vs %r" % (what, a, b)
    else:
        assert abs(a - b) <= 1e-12, "%s: %r vs %r" % (what, a, b)


def check(ns, cells):
    with open(DATASET, encoding="utf-8") as f:
        raw = json.load(f)
    ids = [c["id"] for c in raw["countries"]]
    themes = [t["id"] for summit in raw["framework"] for t in summit.get("children", [])]
    phase, previous = ns["PHASE"], ns["PREVIOUS"]
    assert [p["id"] for p in raw["phases"]][-2:] == [previous, phase]
    results = ns["results"]
    fmt = ns["ds"].methodology.format_value

    # The dataset the notebook found is the bundled sample.
    assert os.path.samefile(ns["DATASET"], DATASET), ns["DATASET"]
    assert list(ns["countries"]) == ids and len(ids) == 4, ns["countries"]
    assert ns["themes"] == themes, (ns["themes"], themes)

    # The comparison table: countries x themes, then the country score.
    comparison = ns["comparison"]
    change = "change since %s" % previous
    assert list(comparison.index) == ids, list(comparison.index)
    assert list(comparison.columns) == themes + ["country score", change, "rank"], \
        list(comparison.columns)
    tool = tool_results(DATASET)
    for c in ids:
        for t in themes:
            got = comparison.loc[c, t]
            same(got, value_of(results.lookup(c, phase, t)), "comparison[%s, %s]" % (c, t))
            if tool:
                same(got, tool[0].get((c, phase, t), {}).get("value"),
                     "comparison[%s, %s] vs occ score" % (c, t))
            assert ns["comparison_shown"].loc[c, t] == ("–" if isnan(got) else fmt(got))
            rank = ns["theme_ranks"].loc[c, t]
            score = results.lookup(c, phase, t)
            if isnan(got):
                assert isnan(rank), (c, t, rank)
            else:
                assert int(rank) == score.country_rank, (c, t, rank)
                same(ns["theme_changes"].loc[c, t], score.delta, "changes[%s, %s]" % (c, t))
        country = results.country_score(c, phase)
        same(comparison.loc[c, "country score"], country.value, "country score %s" % c)
        same(comparison.loc[c, change], country.delta, "change %s" % c)
        assert comparison.loc[c, "rank"] == country.rank, (c, comparison.loc[c, "rank"])
        if tool:
            entry = tool[1][(c, phase)]
            same(comparison.loc[c, "country score"], entry["value"], "country %s vs occ" % c)
            same(comparison.loc[c, change], entry.get("delta"), "change %s vs occ" % c)
            assert comparison.loc[c, "rank"] == entry["rank"], (c, entry["rank"])
        for k in ("R", "E", "S"):
            same(ns["criteria_table"].loc[c, k], country.criteria[k]["value"],
                 "criteria %s %s" % (c, k))

    # Ranks between countries: 1 + the number of countries whose score is
    # higher once rounded for display.
    shown = {c: float(fmt(comparison.loc[c, "country score"])) for c in ids}
    for c in ids:
        assert comparison.loc[c, "rank"] == 1 + sum(v > shown[c] for v in shown.values()), \
            (c, shown)

    # What the sample is there to show: countries differ, some themes are
    # not monitored everywhere, and the table says so.
    values = comparison[themes]
    assert values.isna().any().any(), "every country monitors every theme"
    assert comparison["country score"].nunique() == len(ids), "countries do not differ"
    assert len(ns["coverage"]) == len(ids)
    assert ns["coverage"]["commitments scored"].nunique() > 1

    # One figure, two axes: a bar per (country, monitored theme); a bar per
    # (country, criterion). Their heights are the table's numbers.
    assert plt.get_fignums() == [ns["fig"].number], plt.get_fignums()
    theme_axes, criteria_axes = ns["fig"].axes
    bars = [p.get_height() for p in theme_axes.patches]
    expected = values.stack().dropna().to_list()
    assert len(bars) == len(expected) == values.notna().sum().sum(), (len(bars), len(expected))
    assert all(abs(a - b) < 1e-12 for a, b in zip(sorted(bars), sorted(expected)))
    bars = [p.get_height() for p in criteria_axes.patches]
    expected = ns["criteria_table"].stack().to_list()
    assert len(bars) == 3 * len(ids), len(bars)
    assert all(abs(a - b) < 1e-12 for a, b in zip(sorted(bars), sorted(expected)))
    assert len(theme_axes.get_legend().get_texts()) == len(ids)
    png = io.BytesIO()
    ns["fig"].savefig(png, format="png")
    assert png.getvalue().startswith(b"\x89PNG") and len(png.getvalue()) > 10000

    # Without $OCC_DATADIR, or with one that lacks the file, the notebook
    # finds the dataset next to its own folder.
    saved = os.environ.pop("OCC_DATADIR", None)
    try:
        assert os.path.samefile(ns["find_dataset"](), DATASET)
        with tempfile.TemporaryDirectory() as empty:
            os.environ["OCC_DATADIR"] = empty
            assert os.path.samefile(ns["find_dataset"](), DATASET)
        try:
            ns["find_dataset"]("no-such-dataset.json")
        except FileNotFoundError:
            pass
        else:
            raise AssertionError("find_dataset found a dataset that does not exist")
    finally:
        os.environ.pop("OCC_DATADIR", None)
        if saved is not None:
            os.environ["OCC_DATADIR"] = saved


def main(argv):
    path = os.path.abspath(argv[1] if len(argv) > 1 else NOTEBOOK)
    try:
        cells = load(path)
    except AssertionError as e:
        print("FAIL: %s: %s" % (path, e), file=sys.stderr)
        return 1
    os.chdir(os.path.dirname(path))  # where Jupyter runs a notebook
    try:
        ns = run(cells, path)
    except CellError as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    try:
        check(ns, cells)
    except AssertionError:
        traceback.print_exc()
        print("FAIL: %s: the notebook ran but computed something wrong" % path,
              file=sys.stderr)
        return 1
    print("ok: %s (%d cells)" % (os.path.basename(path), len(cells)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
