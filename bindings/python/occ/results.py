"""occ.Results and occ.Score: the scores of a dataset; occ.Audit: a
published report's claims checked against them."""

import json
from collections import namedtuple

from ._ffi import (NULL, Closable, as_mask, c_path, c_string, ffi, lib, own,
                   owned_items, ref, take_text, text, unpack_array)
from .errors import new_error_location, raise_error
from .dataset import Dataset, Node, Values
from .methodology import Methodology

#: The flat columns of :meth:`Results.to_records`, before the criteria's.
RECORD_COLUMNS = ("country", "phase", "node", "depth", "value", "band",
                  "delta", "rank", "country_rank", "inclusion",
                  "missing_children")

#: The columns of :meth:`Results.summary_records`, one record per
#: summary of an inner node or of a country (node None) in a country and
#: phase.
SUMMARY_COLUMNS = ("country", "phase", "node", "depth", "summary", "count",
                   "unknown", "of", "percent", "delta", "delta_percent")

#: The verdicts of a claim (:attr:`Claim.verdict`), by OccVerdict value.
VERDICTS = ("holds", "contradicted", "not-checkable")

# occ_results_dup_levels()'s OCC_NO_LEVEL (G_MININT32).
_NO_LEVEL = -2 ** 31
# OccTruth, by value, as Python: FALSE, TRUE, UNKNOWN.
_TRUTH = (False, True, None)


def _position(ids, key, what):
    """The index of key (an id, or an index) among ids."""
    if isinstance(key, str):
        try:
            return ids.index(key)
        except ValueError:
            raise KeyError("no %s %r" % (what, key)) from None
    if isinstance(key, int) and not isinstance(key, bool) \
            and 0 <= key < len(ids):
        return key
    raise IndexError("%s index out of range: %r" % (what, key))


def _pandas(what, records):
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "%s needs pandas (on Debian: apt install python3-pandas); %s "
            "gives the same rows as a list of dicts" % (what, records)) from e
    return pandas


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

    # Categorical methodologies (libocc 1.5) ------------------------------

    def level(self, criterion):
        """A leaf's level for a criterion (id or index) of a categorical
        methodology, as its id (``"no-evidence"``, ``"substantial"``):
        the raters' median or mode (occ-categorical.md rule 1). None for a
        leaf without a level for it (not assessed, too few raters), for
        inner nodes, countries and numeric methodologies."""
        c = self._results._criterion(criterion)
        return text(lib.occ_score_get_level_id(self._ptr, c))

    def level_index(self, criterion):
        """As :meth:`level`, the level's number: 0 for the lowest, 1, 2,
        ... in order, -1, -2, ... for an unranked answer; or None."""
        c = self._results._criterion(criterion)
        out = ffi.new("int *")
        return int(out[0]) if lib.occ_score_get_level(self._ptr, c, out) \
            else None

    @property
    def levels(self):
        """Every criterion's level, ``{criterion_id: level_id or None}``
        in the methodology's order (all None but for a categorical
        methodology's leaves)."""
        return {cid: self.level(i)
                for i, cid in enumerate(self._results._criterion_ids)}

    def flag(self, flag):
        """A flag (id or index) of a leaf, such as ``"starred"``: True,
        False, or None when it cannot be told (a level it depends on is
        missing); None too for inner nodes and countries."""
        f = self._results._flag(flag)
        if not self._is_leaf():
            return None
        return _TRUTH[int(lib.occ_score_get_flag(self._ptr, f))]

    @property
    def flags(self):
        """Every flag of a leaf, ``{flag_id: True, False or None}``."""
        return {fid: self.flag(i)
                for i, fid in enumerate(self._results._flag_ids)}

    def _is_leaf(self):
        n = lib.occ_score_get_node(self._ptr)
        return n != NULL and bool(lib.occ_node_is_leaf(n))

    def summary(self, summary):
        """A summary (id or index) of an inner node or a country, over
        the rated leaves below it (occ-categorical.md rule 4), as a dict
        ``{"count", "unknown", "of", "percent"}``: how many satisfy its
        condition, for how many it is unknown, of how many rated leaves,
        and ``100 * count / of`` in full precision (None unless the
        summary has ``"percent": true``). None for a leaf."""
        x = self._results._summary(summary)
        count = ffi.new("guint *")
        unknown = ffi.new("guint *")
        of = ffi.new("guint *")
        percent = ffi.new("double *")
        if not lib.occ_score_get_summary(self._ptr, x, count, unknown, of,
                                         percent):
            return None
        return {"count": int(count[0]), "unknown": int(unknown[0]),
                "of": int(of[0]),
                "percent": percent[0] if self._results._summary_percent[x]
                else None}

    @property
    def summaries(self):
        """Every summary, ``{summary_id: {"count", "unknown", "of",
        "percent"} or None}`` in the methodology's order."""
        return {sid: self.summary(i)
                for i, sid in enumerate(self._results._summary_ids)}

    def summary_delta(self, summary):
        """The change of a summary (id or index) since the phase before,
        as a dict ``{"count": int, "percent": float or None}``; None when
        this or the previous phase has no such summary for the node."""
        x = self._results._summary(summary)
        count = ffi.new("int *")
        percent = ffi.new("double *")
        if not lib.occ_score_get_summary_delta(self._ptr, x, count, percent):
            return None
        return {"count": int(count[0]),
                "percent": percent[0] if self._results._summary_percent[x]
                else None}

    def to_dict(self):
        """The score as one flat record, as :meth:`Results.to_records`."""
        return self._record(True)

    def _record(self, categorical):
        """The record; with categorical False, without the levels and
        flags (which :meth:`Results.to_records` takes in bulk)."""
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
        if categorical and self._results._categorical:
            for c, cid in enumerate(self._results._criterion_ids):
                record[cid + ".level"] = text(lib.occ_score_get_level_id(p, c))
            leaf = self._is_leaf()
            for f, fid in enumerate(self._results._flag_ids):
                record["flag." + fid] = \
                    _TRUTH[int(lib.occ_score_get_flag(p, f))] if leaf else None
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

    __slots__ = ("_ptr", "_dataset_ref", "_criterion_ids", "_categorical",
                 "_flag_ids", "_summary_ids", "_summary_percent",
                 "__weakref__")

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
        self._categorical = int(lib.occ_methodology_get_scale_kind(m)) == \
            lib.OCC_SCALE_KIND_CATEGORICAL
        self._flag_ids = tuple(
            text(lib.occ_methodology_get_flag_id(m, i))
            for i in range(lib.occ_methodology_get_n_flags(m)))
        self._summary_ids = tuple(
            text(lib.occ_methodology_get_summary_id(m, i))
            for i in range(lib.occ_methodology_get_n_summaries(m)))
        self._summary_percent = tuple(
            bool(lib.occ_methodology_get_summary_has_percent(m, i))
            for i in range(len(self._summary_ids)))

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

    @property
    def flag_ids(self):
        """The methodology's flag ids, in order (empty unless
        categorical)."""
        return list(self._flag_ids)

    @property
    def summary_ids(self):
        """The methodology's summary ids, in order (empty unless
        categorical)."""
        return list(self._summary_ids)

    def _flag(self, flag):
        return _position(self._flag_ids, flag, "flag")

    def _summary(self, summary):
        return _position(self._summary_ids, summary, "summary")

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

    def _cell(self, country, phase):
        ds = self._dataset_ref
        return (self._index(country, lib.occ_dataset_get_n_countries(ds),
                            lib.occ_dataset_lookup_country, "country"),
                self._index(phase, lib.occ_dataset_get_n_phases(ds),
                            lib.occ_dataset_lookup_phase, "phase"))

    def _level_ids(self, c):
        """The ids of criterion c's levels: [ranked..., unranked...]."""
        m = lib.occ_dataset_get_methodology(self._dataset_ref)
        ids = lib.occ_methodology_dup_criterion_level_ids(m, c)
        out = []
        try:
            i = 0
            while ids[i] != NULL:
                out.append(text(ids[i]))
                i += 1
        finally:
            lib.g_strfreev(ids)
        return out, int(lib.occ_methodology_get_n_criterion_levels(m, c))

    def _bulk_levels(self, k, ph, c, ids=None):
        p = self._p()
        if ids is None:
            ids = self._level_ids(c)
        names, n_ranked = ids
        n = ffi.new("gsize *")
        raw = unpack_array(lib.occ_results_dup_levels(p, k, ph, c, n),
                           "gint32", n[0])
        return [None if v == _NO_LEVEL else names[v if v >= 0
                                                  else n_ranked - 1 - v]
                for v in (raw.tolist() if hasattr(raw, "tolist") else raw)]

    def _bulk_flags(self, k, ph, f):
        n = ffi.new("gsize *")
        raw = unpack_array(lib.occ_results_dup_flags(self._p(), k, ph, f, n),
                           "gint8", n[0])
        return [None if v < 0 else _TRUTH[v]
                for v in (raw.tolist() if hasattr(raw, "tolist") else raw)]

    def _bulk_summaries(self, k, ph, x):
        n = ffi.new("gsize *")
        raw = unpack_array(
            lib.occ_results_dup_summaries(self._p(), k, ph, x, n),
            "guint32", n[0])
        raw = raw.tolist() if hasattr(raw, "tolist") else raw
        return [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]

    def levels(self, country, phase, criterion):
        """Bulk: every node's level for a criterion (id or index) of a
        categorical methodology in one country and phase (ids or
        indices), by node index (:attr:`occ.Node.index`): a list of level
        ids, None for inner nodes and leaves without a level."""
        k, ph = self._cell(country, phase)
        return self._bulk_levels(k, ph, self._criterion(criterion))

    def flags(self, country, phase, flag):
        """Bulk: a flag (id or index) of every node in one country and
        phase, by node index: a list of True, False or None (unknown, and
        for inner nodes and leaves without ratings there)."""
        k, ph = self._cell(country, phase)
        return self._bulk_flags(k, ph, self._flag(flag))

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
        if self._categorical:
            cols += [cid + ".level" for cid in self._criterion_ids]
            cols += ["flag." + fid for fid in self._flag_ids]
        return cols

    def to_records(self):
        """The scores as a list of flat dicts, one per score in the order of
        iteration (see :attr:`columns`); None where there is no value.

        For a categorical methodology each record also has ``ID.level``
        for each criterion (the level's id, such as ``"limited"``; None
        for inner nodes and where a leaf has none) and ``flag.ID`` for
        each flag (True, False, or None where unknown and for inner
        nodes)."""
        records = [score._record(False) for score in self]
        if not self._categorical or not records:
            return records
        ds = self._dataset_ref
        node_index = {
            text(lib.occ_node_get_id(lib.occ_dataset_get_node(ds, i))): i
            for i in range(lib.occ_dataset_get_n_nodes(ds))}
        level_ids = [self._level_ids(c)
                     for c in range(len(self._criterion_ids))]
        cells = {}
        for record in records:
            key = (record["country"], record["phase"])
            if key not in cells:
                k, ph = self._cell(*key)
                cells[key] = (
                    [self._bulk_levels(k, ph, c, level_ids[c])
                     for c in range(len(self._criterion_ids))],
                    [self._bulk_flags(k, ph, f)
                     for f in range(len(self._flag_ids))])
            levels, flags = cells[key]
            j = node_index[record["node"]]
            for c, cid in enumerate(self._criterion_ids):
                record[cid + ".level"] = levels[c][j]
            for f, fid in enumerate(self._flag_ids):
                record["flag." + fid] = flags[f][j]
        return records

    def summary_records(self):
        """The summaries of a categorical methodology as a list of flat
        dicts (keys :data:`SUMMARY_COLUMNS`): one per summary of every
        inner node that has rated leaves below it and of every country
        (``node`` and ``depth`` None, as a country's own :class:`Score`
        has them), by country, phase, the framework's document order with
        the country last, then the methodology's order of summaries.

        ``count``, ``unknown`` and ``of`` are ints; ``percent`` is
        ``100 * count / of`` in full precision for the summaries that have
        a percentage, else None; ``delta`` and ``delta_percent`` the
        change since the previous phase where both have the summary, else
        None. Empty for a numeric methodology."""
        self._p()
        if not self._summary_ids:
            return []
        ds = self._dataset_ref
        n_nodes = lib.occ_dataset_get_n_nodes(ds)
        nodes = []
        for i in range(n_nodes):
            node = lib.occ_dataset_get_node(ds, i)
            nodes.append((text(lib.occ_node_get_id(node)),
                          int(lib.occ_node_get_depth(node))))
        nodes.append((None, None))
        countries = [text(lib.occ_dataset_get_country_id(ds, k))
                     for k in range(lib.occ_dataset_get_n_countries(ds))]
        phases = [text(lib.occ_dataset_get_phase_id(ds, ph))
                  for ph in range(lib.occ_dataset_get_n_phases(ds))]
        x_range = range(len(self._summary_ids))
        records = []
        for k, country in enumerate(countries):
            before = None
            for ph, phase in enumerate(phases):
                now = [self._bulk_summaries(k, ph, x) for x in x_range]
                for j, (node, depth) in enumerate(nodes):
                    for x in x_range:
                        count, unknown, of = now[x][j]
                        if of == 0:  # no rated leaf below: no summary
                            continue
                        percent = 100.0 * count / of \
                            if self._summary_percent[x] else None
                        delta = delta_percent = None
                        if before is not None and before[x][j][2] != 0:
                            b_count, _, b_of = before[x][j]
                            delta = count - b_count
                            if percent is not None:
                                delta_percent = percent - 100.0 * b_count / b_of
                        records.append({
                            "country": country, "phase": phase, "node": node,
                            "depth": depth,
                            "summary": self._summary_ids[x], "count": count,
                            "unknown": unknown, "of": of, "percent": percent,
                            "delta": delta, "delta_percent": delta_percent})
                before = now
        return records

    def summaries_dataframe(self):
        """The records of :meth:`summary_records` as a pandas.DataFrame
        (columns :data:`SUMMARY_COLUMNS`). Raises ImportError when pandas
        is not installed."""
        pandas = _pandas("occ.Results.summaries_dataframe()",
                         "summary_records()")
        return pandas.DataFrame.from_records(self.summary_records(),
                                             columns=list(SUMMARY_COLUMNS))

    def audit(self, path):
        """Check a published report's claims (an ``occ-claims/1`` file at
        path) against these results: an :class:`occ.Audit`. For claims in
        memory, :meth:`occ.Audit.from_string`."""
        return Audit(self, path)

    def to_dataframe(self):
        """The records of :meth:`to_records` as a pandas.DataFrame (columns
        :attr:`columns`; absent numbers become NaN in pandas' float
        columns). Raises ImportError when pandas is not installed."""
        pandas = _pandas("occ.Results.to_dataframe()", "to_records()")
        return pandas.DataFrame.from_records(self.to_records(),
                                             columns=self.columns)

    def __repr__(self):
        if self._ptr is None:
            return "<occ.Results (closed)>"
        return "<occ.Results: %d scores>" % len(self)


Claim = namedtuple("Claim", "id text verdict explanation found")
Claim.__doc__ = """One claim of a report and its verdict (:class:`Audit`).

* ``id``: the claim's id in the claims file;
* ``text``: the report's own words, or None;
* ``verdict``: ``"holds"``, ``"contradicted"`` or ``"not-checkable"``;
* ``explanation``: for people, such as ``"the best level-2 node under IX
  in PE 2024 is IX.C.3 (3.00); IX.B.9 scores 2.94"``;
* ``found``: the computed figures that decided it, in full precision, as
  a dict (``{"nodes": ["IX.C.3"], "value": 3.0}``; ``{}`` when not
  checkable).
"""

#: The columns of :meth:`Audit.to_records`.
CLAIM_COLUMNS = Claim._fields


class Audit(Closable):
    """A published report's claims (an ``occ-claims/1`` file,
    occ-claims.md) checked against :class:`Results` (libocc 1.5).

    ``Audit(results, path)`` (or :meth:`Results.audit`) reads a claims
    file; :meth:`from_string` reads claims from text. A file that is not
    ``occ-claims/1``, a claim without an id, a country or a phase, a
    malformed figure (``"value": 2.05`` where a string ``"2.05"`` is
    needed) or a repeated id raises :class:`occ.OccError` naming the place
    (``place``, ``line``, ``column``, ``rule``); a claim the data cannot
    decide is no error, its verdict is ``"not-checkable"``.

    A sequence of :class:`Claim` in the file's order (``len()``,
    iteration, indexing by position or by claim id)::

        audit = results.audit("peru-2024-claims.json")
        audit.counts        # {"holds": 5, "contradicted": 9, ...}
        audit["ix-commitment-best"].verdict     # "contradicted"
    """

    __slots__ = ("_ptr", "_results", "_claims", "__weakref__")

    def __init__(self, results, path):
        """Check the claims of the ``occ-claims/1`` file at path (str,
        bytes or os.PathLike) against results (:class:`Results`); raises
        :class:`occ.OccError` for a bad claims file (its message starts
        with the file name), :class:`occ.OccFileError` when it cannot be
        read."""
        _check_results(results)
        cpath = c_path(path)
        display = take_text(lib.g_filename_display_name(cpath))
        err = new_error_location()
        ptr = lib.occ_audit_new_from_file(results._p(), cpath, err)
        if ptr == NULL:
            raise_error(err, source=display, file=display)
        self._init(own(ptr), results)

    def _init(self, ptr, results):
        self._ptr = ptr
        self._results = results
        self._claims = None

    @classmethod
    def from_string(cls, results, text_):
        """Check claims given as ``occ-claims/1`` JSON text (a str, or
        UTF-8 bytes); messages of errors start with ``<data>``."""
        _check_results(results)
        if isinstance(text_, (bytes, bytearray, memoryview)):
            data = bytes(text_)
        else:
            data = c_string(text_, "text")
        err = new_error_location()
        ptr = lib.occ_audit_new_from_data(results._p(), data, len(data), err)
        if ptr == NULL:
            raise_error(err, source="<data>")
        self = cls.__new__(cls)
        self._init(own(ptr), results)
        return self

    @property
    def results(self):
        """The :class:`Results` the claims were checked against."""
        return self._results

    @property
    def source(self):
        """The claims file's ``source`` (the report the claims come
        from), or None."""
        return text(lib.occ_audit_get_source(self._p()))

    def _read(self):
        if self._claims is None:
            p = self._p()
            claims = []
            for i in range(lib.occ_audit_get_n_claims(p)):
                verdict = lib.occ_audit_get_verdict(p, i)
                claims.append(Claim(
                    text(lib.occ_audit_get_claim_id(p, i)),
                    text(lib.occ_audit_get_claim_text(p, i)),
                    text(lib.occ_verdict_to_string(verdict)),
                    text(lib.occ_audit_get_explanation(p, i)),
                    json.loads(take_text(lib.occ_audit_dup_found(p, i)))))
            self._claims = tuple(claims)
        else:
            self._p()
        return self._claims

    def __len__(self):
        return int(lib.occ_audit_get_n_claims(self._p()))

    def __iter__(self):
        return iter(self._read())

    def __getitem__(self, key):
        """A claim by position (int, or a slice) or by id (str)."""
        claims = self._read()
        if isinstance(key, str):
            for claim in claims:
                if claim.id == key:
                    return claim
            raise KeyError("no claim %r" % key)
        return claims[key]

    @property
    def ids(self):
        """The claims' ids, in the file's order."""
        return [claim.id for claim in self._read()]

    def verdict(self, claim):
        """The verdict of a claim (by id or position)."""
        return self[claim].verdict

    @property
    def counts(self):
        """How many claims have each verdict: ``{"holds": n,
        "contradicted": n, "not-checkable": n}``."""
        p = self._p()
        return {name: int(lib.occ_audit_count(p, v))
                for v, name in enumerate(VERDICTS)}

    def to_json(self, dataset=None):
        """The audit as ``occ-audit/1`` JSON text, as ``occ audit
        --format=json`` writes it; dataset: the name of the dataset file
        to write as its ``dataset`` member, or None to leave it out."""
        length = ffi.new("gsize *")
        cdataset = NULL if dataset is None else c_string(dataset, "dataset")
        return take_text(lib.occ_audit_to_data(self._p(), cdataset, length),
                         length[0])

    def to_records(self):
        """The claims as a list of dicts (keys :data:`CLAIM_COLUMNS`:
        ``id``, ``text``, ``verdict``, ``explanation``, ``found``)."""
        return [claim._asdict() for claim in self._read()]

    def to_dataframe(self):
        """The records of :meth:`to_records` as a pandas.DataFrame, one row
        per claim (``found`` a column of dicts). Raises ImportError when
        pandas is not installed."""
        pandas = _pandas("occ.Audit.to_dataframe()", "to_records()")
        return pandas.DataFrame.from_records(self.to_records(),
                                             columns=list(CLAIM_COLUMNS))

    def __repr__(self):
        if self._ptr is None:
            return "<occ.Audit (closed)>"
        counts = self.counts
        return "<occ.Audit: %d claims, %d hold, %d contradicted, " \
            "%d not checkable>" % (len(self), counts["holds"],
                                   counts["contradicted"],
                                   counts["not-checkable"])


def _check_results(results):
    if not isinstance(results, Results):
        raise TypeError("occ.Audit needs occ.Results, not %s"
                        % type(results).__name__)
