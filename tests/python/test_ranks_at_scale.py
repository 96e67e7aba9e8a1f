"""Ranks (occ-v1 §4.7) by their definition, for many peers: a node's
rank is one more than the number of its peers with a strictly higher score
rounded to the precision. libocc counts keys when the rounded scores span
few values and sorts them otherwise (issue 6); both ways are checked here,
with ties, between leaves and between countries."""

import json
import random

import pytest

import occ


def dataset(scale_max, precision, n_leaves, n_countries, seed):
    rng = random.Random(seed)
    methodology = {
        "id": "wide", "scale": {"min": 0, "max": scale_max},
        "criteria": [{"id": "R"}],
        "aggregation": {"raters": "mean", "criteria": "mean", "children": "mean"},
        "precision": precision,
    }
    leaves = ["L%d" % i for i in range(n_leaves)]
    countries = ["C%d" % k for k in range(n_countries)]
    # Values from a small pool, so that ties are frequent.
    pool = [rng.uniform(0, scale_max) for _ in range(n_leaves // 2 + 1)]
    published = [{"country": k, "phase": "p", "node": leaf,
                  "scores": {"R": rng.choice(pool)}}
                 for k in countries for leaf in leaves]
    return {"format": "occ-dataset/1", "methodology": methodology,
            "countries": [{"id": k} for k in countries],
            "phases": [{"id": "p"}],
            "framework": [{"id": "top", "children": [{"id": l} for l in leaves]}],
            "published": published}


def expected_rank(values, value, precision):
    return 1 + sum(1 for v in values if rounded(v, precision) > rounded(value, precision))


def rounded(value, precision):
    # Half away from zero, as occ-v1 §4.8 rounds (no value here lies
    # near a half, so plain arithmetic agrees with libocc's slack).
    scaled = value * 10 ** precision
    return int(scaled + 0.5) if scaled >= 0 else -int(-scaled + 0.5)


@pytest.mark.parametrize("scale_max,precision", [(3, 2), (10000, 0), (1000, 3)])
def test_ranks_by_definition(scale_max, precision):
    doc = dataset(scale_max, precision, n_leaves=300, n_countries=40, seed=scale_max)
    with occ.Dataset.from_string(json.dumps(doc)) as ds:
        results = ds.score()
        by_country = {}
        for k in range(40):
            country = "C%d" % k
            values = {}
            for i in range(300):
                score = results.lookup(country, "p", "L%d" % i)
                values["L%d" % i] = score.value
            by_country[country] = values
            # Ties are what the test is about: many leaves share a rank.
            assert len({rounded(v, precision) for v in values.values()}) < 200
            for leaf, value in values.items():
                score = results.lookup(country, "p", leaf)
                assert score.rank == expected_rank(values.values(), value,
                                                   precision)
        for i in range(0, 300, 7):
            leaf = "L%d" % i
            column = [by_country[k][leaf] for k in by_country]
            for k, values in by_country.items():
                score = results.lookup(k, "p", leaf)
                assert score.country_rank == expected_rank(
                    column, values[leaf], precision)
