"""The kernel corpus, compiled by aot_tool and compared with CPython.

Each file in tests/kernels/ is built once per session through the real pipeline
(`aot_tool.drivers.build.build_module`, which reads the source with `ast` and
never runs it).  A child process (tests/_kernel_worker.py) imports the built
modules with only NumPy importable and calls every export over hypothesis-drawn
inputs; the CPython reference is the same file executed with a fake `CC` and a
fake `numba` (tests/kernel_runner.py).  Values, result types, returned dtypes,
in-place writes to argument arrays and exception types must agree.

    python3 -m pytest tests/test_kernels.py                  # whole corpus
    python3 -m pytest tests/test_kernels.py -k gcd           # one kernel
    AOT_KERNEL_EXAMPLES=200 python3 -m pytest tests/test_kernels.py   # more inputs
    AOT_KERNEL_RANDOM=1 ...                                  # fresh random inputs
"""

import ast
import os

import pytest

import kernel_runner as kr

KERNELS = kr.discover()
LOADED = {path: kr.load_kernel(path) for path in KERNELS}
CASES = [(path, name) for path, k in LOADED.items() for name in k.exports]


def _stem(path):
    return os.path.splitext(os.path.basename(path))[0]


class _Built:
    """Per-session cache: kernel path -> (worker, error text)."""

    def __init__(self, root):
        self.root = root
        self.done = {}

    def get(self, path):
        if path not in self.done:
            self.done[path] = self._build(path)
        worker, error = self.done[path]
        if error:
            pytest.fail(error, pytrace=False)
        return worker

    def _build(self, path):
        try:
            from aot_tool.drivers.build import build_module
        except ImportError as exc:
            return None, f"aot_tool.drivers.build is not importable: {exc}"
        out = os.path.join(self.root, _stem(path))
        os.makedirs(out, exist_ok=True)
        try:
            paths = build_module(path, out)
        except Exception as exc:  # CompileError renders file:line:col; anything else is a bug
            render = getattr(exc, "render", None)
            text = render() if render else f"{type(exc).__name__}: {exc}"
            return None, f"build of {os.path.basename(path)} failed:\n{text}"
        built = sorted(os.path.basename(p).split(".")[0] for p in paths)
        want = sorted(LOADED[path].modules)
        if built != want:
            return None, f"build_module returned modules {built}, the source defines {want}"
        dirs = sorted({os.path.dirname(os.path.abspath(p)) for p in paths})
        return kr.Worker(dirs), None

    def close(self):
        for worker, _ in self.done.values():
            if worker is not None:
                worker.close()


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    cache = _Built(str(tmp_path_factory.mktemp("kernels")))
    yield cache
    cache.close()


# ------------------------------------------------------------ corpus conventions

def test_corpus_size_and_conventions():
    assert len(KERNELS) >= 45
    # issue 11: at least 60 array-style kernels (whole-array expressions, indexing, axes,
    # reductions), each also run at its corners (kernel_runner.corners)
    array_style = [e for p, k in LOADED.items() if _stem(p).startswith(("arr_", "idx_", "axes_", "red_"))
                   for e in k.exports.values() if kr.corners(e)]
    assert len(array_style) >= 60, len(array_style)
    names = {}
    for path, k in LOADED.items():
        tree = ast.parse(open(path).read(), path)
        imports = {(n.module, a.name) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                   for a in n.names}
        assert ("numba.pycc", "CC") in imports or ("aot_tool", "CC") in imports, path
        assert ast.get_docstring(tree), f"{path}: say what the kernel is about"
        assert k.exports, f"{path}: no exports"
        for m in k.modules:
            assert m not in names, f"CC name {m!r} used by {path} and {names[m]}"
            names[m] = path


# ----------------------------------------------------------------- the corpus

@pytest.mark.parametrize("path", KERNELS, ids=[_stem(p) for p in KERNELS])
def test_module_has_exports(built, path):
    """The built modules import with only NumPy and carry every export."""
    worker = built.get(path)
    k = LOADED[path]
    for module in k.modules:
        reply = worker.request(("load", module))
        assert reply[0] == "ok", f"import {module} failed: {reply[1]}: {reply[2]}"
        wanted = sorted(e.name for e in k.exports.values() if e.module == module)
        missing = set(wanted) - set(reply[1])
        assert not missing, f"{module} lacks {sorted(missing)}"


@pytest.mark.parametrize("path,name", CASES, ids=[f"{_stem(p)}.{n}" for p, n in CASES])
def test_kernel(built, path, name):
    worker = built.get(path)
    export = LOADED[path].exports[name]
    kr.check_export(export, lambda argdesc: worker.call(export.module, name, argdesc))
