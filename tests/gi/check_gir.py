#!/usr/bin/python3
"""Check Occ-1.0.gir: every exported symbol introspectable and annotated.

    check_gir.py GIR LIBOCC_SO SRCDIR

Fails (exit 1, one line per fault) when
- a function, method or constructor is marked introspectable="0";
- an occ_* function exported by libocc.so (nm -D --defined-only) is not in
  the GIR (get_type functions count through glib:get-type);
- a parameter or return value of a non-void type has no transfer-ownership;
- a C pointer return or pointer out parameter whose ownership is not
  implied by `const` has no explicit (transfer ...) in its doc comment;
- a pointer to a number (double *, gsize *, int *) is not an out parameter,
  an input array or an array length;
- a return value documented as possibly %NULL is not (nullable) (throwing
  functions excepted: their %NULL comes with an error);
- a GListModel return does not name its element type
  ((attributes element-type=...));
- an enumeration member keeps the enumeration's name in its own
  (g-ir-scanner names the members of a one-member enumeration
  SCALE_KIND_NUMERIC instead of NUMERIC);
- the error domain or one of the classes is missing.
"""

import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CORE = "{http://www.gtk.org/introspection/core/1.0}"
C = "{http://www.gtk.org/introspection/c/1.0}"
GLIB = "{http://www.gtk.org/introspection/glib/1.0}"

CALLABLES = ("function", "method", "constructor", "virtual-method", "callback")
NUMBER_POINTERS = re.compile(
    r"^(const )?(double|gdouble|float|gfloat|int|gint|guint|gsize|gssize|"
    r"gint32|guint32|gint64|guint64|gboolean|long|glong|gulong)\*$")
EXPECTED_CLASSES = {"Dataset", "Methodology", "Node", "Results", "Score"}

faults = []


def fault(message):
    faults.append(message)


def doc_comments(srcdir):
    """symbol -> {"@param": annotation text, "Returns": text, "throws": bool}."""
    comments = {}
    for path in sorted(glob.glob(os.path.join(srcdir, "libocc", "*.c"))):
        text = open(path, encoding="utf-8").read()
        for block in re.findall(r"/\*\*\n(.*?)\*/", text, re.S):
            lines = [re.sub(r"^\s*\* ?", "", line) for line in block.splitlines()]
            if not lines or not lines[0].rstrip().endswith(":"):
                continue
            name = lines[0].rstrip()[:-1].strip()
            entries, current = {}, None
            for line in lines[1:]:
                m = re.match(r"^(@\w+|Returns):\s*(.*)$", line)
                if m:
                    current = m.group(1)
                    entries[current] = m.group(2)
                elif current and line.startswith(" ") and line.strip():
                    entries[current] += " " + line.strip()
                else:
                    current = None
            comments[name] = entries
    return comments


def exported_functions(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library],
                         check=True, capture_output=True, text=True).stdout
    symbols = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TtWi" and parts[2].startswith("occ_"):
            symbols.add(parts[2].split("@")[0])
    return symbols


def type_of(node):
    """(gir type name or 'array', c:type) of a parameter or return value."""
    for child in node:
        if child.tag == CORE + "type":
            return child.get("name"), child.get(C + "type") or ""
        if child.tag == CORE + "array":
            return "array", child.get(C + "type") or ""
    return None, ""


def check_callable(element, comments):
    ident = element.get(C + "identifier")
    where = ident or element.get("name")
    if element.get("introspectable") == "0":
        fault("%s: introspectable=\"0\" (the scanner skipped it)" % where)
    if element.get("shadowed-by") or element.get("moved-to"):
        fault("%s: shadowed or moved" % where)
    doc = comments.get(ident, {}) if ident else {}
    if ident and ident not in comments:
        fault("%s: no doc comment with annotations" % where)
    throws = element.get("throws") == "1"

    ret = element.find(CORE + "return-value")
    if ret is not None:
        name, ctype = type_of(ret)
        if name != "none":
            if ret.get("transfer-ownership") is None:
                fault("%s: return value without transfer-ownership" % where)
            returns = doc.get("Returns", "")
            if "*" in ctype and not ctype.startswith("const ") \
                    and "(transfer " not in returns:
                fault("%s: returns %s without an explicit (transfer ...)"
                      % (where, ctype))
            if "%NULL" in returns and not throws \
                    and ret.get("nullable") != "1":
                fault("%s: Returns: mentions %%NULL but is not (nullable)"
                      % where)
            if name == "Gio.ListModel":
                attrs = {a.get("name"): a.get("value")
                         for a in ret.findall(CORE + "attribute")}
                if "element-type" not in attrs:
                    fault("%s: GListModel return without "
                          "(attributes element-type=...)" % where)

    params = element.find(CORE + "parameters")
    lengths = set()
    if params is not None:
        for p in params:
            for array in p.iter(CORE + "array"):
                if array.get("length") is not None:
                    lengths.add(int(array.get("length")))
        if ret is not None:
            for array in ret.iter(CORE + "array"):
                if array.get("length") is not None:
                    lengths.add(int(array.get("length")))
        index = 0
        for p in params:
            if p.tag == CORE + "instance-parameter":
                if p.get("transfer-ownership") is None:
                    fault("%s: instance parameter without transfer-ownership"
                          % where)
                continue
            if p.tag != CORE + "parameter":
                continue
            pname = p.get("name")
            name, ctype = type_of(p)
            if name is None and p.find(CORE + "varargs") is not None:
                fault("%s: varargs" % where)
            if p.get("transfer-ownership") is None:
                fault("%s: parameter %s without transfer-ownership"
                      % (where, pname))
            direction = p.get("direction", "in")
            annotation = doc.get("@" + pname, "")
            if direction != "in" and ctype.endswith("**") \
                    and not ctype.startswith("const ") \
                    and "(transfer " not in annotation:
                fault("%s: out parameter %s (%s) without an explicit "
                      "(transfer ...)" % (where, pname, ctype))
            # An input array ((array length=...)) is a pointer to numbers
            # by design.
            if NUMBER_POINTERS.match(ctype.replace(" *", "*")) \
                    and direction == "in" and index not in lengths \
                    and p.find(CORE + "array") is None:
                fault("%s: parameter %s (%s) is a pointer to a number but "
                      "not (out)" % (where, pname, ctype))
            if direction != "in" and "(out)" not in annotation \
                    and "(inout)" not in annotation:
                fault("%s: parameter %s is %s without an explicit (out)"
                      % (where, pname, direction))
            index += 1


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    gir, library, srcdir = argv[1:]
    comments = doc_comments(srcdir)
    root = ET.parse(gir).getroot()
    namespace = root.find(CORE + "namespace")
    if namespace is None or namespace.get("name") != "Occ" \
            or namespace.get("version") != "1.0":
        fault("%s: no namespace Occ 1.0" % gir)
        namespace = root

    in_gir = set()
    for element in namespace.iter():
        tag = element.tag.replace(CORE, "")
        if tag in CALLABLES:
            ident = element.get(C + "identifier")
            if ident:
                in_gir.add(ident)
            check_callable(element, comments)
        get_type = element.get(GLIB + "get-type")
        if get_type:
            in_gir.add(get_type)

    classes = {c.get("name") for c in namespace.findall(CORE + "class")}
    for missing in sorted(EXPECTED_CLASSES - classes):
        fault("class Occ.%s missing" % missing)
    results = namespace.find(CORE + "class[@name='Results']")
    if results is not None and results.find(
            CORE + "implements[@name='Gio.ListModel']") is None:
        fault("Occ.Results does not implement Gio.ListModel")
    domains = [e for e in namespace.findall(CORE + "enumeration")
               if e.get(GLIB + "error-domain") == "occ-error-quark"]
    if len(domains) != 1 or domains[0].get("name") != "Error":
        fault("enumeration Occ.Error is not the occ-error-quark error domain")

    for enum in namespace.findall(CORE + "enumeration") + \
            namespace.findall(CORE + "bitfield"):
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", enum.get("name")).lower() + "_"
        for member in enum.findall(CORE + "member"):
            if member.get("name").startswith(snake):
                fault("%s: member %s repeats the enumeration's name"
                      % (member.get(C + "identifier"), member.get("name")))

    exported = exported_functions(library)
    if not exported:
        fault("%s exports no occ_* function" % library)
    for symbol in sorted(exported - in_gir):
        fault("%s: exported by libocc but not in the GIR" % symbol)

    for line in faults:
        print("FAIL " + line)
    print("%d exported functions, %d in the GIR, %d faults"
          % (len(exported), len(in_gir), len(faults)))
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
