"""What the differential tests share: running the built `occ` (OCC_TOOL)
on a dataset, and naming a results entry in a difference."""

import json
import os
import subprocess

import pytest


def tool():
    """The `occ` under test; the test is skipped without one."""
    path = os.environ.get("OCC_TOOL")
    if not path:
        pytest.skip("OCC_TOOL is not set")
    return path


def run_tool(dataset, tmp_path, name="dataset.json"):
    """`occ score --format=json` of `dataset` (a dict), parsed."""
    path = tmp_path / name
    path.write_text(json.dumps(dataset, indent=1), encoding="utf-8")
    proc = subprocess.run([tool(), "score", "--format=json", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, "occ score failed (%d): %s" % (
        proc.returncode, proc.stderr.strip())
    return json.loads(proc.stdout)


def entry_name(obj):
    """COUNTRY/PHASE/NODE of a results entry, or "" for anything else."""
    if isinstance(obj, dict) and "country" in obj and "phase" in obj:
        return "%s/%s/%s" % (obj["country"], obj["phase"],
                             obj.get("node", "<country>"))
    return ""
