"""occ.Results and occ.Score: the scores of a dataset."""

from ._ffi import (NULL, Closable, as_mask, c_path, c_string, ffi, lib, own,
                   owned_items, ref, take_text, text, unpack_array)
from .errors import new_error_location, raise_error
from .dataset import Dataset, Node, Values
from .methodology import Methodology

#: The flat columns of :meth:`Results.to_records`, before the criteria's.
RECORD_COLUMNS = ("country", "phase", "node", "depth", "value", "band",
                  "delta", "rank", "country_rank", "inclusion",
                  "missing_children")


def _double(getter, ptr, *args):
    out = ffi.new("double *")
    return out[0] if getter(ptr, *args, out) else None


class Score:
    """The scores of one node (or of a whole country) in one country and
    phase.

    Absent figures are None, never NaN. A score keeps everything it needs
    alive (its results and their dataset), even after they are closed.
    """

    __slots__ = ("_ptr", "_results")

    def __init__(self, _ptr, _results):
        """Internal: scores come from iterating :class:`Results`,
        :meth:`Results.lookup`, :meth:`Results.country_score`,
        :meth:`Results.best` and :meth:`Results.worst`."""
        self._ptr = _ptr          # an owned OccScore (which refs its results)
        self._results = _results  # the Python Results, for criterion ids

    @property
    def results(self):
        """The :class:`Results` this score belongs to."""
        return self._results

    @property
    def country(self):
        """The country's id."""
        return text(lib.occ_score_get_country(self._ptr))

    @property
    def phase(self):
        """The phase's id."""
        return text(lib.occ_score_get_phase(self._ptr))

    @property
    def node(self):
        """The node's id, or None for a country's own score."""
        return text(lib.occ_score_get_node_id(self._ptr))

    @property
    def node_object(self):
        """The :class:`occ.Node`, or None for a country's own score."""
        n = lib.occ_score_get_node(self._ptr)
        if n == NULL:
            return None
        return Node(n, self._results._dataset_ref)

    @property
    def is_country(self):
        """True for a country's own score (:meth:`Results.country_score`)."""
        return lib.occ_score_get_node(self._ptr) == NULL

    @property
    def depth(self):
        """The node's depth (0 for a summit), or None for a country score."""
        d = lib.occ_score_get_depth(self._ptr)
        return None if d < 0 else int(d)

    @property
    def value(self):
        """The score (a float), or None when it has none."""
        return _double(lib.occ_score_get_value, self._ptr)

    @property
    def band(self):
        """The band of the score, or None."""
        return text(lib.occ_score_get_band(self._ptr))

    @property
    def delta(self):
        """The change from the previous phase, or None."""
        return _double(lib.occ_score_get_delta, self._ptr)

    @property
    def rank(self):
        """The rank among the node's peers (1 is best), or None. For a
        country's own score, its rank among the countries (its
        :attr:`country_rank`), as ``occ-results/1`` writes it."""
        if self.is_country:
            return self.country_rank
        r = lib.occ_score_get_rank(self._ptr)
        return int(r) if r else None

    @property
    def country_rank(self):
        """The rank of this node's (or country's) score among the
        countries in the same phase, or None."""
        r = lib.occ_score_get_country_rank(self._ptr)
        return int(r) if r else None

    @property
    def inclusion(self):
        """Population inclusion, a fraction from 0 to 1, or None."""
        return _double(lib.occ_score_get_inclusion, self._ptr)

    @property
    def missing_children(self):
        """For an inner node, how many children have no score; None for a
        leaf."""
        m = lib.occ_score_get_missing_children(self._ptr)
        return None if m < 0 else int(m)

    def criterion(self, criterion):
        """The scores of one criterion (id or index), as a dict
        ``{"value", "band", "delta", "n"}``, each None when absent."""
        c = self._results._criterion(criterion)
        p = self._ptr
        n = lib.occ_score_get_criterion_n(p, c)
        return {"value": _double(lib.occ_score_get_criterion_value, p, c),
                "band": text(lib.occ_score_get_criterion_band(p, c)),
                "delta": _double(lib.occ_score_get_criterion_delta, p, c),
                "n": None if n < 0 else int(n)}

    @property
    def criteria(self):
        """Every criterion's scores, ``{criterion_id: {"value", "band",
        "delta", "n"}}`` in the methodology's order; ``n`` is the number
        of ratings behind a leaf's score (None for an inner node)."""
        return {cid: self.criterion(i)
                for i, cid in enumerate(self._results._criterion_ids)}

    def to_dict(self):
        """The score as one flat record, as :meth:`Results.to_records`."""
        p = self._ptr
        record = {"country": self.country, "phase": self.phase,
                  "node": self.node, "depth": self.depth,
                  "value": self.value, "band": self.band,
                  "delta": self.delta, "rank": self.rank,
                  "country_rank": self.country_rank,
                  "inclusion": self.inclusion,
                  "missing_children": self.missing_children}
        for c, cid in enumerate(self._results._criterion_ids):
            n = lib.occ_score_get_criterion_n(p, c)
            record[cid] = _double(lib.occ_score_get_criterion_value, p, c)
            record[cid + ".n"] = None if n < 0 else int(n)
            record[cid + ".band"] = text(lib.occ_score_get_criterion_band(p, c))
            record[cid + ".delta"] = _double(lib.occ_score_get_criterion_delta,
                                             p, c)
        return record

    def __repr__(self):
        value = self.value
        return "<occ.Score %s %s %s value=%s band=%s>" % (
            self.country, self.phase, self.node or "(country)",
            "none" if value is None else repr(value), self.band)


class Results(Closable):
    """The scores of every node of a dataset in every country and phase
    (occ-v1 §4), computed once.

    A sequence of :class:`Score`: ``len()``, iteration and indexing, by
    country, then phase, then the framework's document order (the order of
    ``occ-results/1``). ``Results(ds)`` is ``ds.score()``.

    Results hold their own reference to the dataset, so closing the
    dataset does not affect them. Freed when garbage-collected or at the
    end of a ``with`` block; scores taken from them stay valid.
    """

    __slots__ = ("_ptr", "_dataset_ref", "_criterion_ids", "__weakref__")

    def __init__(self, dataset):
        """Score a :class:`occ.Dataset` (scoring a loaded dataset cannot
        fail)."""
        if not isinstance(dataset, Dataset):
            raise TypeError("occ.Results() needs an occ.Dataset, not %s"
                            % type(dataset).__name__)
        self._ptr = own(lib.occ_results_new(dataset._p()))
        self._dataset_ref = ref(lib.occ_results_get_dataset(self._ptr))
        m = lib.occ_dataset_get_methodology(self._dataset_ref)
        self._criterion_ids = tuple(
            text(lib.occ_methodology_get_criterion_id(m, i))
            for i in range(lib.occ_methodology_get_n_criteria(m)))

    # The dataset --------------------------------------------------------

    @property
    def dataset(self):
        """The scored dataset, as a new :class:`occ.Dataset` object sharing
        the results' reference (usable even if the original was closed)."""
        self._p()
        return Dataset(self._dataset_ref)

    @property
    def methodology(self):
        """The methodology the results were scored by."""
        self._p()
        return Methodology._borrow(
            lib.occ_dataset_get_methodology(self._dataset_ref))

    @property
    def criterion_ids(self):
        """The methodology's criterion ids, in order."""
        return list(self._criterion_ids)

    def _criterion(self, criterion):
        if isinstance(criterion, str):
            try:
                return self._criterion_ids.index(criterion)
            except ValueError:
                raise KeyError("no criterion %r" % criterion) from None
        if isinstance(criterion, int) and not isinstance(criterion, bool) \
                and 0 <= criterion < len(self._criterion_ids):
            return criterion
        raise IndexError("criterion index out of range: %r" % (criterion,))

    # The sequence of scores ---------------------------------------------

    def _model(self):
        return ffi.cast("GListModel *", self._p())

    def __len__(self):
        return int(lib.g_list_model_get_n_items(self._model()))

    def _item(self, i):
        return Score(own(ffi.cast("OccScore *",
                                  lib.g_list_model_get_item(self._model(), i))),
                     self)

    def __getitem__(self, index):
        n = len(self)
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(n))]
        index = int(index)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("occ.Results index out of range")
        return self._item(index)

    def __iter__(self):
        for i in range(len(self)):
            yield self._item(i)

    # Looking up ---------------------------------------------------------

    def lookup(self, country, phase, node):
        """The :class:`Score` of a node (by id) in a country and phase, or
        None when it has no score or an id is unknown."""
        s = lib.occ_results_lookup(self._p(), c_string(country, "country"),
                                   c_string(phase, "phase"),
                                   c_string(node, "node"))
        return None if s == NULL else Score(own(s), self)

    def country_score(self, country, phase):
        """The score of a whole country in a phase (its top-level nodes
        aggregated), or None."""
        s = lib.occ_results_lookup_country(self._p(),
                                           c_string(country, "country"),
                                           c_string(phase, "phase"))
        return None if s == NULL else Score(own(s), self)

    def _extremes(self, getter, country, phase, peer):
        cpeer = NULL if peer is None else c_string(peer, "peer")
        model = own(getter(self._p(), c_string(country, "country"),
                           c_string(phase, "phase"), cpeer))
        try:
            return [Score(s, self) for s in owned_items(model, "OccScore *")]
        finally:
            ffi.release(model)

    def best(self, country, phase, peer=None):
        """The best-scored nodes (rank 1) of a peer group, as a list of
        :class:`Score`. peer: any node of the group, the nodes of one
        depth under one top-level node (occ-v1 §4.7): ``"IX.A"`` for the
        themes of the IX Summit, any commitment of it (``"IX.A.4"`` or
        ``"IX.A.3"``, with or without sub-commitments) for its
        commitments; None for the top-level nodes. Empty when an id is
        unknown."""
        return self._extremes(lib.occ_results_get_best, country, phase, peer)

    def worst(self, country, phase, peer=None):
        """The worst-scored nodes of a peer group: those whose value,
        rounded to the methodology's precision, is the lowest (see
        :meth:`best` for peer)."""
        return self._extremes(lib.occ_results_get_worst, country, phase, peer)

    def values(self, country, phase, criterion=None):
        """Bulk: the scores of every node in one country and phase, by node
        index (:attr:`occ.Node.index`, the order of
        :attr:`occ.Dataset.nodes`).

        country, phase: ids or indices; criterion: None for the nodes' own
        scores, else a criterion id or index.

        Returns ``Values(values, present)``: float64 values (0.0 where a
        node has no score: never NaN) and a boolean mask, True where it
        has one; numpy arrays when numpy is installed, else lists. For NaN
        where absent: ``numpy.where(present, values, numpy.nan)``.
        """
        p = self._p()
        ds = self._dataset_ref
        k = self._index(country, lib.occ_dataset_get_n_countries(ds),
                        lib.occ_dataset_lookup_country, "country")
        ph = self._index(phase, lib.occ_dataset_get_n_phases(ds),
                         lib.occ_dataset_lookup_phase, "phase")
        c = -1 if criterion is None else self._criterion(criterion)
        present = ffi.new("guint8 **")
        n = ffi.new("gsize *")
        values = lib.occ_results_dup_values(p, k, ph, c, present, n)
        return Values(unpack_array(values, "double", n[0]),
                      as_mask(unpack_array(present[0], "guint8", n[0])))

    def _index(self, key, count, lookup, what):
        if isinstance(key, str):
            i = lookup(self._dataset_ref, c_string(key, what))
            if i < 0:
                raise KeyError("no %s %r" % (what, key))
            return i
        if isinstance(key, int) and not isinstance(key, bool) \
                and 0 <= key < count:
            return key
        raise IndexError("%s index out of range: %r" % (what, key))

    # Output -------------------------------------------------------------

    def to_json(self):
        """The results as ``occ-results/1`` JSON text, exactly as libocc
        (and ``occ score --format=json``) writes it."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_results_to_data(self._p(), length),
                         length[0])

    def save_json(self, path):
        """Writes :meth:`to_json`'s text to the file at path (str, bytes
        or os.PathLike), a chunk at a time, without building the text:
        the way to keep the results of millions of ratings. The file is
        replaced when the write is complete (GIO's g_file_replace()).

        Raises :class:`occ.OccError` with GIO's error (domain
        ``g-io-error-quark``) when the file cannot be written.
        """
        cpath = c_path(path)
        display = take_text(lib.g_filename_display_name(cpath))
        err = new_error_location()
        gfile = lib.g_file_new_for_path(cpath)
        try:
            stream = lib.g_file_replace(gfile, NULL, False, 0, NULL, err)
            if stream == NULL:
                raise_error(err, source=display, file=display)
            try:
                out = ffi.cast("GOutputStream *", stream)
                ok = lib.occ_results_write(self._p(), out, NULL, err)
                if not ok:
                    raise_error(err, source=display, file=display)
                if not lib.g_output_stream_close(out, NULL, err):
                    raise_error(err, source=display, file=display)
            finally:
                lib.g_object_unref(stream)
        finally:
            lib.g_object_unref(gfile)

    @property
    def columns(self):
        """The keys of each record of :meth:`to_records`, in order: the
        flat columns, then ``ID``, ``ID.n``, ``ID.band``, ``ID.delta`` for
        each criterion."""
        cols = list(RECORD_COLUMNS)
        for cid in self._criterion_ids:
            cols += [cid, cid + ".n", cid + ".band", cid + ".delta"]
        return cols

    def to_records(self):
        """The scores as a list of flat dicts, one per score in the order of
        iteration (see :attr:`columns`); None where there is no value."""
        return [score.to_dict() for score in self]

    def to_dataframe(self):
        """The records of :meth:`to_records` as a pandas.DataFrame (columns
        :attr:`columns`; absent numbers become NaN in pandas' float
        columns). Raises ImportError when pandas is not installed."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError(
                "occ.Results.to_dataframe() needs pandas (on Debian: apt "
                "install python3-pandas); to_records() gives the same rows "
                "as a list of dicts") from e
        return pandas.DataFrame.from_records(self.to_records(),
                                             columns=self.columns)

    def __repr__(self):
        if self._ptr is None:
            return "<occ.Results (closed)>"
        return "<occ.Results: %d scores>" % len(self)
