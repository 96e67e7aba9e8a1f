"""The JSON conformance corpus (tests/json/) inside members a dataset
ignores: the reader is as strict there as anywhere (issue 14). Each case
is put, on lines of its own, as the value of an unknown member of the
document and of an unknown member of a rating; a case the corpus accepts
must load, one it refuses must be refused with the same code, rule and
column, one line further down."""

import json
import os

import pytest

import occ
from conftest import SRCDIR

JSON_DIR = os.path.join(SRCDIR, "tests", "json")

HEAD = (b'{"format": "occ-dataset/1", "methodology": "cco-2024", '
        b'"countries": [{"id": "PE"}], "phases": [{"id": "1"}], '
        b'"framework": [{"id": "L"}], "raters": [{"id": "r"}], ')
TOP = HEAD + b'"ratings": [], "ignored":\n%s\n}'
RATING = HEAD + (b'"ratings": [{"country": "PE", "phase": "1", "node": "L", '
                 b'"rater": "r", "scores": {"R": 1}, "ignored":\n%s\n}]}')

# Cases whose meaning changes inside a member: nesting one level deeper,
# no value at all, text after a value (there it is the next member), an
# end of input (there the document's brackets follow).
NOT_EMBEDDED = ("depth", "refuse-empty", "refuse-blank", "refuse-text-after",
                "refuse-second-document", "refuse-unclosed")


def read_index():
    cases = []
    with open(os.path.join(JSON_DIR, "index.tests"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                cases.append(tuple(line.split("\t")))
    assert len(cases) > 50
    return cases


CASES = [c for c in read_index() if not any(n in c[0] for n in NOT_EMBEDDED)]


@pytest.mark.parametrize("where", ["document", "rating"])
@pytest.mark.parametrize("name,verdict,code,place,rule", CASES,
                         ids=[c[0] for c in CASES])
def test_inside_an_ignored_member(name, verdict, code, place, rule, where):
    with open(os.path.join(JSON_DIR, "corpus", name), "rb") as f:
        case = f.read()
    document = (TOP if where == "document" else RATING) % case
    if verdict == "accept":
        with occ.Dataset.from_bytes(document) as ds:
            assert ds.n_ratings == (0 if where == "document" else 1)
        return
    with pytest.raises(occ.OccError) as info:
        occ.Dataset.from_bytes(document)
    e = info.value
    line, column = (int(x) for x in place.split(":"))
    assert e.code == code, e.message
    assert (e.line, e.column) == (line + 1, column), e.message
    if "first at" in e.rule:
        assert "first at %d:" % (line + 1) in e.rule
    # A place the rule names moves down a line too.
    assert rule.replace("first at 1:", "first at 2:") in e.rule, e.message
    if e.place is not None:
        assert e.place.startswith("ignored" if where == "document"
                                  else "ratings[0].ignored"), e.place


@pytest.mark.parametrize("order", [
    "ratings,published,raters,format",
    "published,raters,ratings,title",
    "title,ratings,framework",
    "format,methodology,countries,phases,framework,published,ratings,raters,title",
])
def test_member_order_does_not_matter(order):
    """Members come in any order (RFC 8259: an object is unordered): the
    records before what they name are read at the end, a title after the
    records is kept, and the results are the same bytes."""
    from conftest import FAULTS_DIR
    with open(os.path.join(FAULTS_DIR, "valid-base.json"), encoding="utf-8") as f:
        doc = json.load(f)
    first = [k for k in order.split(",") if k in doc]
    moved = {k: doc[k] for k in first + [k for k in doc if k not in first]}
    with occ.Dataset.from_string(json.dumps(doc)) as a, \
            occ.Dataset.from_string(json.dumps(moved)) as b:
        assert b.title == a.title and a.title
        assert b.n_ratings == a.n_ratings
        assert b.score().to_json() == a.score().to_json()
    bad = dict(moved, title=5)
    with pytest.raises(occ.OccError) as info:
        occ.Dataset.from_string(json.dumps(bad))
    assert info.value.code == "TYPE" and info.value.place == "title"
