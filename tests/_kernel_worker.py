"""Child process that imports compiled kernel modules and calls them.

Runs with NumPy only: aot_tool, llvmlite and numba are blocked before anything
is imported, so a module that secretly needs them fails here.  The parent
(tests/kernel_runner.py) sends length-prefixed pickles on stdin and reads the
answers on stdout:

    ("call", module, export, argdesc) -> ("ok", result, arrays_after)
                                      | ("raised", type_name, message, arrays_after)
    ("load", module)                  -> ("ok", sorted export names) | ("raised", ...)

`argdesc` is a list of ("s", scalar) or ("a", values, layout) items; `materialize`
turns it into fresh call arguments, so the parent builds the CPython reference's
arguments with exactly the same layouts.  This file imports nothing but the
standard library and NumPy: the parent imports `materialize` from it too.
"""

import importlib
import pickle
import struct
import sys

import numpy as np

BLOCKED = ("aot_tool", "llvmlite", "numba")


def materialize(argdesc):
    """Fresh call arguments from a description: scalars as is, arrays in their layout.

    Layout "C" is a C-contiguous copy, "F" a Fortran-ordered copy, and "S" a
    non-contiguous view (every other element along each axis of a larger buffer).
    """
    out = []
    for item in argdesc:
        if item[0] == "s":
            out.append(item[1])
            continue
        if item[0] == "l":
            out.append(list(item[1]))   # a fresh list: the call may change it
            continue
        _, values, layout = item
        if layout == "C":
            out.append(np.array(values, order="C"))
        elif layout == "F":
            out.append(np.array(values, order="F"))
        elif layout == "S":
            base = np.zeros(tuple(2 * d + 1 for d in values.shape), dtype=values.dtype)
            view = base[tuple(slice(1, None, 2) for _ in values.shape)]
            view[...] = values
            out.append(view)
        else:
            raise ValueError(f"unknown layout {layout!r}")
    return out


def arrays_after(args):
    """Plain copies of the array arguments after a call (to compare in-place writes)."""
    return [np.array(a) if isinstance(a, np.ndarray) else list(a) if isinstance(a, list) else None
            for a in args]


def _read(stream):
    head = stream.read(4)
    if len(head) < 4:
        return None
    (n,) = struct.unpack("<I", head)
    return pickle.loads(stream.read(n))


def _write(stream, obj):
    try:
        data = pickle.dumps(obj, protocol=4)
    except Exception as exc:  # an unpicklable result is a finding, not a crash
        data = pickle.dumps(("raised", "UnpicklableResult", repr(exc), None), protocol=4)
    stream.write(struct.pack("<I", len(data)) + data)
    stream.flush()


def main(build_dirs):
    for name in BLOCKED:
        sys.modules[name] = None            # `import numba` now raises ImportError
    sys.path[:0] = build_dirs
    modules = {}
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr                  # stray prints must not corrupt the protocol
    while True:
        msg = _read(inp)
        if msg is None:
            return
        op = msg[0]
        try:
            if op == "load":
                mod = modules[msg[1]] = importlib.import_module(msg[1])
                reply = ("ok", sorted(n for n in dir(mod) if not n.startswith("_")), None)
            elif op == "call":
                _, module, export, argdesc = msg
                if module not in modules:
                    modules[module] = importlib.import_module(module)
                args = materialize(argdesc)
                try:
                    result = getattr(modules[module], export)(*args)
                except BaseException as exc:
                    reply = ("raised", type(exc).__name__, str(exc), arrays_after(args))
                else:
                    reply = ("ok", result, arrays_after(args))
            else:
                reply = ("raised", "ProtocolError", f"unknown op {op!r}", None)
        except BaseException as exc:
            reply = ("raised", type(exc).__name__, str(exc), None)
        _write(out, reply)


if __name__ == "__main__":
    main(sys.argv[1:])
