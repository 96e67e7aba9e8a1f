#!/usr/bin/python3
"""Rebuild the derived part of the seed corpus of the fuzz targets.

    tests/fuzz/make-corpus.py

corpus/dataset/ gets the bundled datasets (examples/data/*.json), the
dataset of every rule case (tests/rules/*.json) and every fault file
(tests/faults/*.json); corpus/methodology/ gets every distinct inline
methodology object found in those; corpus/csv/ gets every ratings CSV of
tests/csv/faults/ (valid files and faults, all over tests/csv/base.json,
the base the csv target embeds). Files named hand-* are written by hand
(small faults and corner cases) and left alone; everything else in the
corpus directories is replaced. Run it after adding rule cases or faults,
and commit the result.

SPDX-License-Identifier: LGPL-2.1-or-later
"""
import hashlib
import json
import pathlib
import sys

TOP = pathlib.Path(__file__).resolve().parents[2]
CORPUS = TOP / "tests" / "fuzz" / "corpus"


def sources():
    """(corpus name, bytes of a dataset document) for every source file."""
    for path in sorted((TOP / "examples" / "data").glob("*.json")):
        yield "examples-" + path.name, path.read_bytes()
    for path in sorted((TOP / "tests" / "rules").glob("*.json")):
        case = json.loads(path.read_text())
        text = json.dumps(case["dataset"], indent=1, ensure_ascii=False)
        yield "rules-" + path.name, text.encode() + b"\n"
    for path in sorted((TOP / "tests" / "faults").glob("*.json")):
        yield "faults-" + path.name, path.read_bytes()


def methodology_of(data):
    try:
        document = json.loads(data)
    except ValueError:
        return None
    if isinstance(document, dict) and isinstance(document.get("methodology"), dict):
        return document["methodology"]
    return None


def clear(directory):
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.iterdir():
        if not path.name.startswith("hand-"):
            path.unlink()


def main():
    datasets = CORPUS / "dataset"
    methodologies = CORPUS / "methodology"
    csvs = CORPUS / "csv"
    clear(datasets)
    clear(methodologies)
    clear(csvs)
    n_csvs = 0
    for path in sorted((TOP / "tests" / "csv" / "faults").glob("*.csv")):
        (csvs / path.name).write_bytes(path.read_bytes())
        n_csvs += 1
    seen = set()
    n_datasets = n_methodologies = 0
    for name, data in sources():
        (datasets / name).write_bytes(data)
        n_datasets += 1
        methodology = methodology_of(data)
        if methodology is None:
            continue
        text = json.dumps(methodology, indent=1, ensure_ascii=False).encode() + b"\n"
        digest = hashlib.sha256(text).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        (methodologies / name).write_bytes(text)
        n_methodologies += 1
    print(f"{n_datasets} dataset seeds, {n_methodologies} methodology seeds, "
          f"{n_csvs} csv seeds (plus hand-*)", file=sys.stderr)


if __name__ == "__main__":
    main()
