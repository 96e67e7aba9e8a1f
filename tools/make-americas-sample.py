#!/usr/bin/python3
"""Generate examples/data/americas-sample.json, a small multi-country
occ-dataset/1 with raw ratings, for examples and the notebook test.

The framework is a subset of the IX Summit (Los Angeles, 2022) tree of
examples/data/peru-2024.json: its real ids, labels and commitment texts.
Everything else is fictional: the raters are invented organizations and
their ratings are drawn from a seeded pseudo-random model, so the numbers
say nothing about any real country.

The output is byte-identical on every run: the "randomness" is a hash of
the rating's coordinates (sha256), not a random generator whose state
depends on the order of the calls or on the Python version.

Usage (from the top of the repository):

    /usr/bin/python3 tools/make-americas-sample.py            # writes the file
    /usr/bin/python3 tools/make-americas-sample.py --check    # exit 1 if stale
    /usr/bin/python3 tools/make-americas-sample.py -o FILE    # elsewhere ("-": stdout)
"""

import argparse
import hashlib
import json
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(TOP, "examples", "data", "peru-2024.json")
OUTPUT = os.path.join(TOP, "examples", "data", "americas-sample.json")
SEED = "americas-sample/1"

# The subset of the IX Summit tree: theme -> commitment -> sub-commitments
# (an empty list: the commitment itself is the rated leaf, as in Peru's
# tree). Every id exists in peru-2024.json.
SUBSET = {
    "IX.A": {
        "IX.A.3": ["IX.A.3.D"],
        "IX.A.4": [],
        "IX.A.12": ["IX.A.12.A", "IX.A.12.G"],
        "IX.A.13": [],
        "IX.A.17": ["IX.A.17.D", "IX.A.17.G"],
    },
    "IX.B": {
        "IX.B.9": [],
    },
    "IX.C": {
        "IX.C.3": [],
        "IX.C.17": [],
        "IX.C.21": [],
    },
    "IX.D": {
        "IX.D.2": [],
        "IX.D.3": [],
    },
    "IX.E": {
        "IX.E.1": ["IX.E.1.F"],
        "IX.E.6": [],
    },
}

PHASES = [
    {"id": "2022", "label": "Phase 1 (2022)"},
    {"id": "2024", "label": "Phase 2 (2024)"},
]

GROUPS = ["women", "youth", "children", "older-adults", "indigenous",
          "afro-descendant", "lgbtiq", "disability", "rural"]

# Groups a rater is likelier to find included in a given leaf, because the
# commitment names them.
TOPIC_GROUPS = {
    "IX.A.3.D": ["women"],
    "IX.A.12.A": ["women"],
    "IX.A.12.G": ["women"],
    "IX.A.17.G": ["youth"],
    "IX.D.2": ["women", "indigenous", "afro-descendant", "disability"],
    "IX.E.1.F": ["indigenous", "rural"],
}

# Each country: its raters (letters), the leaves it does not monitor, the
# leaves it monitors in 2024 only, the leaves rated by fewer raters, and
# the mean rating its (fictional) raters tend to give, per theme and
# criterion, in each phase. Criterion order: R, E, S.
COUNTRIES = [
    {
        "id": "PE", "name": "Peru",
        "raters": "ABCDEF",
        "not_monitored": [],
        "new_in_2024": [],
        "fewer_raters": {("2024", "IX.D.3"): 2},
        "joins_2024": {},
        "means": {
            "2022": {"IX.A": (2.0, 1.3, 1.2), "IX.B": (2.6, 2.2, 2.0),
                     "IX.C": (2.4, 1.8, 1.6), "IX.D": (1.8, 1.0, 0.9),
                     "IX.E": (1.9, 1.2, 1.0)},
            "2024": {"IX.A": (1.8, 0.9, 0.9), "IX.B": (2.9, 2.8, 2.7),
                     "IX.C": (2.5, 2.0, 1.7), "IX.D": (1.6, 0.8, 0.7),
                     "IX.E": (2.0, 1.1, 0.8)},
        },
        "inclusion": 0.18,
    },
    {
        "id": "CO", "name": "Colombia",
        "raters": "ABCDE",
        "not_monitored": ["IX.A.17.G", "IX.D.3"],
        "new_in_2024": ["IX.C.21"],
        "fewer_raters": {},
        "joins_2024": {},
        "means": {
            "2022": {"IX.A": (2.1, 1.4, 1.3), "IX.B": (2.2, 1.6, 1.4),
                     "IX.C": (2.0, 1.3, 1.2), "IX.D": (2.3, 1.5, 1.4),
                     "IX.E": (2.4, 1.7, 1.5)},
            "2024": {"IX.A": (2.5, 2.0, 1.8), "IX.B": (2.4, 2.0, 1.8),
                     "IX.C": (2.3, 1.7, 1.5), "IX.D": (2.6, 2.1, 1.9),
                     "IX.E": (2.7, 2.3, 2.0)},
        },
        "inclusion": 0.30,
    },
    {
        "id": "MX", "name": "Mexico",
        "raters": "ABCD",
        "not_monitored": ["IX.A.13", "IX.C.21", "IX.E.6"],
        "new_in_2024": [],
        "fewer_raters": {("2022", "IX.B.9"): 1, ("2024", "IX.B.9"): 2},
        "joins_2024": {},
        "means": {
            "2022": {"IX.A": (2.4, 1.9, 1.7), "IX.B": (2.3, 1.8, 1.7),
                     "IX.C": (2.6, 2.2, 2.0), "IX.D": (2.0, 1.4, 1.3),
                     "IX.E": (2.2, 1.6, 1.4)},
            "2024": {"IX.A": (2.0, 1.3, 1.1), "IX.B": (2.1, 1.5, 1.3),
                     "IX.C": (2.5, 2.0, 1.8), "IX.D": (1.7, 1.0, 0.8),
                     "IX.E": (1.8, 1.1, 0.9)},
        },
        "inclusion": 0.12,
    },
    {
        "id": "AR", "name": "Argentina",
        "raters": "ABCD",
        "not_monitored": ["IX.B.9", "IX.A.3.D", "IX.D.2"],
        "new_in_2024": [],
        "fewer_raters": {},
        # Organization D rates from 2024 on only.
        "joins_2024": {"D": "2024"},
        "means": {
            "2022": {"IX.A": (2.2, 1.5, 1.4), "IX.C": (2.3, 1.6, 1.5),
                     "IX.D": (1.9, 1.2, 1.1), "IX.E": (2.0, 1.4, 1.3)},
            "2024": {"IX.A": (2.3, 1.6, 1.6), "IX.C": (2.0, 1.3, 1.1),
                     "IX.D": (2.2, 1.7, 1.5), "IX.E": (2.1, 1.5, 1.4)},
        },
        "inclusion": 0.22,
    },
]

CRITERIA = ["R", "E", "S"]
NULL_RATE = 0.015      # a criterion left unrated
UNVALIDATED_RATE = 0.08


def unit(*key):
    """A number in [0, 1) determined by key alone."""
    digest = hashlib.sha256("|".join((SEED,) + key).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0 ** 64


def rater_id(country, letter):
    return "%s-obs-%s" % (country.lower(), letter.lower())


def framework(peru):
    """The subset of Peru's IX tree, in Peru's order, with its texts."""
    ix = next(n for n in peru["framework"] if n["id"] == "IX")

    def copy(node, keep):
        out = {"id": node["id"], "label": node["label"]}
        if "text" in node:
            out["text"] = node["text"]
        kids = [copy(c, keep) for c in node.get("children", [])
                if c["id"] in keep]
        if kids:
            out["children"] = kids
        return out

    keep = set()
    for theme, commitments in SUBSET.items():
        keep.add(theme)
        for commitment, subs in commitments.items():
            keep.add(commitment)
            keep.update(subs)
    tree = copy(ix, keep)
    found = set()

    def walk(node):
        found.add(node["id"])
        for c in node.get("children", []):
            walk(c)

    walk(tree)
    missing = keep - found
    if missing:
        sys.exit("make-americas-sample: not in peru-2024.json: %s"
                 % ", ".join(sorted(missing)))
    return tree


def leaves():
    """(theme, leaf id) in framework order."""
    out = []
    for theme, commitments in SUBSET.items():
        for commitment, subs in commitments.items():
            for leaf in subs or [commitment]:
                out.append((theme, leaf))
    return out


def rating(country, phase, theme, leaf, letter):
    cid = country["id"]
    rid = rater_id(cid, letter)
    means = country["means"][phase][theme]
    scores = {}
    for c, mean in zip(CRITERIA, means):
        if unit(cid, phase, leaf, rid, c, "null") < NULL_RATE:
            scores[c] = None
            continue
        # A leaf-level shift shared by the country's raters, plus the
        # rater's own spread; rounded to the 0..3 scale.
        shift = (unit(cid, phase, leaf, c, "leaf") - 0.5) * 1.2
        spread = (unit(cid, phase, leaf, rid, c, "rater") - 0.5) * 1.6
        scores[c] = min(3, max(0, int(round(mean + shift + spread))))
    topical = TOPIC_GROUPS.get(leaf, [])
    groups = []
    for g in GROUPS:
        p = country["inclusion"] * (2.5 if g in topical else 1.0)
        if unit(cid, phase, leaf, rid, g, "group") < p:
            groups.append(g)
    validated = unit(cid, phase, leaf, rid, "validated") >= UNVALIDATED_RATE
    return {
        "country": cid,
        "phase": phase,
        "node": leaf,
        "rater": rid,
        "scores": scores,
        "groups": groups,
        "validated": validated,
    }


def dataset():
    with open(SOURCE, encoding="utf-8") as f:
        peru = json.load(f)
    raters = []
    ratings = []
    for country in COUNTRIES:
        cid = country["id"]
        for letter in country["raters"]:
            raters.append({
                "id": rater_id(cid, letter),
                "name": "Observatorio Ciudadano %s-%s (illustrative)"
                        % (cid, letter),
                "country": cid,
            })
        for phase in (p["id"] for p in PHASES):
            for theme, leaf in leaves():
                if leaf in country["not_monitored"]:
                    continue
                if phase == "2022" and leaf in country["new_in_2024"]:
                    continue
                active = [r for r in country["raters"]
                          if country["joins_2024"].get(r, "2022") <= phase]
                n = country["fewer_raters"].get((phase, leaf), len(active))
                for letter in active[:n]:
                    ratings.append(rating(country, phase, theme, leaf, letter))
    return {
        "format": "occ-dataset/1",
        "title": "Americas sample: an illustrative dataset with fictional "
                 "ratings (not observatory data)",
        "source": "Generated by tools/make-americas-sample.py. The framework "
                  "(ids, labels, commitment texts) is a subset of the IX Summit "
                  "tree of peru-2024.json; the organizations and every rating "
                  "are fictional and say nothing about any country.",
        "methodology": "cco-2024",
        "countries": [{"id": c["id"], "name": c["name"]} for c in COUNTRIES],
        "phases": PHASES,
        "framework": [framework(peru)],
        "raters": raters,
        "ratings": ratings,
    }


def render():
    return json.dumps(dataset(), indent=2, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", default=OUTPUT,
                        help="where to write (default: %(default)s; - for stdout)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the file instead of writing it")
    args = parser.parse_args()
    text = render()
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print("%s is not what %s generates" % (args.output, sys.argv[0]),
                  file=sys.stderr)
            return 1
        return 0
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
