"""Ratings as CSV: read a ratings sheet over a dataset, write one back.

The methods below are methods of :class:`occ.Dataset` (this class is one
of its bases); the layout of the CSV is that of docs/csv.md.
"""

from ._ffi import NULL, c_path, ffi, lib, own, take_text
from .errors import new_error_location, raise_error


class RatingsCsv:
    """Mixin of :class:`occ.Dataset`: the ratings as CSV (libocc 1.1)."""

    __slots__ = ()

    def with_ratings_csv(self, path):
        """A new dataset: this one with the ratings of a CSV file (str,
        bytes or os.PathLike), which replace its own ratings; its
        framework, countries, phases, raters, methodology and published
        scores are kept. The file is read in chunks, so millions of ratings
        load in bounded memory.

        Raises :class:`occ.OccError` naming ``FILE:LINE:COLUMN (column
        NAME)`` and the rule broken, or :class:`occ.OccFileError` when the
        file cannot be read::

            ds = occ.load("framework.json").with_ratings_csv("ratings.csv")
        """
        cpath = c_path(path)
        display = take_text(lib.g_filename_display_name(cpath))
        err = new_error_location()
        ptr = lib.occ_dataset_new_with_ratings_csv(self._p(), cpath, err)
        if ptr == NULL:
            raise_error(err, source=display, file=display)
        return type(self)(own(ptr))

    def with_ratings_csv_string(self, text):
        """As :meth:`with_ratings_csv`, from CSV text (a str, or UTF-8
        bytes); messages of errors start with ``<data>``."""
        if isinstance(text, str):
            data = text.encode("utf-8")
        else:
            data = bytes(memoryview(text))
        err = new_error_location()
        ptr = lib.occ_dataset_new_with_ratings_csv_data(self._p(), data,
                                                        len(data), err)
        if ptr == NULL:
            raise_error(err, source="<data>")
        return type(self)(own(ptr))

    def with_ratings_csv_bytes(self, data):
        """As :meth:`with_ratings_csv_string`, through a GBytes
        (``occ_dataset_new_with_ratings_csv_bytes()``)."""
        data = bytes(memoryview(data))
        gbytes = lib.g_bytes_new(data, len(data))
        try:
            err = new_error_location()
            ptr = lib.occ_dataset_new_with_ratings_csv_bytes(self._p(), gbytes,
                                                             err)
        finally:
            lib.g_bytes_unref(gbytes)
        if ptr == NULL:
            raise_error(err, source="<data>")
        return type(self)(own(ptr))

    def ratings_to_csv(self, raw=False):
        """The ratings as CSV text (RFC 4180, CRLF line ends), one row per
        rating; :meth:`with_ratings_csv_string` reads it back to the same
        dataset. A text cell a spreadsheet would take for a formula (it
        begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
        return) gets a ``'`` before it, which the reader removes again;
        ``raw=True`` writes every cell as it is, for programs."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_dataset_ratings_to_csv_full(
            self._p(), _flags(raw), length), length[0])

    def template_csv(self, raw=False):
        """The empty rating sheet of the framework as CSV text: one row per
        country, phase and leaf, for raters to fill in a spreadsheet
        (``raw`` as for :meth:`ratings_to_csv`)."""
        length = ffi.new("gsize *")
        return take_text(lib.occ_dataset_template_to_csv_full(
            self._p(), _flags(raw), length), length[0])

    def save_ratings_csv(self, path, raw=False):
        """Write :meth:`ratings_to_csv` to a file (bytes as they are: the
        CRLF line ends stay)."""
        with open(path, "wb") as f:
            f.write(self.ratings_to_csv(raw).encode("utf-8"))


def _flags(raw):
    return lib.OCC_CSV_FLAGS_RAW if raw else lib.OCC_CSV_FLAGS_NONE
