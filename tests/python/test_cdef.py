"""The cffi declarations cannot drift from the public headers.

* every function the headers declare (OCC_AVAILABLE_IN_*, including the
  *_get_type function of each G_DECLARE_FINAL_TYPE) is declared in
  bindings/python/occ_build.py, and callable in the built extension;
* nothing is declared there under the occ_ prefix that the headers lack;
* a declaration that differs from the headers breaks the build: the
  emitted C source of a deliberately wrong cdef fails to compile, while
  the real one compiles (with the flags of the real build).
"""

import glob
import importlib.util
import os
import re
import shlex
import subprocess
import sysconfig

import pytest

from conftest import SRCDIR

import occ
from occ._ffi import lib

BUILD_PY = os.environ.get("OCC_CFFI_BUILD_PY") or os.path.join(
    SRCDIR, "bindings", "python", "occ_build.py")
HEADERS = sorted(glob.glob(os.path.join(SRCDIR, "include", "occ", "*.h"))
                 + glob.glob(os.path.join(SRCDIR, "include", "occ", "*.h.in")))


def load_build_module():
    spec = importlib.util.spec_from_file_location("occ_build", BUILD_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


occ_build = load_build_module()


def header_functions():
    """The functions the public headers export, by name."""
    names = set()
    for path in HEADERS:
        with open(path, encoding="utf-8") as f:
            source = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        for m in re.finditer(r"OCC_AVAILABLE_IN_\d+_\d+\s+"
                             r"(G_DECLARE_FINAL_TYPE\s*\([^)]*\)|[^;]*;)", source):
            decl = " ".join(m.group(1).split())
            final = re.match(r"G_DECLARE_FINAL_TYPE\s*\(\s*\w+\s*,\s*(\w+)", decl)
            if final:
                names.add(final.group(1) + "_get_type")
                continue
            name = re.search(r"(\w+)\s*\(", decl)
            assert name, "cannot read the declaration: %s" % decl
            names.add(name.group(1))
    return names


def test_headers_are_read():
    names = header_functions()
    # Anchors that must be found, whatever else is added later.
    for name in ("occ_get_version", "occ_error_quark", "occ_dataset_get_type",
                 "occ_results_to_data", "occ_score_get_criterion_n"):
        assert name in names
    assert len(names) > 90


def test_every_header_function_is_declared():
    declared = {name for _, name, _ in occ_build.declared_functions()}
    missing = sorted(header_functions() - declared)
    assert not missing, "declare these in bindings/python/occ_build.py: %s" % missing


def test_no_function_declared_that_the_headers_lack():
    declared = {name for _, name, _ in occ_build.declared_functions()
                if name.startswith("occ_")}
    extra = sorted(declared - header_functions())
    assert not extra, extra


def test_every_declared_function_is_in_the_extension():
    for _, name, _ in occ_build.declared_functions():
        assert callable(getattr(lib, name)), name


def test_every_declaration_is_type_checked():
    checks = occ_build.type_checks()
    for _, name, _ in occ_build.declared_functions():
        assert "__typeof__ (%s)" % name in checks, name
    # declared_functions() reads one declaration per line: a declaration
    # it cannot read (split over lines, say) would escape both the
    # checks above and the type assertions. Count every "name (...);"
    # of the cdef independently (but the extern "Python" callbacks, which
    # are the binding's, not the library's).
    cdef = re.sub(r"/\*.*?\*/", "", occ_build.CDEF, flags=re.S)
    cdef = re.sub(r'^extern "Python".*$', "", cdef, flags=re.M)
    every = re.findall(r"(\w+)\s*\([^()]*\)\s*;", cdef)
    read = [name for _, name, _ in occ_build.declared_functions()]
    assert sorted(every) == sorted(read)


def test_get_type_functions_return_gtypes():
    names = sorted(n for n in header_functions() if n.endswith("_get_type"))
    assert "occ_comparison_get_type" in names
    for name in names:
        assert getattr(lib, name)() != 0, name


def test_enums_match_the_library():
    assert [getattr(lib, "OCC_ERROR_" + n) for n in occ.CODE_NAMES] == list(range(8))
    assert lib.OCC_LEVEL_CHILDREN == 2 and lib.OCC_AGGREGATION_GEOMETRIC == 2
    assert lib.OCC_RATING_FIELD_RATER == 3


def compile_command():
    """The compiler and flags of the extension module, or skip."""
    cc = os.environ.get("OCC_CC")
    builddir = os.environ.get("OCC_BUILDDIR")
    if not cc or not builddir:
        pytest.skip("OCC_CC and OCC_BUILDDIR are set by meson test")
    try:
        glib = subprocess.run(["pkg-config", "--cflags", "gio-2.0"],
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("pkg-config cannot find gio-2.0")
    return (shlex.split(cc) + ["-fsyntax-only", "-std=c11"]
            + shlex.split(os.environ.get("OCC_CFFI_C_ARGS", ""))
            + ["-I" + os.path.join(SRCDIR, "include"),
               "-I" + os.path.join(builddir, "include"),
               "-I" + sysconfig.get_paths()["include"]]
            + shlex.split(glib))


def compile_cdef(cdef, tmp_path):
    source = tmp_path / "_occ_cffi.c"
    occ_build.make_ffi(cdef).emit_c_code(str(source))
    return subprocess.run(compile_command() + [str(source)],
                          capture_output=True, text=True, timeout=300)


def test_the_real_cdef_compiles(tmp_path):
    proc = compile_cdef(occ_build.CDEF, tmp_path)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("right,wrong", [
    # a wrong return type
    ("guint occ_dataset_get_n_countries (OccDataset *self);",
     "int occ_dataset_get_n_countries (OccDataset *self);"),
    # a wrong parameter type
    ("double occ_node_get_weight (OccNode *self);",
     "double occ_node_get_weight (OccMethodology *self);"),
    # a lost const
    ("const char *occ_score_get_band (OccScore *self);",
     "char *occ_score_get_band (OccScore *self);"),
    # a missing parameter
    ("gboolean occ_score_get_value (OccScore *self, double *value);",
     "gboolean occ_score_get_value (OccScore *self);"),
])
def test_a_wrong_declaration_breaks_the_build(tmp_path, right, wrong):
    assert occ_build.CDEF.count(right) == 1
    name = re.search(r"(\w+) \(", right).group(1)
    proc = compile_cdef(occ_build.CDEF.replace(right, wrong), tmp_path)
    assert proc.returncode != 0, "a wrong declaration of %s() compiled" % name
    assert name in proc.stderr
