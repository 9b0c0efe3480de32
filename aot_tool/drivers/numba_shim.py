"""`numba.pycc` on request: let a setup.py import a `from numba.pycc import CC` source.

numba's documented packaging route imports the module that defines `cc` from
setup.py.  That import runs the source, so `from numba.pycc import CC` must
succeed in the build environment, which usually has no numba.  Nothing here is
installed globally and nothing happens on import: `provide_numba_pycc()` puts
stand-in modules into `sys.modules` for the duration of a `with` block (or
until `.restore()`), and only for the names that are missing:

- `numba.pycc` is always ours while active, so `CC` is aot_tool's `CC` even
  where the real numba is installed (its `CC` would compile with numba).
- `numba` itself is a stand-in only when numba is not installed.  It offers the
  decorators numba users put on helpers (`njit`, `jit`, ... which hand the
  function back unchanged: aot_tool reads them from the source, never calls
  them) and placeholder type objects (`float64`, `int32[:]`, `float64(int32)`)
  so module-level signatures written with numba's types evaluate.  Any other
  attribute raises AttributeError naming this shim, so a source that really
  needs numba at import time says so instead of misbehaving later.

While active, a project package whose `__init__` re-exports compiled functions that
are not built yet imports empty (drivers/project_packages.py), so setup.py's
`from pkg.kernels import cc` works. `aot_tool.build_meta` (the PEP 517 backend)
activates this around every hook, so a numba-docs-style setup.py needs no change.
"""

from __future__ import annotations

import importlib.util
import sys
import types

__all__ = ["provide_numba_pycc"]

_ABSENT = object()   # "not in sys.modules", unlike None (which blocks an import)

# Decorators numba users write on functions; all keep the function as it is.
_DECORATORS = ("njit", "jit", "generated_jit", "cfunc", "vectorize", "guvectorize", "stencil")

# Type names a signature may be written with (numba.types and the numba namespace).
_TYPE_NAMES = (
    "float32", "float64", "f4", "f8", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
    "uint64", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "intp", "uintp", "intc", "uintc",
    "boolean", "b1", "bool_", "complex64", "complex128", "c8", "c16", "void", "none", "double", "float_",
    "UniTuple", "Tuple",
)


class _TypePlaceholder:
    """Stands for a numba type object while a source is imported: index, call, repr."""

    def __init__(self, text: str):
        self._text = text

    def __getitem__(self, item):
        return _TypePlaceholder(f"{self._text}[{_spell(item)}]")

    def __call__(self, *args):
        return _TypePlaceholder(f"{self._text}({', '.join(_spell(a) for a in args)})")

    def __repr__(self) -> str:
        return self._text


def _spell(item) -> str:
    if isinstance(item, tuple):
        return ", ".join(_spell(i) for i in item)
    if isinstance(item, slice):
        return "::1" if item.step == 1 else ":"
    return repr(item)


def _decorator(*args, **kwargs):
    """`@njit`, `@njit(...)`, `@njit('f8(f8)')`: the function itself, unchanged."""
    if len(args) == 1 and callable(args[0]) and not kwargs and not isinstance(args[0], _TypePlaceholder):
        return args[0]
    return lambda func: func


def _pycc_module() -> types.ModuleType:
    from ..cc import CC
    module = types.ModuleType("numba.pycc", "aot_tool's stand-in for numba.pycc: CC compiles with aot_tool.")
    module.CC = CC
    module.__aot_tool_shim__ = True
    return module


def _numba_module(pycc: types.ModuleType) -> types.ModuleType:
    module = types.ModuleType("numba", "aot_tool's stand-in for numba while a pycc source is imported.")
    module.__path__ = []          # a package, so `numba.pycc` and `numba.types` resolve as submodules
    module.__aot_tool_shim__ = True
    module.pycc = pycc
    typing = types.ModuleType("numba.types", "placeholder numba types")
    for name in _TYPE_NAMES:
        placeholder = _TypePlaceholder(name)
        setattr(module, name, placeholder)
        setattr(typing, name, placeholder)
    for name in _DECORATORS:
        setattr(module, name, _decorator)
    module.types = typing
    module.prange = range         # what a serial run of a prange loop does

    def __getattr__(name):
        raise AttributeError(f"numba.{name} is not available: numba is not installed and aot_tool's "
                             "stand-in (aot_tool.drivers.numba_shim) only provides pycc.CC, the jit "
                             "decorators, prange and type names")
    module.__getattr__ = __getattr__
    return module


class provide_numba_pycc:
    """Make `from numba.pycc import CC` give aot_tool's CC until exit/restore.

        with provide_numba_pycc():
            from mypkg._kernels import cc       # a `from numba.pycc import CC` source
        setup(ext_modules=[cc.distutils_extension()])

    Also usable as a plain call (`shim = provide_numba_pycc()` ... `shim.restore()`).
    Modules already in `sys.modules` under those names are put back on restore.
    """

    def __init__(self):
        from .project_packages import tolerate_unbuilt_packages
        self._saved = {}
        self._parent_attr = None
        self._packages = tolerate_unbuilt_packages()   # `from pkg.kernels import cc` past pkg/__init__
        pycc = _pycc_module()
        replacements = {"numba.pycc": pycc}
        real_numba = sys.modules.get("numba")
        if real_numba is None and importlib.util.find_spec("numba") is None:
            numba = _numba_module(pycc)
            replacements.update({"numba": numba, "numba.types": numba.types})
        for name, module in replacements.items():
            self._saved[name] = sys.modules.get(name, _ABSENT)
            sys.modules[name] = module
        if real_numba is not None:
            # `import numba.pycc` then `numba.pycc.CC` reads the attribute of the real package.
            self._parent_attr = (real_numba, getattr(real_numba, "pycc", None))
            real_numba.pycc = pycc

    def restore(self) -> None:
        self._packages.restore()
        for name, previous in self._saved.items():
            if previous is _ABSENT:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous
        self._saved = {}
        if self._parent_attr is not None:
            parent, previous = self._parent_attr
            if previous is None:
                parent.__dict__.pop("pycc", None)
            else:
                parent.pycc = previous
            self._parent_attr = None

    def __enter__(self) -> "provide_numba_pycc":
        return self

    def __exit__(self, *exc) -> None:
        self.restore()
