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

_SCALE_KINDS = {0: "numeric"}
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
        """The kind of rating scale: ``"numeric"`` (the only one in 1.0)."""
        kind = int(lib.occ_methodology_get_scale_kind(self._ptr))
        return _SCALE_KINDS.get(kind, kind)

    @property
    def scale(self):
        """The rating scale as a ``Scale(min, max)`` named tuple of ints."""
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
        "criteria": ..., "children": ...}`` of ``"mean"``, ``"median"`` or
        ``"geometric"``."""
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
