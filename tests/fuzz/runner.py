"""Build a generated module, call every export on every input under CPython (integer
functions with their results wrapped to int64), the compiled module and (where
installed) numba, and count the outcomes."""

from __future__ import annotations

import ast
import collections
import importlib.util
import math
import os
import subprocess
import sys
import sysconfig

from .programs import generate, inputs, outcome, same


def _wrapped(value: int) -> int:
    return ((value + 2 ** 63) % 2 ** 64) - 2 ** 63


class _WrapAt64(ast.NodeTransformer):
    """CPython's integer arithmetic with every result wrapped to int64: the semantics
    numba and aot_tool document (README: integer overflow wraps at 64 bits)."""

    def _wrap(self, node):
        self.generic_visit(node)
        return ast.Call(func=ast.Name("_wrapped", ast.Load()), args=[node], keywords=[])

    visit_BinOp = visit_UnaryOp = _wrap

    def visit_Call(self, node):
        return self._wrap(node) if isinstance(node.func, ast.Name) and node.func.id == "abs" else \
            self.generic_visit(node)


def _cpython_functions(text: str, exports) -> dict:
    plain = "\n".join(line for line in text.splitlines()
                      if not line.startswith(("@cc.", "from aot_tool", "cc = ")))
    tree = ast.parse(plain)
    ints = {name for name, kind in exports if kind == "i"}
    tree.body = [_WrapAt64().visit(s) if isinstance(s, ast.FunctionDef) and s.name in ints else s
                 for s in tree.body]
    namespace = {"math": math, "_wrapped": _wrapped}
    exec(compile(ast.fix_missing_locations(tree), "<generated>", "exec"), namespace)
    return namespace


def documented_chain(want, got, nb) -> bool:
    """Two documented differences in a row: CPython raised where numba and aot_tool give
    nan or inf (math domain errors, a negative float to a fractional power, a float
    `**` that overflows), then aot_tool
    raised CPython's ZeroDivisionError for 0.0 ** negative where numba gives inf."""
    return (want[0] == "raises" and want[1] in ("ValueError", "TypeError", "OverflowError")
            and got == ("raises", "ZeroDivisionError") and nb is not None and nb[0] == "ok")


def _numba_functions(names):
    try:
        import numba
    except ImportError:
        return None
    return {n: numba.njit(f) for n, f in names.items()}


def run(seed: int, count: int, workdir, use_numba: bool = True):
    """Counter of outcomes ('agrees', 'differs', 'numba does the same', 'documented chain',
    'numba refuses to compile', 'build error', 'internal error'),
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
    reference = _cpython_functions(text, exports)
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
            elif nb is not None and nb == ("raises", "TypingError"):
                counts["numba refuses to compile"] += 1   # e.g. (-1.0) ** -2.5, a complex constant
                continue
            elif documented_chain(want, got, nb):
                counts["documented chain"] += 1
                continue
            else:
                counts["differs"] += 1
            diffs.append((name, args, want, got, nb))
    return counts, diffs, text
