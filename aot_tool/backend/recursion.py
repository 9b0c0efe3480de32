"""A depth limit for recursive compiled functions, so unbounded recursion raises
RecursionError (as CPython does) instead of overflowing the C stack and killing the
process (numba crashes there).

Only functions on a call cycle pay for it: an increment and a compare on entry, a
decrement on exit. The counter is one per object file (an export's program), shared by
all threads; compiled code runs with the GIL held, so they never race.
"""

from __future__ import annotations

from llvmlite import ir

from .llvm_types import i64

# Each level costs a kernel frame (tens to a few hundred bytes): 10**4 levels stay far
# inside the 8 MB stacks of Linux threads, and well past CPython's default limit of 1000.
MAX_DEPTH = 10_000
_COUNTER = "aot.recursion_depth"


def recursive_functions(program) -> set:
    """Symbols of the specialisations that can reach themselves through calls."""
    callees = {t.symbol: {c.symbol for kind, c in t.calls.values()
                          if kind in ("user", "closure") and hasattr(c, "symbol")}
               for t in program.functions}
    recursive = set()
    for start in callees:
        seen, stack = set(), list(callees[start])
        while stack:
            s = stack.pop()
            if s == start:
                recursive.add(start)
                break
            if s not in seen:
                seen.add(s)
                stack.extend(callees.get(s, ()))
    return recursive


def _counter(lw):
    module = lw.unit.module
    if _COUNTER in module.globals:
        return module.globals[_COUNTER]
    gv = ir.GlobalVariable(module, i64, name=_COUNTER)
    gv.linkage = "internal"
    gv.initializer = ir.Constant(i64, 0)
    return gv


def enter(lw) -> None:
    """On entry: one level deeper, or RecursionError past MAX_DEPTH (the error exit
    undoes the increment like every other exit)."""
    counter = _counter(lw)
    depth = lw.b.add(lw.b.load(counter), ir.Constant(i64, 1))
    lw.b.store(depth, counter)
    lw.check(lw.b.icmp_signed(">", depth, ir.Constant(i64, MAX_DEPTH)), "RecursionError",
             f"maximum recursion depth exceeded in {lw.t.node.name}() (aot_tool allows {MAX_DEPTH} levels)")


def leave(lw) -> None:
    counter = _counter(lw)
    lw.b.store(lw.b.sub(lw.b.load(counter), ir.Constant(i64, 1)), counter)
