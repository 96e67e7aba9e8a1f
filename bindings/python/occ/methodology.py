"""occ.Methodology: the scale, criteria, aggregation, bands and population
groups by which a dataset is scored."""

import math
from collections import namedtuple

from ._ffi import NULL, c_lang, c_string, ffi, lib, own, ref, take_text, text
from .errors import new_error_location, raise_error

Scale = namedtuple("Scale", "min max")
Scale.__doc__ = "A numeric rating scale: integer scores from min to max."
Criterion = namedtuple("Criterion", "id label weight")
Criterion.__doc__ = ("One criterion of a methodology (such as Relevance): "
                     "id, label and weight.")
Band = namedtuple("Band", "label from_")
Band.__doc__ = ("A band: scores from from_ up to the next band's from_ get "
                "label.")
PopulationGroup = namedtuple("PopulationGroup", "id label")
PopulationGroup.__doc__ = "A population group whose inclusion raters mark."
Level = namedtuple("Level", "id label index value")
Level.__doc__ = ("One level of a criterion of a categorical methodology: id, "
                 "label, index (0 for the lowest, 1, 2, ... in order; -1, "
                 "-2, ... for an unranked answer such as \"no-evidence\") "
                 "and value (the number the criterion's ``values`` give it, "
                 "or None).")
Flag = namedtuple("Flag", "id label")
Flag.__doc__ = ("A flag of a categorical methodology (such as ``starred``): "
                "a condition on a leaf's levels.")
Summary = namedtuple("Summary", "id label has_percent")
Summary.__doc__ = ("A summary of a categorical methodology (an \"at a "
                   "glance\" count, such as ``transformative``) and whether "
                   "it is also given as a percentage.")

_SCALE_KINDS = {0: "numeric", 1: "categorical"}
_LEVELS = (("raters", 0), ("criteria", 1), ("children", 2))


class Methodology:
    """The rules of scoring (occ-v1 §3), read-only.

    Get one with :meth:`builtin`, :meth:`from_string`, or from a dataset
    (:attr:`occ.Dataset.methodology`). Freed when garbage-collected.
    """

    __slots__ = ("_ptr", "__weakref__")

    def __init__(self, _ptr):
        """Internal: use :meth:`builtin`, :meth:`from_string` or
        :attr:`occ.Dataset.methodology`."""
        if not isinstance(_ptr, ffi.CData):
            raise TypeError("use occ.Methodology.builtin() or "
                            "occ.Methodology.from_string()")
        self._ptr = _ptr

    @classmethod
    def _borrow(cls, ptr):
        """A Methodology holding a new reference to a transfer-none pointer."""
        return cls(ref(ptr))

    @classmethod
    def builtin(cls, id):
        """One of the methodologies that ship with libocc, such as
        ``"cco-2024"``; raises :class:`occ.OccError` (``UNKNOWN_ID``) for
        an unknown id."""
        err = new_error_location()
        ptr = lib.occ_methodology_new_builtin(c_string(id, "id"), err)
        if ptr == NULL:
            raise_error(err)
        return cls(own(ptr))

    @staticmethod
    def list_builtin():
        """The ids of the built-in methodologies, as a list of str."""
        ids = lib.occ_methodology_list_builtin()
        out = []
        i = 0
        while ids[i] != NULL:
            out.append(text(ids[i]))
            i += 1
        return out

    @classmethod
    def from_string(cls, text_):
        """Read a methodology object (JSON text, occ-v1 §3), such as
        :meth:`to_json` writes; raises :class:`occ.OccError` naming the
        place and the rule broken."""
        if isinstance(text_, (bytes, bytearray, memoryview)):
            data = bytes(text_)
        else:
            data = c_string(text_, "text")
        err = new_error_location()
        ptr = lib.occ_methodology_new_from_data(data, len(data), err)
        if ptr == NULL:
            raise_error(err, source="<data>")
        return cls(own(ptr))

    @property
    def id(self):
        """The methodology's id, such as ``"cco-2024"``."""
        return text(lib.occ_methodology_get_id(self._ptr))

    @property
    def name(self):
        """The methodology's human-readable name."""
        return text(lib.occ_methodology_get_name(self._ptr))

    @property
    def scale_kind(self):
        """The kind of rating scale: ``"numeric"`` (integer scores from
        :attr:`scale`'s min to max) or ``"categorical"`` (labelled levels
        per criterion, occ-categorical.md; libocc 1.5)."""
        kind = int(lib.occ_methodology_get_scale_kind(self._ptr))
        return _SCALE_KINDS.get(kind, kind)

    @property
    def is_categorical(self):
        """True for a categorical methodology (criteria rated on labelled
        levels, with flags and summaries), such as ``"ogp-irm-2015"``."""
        return int(lib.occ_methodology_get_scale_kind(self._ptr)) == \
            lib.OCC_SCALE_KIND_CATEGORICAL

    @property
    def scale(self):
        """The rating scale as a ``Scale(min, max)`` named tuple of ints
        (``Scale(0, 0)`` for a categorical methodology)."""
        return Scale(int(lib.occ_methodology_get_scale_min(self._ptr)),
                     int(lib.occ_methodology_get_scale_max(self._ptr)))

    @property
    def n_criteria(self):
        """The number of criteria."""
        return int(lib.occ_methodology_get_n_criteria(self._ptr))

    @property
    def criteria(self):
        """The criteria, in order, as ``Criterion(id, label, weight)``."""
        p = self._ptr
        return [Criterion(text(lib.occ_methodology_get_criterion_id(p, i)),
                          text(lib.occ_methodology_get_criterion_label(p, i)),
                          lib.occ_methodology_get_criterion_weight(p, i))
                for i in range(self.n_criteria)]

    @property
    def criterion_ids(self):
        """The criteria's ids, in order, such as ``["R", "E", "S"]``."""
        p = self._ptr
        return [text(lib.occ_methodology_get_criterion_id(p, i))
                for i in range(self.n_criteria)]

    def criterion_index(self, id):
        """The index of the criterion with that id, or None."""
        i = lib.occ_methodology_lookup_criterion(self._ptr, c_string(id, "id"))
        return None if i < 0 else int(i)

    @property
    def aggregation(self):
        """How each level aggregates: a dict ``{"raters": ...,
        "criteria": ..., "children": ...}`` of ``"mean"``, ``"median"``,
        ``"geometric"`` or (for the raters of a categorical methodology)
        ``"mode"``."""
        return {name: text(lib.occ_aggregation_to_string(
                    lib.occ_methodology_get_aggregation(self._ptr, level)))
                for name, level in _LEVELS}

    @property
    def min_raters(self):
        """The fewest raters a leaf's criterion score needs."""
        return int(lib.occ_methodology_get_min_raters(self._ptr))

    @property
    def precision(self):
        """The number of decimals scores are reported (and ranked) with."""
        return int(lib.occ_methodology_get_precision(self._ptr))

    @property
    def bands(self):
        """The bands, lowest first, as ``Band(label, from_)``."""
        p = self._ptr
        return [Band(text(lib.occ_methodology_get_band_label(p, i)),
                     lib.occ_methodology_get_band_from(p, i))
                for i in range(lib.occ_methodology_get_n_bands(p))]

    @property
    def population_groups(self):
        """The population groups, as ``PopulationGroup(id, label)``."""
        p = self._ptr
        return [PopulationGroup(
                    text(lib.occ_methodology_get_population_group_id(p, i)),
                    text(lib.occ_methodology_get_population_group_label(p, i)))
                for i in range(lib.occ_methodology_get_n_population_groups(p))]

    def localized_name(self, lang):
        """The name in a language (a BCP 47 tag such as ``"es"``): its
        ``labels[lang]``, else that of the tag's language (``"es"`` for
        ``"es-PE"``), else :attr:`name` (occ-v1 §2)."""
        return text(lib.occ_methodology_get_localized_name(self._ptr,
                                                           c_lang(lang)))

    def _lookup(self, key, lookup, count, what):
        if isinstance(key, str):
            i = lookup(self._ptr, c_string(key, what))
            if i < 0:
                raise KeyError(key)
            return int(i)
        if not 0 <= key < count:
            raise IndexError(key)
        return int(key)

    def criterion_label(self, criterion, lang=None):
        """A criterion's label (by id or index) in a language:
        ``m.criterion_label("R", "es") == "Relevancia"``."""
        i = self._lookup(criterion, lib.occ_methodology_lookup_criterion,
                         self.n_criteria, "criterion")
        return text(lib.occ_methodology_get_localized_criterion_label(
            self._ptr, i, c_lang(lang)))

    def band_label(self, band, lang=None):
        """A band's label (by its label, as scores name it, or index) in a
        language: ``m.band_label("medium-high", "es") == "medio-alto"``."""
        i = self._lookup(band, lib.occ_methodology_lookup_band,
                         lib.occ_methodology_get_n_bands(self._ptr), "band")
        return text(lib.occ_methodology_get_localized_band_label(
            self._ptr, i, c_lang(lang)))

    def population_group_label(self, group, lang=None):
        """A population group's label (by id or index) in a language."""
        ids = [g.id for g in self.population_groups]
        if isinstance(group, str):
            if group not in ids:
                raise KeyError(group)
            group = ids.index(group)
        if not 0 <= group < len(ids):
            raise IndexError(group)
        return text(lib.occ_methodology_get_localized_population_group_label(
            self._ptr, group, c_lang(lang)))

    @property
    def levels(self):
        """The names of the framework's levels by depth (occ-v1 §3),
        such as ``["Summit", "Theme", "Commitment", "Sub-commitment"]``;
        empty when the methodology names none."""
        return [self.level_label(d)
                for d in range(lib.occ_methodology_get_n_levels(self._ptr))]

    def level_label(self, depth, lang=None):
        """The name of the level at depth (0: top-level nodes) in a
        language, or None when the methodology names no level there."""
        if depth < 0:
            raise IndexError(depth)
        return text(lib.occ_methodology_get_level_label(self._ptr, depth,
                                                        c_lang(lang)))

    # Categorical methodologies (libocc 1.5) ------------------------------

    def _criterion_key(self, criterion):
        return self._lookup(criterion, lib.occ_methodology_lookup_criterion,
                            self.n_criteria, "criterion")

    def _level_key(self, c, level):
        """The number of a level of criterion c, given by id or number."""
        if isinstance(level, str):
            out = ffi.new("int *")
            if not lib.occ_methodology_lookup_criterion_level(
                    self._ptr, c, c_string(level, "level"), out):
                raise KeyError(level)
            return int(out[0])
        if isinstance(level, bool) or not isinstance(level, int):
            raise TypeError("a level is an id (str) or a number (int), not %s"
                            % type(level).__name__)
        p = self._ptr
        if not -int(lib.occ_methodology_get_n_criterion_unranked(p, c)) \
                <= level < int(lib.occ_methodology_get_n_criterion_levels(p, c)):
            raise IndexError(level)
        return level

    def criterion_level_ids(self, criterion, unranked=True):
        """The ids of a criterion's levels (by criterion id or index), the
        lowest first, then (unless unranked is False) its unranked
        answers: ``m.criterion_level_ids("completion")`` is
        ``["not-started", "limited", "substantial", "complete",
        "no-evidence"]`` under ogp-irm-2015. Empty for a numeric
        methodology."""
        c = self._criterion_key(criterion)
        ids = lib.occ_methodology_dup_criterion_level_ids(self._ptr, c)
        out = []
        try:
            i = 0
            while ids[i] != NULL:
                out.append(text(ids[i]))
                i += 1
        finally:
            lib.g_strfreev(ids)
        if not unranked:
            del out[lib.occ_methodology_get_n_criterion_levels(self._ptr, c):]
        return out

    def criterion_levels(self, criterion, lang=None):
        """A criterion's levels (by criterion id or index) as
        ``Level(id, label, index, value)``: the ordered levels, lowest
        first (index 0, 1, ...), then the unranked answers (index -1, -2,
        ...); labels in a language when the methodology has them. Empty
        for a numeric methodology."""
        c = self._criterion_key(criterion)
        p = self._ptr
        n = int(lib.occ_methodology_get_n_criterion_levels(p, c))
        u = int(lib.occ_methodology_get_n_criterion_unranked(p, c))
        out = []
        value = ffi.new("double *")
        for level in list(range(n)) + [-1 - i for i in range(u)]:
            has = lib.occ_methodology_get_criterion_level_value(p, c, level,
                                                                value)
            out.append(Level(
                text(lib.occ_methodology_get_criterion_level_id(p, c, level)),
                text(lib.occ_methodology_get_criterion_level_label(
                    p, c, level, c_lang(lang))),
                level, value[0] if has else None))
        return out

    def n_criterion_levels(self, criterion):
        """How many ordered levels a criterion has (0 for a numeric
        methodology), unranked answers not counted."""
        return int(lib.occ_methodology_get_n_criterion_levels(
            self._ptr, self._criterion_key(criterion)))

    def criterion_level_index(self, criterion, level_id):
        """The number of a criterion's level by its id: 0 for the lowest,
        -1, -2, ... for an unranked answer; None when it has no such
        level."""
        c = self._criterion_key(criterion)
        out = ffi.new("int *")
        if not lib.occ_methodology_lookup_criterion_level(
                self._ptr, c, c_string(level_id, "level_id"), out):
            return None
        return int(out[0])

    def criterion_level_label(self, criterion, level, lang=None):
        """The label of a criterion's level (by id, such as
        ``"no-evidence"``, or number) in a language; its id when the
        methodology gives no label."""
        c = self._criterion_key(criterion)
        return text(lib.occ_methodology_get_criterion_level_label(
            self._ptr, c, self._level_key(c, level), c_lang(lang)))

    def criterion_level_value(self, criterion, level):
        """The number a criterion's ``values`` give a level (by id or
        number), or None when the criterion has no ``values`` or the level
        is an unranked answer."""
        c = self._criterion_key(criterion)
        value = ffi.new("double *")
        if not lib.occ_methodology_get_criterion_level_value(
                self._ptr, c, self._level_key(c, level), value):
            return None
        return value[0]

    @property
    def n_flags(self):
        """The number of flags (0 for a numeric methodology)."""
        return int(lib.occ_methodology_get_n_flags(self._ptr))

    @property
    def flags(self):
        """The flags, in order, as ``Flag(id, label)``."""
        p = self._ptr
        return [Flag(text(lib.occ_methodology_get_flag_id(p, i)),
                     text(lib.occ_methodology_get_flag_label(p, i, NULL)))
                for i in range(self.n_flags)]

    @property
    def flag_ids(self):
        """The flags' ids, in order, such as ``["relevant",
        "potentially-starred", "starred"]``."""
        p = self._ptr
        return [text(lib.occ_methodology_get_flag_id(p, i))
                for i in range(self.n_flags)]

    def flag_index(self, id):
        """The index of the flag with that id, or None."""
        i = lib.occ_methodology_lookup_flag(self._ptr, c_string(id, "id"))
        return None if i < 0 else int(i)

    def flag_label(self, flag, lang=None):
        """A flag's label (by id or index) in a language; its id when it
        has none."""
        i = self._lookup(flag, lib.occ_methodology_lookup_flag,
                         self.n_flags, "flag")
        return text(lib.occ_methodology_get_flag_label(self._ptr, i,
                                                       c_lang(lang)))

    @property
    def n_summaries(self):
        """The number of summaries (0 for a numeric methodology)."""
        return int(lib.occ_methodology_get_n_summaries(self._ptr))

    @property
    def summaries(self):
        """The summaries, in order, as ``Summary(id, label,
        has_percent)``."""
        p = self._ptr
        return [Summary(text(lib.occ_methodology_get_summary_id(p, i)),
                        text(lib.occ_methodology_get_summary_label(p, i,
                                                                   NULL)),
                        bool(lib.occ_methodology_get_summary_has_percent(p,
                                                                         i)))
                for i in range(self.n_summaries)]

    @property
    def summary_ids(self):
        """The summaries' ids, in order, such as ``["commitments",
        "relevant", ...]``."""
        p = self._ptr
        return [text(lib.occ_methodology_get_summary_id(p, i))
                for i in range(self.n_summaries)]

    def summary_index(self, id):
        """The index of the summary with that id, or None."""
        i = lib.occ_methodology_lookup_summary(self._ptr, c_string(id, "id"))
        return None if i < 0 else int(i)

    def summary_label(self, summary, lang=None):
        """A summary's label (by id or index) in a language."""
        i = self._lookup(summary, lib.occ_methodology_lookup_summary,
                         self.n_summaries, "summary")
        return text(lib.occ_methodology_get_summary_label(self._ptr, i,
                                                          c_lang(lang)))

    def summary_has_percent(self, summary):
        """Whether a summary (by id or index) is also a percentage."""
        i = self._lookup(summary, lib.occ_methodology_lookup_summary,
                         self.n_summaries, "summary")
        return bool(lib.occ_methodology_get_summary_has_percent(self._ptr, i))

    def round(self, value):
        """value rounded to the methodology's precision, as libocc rounds
        (half away from zero on the decimal value)."""
        return lib.occ_methodology_round(self._ptr, float(value))

    def format_value(self, value):
        """value formatted for people: rounded to the precision, with a
        point as the decimal separator, such as ``"2.81"``."""
        value = float(value)
        if not math.isfinite(value):
            raise ValueError("cannot format %r" % value)
        return take_text(lib.occ_methodology_format_value(self._ptr, value))

    def band_for(self, value):
        """The label of the band of a score: the band of the score rounded
        to :attr:`precision`, the figure a person is shown (occ-v1
        §4.5), so 1.4999999999999998 is ``"medium"`` under cco-2024. None
        when no band starts at or below it (or there are no bands)."""
        return text(lib.occ_methodology_band_for_value(self._ptr, float(value)))

    def to_json(self):
        """The methodology as a JSON object (text), as datasets embed it."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_methodology_to_data(self._ptr, length),
                         length[0])

    def __eq__(self, other):
        if not isinstance(other, Methodology):
            return NotImplemented
        return self._ptr == other._ptr or self.to_json() == other.to_json()

    def __hash__(self):
        return hash(self.id)

    def __repr__(self):
        return "<occ.Methodology %s: %s>" % (self.id, self.name)
