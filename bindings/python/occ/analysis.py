"""occ.analysis: confidence intervals, inter-rater agreement, weight
sensitivity and country comparison (libocc 1.1).

    >>> import occ
    >>> with occ.load("americas-sample.json") as ds:
    ...     results = ds.score()
    >>> boot = occ.Bootstrap(results, seed=42)
    >>> boot.interval("PE", "2024")            # the country's own score
    Interval(status='estimated', low=..., high=..., se=..., n_valid=2000)

Every analysis is seeded: the same seed gives the same numbers on every
machine, whatever the number of threads. ``progress`` is a function
called with the fraction done (0..1), from the calling thread.
"""

import collections
import math

from ._ffi import (NULL, as_mask, c_string, ffi, lib, own, take_text, text,
                   unpack_array)
from .dataset import Dataset
from .errors import new_error_location, raise_error
from .results import Results

#: What a bootstrap interval covers (``Interval.status``).
STATUS_NAMES = ("none", "published", "estimated", "partial")
#: The metrics of Krippendorff's alpha.
METRICS = ("nominal", "ordinal", "interval", "ratio")
_METHODS = {"mean": lib.OCC_AGGREGATION_MEAN,
            "median": lib.OCC_AGGREGATION_MEDIAN,
            "geometric": lib.OCC_AGGREGATION_GEOMETRIC}
_LEVELS = {"raters": lib.OCC_LEVEL_RATERS,
           "criteria": lib.OCC_LEVEL_CRITERIA,
           "children": lib.OCC_LEVEL_CHILDREN}
_RANKS = {"peers": lib.OCC_RANK_KIND_PEERS,
          "countries": lib.OCC_RANK_KIND_COUNTRIES}

#: One score's interval: ``status`` is "none", "published" (no
#: rater-level data, no interval), "estimated" or "partial" (leaves with
#: published scores only held fixed); the figures are None without an
#: interval.
Interval = collections.namedtuple("Interval",
                                  "status low high se n_valid")
#: A spread across Monte Carlo draws: the median, 5th and 95th percentiles.
Spread = collections.namedtuple("Spread", "median p5 p95")


@ffi.def_extern()
def _py_progress(fraction, user_data):
    callback = ffi.from_handle(user_data)
    try:
        callback(float(fraction))
    except Exception:  # a failing callback must not unwind through C
        pass


def _progress_args(progress):
    """(C function, user_data, keep-alive handle) for a progress callable."""
    if progress is None:
        return ffi.NULL, ffi.NULL, None
    if not callable(progress):
        raise TypeError("progress must be callable")
    handle = ffi.new_handle(progress)
    return lib._py_progress, handle, handle


def _metric(metric):
    try:
        return METRICS.index(metric)
    except ValueError:
        raise ValueError("metric must be one of %s, not %r"
                         % (", ".join(METRICS), metric)) from None


def _criterion(results_or_ids, criterion):
    """-1 for None (the node's own score), else a criterion index."""
    if criterion is None:
        return -1
    ids = results_or_ids
    if isinstance(criterion, str):
        try:
            return ids.index(criterion)
        except ValueError:
            raise KeyError("no criterion %r" % criterion) from None
    if isinstance(criterion, int) and not isinstance(criterion, bool) \
            and 0 <= criterion < len(ids):
        return criterion
    raise IndexError("criterion index out of range: %r" % (criterion,))


def _criterion_ids(dataset_ptr):
    m = lib.occ_dataset_get_methodology(dataset_ptr)
    return [text(lib.occ_methodology_get_criterion_id(m, i))
            for i in range(lib.occ_methodology_get_n_criteria(m))]


def _node(node):
    return ffi.NULL if node is None else c_string(node, "node")


def _bootstrap_options(replicates, level, seed, method, threads):
    options = own(lib.occ_bootstrap_options_new())
    if not isinstance(replicates, int) or not 2 <= replicates <= 10_000_000:
        raise ValueError("replicates must be an int from 2 to 10000000")
    if not (isinstance(level, (int, float)) and 0 < level < 1):
        raise ValueError("level must be between 0 and 1")
    if not isinstance(seed, int) or not 0 <= seed < 2 ** 64:
        raise ValueError("seed must be an int from 0 to 2**64 - 1")
    if method not in ("percentile", "bca"):
        raise ValueError("method must be 'percentile' or 'bca'")
    if not isinstance(threads, int) or not 0 <= threads <= 256:
        raise ValueError("threads must be an int from 0 to 256")
    lib.occ_bootstrap_options_set_replicates(options, replicates)
    lib.occ_bootstrap_options_set_level(options, float(level))
    lib.occ_bootstrap_options_set_seed(options, seed)
    lib.occ_bootstrap_options_set_method(
        options, lib.OCC_INTERVAL_METHOD_BCA if method == "bca"
        else lib.OCC_INTERVAL_METHOD_PERCENTILE)
    lib.occ_bootstrap_options_set_threads(options, threads)
    return options


class Bootstrap:
    """Bootstrap intervals and standard errors of every score of
    :class:`occ.Results`: each replicate resamples each leaf's raters with
    replacement and goes through the full aggregation.

    ``method`` is "percentile" or "bca"; ``threads`` 0 means one per
    processor.
    """

    def __init__(self, results, replicates=2000, level=0.90, seed=1,
                 method="percentile", threads=0, progress=None):
        if not isinstance(results, Results):
            raise TypeError("occ.Bootstrap() needs occ.Results, not %s"
                            % type(results).__name__)
        options = _bootstrap_options(replicates, level, seed, method, threads)
        func, data, keep = _progress_args(progress)
        err = new_error_location()
        ptr = lib.occ_bootstrap_new(results._p(), options, func, data,
                                    ffi.NULL, err)
        del keep
        if ptr == NULL:
            raise_error(err)
        self._ptr = own(ptr)
        self._results = results
        self._criterion_ids = list(results._criterion_ids)

    @property
    def results(self):
        """The :class:`occ.Results` the intervals are about."""
        return self._results

    @property
    def replicates(self):
        """The number of replicates."""
        return int(lib.occ_bootstrap_get_replicates(self._ptr))

    @property
    def level(self):
        """The confidence level."""
        return float(lib.occ_bootstrap_get_level(self._ptr))

    @property
    def seed(self):
        """The seed."""
        return int(lib.occ_bootstrap_get_seed(self._ptr))

    @property
    def method(self):
        """"percentile" or "bca"."""
        m = lib.occ_bootstrap_get_method(self._ptr)
        return "bca" if m == lib.OCC_INTERVAL_METHOD_BCA else "percentile"

    @property
    def n_published_only(self):
        """How many (country, phase, leaf) scores come from published
        scores only, and so have no interval."""
        return int(lib.occ_bootstrap_get_n_published_only(self._ptr))

    def interval(self, country, phase, node=None, criterion=None):
        """The :data:`Interval` of a score: a node's (by id), or the
        country's own when ``node`` is None; a criterion's (id or index)
        or the node's own when ``criterion`` is None."""
        c = _criterion(self._criterion_ids, criterion)
        out = ffi.new("double[3]")
        cc, cp, cn = (c_string(country, "country"), c_string(phase, "phase"),
                      _node(node))
        status = lib.occ_bootstrap_lookup(self._ptr, cc, cp, cn, c, out,
                                          out + 1, out + 2)
        n_valid = int(lib.occ_bootstrap_get_n_valid(self._ptr, cc, cp, cn, c))
        if status in (lib.OCC_INTERVAL_STATUS_ESTIMATED,
                      lib.OCC_INTERVAL_STATUS_PARTIAL):
            return Interval(STATUS_NAMES[status], out[0], out[1], out[2],
                            n_valid)
        return Interval(STATUS_NAMES[status], None, None, None, n_valid)

    def intervals(self, country, phase, criterion=None):
        """Every node's interval in one country and phase (indices, as
        :meth:`occ.Dataset.country_index`), as a dict of arrays ``status``,
        ``low``, ``high``, ``se``, by node index, the country's own score
        last; the figures are 0 where the status has no interval."""
        c = _criterion(self._criterion_ids, criterion)
        low, high, se = (ffi.new("double **"), ffi.new("double **"),
                         ffi.new("double **"))
        n = ffi.new("gsize *")
        status = lib.occ_bootstrap_dup_intervals(self._ptr, country, phase, c,
                                                 low, high, se, n)
        count = int(n[0])
        return {"status": unpack_array(status, "guint8", count),
                "low": unpack_array(low[0], "double", count),
                "high": unpack_array(high[0], "double", count),
                "se": unpack_array(se[0], "double", count)}

    def to_json(self, agreement=None):
        """``occ-results/1`` with ``ci``, ``se`` and ``ci_status`` (and,
        with an :class:`Agreement`, ``alpha`` on the countries' own
        scores): what ``occ score --ci`` writes."""
        length = ffi.new("gsize *")
        if agreement is None:
            data = lib.occ_bootstrap_to_data(self._ptr, length)
        else:
            if not isinstance(agreement, Agreement):
                raise TypeError("agreement must be an occ.Agreement")
            data = lib.occ_bootstrap_to_data_with_agreement(
                self._ptr, agreement._ptr, length)
        return take_text(data, int(length[0]))

    def __repr__(self):
        return "<occ.Bootstrap %d replicates, level %g, %s, seed %d>" % (
            self.replicates, self.level, self.method, self.seed)


def krippendorff_alpha(data, metric="ordinal"):
    """Krippendorff's alpha of reliability data: a sequence of units, each
    a sequence of the coders' values (None or NaN where a coder gave
    none), all units the same length. Raises :class:`occ.OccError` when
    alpha is undefined (no pairable values, no variation)."""
    rows = [list(unit) for unit in data]
    n_coders = len(rows[0]) if rows else 0
    if any(len(r) != n_coders for r in rows):
        raise ValueError("every unit needs a value (or None) for every coder")
    flat = [math.nan if v is None else float(v) for r in rows for v in r]
    buf = ffi.new("double[]", max(1, len(flat)))
    for i, v in enumerate(flat):
        buf[i] = v
    out = ffi.new("double *")
    err = new_error_location()
    if not lib.occ_alpha_compute(buf, len(flat), n_coders, _metric(metric),
                                 out, err):
        raise_error(err)
    return out[0]


class Agreement:
    """Krippendorff's alpha of a dataset's ratings in each country and
    phase (raters as coders, (leaf, criterion) as units), with bootstrap
    percentile intervals from resampled units."""

    def __init__(self, dataset, replicates=2000, level=0.90, seed=1,
                 threads=0, progress=None):
        if not isinstance(dataset, Dataset):
            raise TypeError("occ.Agreement() needs an occ.Dataset, not %s"
                            % type(dataset).__name__)
        options = _bootstrap_options(replicates, level, seed, "percentile",
                                     threads)
        func, data, keep = _progress_args(progress)
        err = new_error_location()
        ptr = lib.occ_agreement_new(dataset._p(), options, func, data,
                                    ffi.NULL, err)
        del keep
        if ptr == NULL:
            raise_error(err)
        self._ptr = own(ptr)
        self._criterion_ids = _criterion_ids(
            lib.occ_agreement_get_dataset(self._ptr))

    @property
    def replicates(self):
        """The number of bootstrap replicates behind the intervals."""
        return int(lib.occ_agreement_get_replicates(self._ptr))

    @property
    def level(self):
        """The confidence level of the intervals."""
        return float(lib.occ_agreement_get_level(self._ptr))

    def _args(self, country, phase, criterion):
        return (self._ptr, c_string(country, "country"),
                c_string(phase, "phase"),
                _criterion(self._criterion_ids, criterion))

    def alpha(self, country, phase, criterion=None, metric="ordinal"):
        """Alpha over all criteria (``criterion`` None) or one criterion,
        or None when it is undefined."""
        out = ffi.new("double *")
        if lib.occ_agreement_lookup(*self._args(country, phase, criterion),
                                    _metric(metric), out):
            return out[0]
        return None

    def interval(self, country, phase, criterion=None, metric="ordinal"):
        """(low, high) of alpha, or None."""
        out = ffi.new("double[2]")
        if lib.occ_agreement_lookup_interval(
                *self._args(country, phase, criterion), _metric(metric),
                out, out + 1):
            return (out[0], out[1])
        return None

    def n_units(self, country, phase, criterion=None):
        """The number of pairable units."""
        return int(lib.occ_agreement_get_n_units(
            *self._args(country, phase, criterion)))

    def n_values(self, country, phase, criterion=None):
        """The number of pairable values."""
        return int(lib.occ_agreement_get_n_values(
            *self._args(country, phase, criterion)))

    def to_records(self, metric="ordinal"):
        """One dict per (country, phase, criterion or "all")."""
        ds = lib.occ_agreement_get_dataset(self._ptr)
        records = []
        for k in range(lib.occ_dataset_get_n_countries(ds)):
            country = text(lib.occ_dataset_get_country_id(ds, k))
            for p in range(lib.occ_dataset_get_n_phases(ds)):
                phase = text(lib.occ_dataset_get_phase_id(ds, p))
                for c in [None] + self._criterion_ids:
                    ci = self.interval(country, phase, c, metric)
                    records.append({
                        "country": country, "phase": phase,
                        "criterion": c or "all",
                        "units": self.n_units(country, phase, c),
                        "values": self.n_values(country, phase, c),
                        "alpha": self.alpha(country, phase, c, metric),
                        "ci_low": ci[0] if ci else None,
                        "ci_high": ci[1] if ci else None})
        return records

    def to_json(self):
        """The agreement as JSON (what ``occ agreement --format=json``
        writes)."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_agreement_to_data(self._ptr, length),
                         int(length[0]))


class Sensitivity:
    """Monte Carlo over criterion weights and aggregation methods.

    ``weights``: ("uniform", x) varies each weight within ±x (x in
    [0, 1)); ("dirichlet", k) draws the weight shares from a Dirichlet of
    concentration k around them; "fixed" keeps them. ``methods``: the
    aggregation methods to draw from; ``levels``: where a method is drawn
    ("raters", "criteria", "children").
    """

    def __init__(self, dataset, draws=2000, seed=1, weights=("uniform", 0.2),
                 methods=("mean", "geometric", "median"),
                 levels=("criteria", "children"), threads=0, progress=None):
        if not isinstance(dataset, Dataset):
            raise TypeError("occ.Sensitivity() needs an occ.Dataset, not %s"
                            % type(dataset).__name__)
        options = own(lib.occ_sensitivity_options_new())
        if not isinstance(draws, int) or not 2 <= draws <= 10_000_000:
            raise ValueError("draws must be an int from 2 to 10000000")
        if not isinstance(seed, int) or not 0 <= seed < 2 ** 64:
            raise ValueError("seed must be an int from 0 to 2**64 - 1")
        if not isinstance(threads, int) or not 0 <= threads <= 256:
            raise ValueError("threads must be an int from 0 to 256")
        lib.occ_sensitivity_options_set_draws(options, draws)
        lib.occ_sensitivity_options_set_seed(options, seed)
        lib.occ_sensitivity_options_set_threads(options, threads)
        if weights == "fixed":
            lib.occ_sensitivity_options_set_weight_draw(
                options, lib.OCC_WEIGHT_DRAW_FIXED, 0.0)
        elif isinstance(weights, tuple) and len(weights) == 2 \
                and weights[0] == "uniform" and 0 <= weights[1] < 1:
            lib.occ_sensitivity_options_set_weight_draw(
                options, lib.OCC_WEIGHT_DRAW_UNIFORM, float(weights[1]))
        elif isinstance(weights, tuple) and len(weights) == 2 \
                and weights[0] == "dirichlet" and 0 < weights[1] < 1e12:
            lib.occ_sensitivity_options_set_weight_draw(
                options, lib.OCC_WEIGHT_DRAW_DIRICHLET, float(weights[1]))
        else:
            raise ValueError("weights must be ('uniform', x) with 0 <= x < 1, "
                             "('dirichlet', k) with k > 0, or 'fixed'")
        methods = list(methods)
        if not methods or len(methods) > 16 \
                or any(m not in _METHODS for m in methods):
            raise ValueError("methods must list 'mean', 'median' or "
                             "'geometric'")
        cmethods = ffi.new("OccAggregation[]", [_METHODS[m] for m in methods])
        lib.occ_sensitivity_options_set_methods(options, cmethods,
                                                len(methods))
        levels = list(levels)
        if any(level not in _LEVELS for level in levels):
            raise ValueError("levels must list 'raters', 'criteria' or "
                             "'children'")
        for name, value in _LEVELS.items():
            lib.occ_sensitivity_options_set_vary_level(options, value,
                                                       name in levels)
        func, data, keep = _progress_args(progress)
        err = new_error_location()
        ptr = lib.occ_sensitivity_new(dataset._p(), options, func, data,
                                      ffi.NULL, err)
        del keep
        if ptr == NULL:
            raise_error(err)
        self._ptr = own(ptr)

    @property
    def draws(self):
        """The number of draws."""
        return int(lib.occ_sensitivity_get_draws(self._ptr))

    @property
    def inputs(self):
        """The uncertain inputs' names ("weight:R", "method:children"...)."""
        return [text(lib.occ_sensitivity_get_input_name(self._ptr, i))
                for i in range(lib.occ_sensitivity_get_n_inputs(self._ptr))]

    def score(self, country, phase, node=None):
        """The :data:`Spread` of a score across draws, or None."""
        out = ffi.new("double[3]")
        if lib.occ_sensitivity_lookup_score(
                self._ptr, c_string(country, "country"),
                c_string(phase, "phase"), _node(node), out, out + 1, out + 2):
            return Spread(out[0], out[1], out[2])
        return None

    def rank(self, country, phase, node=None, kind="countries"):
        """The :data:`Spread` of a rank ("countries" or "peers"), or None."""
        if kind not in _RANKS:
            raise ValueError("kind must be 'countries' or 'peers'")
        out = ffi.new("double[3]")
        if lib.occ_sensitivity_lookup_rank(
                self._ptr, c_string(country, "country"),
                c_string(phase, "phase"), _node(node), _RANKS[kind], out,
                out + 1, out + 2):
            return Spread(out[0], out[1], out[2])
        return None

    def indices(self, country, phase, node=None, of="score",
                kind="countries"):
        """First-order sensitivity indices ``{input: index or None}`` on
        the score (``of="score"``) or a rank (``of="rank"``)."""
        if of not in ("score", "rank") or kind not in _RANKS:
            raise ValueError("of must be 'score' or 'rank', kind "
                             "'countries' or 'peers'")
        present = ffi.new("guint8 **")
        n = ffi.new("gsize *")
        values = lib.occ_sensitivity_dup_indices(
            self._ptr, c_string(country, "country"), c_string(phase, "phase"),
            _node(node), of == "rank", _RANKS[kind], present, n)
        if values == NULL:
            raise KeyError("unknown country, phase or node")
        count = int(n[0])
        vals = unpack_array(values, "double", count)
        mask = as_mask(unpack_array(present[0], "guint8", count))
        return {name: (float(v) if m else None)
                for name, v, m in zip(self.inputs, vals, mask)}

    def to_json(self, nodes=None, kind="countries"):
        """The analysis as JSON (what ``occ sensitivity --format=json``
        writes): for the given node ids, or the countries' own scores
        when nodes is None."""
        if kind not in _RANKS:
            raise ValueError("kind must be 'countries' or 'peers'")
        keep = None
        array = NULL
        if nodes is not None:
            keep = [ffi.new("char[]", c_string(n, "node")) for n in nodes]
            array = ffi.new("char *[]", keep + [NULL])
        length = ffi.new("gsize *")
        return take_text(lib.occ_sensitivity_to_data(self._ptr, _RANKS[kind],
                                                     array, length),
                         int(length[0]))


class Comparison:
    """One node (``node``), every node of a depth (``depth``), or the
    countries' own scores across countries in one phase (default: the
    last), with intervals when a :class:`Bootstrap` is given."""

    def __init__(self, results, phase=None, node=None, depth=None,
                 bootstrap=None):
        if not isinstance(results, Results):
            raise TypeError("occ.Comparison() needs occ.Results")
        if bootstrap is not None and not isinstance(bootstrap, Bootstrap):
            raise TypeError("bootstrap must be an occ.Bootstrap")
        if bootstrap is not None and bootstrap.results is not results:
            raise ValueError("the bootstrap is of other results")
        if depth is not None and (not isinstance(depth, int) or depth < 0):
            raise ValueError("depth must be a non-negative int")
        err = new_error_location()
        ptr = lib.occ_comparison_new(
            results._p(), bootstrap._ptr if bootstrap else ffi.NULL,
            ffi.NULL if phase is None else c_string(phase, "phase"),
            _node(node), -1 if depth is None else depth, err)
        if ptr == NULL:
            raise_error(err)
        self._ptr = own(ptr)
        self._keep = (results, bootstrap)

    @property
    def phase(self):
        """The phase compared."""
        return text(lib.occ_comparison_get_phase(self._ptr))

    def __len__(self):
        return int(lib.occ_comparison_get_n_rows(self._ptr))

    def rows(self):
        """One dict per (node, country): node (None for a country's own
        score), country, value, rank, delta, previous_rank, ci_low,
        ci_high, ci_status."""
        out = []
        d = ffi.new("double[2]")
        for i in range(len(self)):
            lib.occ_comparison_get_value(self._ptr, i, d)
            has_delta = lib.occ_comparison_get_delta(self._ptr, i, d + 1)
            lo_hi = ffi.new("double[2]")
            status = lib.occ_comparison_get_interval(self._ptr, i, lo_hi,
                                                     lo_hi + 1)
            has_ci = status in (lib.OCC_INTERVAL_STATUS_ESTIMATED,
                                lib.OCC_INTERVAL_STATUS_PARTIAL)
            previous = int(lib.occ_comparison_get_previous_rank(self._ptr, i))
            out.append({
                "node": text(lib.occ_comparison_get_node(self._ptr, i)),
                "country": text(lib.occ_comparison_get_country(self._ptr, i)),
                "value": d[0],
                "rank": int(lib.occ_comparison_get_rank(self._ptr, i)),
                "delta": d[1] if has_delta else None,
                "previous_rank": previous or None,
                "ci_low": lo_hi[0] if has_ci else None,
                "ci_high": lo_hi[1] if has_ci else None,
                "ci_status": STATUS_NAMES[status]})
        return out

    def to_json(self):
        """The comparison as JSON (what ``occ compare --format=json``
        writes)."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_comparison_to_data(self._ptr, length),
                         int(length[0]))
