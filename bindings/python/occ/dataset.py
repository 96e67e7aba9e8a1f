"""occ.Dataset and occ.Node: an occ-dataset/1 document and its framework."""

from collections import namedtuple

from ._ffi import (NULL, Closable, c_lang, c_path, c_string, ffi, lib, list_items, own,
                   take_text, text, unpack_array, as_mask)
from .errors import new_error_location, raise_error
from .methodology import Methodology
from .ratings_csv import RatingsCsv

Country = namedtuple("Country", "id name")
Country.__doc__ = "A country of a dataset: its id and name (or None)."
Phase = namedtuple("Phase", "id label")
Phase.__doc__ = "A phase (round of monitoring) of a dataset: id and label."
Rater = namedtuple("Rater", "id name country")
Rater.__doc__ = ("A rater (an organization that rates commitments); name and "
                 "country may be None.")
Values = namedtuple("Values", "values present")
Values.__doc__ = ("Bulk columns: values, and a boolean mask present, True "
                  "where a value exists (numpy arrays, or lists).")

_FIELDS = {"country": 0, "phase": 1, "node": 2, "rater": 3}


class Node:
    """One node of a dataset's framework: a summit, theme, commitment or
    sub-commitment.

    A node keeps its dataset's data alive (even after
    :meth:`Dataset.close`). Nodes compare equal when they are the same node
    of the same loaded dataset.
    """

    __slots__ = ("_ptr", "_owner")

    def __init__(self, _ptr, _owner):
        """Internal: nodes come from :attr:`Dataset.nodes`,
        :meth:`Dataset.node`, :attr:`Dataset.framework` and
        :attr:`occ.Score.node_object`."""
        self._ptr = _ptr
        self._owner = _owner      # an owned reference to the OccDataset

    @property
    def id(self):
        """The node's id, such as ``"VIII.25"``."""
        return text(lib.occ_node_get_id(self._ptr))

    @property
    def label(self):
        """The node's short label, or None."""
        return text(lib.occ_node_get_label(self._ptr))

    def localized_label(self, lang):
        """The node's label in a language (a BCP 47 tag such as ``"es"``):
        its ``labels[lang]``, else that of the tag's language (``"es"``
        for ``"es-PE"``), else :attr:`label` (occ-v1 §2)."""
        return text(lib.occ_node_get_localized_label(self._ptr, c_lang(lang)))

    @property
    def text(self):
        """The node's full text (the commitment as written), or None."""
        return text(lib.occ_node_get_text(self._ptr))

    @property
    def weight(self):
        """The node's weight among its siblings (1.0 unless given)."""
        return lib.occ_node_get_weight(self._ptr)

    @property
    def depth(self):
        """0 for a top-level node (a summit), 1 for its children, ..."""
        return int(lib.occ_node_get_depth(self._ptr))

    @property
    def index(self):
        """The node's position in the framework's document order, the index
        of :attr:`Dataset.nodes` and of :meth:`occ.Results.values`."""
        return int(lib.occ_node_get_index(self._ptr))

    @property
    def is_leaf(self):
        """True for a node without children (the one that is rated)."""
        return bool(lib.occ_node_is_leaf(self._ptr))

    @property
    def parent(self):
        """The parent node, or None for a top-level node."""
        p = lib.occ_node_get_parent(self._ptr)
        return None if p == NULL else Node(p, self._owner)

    @property
    def top(self):
        """The top-level ancestor (the summit), or the node itself."""
        return Node(lib.occ_node_get_top(self._ptr), self._owner)

    @property
    def children(self):
        """The child nodes, in document order (a list)."""
        return [Node(p, self._owner)
                for p in list_items(lib.occ_node_get_children(self._ptr),
                                    "OccNode *")]

    def __eq__(self, other):
        if not isinstance(other, Node):
            return NotImplemented
        return self._ptr == other._ptr

    def __hash__(self):
        return hash(int(ffi.cast("uintptr_t", self._ptr)))

    def __repr__(self):
        return "<occ.Node %s depth=%d%s>" % (self.id, self.depth,
                                             " leaf" if self.is_leaf else "")


class Dataset(RatingsCsv, Closable):
    """An ``occ-dataset/1`` document: countries, phases, the framework of
    commitments, raters, ratings and published scores, validated on load.

    Load one with :meth:`from_file` (or :func:`occ.load`),
    :meth:`from_string` or :meth:`from_bytes`; a fault raises
    :class:`occ.OccError` naming the place and the rule broken. A dataset
    is freed when garbage-collected, or when a ``with`` block ends::

        with occ.load("peru-2024.json") as ds:
            results = ds.score()

    After :meth:`close` the dataset itself raises ValueError, but what was
    taken from it (results, scores, nodes, its methodology) stays valid:
    they hold their own references, as in C.
    """

    __slots__ = ("_ptr", "__weakref__")

    def __init__(self, _ptr):
        """Internal: use :meth:`from_file`, :meth:`from_string` or
        :meth:`from_bytes`."""
        if not isinstance(_ptr, ffi.CData):
            raise TypeError("use occ.Dataset.from_file(), from_string() or "
                            "from_bytes()")
        self._ptr = _ptr

    # Loading ------------------------------------------------------------

    @classmethod
    def from_file(cls, path):
        """Load a dataset from a file (str, bytes or os.PathLike).

        Raises :class:`occ.OccError` for a fault in the document (the
        message starts with the file name), or :class:`occ.OccFileError`
        (also an OSError) when the file cannot be read."""
        cpath = c_path(path)
        display = take_text(lib.g_filename_display_name(cpath))
        err = new_error_location()
        ptr = lib.occ_dataset_new_from_file(cpath, err)
        if ptr == NULL:
            raise_error(err, source=display, file=display)
        return cls(own(ptr))

    @classmethod
    def from_string(cls, text_):
        """Load a dataset from JSON text (a str); messages of errors start
        with ``<data>``."""
        data = c_string(text_, "text") if not isinstance(
            text_, (bytes, bytearray, memoryview)) else bytes(text_)
        err = new_error_location()
        ptr = lib.occ_dataset_new_from_data(data, len(data), err)
        if ptr == NULL:
            raise_error(err, source="<data>")
        return cls(own(ptr))

    @classmethod
    def from_bytes(cls, data):
        """Load a dataset from UTF-8 JSON in a bytes-like object (through a
        GBytes, as ``occ_dataset_new_from_bytes()``)."""
        data = bytes(memoryview(data))
        gbytes = lib.g_bytes_new(data, len(data))
        try:
            err = new_error_location()
            ptr = lib.occ_dataset_new_from_bytes(gbytes, err)
        finally:
            lib.g_bytes_unref(gbytes)
        if ptr == NULL:
            raise_error(err, source="<data>")
        return cls(own(ptr))

    # Contents -----------------------------------------------------------

    @property
    def title(self):
        """The dataset's title, or None."""
        return text(lib.occ_dataset_get_title(self._p()))

    @property
    def methodology(self):
        """The :class:`occ.Methodology` the dataset is scored by."""
        return Methodology._borrow(lib.occ_dataset_get_methodology(self._p()))

    @property
    def countries(self):
        """The countries, as ``Country(id, name)`` named tuples."""
        p = self._p()
        return [Country(text(lib.occ_dataset_get_country_id(p, i)),
                        text(lib.occ_dataset_get_country_name(p, i)))
                for i in range(lib.occ_dataset_get_n_countries(p))]

    @property
    def phases(self):
        """The phases, as ``Phase(id, label)`` named tuples."""
        p = self._p()
        return [Phase(text(lib.occ_dataset_get_phase_id(p, i)),
                      text(lib.occ_dataset_get_phase_label(p, i)))
                for i in range(lib.occ_dataset_get_n_phases(p))]

    @property
    def raters(self):
        """The raters, as ``Rater(id, name, country)`` named tuples."""
        p = self._p()
        return [Rater(text(lib.occ_dataset_get_rater_id(p, i)),
                      text(lib.occ_dataset_get_rater_name(p, i)),
                      text(lib.occ_dataset_get_rater_country(p, i)))
                for i in range(lib.occ_dataset_get_n_raters(p))]

    def _index(self, lookup, key):
        if isinstance(key, str):
            i = lookup(self._p(), c_string(key, "id"))
            if i < 0:
                raise KeyError(key)
            return int(i)
        return int(key)

    def country_name(self, country, lang=None):
        """A country's name (by id or index) in a language, with the
        fallback of :meth:`Node.localized_label`; None when the dataset
        names it in no way."""
        i = self._index(lib.occ_dataset_lookup_country, country)
        if not 0 <= i < lib.occ_dataset_get_n_countries(self._p()):
            raise IndexError(country)
        return text(lib.occ_dataset_get_localized_country_name(
            self._p(), i, c_lang(lang)))

    def phase_label(self, phase, lang=None):
        """A phase's label (by id or index) in a language, likewise."""
        i = self._index(lib.occ_dataset_lookup_phase, phase)
        if not 0 <= i < lib.occ_dataset_get_n_phases(self._p()):
            raise IndexError(phase)
        return text(lib.occ_dataset_get_localized_phase_label(
            self._p(), i, c_lang(lang)))

    def rating_records_groups(self):
        """For every rating, whether it records population inclusion at
        all (a ``groups`` member, even ``[]``; occ-v1 §2): a list of
        bool. Ratings that record nothing count in neither side of the
        inclusion figure."""
        p = self._p()
        return [bool(lib.occ_dataset_get_rating_records_groups(p, i))
                for i in range(lib.occ_dataset_get_n_ratings(p))]

    def country_index(self, id):
        """The index of the country with that id, or None."""
        i = lib.occ_dataset_lookup_country(self._p(), c_string(id, "id"))
        return None if i < 0 else int(i)

    def phase_index(self, id):
        """The index of the phase with that id, or None."""
        i = lib.occ_dataset_lookup_phase(self._p(), c_string(id, "id"))
        return None if i < 0 else int(i)

    def rater_index(self, id):
        """The index of the rater with that id, or None."""
        i = lib.occ_dataset_lookup_rater(self._p(), c_string(id, "id"))
        return None if i < 0 else int(i)

    @property
    def n_nodes(self):
        """The number of nodes of the whole framework."""
        return int(lib.occ_dataset_get_n_nodes(self._p()))

    @property
    def nodes(self):
        """Every node of the framework in document order (by
        :attr:`Node.index`)."""
        p = self._p()
        return [Node(lib.occ_dataset_get_node(p, i), p)
                for i in range(lib.occ_dataset_get_n_nodes(p))]

    @property
    def framework(self):
        """The top-level nodes (summits), in document order."""
        p = self._p()
        return [Node(n, p) for n in
                list_items(lib.occ_dataset_get_framework(p), "OccNode *")]

    def node(self, id):
        """The node with that id, or None."""
        p = self._p()
        n = lib.occ_dataset_lookup_node(p, c_string(id, "id"))
        return None if n == NULL else Node(n, p)

    @property
    def n_ratings(self):
        """The number of ratings."""
        return int(lib.occ_dataset_get_n_ratings(self._p()))

    @property
    def n_published(self):
        """The number of published-score records."""
        return int(lib.occ_dataset_get_n_published(self._p()))

    # Columns ------------------------------------------------------------

    def rating_indices(self, field):
        """One identifying column of the ratings table: for ``"country"``,
        ``"phase"``, ``"node"`` or ``"rater"``, the index of each rating's
        country, phase, node or rater (numpy uint32 array, or a list
        without numpy)."""
        if field not in _FIELDS:
            raise ValueError("field must be one of %s" % ", ".join(_FIELDS))
        p = self._p()
        n = ffi.new("gsize *")
        ptr = lib.occ_dataset_get_rating_indices(p, _FIELDS[field], n)
        return unpack_array(ptr, "guint32", n[0], free=False)

    def rating_scores(self, criterion):
        """The ratings' scores for a criterion (id or index), as
        ``Values(values, present)``: int32 scores, and True where the
        rating has a (non-null) score for it."""
        c = self._criterion(criterion)
        n = ffi.new("gsize *")
        rated = ffi.new("guint8 **")
        ptr = lib.occ_dataset_dup_rating_scores(self._p(), c, rated, n)
        return Values(unpack_array(ptr, "gint32", n[0]),
                      as_mask(unpack_array(rated[0], "guint8", n[0])))

    def published_indices(self, field):
        """As :meth:`rating_indices`, for the published-score records
        (``"rater"`` is not a published field)."""
        if field not in _FIELDS or field == "rater":
            raise ValueError("field must be country, phase or node")
        n = ffi.new("gsize *")
        ptr = lib.occ_dataset_get_published_indices(self._p(),
                                                    _FIELDS[field], n)
        return unpack_array(ptr, "guint32", n[0], free=False)

    def published_scores(self, criterion):
        """The published scores for a criterion (id or index), as
        ``Values(values, present)`` (float64 values)."""
        c = self._criterion(criterion)
        n = ffi.new("gsize *")
        present = ffi.new("guint8 **")
        ptr = lib.occ_dataset_dup_published_scores(self._p(), c, present, n)
        return Values(unpack_array(ptr, "double", n[0]),
                      as_mask(unpack_array(present[0], "guint8", n[0])))

    def _criterion(self, criterion):
        m = lib.occ_dataset_get_methodology(self._p())
        n = lib.occ_methodology_get_n_criteria(m)
        if isinstance(criterion, str):
            c = lib.occ_methodology_lookup_criterion(
                m, c_string(criterion, "criterion"))
            if c < 0:
                raise KeyError("no criterion %r" % criterion)
            return c
        if not isinstance(criterion, int) or not 0 <= criterion < n:
            raise IndexError("criterion index out of range")
        return criterion

    # Output -------------------------------------------------------------

    def to_json(self):
        """The dataset as ``occ-dataset/1`` JSON text (libocc's writer)."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_dataset_to_data(self._p(), length), length[0])

    def save(self, path):
        """Write the dataset to a file, atomically; raises
        :class:`occ.OccFileError` when it cannot be written."""
        cpath = c_path(path)
        err = new_error_location()
        if not lib.occ_dataset_save_to_file(self._p(), cpath, err):
            display = take_text(lib.g_filename_display_name(cpath))
            raise_error(err, file=display)

    def score(self):
        """Score the dataset: an :class:`occ.Results`."""
        from .results import Results
        return Results(self)

    def __repr__(self):
        if self._ptr is None:
            return "<occ.Dataset (closed)>"
        return "<occ.Dataset %r: %d countries, %d phases, %d nodes>" % (
            self.title, lib.occ_dataset_get_n_countries(self._ptr),
            lib.occ_dataset_get_n_phases(self._ptr),
            lib.occ_dataset_get_n_nodes(self._ptr))


def load(path):
    """Load a dataset from a file: ``occ.Dataset.from_file(path)``."""
    return Dataset.from_file(path)
