"""Keep the kernel corpus honest: every export compiles with numba and agrees with
the CPython reference (or with its `ref=` function where numba differs from CPython).

Undecorated helper functions (in the kernel or in a helper file it imports) are an
aot_tool extension (numba.pycc cannot call them); here they are wrapped with
`numba.njit` before the exports compile, the way a numba user would decorate them.
"""

import inspect
import os

import pytest

import kernel_runner as kr

numba = pytest.importorskip("numba")

# numba's JIT compile of every export dominates the run: part of the full run, not of
# the quick subset (`-m "not slow"`)
pytestmark = pytest.mark.slow

KERNELS = kr.discover()
CASES = [(path, name) for path in KERNELS for name in kr.load_kernel(path).exports]
NUMBA_EXAMPLES = int(os.environ.get("AOT_NUMBA_EXAMPLES", "15"))
ARRAY_STYLE = ("arr_", "idx_", "axes_", "red_")

_loaded = {}


def _numba_kernel(path):
    """The kernel executed with the real numba; plain helpers wrapped with njit."""
    if path not in _loaded:
        k = kr.load_kernel(path, real_numba=True)
        for ns in [k.namespace] + k.helper_namespaces:
            for name, obj in list(ns.items()):
                if inspect.isfunction(obj) and obj.__code__.co_filename.startswith(kr.KERNEL_DIR):
                    ns[name] = numba.njit(obj)
        _loaded[path] = k
    return _loaded[path]


@pytest.mark.parametrize("path,name", CASES,
                         ids=[f"{os.path.basename(p)[:-3]}.{n}" for p, n in CASES])
def test_numba_agrees(path, name):
    k = _numba_kernel(path)
    export = kr.load_kernel(path).exports[name]   # reference from the pure-CPython run
    nb_export = k.exports[name]
    if _has_containers(export.sig):
        # lists and str: numba compiles from the arguments (Python lists as reflected
        # lists) and returns typed.List/typed.Dict, compared here as list and dict
        jitted = numba.njit(nb_export.func)
        compiled = lambda *args: _plain(jitted(*args))  # noqa: E731
    elif isinstance(nb_export.func, numba.core.registry.CPUDispatcher):
        # an export decorated @njit(parallel=True, ...): compiled again with its own options
        opts = {k: v for k, v in nb_export.func.targetoptions.items() if k in ("parallel", "nogil", "fastmath")}
        compiled = numba.njit(nb_export.sig_obj, **opts)(nb_export.func.py_func)
    else:
        compiled = numba.njit(nb_export.sig_obj)(nb_export.func)
    if name in k.namespace.get("NUMBA_DIFFERS", {}):
        # numba compiles it (eagerly, from the signature, above) but its values differ
        # from NumPy's, which aot_tool follows; the kernel file says why
        return
    # which exception is raised is compared with the reference in test_kernels.py
    # (numba raises LinAlgError or ValueError where NumPy raises the other one)
    # the array-style kernels also run at their corners (size 0 and 1, size-1 axes, every
    # layout: kernel_runner.corners), so the array subset stays numba's there too
    corner_examples = 1 if os.path.basename(path).startswith(ARRAY_STYLE) else 0
    kr.check_export(export, lambda argdesc: kr.run_inprocess(compiled, argdesc),
                    examples=min(NUMBA_EXAMPLES, export.spec.examples), check_types=False, any_exception=True,
                    corner_examples=corner_examples)


def _has_containers(sig) -> bool:
    types = list(sig.args) + [sig.ret]
    return any(isinstance(t, kr.ObjT) or (isinstance(t, kr.TupleT) and _has_containers(kr.Signature(None, t.items)))
               for t in types)


def _plain(value):
    """numba's typed containers as the list and dict CPython (and aot_tool) give."""
    if isinstance(value, numba.typed.List):
        return [_plain(v) for v in value]
    if isinstance(value, numba.typed.Dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value
