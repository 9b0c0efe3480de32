"""Generated scalar arithmetic programs, compiled by aot_tool and compared with CPython
(and numba's njit where installed): the same inputs must give the same value or the
same exception type.  `generate(seed, count)` is deterministic for a seed."""

from __future__ import annotations

import random

FLOAT_OPS = ("+", "-", "*", "/", "//", "%", "**")
INT_OPS = ("+", "-", "*", "//", "%", "**")
# not math.floor/int(): beyond int64 they raise OverflowError, as README documents
FLOAT_CALLS = ("abs", "min", "max", "math.sqrt", "math.sin", "math.fabs")
INT_CALLS = ("abs", "min", "max")
FLOAT_CONSTS = ("0.0", "1.0", "-2.5", "0.5", "3.0", "1e-3", "-0.0")
INT_CONSTS = ("0", "1", "-3", "2", "7")


def _expr(rng: random.Random, kind: str, depth: int, names) -> str:
    if depth == 0 or rng.random() < 0.25:
        if rng.random() < 0.6:
            return rng.choice(names)
        return rng.choice(FLOAT_CONSTS if kind == "f" else INT_CONSTS)
    r = rng.random()
    if r < 0.65:
        op = rng.choice(FLOAT_OPS if kind == "f" else INT_OPS)
        right = rng.choice(("2", "3", "0")) if op == "**" and kind == "i" else _expr(rng, kind, depth - 1, names)
        return f"({_expr(rng, kind, depth - 1, names)} {op} {right})"
    if r < 0.7:
        return (f"({_expr(rng, kind, depth - 1, names)} if {_expr(rng, kind, depth - 1, names)} > "
                f"{_expr(rng, kind, depth - 1, names)} else {_expr(rng, kind, depth - 1, names)})")
    if r < 0.8:
        return f"(-{_expr(rng, kind, depth - 1, names)})"
    call = rng.choice(FLOAT_CALLS if kind == "f" else INT_CALLS)
    if call in ("min", "max"):
        return f"{call}({_expr(rng, kind, depth - 1, names)}, {_expr(rng, kind, depth - 1, names)})"
    if call in ("math.sqrt",):
        return f"{call}(abs({_expr(rng, kind, depth - 1, names)}))"
    return f"{call}({_expr(rng, kind, depth - 1, names)})"


def _function(rng: random.Random, name: str, kind: str) -> str:
    names = ["a", "b"]
    lines = [f"def {name}(a, b):"]
    for i in range(rng.randint(0, 3)):
        form = rng.random()
        target = f"v{i}"
        if form < 0.5:
            lines.append(f"    {target} = {_expr(rng, kind, 3, names)}")
        elif form < 0.8:
            lines += [f"    if {_expr(rng, kind, 2, names)} < {_expr(rng, kind, 2, names)}:",
                      f"        {target} = {_expr(rng, kind, 2, names)}",
                      "    else:", f"        {target} = {_expr(rng, kind, 2, names)}"]
        else:
            zero = "0.0" if kind == "f" else "0"
            lines += [f"    {target} = {zero}", "    for i in range(3):",
                      f"        {target} = {target} + {_expr(rng, kind, 2, names + ['i' if kind == 'i' else 'float(i)'])}"]
        names.append(target)
    lines.append(f"    return {_expr(rng, kind, 3, names)}")
    return "\n".join(lines) + "\n"


def generate(seed: int, count: int):
    """(source text of module `fuzzmod`, [(export name, kind 'f' or 'i')])."""
    rng = random.Random(seed)
    parts = ["import math\nfrom aot_tool import CC\ncc = CC('fuzzmod')\n"]
    exports = []
    for n in range(count):
        kind = rng.choice("fi")
        name = f"g{n}"
        sig = "f8(f8, f8)" if kind == "f" else "i8(i8, i8)"
        parts.append(f"\n@cc.export({name!r}, {sig!r})\n" + _function(rng, name, kind))
        exports.append((name, kind))
    return "".join(parts), exports


def inputs(kind: str):
    if kind == "f":
        values = (0.0, -0.0, 1.5, -2.0, 3.0, 1e300, float("inf"), float("nan"), -7.25)
    else:
        values = (0, 1, -1, 2, -3, 7, 100, -100, 2 ** 62, -2 ** 63, 2 ** 63 - 1, -2 ** 40)
    return [(x, y) for x in values for y in values[::2]]


def outcome(func, args):
    """('ok', value) or ('raises', exception type name)."""
    try:
        return ("ok", func(*args))
    except Exception as e:   # the comparison is of exception types
        return ("raises", type(e).__name__)


def same(a, b) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "raises":
        return a[1] == b[1]
    x, y = a[1], b[1]
    if isinstance(x, float) and isinstance(y, float):
        return (x != x and y != y) or (x == y and str(x) == str(y))
    return x == y and type(x) is type(y)
