"""Exceptions of the `occ` package: libocc's GErrors as Python exceptions."""

import errno as _errno
import re

from ._ffi import ffi, lib, text

#: The names of OccError's codes, by value (OCC_ERROR_SYNTAX is 0).
CODE_NAMES = ("SYNTAX", "FORMAT", "TYPE", "RANGE", "UNKNOWN_ID", "DUPLICATE",
              "STRUCTURE", "LIMIT")

# GFileError, by value (G_FILE_ERROR_EXIST is 0).
_FILE_ERROR_NAMES = (
    "EXIST", "ISDIR", "ACCES", "NAMETOOLONG", "NOENT", "NOTDIR", "NXIO",
    "NODEV", "ROFS", "TXTBSY", "FAULT", "LOOP", "NOSPC", "NOMEM", "MFILE",
    "NFILE", "BADF", "INVAL", "PIPE", "AGAIN", "INTR", "IO", "PERM", "NOSYS",
    "FAILED")

# FILE:LINE:COLUMN: after the source name (syntax errors, nesting limit).
_LINE_COLUMN = re.compile(r":(\d+):(\d+): ")
# A JSON path as libocc writes it: members joined by dots, [N] for
# elements, or "(top level)"; followed by ": ".
_JSON_PATH = re.compile(
    r"(\(top level\)|[A-Za-z_][\w-]*(?:\[\d+\]|\.[^\s.\[\]:]+)*): ")
# The same with an unknown source before it: SOURCE:LINE:COLUMN: .
_ANY_LINE_COLUMN = re.compile(r"(.+?):(\d+):(\d+): ")


def split_message(message, source=None):
    """Split a libocc error message into its parts.

    libocc's messages are ``SOURCE:LINE:COLUMN: RULE`` for a syntax error
    and ``SOURCE: JSON-PATH: RULE`` for any other fault of a document,
    where SOURCE is the file name or ``<data>``; a methodology read from
    text has no SOURCE, and a few messages name no place at all.

    source: the source name the message starts with, when the caller knows
    it (the file name, as GLib displays it, or ``"<data>"``).

    Returns a dict with ``source`` (or None), ``place`` (the JSON path, or
    ``SOURCE:LINE:COLUMN``, or None), ``line`` and ``column`` (ints for a
    syntax error, else None) and ``rule`` (the rest of the message).
    """
    parts = {"source": None, "place": None, "line": None, "column": None,
             "rule": message}
    rest = message
    if source is not None and message.startswith(source + ":"):
        parts["source"] = source
        rest = message[len(source):]
        m = _LINE_COLUMN.match(rest)
        if m:
            parts.update(place="%s:%s:%s" % (source, m.group(1), m.group(2)),
                         line=int(m.group(1)), column=int(m.group(2)),
                         rule=rest[m.end():])
            return parts
        if not rest.startswith(": "):
            parts["rule"] = rest[1:].lstrip()
            return parts
        rest = rest[2:]
    elif source is None:
        m = _ANY_LINE_COLUMN.match(message)
        if m and " " not in m.group(1):
            parts.update(source=m.group(1),
                         place="%s:%s:%s" % m.group(1, 2, 3),
                         line=int(m.group(2)), column=int(m.group(3)),
                         rule=message[m.end():])
            return parts
    m = _JSON_PATH.match(rest)
    if m:
        parts.update(place=m.group(1), rule=rest[m.end():])
    else:
        parts["rule"] = rest
    return parts


class OccError(Exception):
    """An error reported by libocc.

    ``str(error)`` is libocc's message as is, for example
    ``peru.json: ratings[12].scores.R: 4 is outside the scale 0..3``.

    Attributes:
        message: the GError message, unchanged.
        code: the code's name: ``"SYNTAX"``, ``"FORMAT"``, ``"TYPE"``,
            ``"RANGE"``, ``"UNKNOWN_ID"``, ``"DUPLICATE"``, ``"STRUCTURE"``
            or ``"LIMIT"`` (for an :class:`OccFileError`, GLib's file error
            name such as ``"NOENT"``).
        code_value: the code as the C enumeration's integer value.
        domain: the GError domain, ``"occ-error-quark"`` for libocc's own.
        place: the part of the document the fault is in: a JSON path
            such as ``ratings[12].scores.R`` (``(top level)`` for the
            document itself), or for a CSV sheet the column, such as
            ``scores.R``; None when the message names none.
        line, column: where the fault is in its input (from 1; the
            column in characters), for JSON and CSV alike, syntax and
            semantic faults alike; None when the error has no place.
        file: the file the message names (the name passed to
            :meth:`occ.Dataset.from_file`, as GLib displays it), or None for
            in-memory text (whose messages start with ``<data>``).
        source: the name the message starts with: the file name,
            ``"<data>"``, or None.
        rule: the rest of the message: the rule that was broken.
    """

    def __init__(self, message, code=None, code_value=None,
                 domain="occ-error-quark", source=None, file=None,
                 parts=None):
        Exception.__init__(self, message)
        if parts is None:
            parts = split_message(message, source)
        self.message = message
        self.code = code
        self.code_value = code_value
        self.domain = domain
        self.source = parts["source"]
        self.place = parts["place"]
        self.line = parts["line"]
        self.column = parts["column"]
        self.rule = parts["rule"]
        self.file = file if file is not None else (
            self.source if self.source not in (None, "<data>") else None)

    def __str__(self):
        return self.message

    def __repr__(self):
        return "%s(%r, code=%r)" % (type(self).__name__, self.message,
                                    self.code)


class OccFileError(OccError, OSError):
    """A file could not be read or written (a GFileError from GLib).

    Both an :class:`OccError` (``code`` is GLib's name, such as
    ``"NOENT"``; ``file`` the file name) and an :class:`OSError` whose
    ``errno`` is the matching errno value when there is one.
    """

    def __init__(self, message, code=None, code_value=None,
                 domain="g-file-error-quark", source=None, file=None):
        OSError.__init__(self, getattr(_errno, "E" + (code or ""), None),
                         message)
        OccError.__init__(self, message, code, code_value, domain, source,
                          file)
        self.filename = file

    def __str__(self):
        return self.message


def _parts_of(gerror, message):
    """The place libocc set on an OccError (occ_error_get_location() and
    the others), or the message taken apart when it set none."""
    rule = lib.occ_error_get_rule(gerror)
    if rule == ffi.NULL:
        return split_message(message)
    source = ffi.new("const char **")
    line = ffi.new("guint *")
    column = ffi.new("guint *")
    located = lib.occ_error_get_location(gerror, source, line, column)
    path = lib.occ_error_get_path(gerror)
    return {"source": text(source[0]) if source[0] != ffi.NULL else None,
            "place": text(path) if path != ffi.NULL else None,
            "line": int(line[0]) if located else None,
            "column": int(column[0]) if located else None,
            "rule": text(rule)}


def error_from_gerror(gerror, source=None, file=None):
    """The exception for a GError (which the caller still frees)."""
    message = ffi.string(gerror.message).decode("utf-8", "replace")
    domain = text(lib.g_quark_to_string(gerror.domain))
    code_value = int(gerror.code)
    if gerror.domain == lib.occ_error_quark():
        code = CODE_NAMES[code_value] if 0 <= code_value < len(CODE_NAMES) \
            else str(code_value)
        return OccError(message, code, code_value, domain, source, file,
                        _parts_of(gerror, message))
    if gerror.domain == lib.g_file_error_quark():
        code = _FILE_ERROR_NAMES[code_value] \
            if 0 <= code_value < len(_FILE_ERROR_NAMES) else str(code_value)
        return OccFileError(message, code, code_value, domain, source, file)
    return OccError(message, str(code_value), code_value, domain, source, file)


def new_error_location():
    """A GError** for a call, initialised to NULL."""
    return ffi.new("GError **")


def raise_error(location, source=None, file=None):
    """Raise the GError at location (a GError**), freeing it."""
    gerror = location[0]
    if gerror == ffi.NULL:
        raise OccError("libocc failed without saying why", None, None)
    try:
        exc = error_from_gerror(gerror, source, file)
    finally:
        lib.g_error_free(gerror)
        location[0] = ffi.NULL
    raise exc
