"""Kernels that run without the GIL: `@njit(nogil=True)` exports, and the bodies of
`prange` loops, which run on the runtime's pool threads (runtime/aot_pool.c).

Compiled arithmetic, loads and stores, libm and the runtime's pure-C helpers need no
interpreter.  Every other runtime call (allocating an array through NumPy's C API,
setting an exception, reference counts, the NumPy bridge of np.linalg, lists, dicts,
str, np.random's shared state) is bracketed by `aot_rt_gil_take()`/`aot_rt_gil_drop()`,
which hold the GIL for that call only.  This is a pass over the lowered functions, so
the library tables stay unaware of it and a build without nogil or prange is unchanged.
"""

from __future__ import annotations

from llvmlite import ir

from .llvm_types import i8p, i32

# Runtime entries that are plain C over their arguments: no interpreter needed.
GIL_FREE = frozenset({"aot_rt_reshape_strides", "aot_rt_sort_small", "aot_rt_parallel_for",
                      "aot_rt_gil_take", "aot_rt_gil_drop", "PyEval_SaveThread", "PyEval_RestoreThread"})
_NEEDS_INTERPRETER = ("aot_rt_", "aot_obj_", "Py", "_Py")


def needs_interpreter(name: str) -> bool:
    return name.startswith(_NEEDS_INTERPRETER) and name not in GIL_FREE


def take_gil_around_calls(unit, functions) -> None:
    """Bracket each interpreter-needing call in `functions` with the GIL (once per function)."""
    done = unit.__dict__.setdefault("_gil_bracketed", set())
    take = unit.decl("aot_rt_gil_take", i32, [])
    drop = unit.decl("aot_rt_gil_drop", ir.VoidType(), [i32])
    for fn in functions:
        if fn.name in done or fn.is_declaration:
            continue
        done.add(fn.name)
        for block in list(fn.blocks):
            for instr in list(block.instructions):
                callee = getattr(instr, "callee", None)
                if not (isinstance(instr, ir.CallInstr) and isinstance(callee, ir.Function)
                        and callee.is_declaration and needs_interpreter(callee.name)):
                    continue
                b = ir.IRBuilder(block)
                b.position_before(instr)
                state = b.call(take, [])
                b.position_after(instr)
                b.call(drop, [state])


def without_gil(unit, program, kernel: ir.Function, nogil: bool, bodies) -> ir.Function:
    """The kernel the wrapper calls.  A nogil export's functions take the GIL only where
    they need it and are called through an entry that releases it; so are those of an
    export with prange loops (`bodies`, run on pool threads), whose caller holds it."""
    if not (nogil or bodies):
        return kernel
    take_gil_around_calls(unit, [unit.module.globals[t.symbol] for t in program.functions
                                 if t.symbol in unit.module.globals] + list(bodies))
    return gil_released_entry(unit, kernel) if nogil else kernel


def gil_released_entry(unit, kernel: ir.Function) -> ir.Function:
    """`kernel` called with the GIL released (the wrapper unboxed with it held and boxes
    or raises with it held again: PyEval_RestoreThread before returning)."""
    if kernel.name + ".nogil" in unit.module.globals:
        return unit.module.globals[kernel.name + ".nogil"]
    fn = ir.Function(unit.module, kernel.function_type, name=kernel.name + ".nogil")
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    saved = b.call(unit.decl("PyEval_SaveThread", i8p, []), [])
    status = b.call(kernel, list(fn.args))
    b.call(unit.decl("PyEval_RestoreThread", ir.VoidType(), [i8p]), [saved])
    b.ret(status)
    return fn
