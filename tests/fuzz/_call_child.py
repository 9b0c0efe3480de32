"""Child process of the call-time fuzzer: imports compiled corpus modules (or a
kernel's CPython reference) and makes the calls the parent asks for.

Requests and answers are length-prefixed pickles on a private copy of stdout; the
kernels' own printing goes to the file that is fd 1 and 2 (the parent's log), so it
cannot corrupt the answers.  An address-space limit turns a runaway allocation into
MemoryError instead of taking the machine down.

    ("load", dir, module), ("loadref", kernel_path) -> ("loaded",)
    ("call", dir, module, export, types, names, params, shape)
    ("ref" | "numba", kernel_path, export, types, names, params, shape)
        -> ("returned", type name, value) | ("raised", exception name, message, its module)
"""

import ctypes
import importlib
import os
import pickle
import resource
import signal
import struct
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from tests.fuzz import misuse  # noqa: E402

_modules, _kernels = {}, {}


def _compiled(directory, module, export):
    key = (directory, module)
    if key not in _modules:
        if directory not in sys.path:
            sys.path.insert(0, directory)
        _modules[key] = importlib.import_module(module)
    return getattr(_modules[key], export)


def _load(path):
    import kernel_runner
    return kernel_runner.load_kernel(path)


def _reference(path, export):
    if path not in _kernels:
        _kernels[path] = _load(path)
    return _kernels[path].exports[export].reference


def _call(func, types, names, params, shape, errstate):
    try:
        args, kwargs = misuse.call_arguments(types, names, params, shape)
    except Exception as exc:            # a value the variant cannot build for this type
        return ("unbuildable", f"{type(exc).__name__}: {exc}")
    try:
        with warnings.catch_warnings(), np.errstate(**errstate):
            warnings.simplefilter("ignore")
            value = func(*args, **kwargs)
    except BaseException as exc:        # noqa: BLE001 (the kind is the outcome)
        return ("raised", type(exc).__name__, str(exc)[:300], type(exc).__module__)
    try:
        pickle.dumps(value, protocol=4)
    except Exception:                   # noqa: BLE001 (the type name still counts)
        value = None
    return ("returned", type(value).__name__, value)


def _jitted(path, export):
    """numba.njit of the export (numba's semantics are the reference where they differ
    from CPython's: a hang under numba too is the program's)."""
    import kernel_runner
    import numba
    key = ("numba", path)
    if key not in _kernels:
        _kernels[key] = kernel_runner.load_kernel(path, real_numba=True)
    found = _kernels[key].exports[export]
    return numba.njit(found.sig_obj)(found.func)     # the export's signature: its result casts too


def _die_with_parent():
    """A child stuck in a hung call must not outlive the fuzzer (Linux's PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def main():
    _die_with_parent()
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    sys.setrecursionlimit(3000)
    stdin = sys.stdin.buffer
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    while True:
        head = stdin.read(4)
        if len(head) < 4:
            return
        msg = pickle.loads(stdin.read(struct.unpack("<I", head)[0]))
        if msg[0] == "load":            # import before the timed calls: startup is not a hang
            _, directory, module = msg
            _compiled(directory, module, "__name__")
            reply = ("loaded",)
        elif msg[0] == "loadref":
            if msg[1] not in _kernels:
                _kernels[msg[1]] = _load(msg[1])
            reply = ("loaded",)
        elif msg[0] == "call":
            _, directory, module, export, types, names, params, shape = msg
            reply = _call(_compiled(directory, module, export), types, names, params, shape, {})
        elif msg[0] == "numba":
            _, path, export, types, names, params, shape = msg
            try:
                jitted = _jitted(path, export)
            except Exception as exc:    # noqa: BLE001 (numba cannot load the file)
                reply = ("raised", type(exc).__name__, str(exc)[:300], "numba (loading)")
            else:
                reply = _call(jitted, types, names, params, shape, {})
        else:
            _, path, export, types, names, params, shape = msg
            reply = _call(_reference(path, export), types, names, params, shape,
                          {"divide": "raise", "invalid": "ignore", "over": "ignore"})
        data = pickle.dumps(reply, protocol=4)
        out.write(struct.pack("<I", len(data)) + data)
        out.flush()


if __name__ == "__main__":
    main()
