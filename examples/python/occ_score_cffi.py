#!/usr/bin/env python3
"""occ_score_cffi.py DATASET: score a dataset with the cffi package `occ`.

Prints the scores as occ-results/1 JSON, the document
`occ score --format=json DATASET` prints, built here from the object API
(iterating occ.Results and reading each occ.Score), not from
Results.to_json(): the same members in the same order, left out where
libocc leaves them out, every number the same double.

    meson devenv -C build python3 examples/python/occ_score_cffi.py \
        examples/data/peru-2024.json
"""

import json
import sys

import occ


def number(x):
    """A float as libocc writes it: -0.0 becomes 0.0."""
    return 0.0 if x == 0 else x


def put_slot(out, value, band, delta):
    """value, band and delta of a score or of one criterion, when known."""
    if value is not None:
        out["value"] = number(value)
        if band is not None:
            out["band"] = band
    if delta is not None:
        out["delta"] = number(delta)


def entry(score, several_countries):
    """One member of "scores" (a node's score) or of "countries"."""
    out = {"country": score.country, "phase": score.phase}
    if not score.is_country:
        out["node"] = score.node
        out["depth"] = score.depth
    put_slot(out, score.value, score.band, score.delta)
    # A country's rank (among countries) or a node's (among its peers).
    if score.rank is not None:
        out["rank"] = score.rank
    if (not score.is_country and several_countries
            and score.country_rank is not None):
        out["country_rank"] = score.country_rank
    criteria = {}
    for cid, c in score.criteria.items():
        if c["value"] is None and c["n"] is None:
            continue
        crit = {}
        put_slot(crit, c["value"], c["band"], c["delta"])
        if c["n"] is not None:
            crit["n"] = c["n"]
        criteria[cid] = crit
    out["criteria"] = criteria
    if score.inclusion is not None:
        out["inclusion"] = number(score.inclusion)
    if score.missing_children is not None:
        out["missing_children"] = score.missing_children
    return out


def results_document(dataset):
    """The occ-results/1 document of a dataset, as a dict."""
    results = dataset.score()
    countries = dataset.countries
    several = len(countries) > 1
    doc = {"format": "occ-results/1",
           "methodology": dataset.methodology.id,
           "scores": [entry(score, several) for score in results],
           "countries": []}
    for country in countries:
        for phase in dataset.phases:
            score = results.country_score(country.id, phase.id)
            if score is not None:
                doc["countries"].append(entry(score, several))
    return doc


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: occ_score_cffi.py DATASET\n")
        return 2
    try:
        with occ.load(argv[1]) as dataset:
            doc = results_document(dataset)
    except occ.OccError as e:
        sys.stderr.write("occ_score_cffi.py: %s\n" % e)
        return 1
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
