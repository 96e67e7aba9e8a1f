"""Low-level helpers shared by the modules of the `occ` package.

Not public: ``occ._ffi.ffi`` and ``occ._ffi.lib`` are the cffi objects of
the compiled extension ``occ._occ_cffi``, whose declarations are checked
against <occ/occ.h> when it is built.
"""

import os

from ._occ_cffi import ffi, lib

NULL = ffi.NULL


def text(ptr):
    """A C string owned by libocc (transfer none) as str, or None for NULL."""
    if ptr == NULL:
        return None
    return ffi.string(ptr).decode("utf-8")


def take_text(ptr, length=None):
    """A transfer-full C string as str; frees it with g_free()."""
    if ptr == NULL:
        return None
    try:
        if length is None:
            return ffi.string(ptr).decode("utf-8")
        return ffi.unpack(ptr, length).decode("utf-8")
    finally:
        lib.g_free(ptr)


def c_lang(lang):
    """A language tag for C: None (the default label) as NULL."""
    return NULL if lang is None else c_string(lang, "lang")


def c_string(value, what):
    """value, a str, as UTF-8 bytes for C; TypeError for anything else
    (libocc must never see NULL where it expects a string)."""
    if not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise ValueError("%s must not contain NUL characters" % what)
    return value.encode("utf-8")


def c_path(path):
    """A file name (str, bytes or os.PathLike) as bytes for C."""
    path = os.fspath(path)
    if isinstance(path, str):
        path = os.fsencode(path)
    if b"\0" in path:
        raise ValueError("a file name must not contain NUL characters")
    return path


def own(ptr):
    """A transfer-full GObject pointer, unreferenced when the returned cdata
    is garbage-collected (or passed to ffi.release())."""
    if ptr == NULL:
        return None
    return ffi.gc(ptr, lib.g_object_unref)


def ref(ptr):
    """A new reference to a transfer-none GObject pointer, as own() does."""
    if ptr == NULL:
        return None
    return ffi.gc(ffi.cast(ffi.typeof(ptr), lib.g_object_ref(ptr)),
                  lib.g_object_unref)


def list_items(model, ctype):
    """The raw items of a GListModel whose items the model keeps alive
    (g_list_model_get_item's reference is dropped at once)."""
    items = []
    model = ffi.cast("GListModel *", model)
    for i in range(lib.g_list_model_get_n_items(model)):
        item = lib.g_list_model_get_item(model, i)
        items.append(ffi.cast(ctype, item))
        lib.g_object_unref(item)
    return items


def owned_items(model, ctype):
    """The items of a GListModel, each as an owned reference (own())."""
    model = ffi.cast("GListModel *", model)
    return [own(ffi.cast(ctype, lib.g_list_model_get_item(model, i)))
            for i in range(lib.g_list_model_get_n_items(model))]


def numpy_or_none():
    """The numpy module, or None when it is not installed."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def unpack_array(ptr, ctype, n, free=True):
    """n elements of a C array as a numpy array (a copy) when numpy is
    present, else as a list; frees a transfer-full array with g_free()."""
    try:
        np = numpy_or_none()
        if np is None:
            return ffi.unpack(ffi.cast(ctype + " *", ptr), n) if n else []
        dtype = {"double": np.float64, "guint8": np.uint8,
                 "gint8": np.int8,
                 "guint16": np.uint16, "guint32": np.uint32,
                 "gint32": np.int32}[ctype]
        if n == 0:
            return np.zeros(0, dtype=dtype)
        return np.frombuffer(ffi.buffer(ffi.cast(ctype + " *", ptr),
                                        n * ffi.sizeof(ctype)),
                             dtype=dtype).copy()
    finally:
        if free and ptr != NULL:
            lib.g_free(ptr)


def as_mask(data):
    """A 0/1 array from libocc as booleans (numpy bool array or list)."""
    np = numpy_or_none()
    if np is not None:
        return np.asarray(data, dtype=bool)
    return [bool(x) for x in data]


class Closable:
    """What :class:`occ.Dataset` and :class:`occ.Results` share: a
    reference to a libocc object that :meth:`close` (or leaving a ``with``
    block) drops, after which using the object raises ValueError. The
    memory itself goes when nothing taken from the object still uses it.
    Subclasses declare the ``_ptr`` slot."""

    __slots__ = ()

    def close(self):
        """Drop this object's reference (idempotent)."""
        self._ptr = None

    @property
    def closed(self):
        """True after :meth:`close`."""
        return self._ptr is None

    def __enter__(self):
        self._p()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _p(self):
        ptr = self._ptr
        if ptr is None:
            raise ValueError(f"operation on a closed occ.{type(self).__name__}")
        return ptr
