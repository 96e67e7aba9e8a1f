"""occ: libocc for Python, through cffi.

libocc scores how well governments keep their anti-corruption and
open-government commitments, the way citizen observatories do it.

    >>> import occ
    >>> with occ.load("peru-2024.json") as ds:
    ...     results = ds.score()
    >>> score = results.lookup("PE", "2024", "IX.B")
    >>> round(score.value, 2), score.band
    (2.94, 'high')

The main types:

* :class:`Dataset` -- an ``occ-dataset/1`` document (:func:`load`,
  :meth:`Dataset.from_string`, :meth:`Dataset.from_bytes`);
* :class:`Methodology` -- the scale, criteria, aggregation and bands;
  for a categorical methodology (``ogp-irm-2015``), each criterion's
  :class:`Level` s, its :class:`Flag` s and :class:`Summary` s;
* :class:`Node` -- one node of the framework of commitments;
* :class:`Results` -- the scores of a dataset, a sequence of
  :class:`Score`, also as records (:meth:`Results.to_records`), a pandas
  DataFrame (:meth:`Results.to_dataframe`) or ``occ-results/1`` JSON;
* :class:`Audit` -- a published report's claims (``occ-claims/1``)
  checked against :class:`Results`: each :class:`Claim` with its verdict;
* :class:`OccError` -- what libocc reports, with the code, the place and
  the rule broken;
* :class:`Bootstrap`, :class:`Agreement`, :class:`Sensitivity`,
  :class:`Comparison`, :func:`krippendorff_alpha` -- confidence
  intervals, inter-rater agreement, weight sensitivity and country
  comparison (:mod:`occ.analysis`).

The declarations of the C API this package uses are compiled against
<occ/occ.h> (cffi's API mode), so they cannot drift from the library.
"""

from ._ffi import lib as _lib, text as _text
from .errors import CODE_NAMES, OccError, OccFileError
from .methodology import (Band, Criterion, Flag, Level, Methodology,
                          PopulationGroup, Scale, Summary)
from .dataset import Country, Dataset, Node, Phase, Rater, Values, load
from .results import (CLAIM_COLUMNS, RECORD_COLUMNS, SUMMARY_COLUMNS,
                      VERDICTS, Audit, Claim, Results, Score)
from .analysis import (Agreement, Bootstrap, Comparison, Interval, Sensitivity,
                       Spread, krippendorff_alpha)


def version():
    """The version of the libocc library in use (``occ_get_version()``),
    such as ``"1.0.0"``."""
    return _text(_lib.occ_get_version())


def version_info():
    """The version of the libocc library in use as a (major, minor, micro)
    tuple of ints."""
    return (int(_lib.occ_get_major_version()),
            int(_lib.occ_get_minor_version()),
            int(_lib.occ_get_micro_version()))


def round_half_away(value, decimals):
    """value rounded to decimals (0 to 9) as libocc rounds every figure it
    shows (occ-v1 §4.8): half away from zero on the shortest decimal,
    so ``round_half_away(0.575, 2) == 0.58`` and ``round_half_away(2.675,
    2) == 2.68``, where Python's ``round`` gives 0.57 and 2.67."""
    if not isinstance(decimals, int) or not 0 <= decimals <= 9:
        raise ValueError("decimals must be an int from 0 to 9")
    return _lib.occ_round(float(value), decimals)


def escape_for_terminal(text):
    """text with the characters that could steer a terminal or reorder
    text (C0 and C1 controls, DEL, bidirectional formatting) shown as
    escapes such as ``\\x1b``: what ``occ`` does with every label and
    message it prints. libocc keeps a dataset's strings exactly; pass them
    through this before printing them to a terminal."""
    from ._ffi import c_string, take_text
    return take_text(_lib.occ_escape_for_terminal(c_string(text, "text")))


#: The version of libocc in use (the run-time library's).
__version__ = version()

__all__ = [
    "Band", "CODE_NAMES", "Country", "Criterion", "Dataset", "Methodology",
    "Node", "OccError", "OccFileError", "Phase", "PopulationGroup",
    "RECORD_COLUMNS", "Rater", "Results", "Scale", "Score", "Values", "load",
    "escape_for_terminal", "round_half_away", "version", "version_info",
    "Agreement", "Bootstrap", "Comparison", "Interval", "Sensitivity",
    "Spread", "krippendorff_alpha",
    "Audit", "CLAIM_COLUMNS", "Claim", "Flag", "Level", "SUMMARY_COLUMNS",
    "Summary", "VERDICTS",
]
