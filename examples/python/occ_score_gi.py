#!/usr/bin/python3
"""Score an occ-dataset/1 file with libocc through GObject-Introspection.

    occ_score_gi.py DATASET

Prints the scores as occ-results/1 JSON, the same document as
`occ score --format=json DATASET`, built from the object API: the
Occ.Results list model of Occ.Score and their getters, and
Occ.Results.lookup_country for the countries' own scores.

Needs PyGObject and the Occ-1.0 typelib: inside `meson devenv -C build`
it uses the uninstalled library; against an installed one, set
GI_TYPELIB_PATH (to <libdir>/girepository-1.0) and LD_LIBRARY_PATH when
the prefix is not a system one.
"""

import json
import os
import sys

import gi

gi.require_version("Occ", "1.0")
from gi.repository import GLib, Occ  # noqa: E402


def number(value):
    """A score as occ-results/1 writes it: never -0.0."""
    return 0.0 if value == 0 else value


def put_slot(entry, ok_value, band, ok_delta):
    """The value, band and delta of a node or of one criterion."""
    ok, value = ok_value
    if ok:
        entry["value"] = number(value)
        if band is not None:
            entry["band"] = band
    ok, delta = ok_delta
    if ok:
        entry["delta"] = number(delta)


def entry_for(score, methodology, n_countries):
    """One member of `scores` (or of `countries`, for a country's score)."""
    is_country = score.get_node() is None
    entry = {"country": score.get_country(), "phase": score.get_phase()}
    if not is_country:
        entry["node"] = score.get_node_id()
        entry["depth"] = score.get_depth()
    put_slot(entry, score.get_value(), score.get_band(), score.get_delta())
    if is_country:
        if score.get_country_rank() > 0:
            entry["rank"] = score.get_country_rank()
    else:
        if score.get_rank() > 0:
            entry["rank"] = score.get_rank()
        if n_countries > 1 and score.get_country_rank() > 0:
            entry["country_rank"] = score.get_country_rank()
    criteria = {}
    for c in range(score.get_n_criteria()):
        ok_value = score.get_criterion_value(c)
        n = score.get_criterion_n(c)
        if not ok_value[0] and n < 0:
            continue
        criterion = {}
        put_slot(criterion, ok_value, score.get_criterion_band(c),
                 score.get_criterion_delta(c))
        if n >= 0:
            criterion["n"] = n
        criteria[methodology.get_criterion_id(c)] = criterion
    entry["criteria"] = criteria
    ok, inclusion = score.get_inclusion()
    if ok:
        entry["inclusion"] = number(inclusion)
    if score.get_missing_children() >= 0:
        entry["missing_children"] = score.get_missing_children()
    return entry


def results_document(results):
    """The occ-results/1 document of `results`, as a dict."""
    dataset = results.get_dataset()
    methodology = dataset.get_methodology()
    n_countries = dataset.get_n_countries()
    scores = [entry_for(score, methodology, n_countries) for score in results]
    countries = []
    for k in range(n_countries):
        for p in range(dataset.get_n_phases()):
            score = results.lookup_country(dataset.get_country_id(k),
                                           dataset.get_phase_id(p))
            if score is not None:
                countries.append(entry_for(score, methodology, n_countries))
    return {
        "format": "occ-results/1",
        "methodology": methodology.get_id(),
        "scores": scores,
        "countries": countries,
    }


def main(argv):
    if len(argv) != 2:
        print("usage: occ_score_gi.py DATASET", file=sys.stderr)
        return 2
    try:
        dataset = Occ.Dataset.new_from_file(argv[1])
    except GLib.Error as error:
        print(error.message, file=sys.stderr)
        return 1
    document = results_document(Occ.Results.new(dataset))
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # such as `| head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
