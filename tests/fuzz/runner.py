"""Build a generated module, call every export on every input under CPython, the
compiled module and (where installed) numba, and count the outcomes."""

from __future__ import annotations

import collections
import importlib.util
import math
import os
import subprocess
import sys
import sysconfig

from .programs import generate, inputs, outcome, same


def _cpython_functions(text: str) -> dict:
    plain = "\n".join(line for line in text.splitlines()
                      if not line.startswith(("@cc.", "from aot_tool", "cc = ")))
    namespace = {"math": math}
    exec(compile(plain, "<generated>", "exec"), namespace)
    return namespace


def _numba_functions(names):
    try:
        import numba
    except ImportError:
        return None
    return {n: numba.njit(f) for n, f in names.items()}


def run(seed: int, count: int, workdir, use_numba: bool = True):
    """Counter of outcomes ('agrees', 'differs', 'numba does the same', 'build error'),
    the differences (export, args, CPython's, compiled, numba's), and the source."""
    text, exports = generate(seed, count)
    src = os.path.join(workdir, f"fuzz_{seed}.py")
    with open(src, "w") as f:
        f.write(text)
    out = os.path.join(workdir, f"out_{seed}")
    proc = subprocess.run([sys.executable, "-m", "aot_tool", "build", src, "-o", out],
                          capture_output=True, text=True, timeout=600)
    counts, diffs = collections.Counter(), []
    if proc.returncode != 0:
        counts["build error" if proc.returncode == 1 else "internal error"] += 1
        diffs.append(("build", proc.returncode, proc.stderr[-2000:], None, None))
        return counts, diffs, text
    spec = importlib.util.spec_from_file_location(
        "fuzzmod", os.path.join(out, "fuzzmod" + sysconfig.get_config_var("EXT_SUFFIX")))
    compiled = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compiled)
    reference = _cpython_functions(text)
    jitted = _numba_functions({n: reference[n] for n, _ in exports}) if use_numba else None
    for name, kind in exports:
        for args in inputs(kind):
            want = outcome(reference[name], args)
            got = outcome(getattr(compiled, name), args)
            if same(want, got):
                counts["agrees"] += 1
                continue
            nb = outcome(jitted[name], args) if jitted is not None else None
            if nb is not None and same(nb, got):
                counts["numba does the same"] += 1
            else:
                counts["differs"] += 1
            diffs.append((name, args, want, got, nb))
    return counts, diffs, text
