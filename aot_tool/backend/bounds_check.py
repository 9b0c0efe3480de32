"""Index checks that cost one compare-and-branch where they cannot be hoisted.

An index into a dimension of length n is in range when `0 <= i < n`, or, wrapping as
Python does, `-n <= i < 0`. For an index computed from data (`counts[k] += 1` with k
read from an array), the common case is one unsigned compare `i <u n`, whose failure
branches to a cold block (weighted unlikely, so LLVM lays it out of the loop): there a
negative index is wrapped and checked again, anything else raises IndexError.

Indices built from parameters, constants and `range` loop variables keep the select
form (wrap, then compare): LLVM folds both against the loop's range once a helper is
inlined, which the branchy form would hide from it.

`a[int(x)]` for a float x (a histogram's bin) needs int()'s check that x fits an int64
as well as the index check: on x86-64 the truncating conversion itself (cvttsd2si)
returns -2**63 for NaN and out-of-range values, which the unsigned index compare then
fails, so one compare-and-branch serves both and the cold block tells them apart.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from .llvm_types import i32, i64


def data_dependent(lw, index_node) -> bool:
    """Whether the index reads anything but parameters, constants and range loop variables."""
    range_targets = lw.__dict__.get("range_targets")
    if range_targets is None:
        range_targets = lw.__dict__["range_targets"] = _range_targets(lw.t)
    for node in ast.walk(index_node):
        if isinstance(node, (ast.Subscript, ast.Call, ast.Attribute)):
            return True
        if isinstance(node, ast.Name) and node.id not in lw.facts.constant_params \
                and node.id not in range_targets:
            return True
    return False


def _range_targets(typed) -> set:
    return {loop.target.id for loop in ast.walk(typed.node)
            if isinstance(loop, ast.For) and isinstance(loop.target, ast.Name)
            and isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Name)
            and loop.iter.func.id == "range"}


def checked_data_index(lw, idx, length, dim: int, cold_first=None):
    """The index into the dimension (wrapped when negative), or IndexError; `cold_first`
    emits another check at the top of the cold block."""
    b = lw.b
    hot = b.block
    cold = b.append_basic_block("index.cold")
    done = b.append_basic_block("index.ok")
    b.cbranch(b.icmp_unsigned("<", idx, length), done, cold)
    b.block.terminator.set_weights([1000, 1])
    b.position_at_end(cold)
    if cold_first is not None:
        cold_first()
    # a negative i in [-n, 0) wraps into [0, n); any other i stays >= n unsigned
    wrapped = b.add(idx, length)
    with b.if_then(b.icmp_unsigned(">=", wrapped, length), likely=False):
        b.call(lw.unit.decl("aot_rt_index_error"),
               [idx, ir.Constant(i32, dim), length, lw.unit.cstring(b, lw.t.node.name + "()")])
        b.branch(lw.error_block)
        b.position_at_end(b.function.append_basic_block("dead"))
    cold_end = b.block
    b.branch(done)
    b.position_at_end(done)
    phi = b.phi(i64)
    phi.add_incoming(idx, hot)
    phi.add_incoming(wrapped, cold_end)
    return phi


def float_of_int_call(lw, index_node):
    """x where the index is `int(x)` for a float64 or float32 x, else None."""
    if not (isinstance(index_node, ast.Call) and len(index_node.args) == 1 and not index_node.keywords):
        return None
    if lw.t.calls.get(index_node) != ("builtin", "builtins.int"):
        return None
    arg = index_node.args[0]
    ty = lw.type_of(arg)
    return arg if ty.is_float and ty.bits in (32, 64) else None


def checked_truncated_index(lw, x_node, length, dim: int):
    """The index int(x) into the dimension (wrapped when negative): OverflowError where
    int(x) does, then IndexError, as Python raises them; one compare on the hot path."""
    from .isa_clones import targets_x86_64
    if not targets_x86_64():
        return None
    b = lw.b
    x = lw.expr(x_node)
    if x.type != ir.DoubleType():
        x = b.fpext(x, ir.DoubleType())     # exact: the same int64, or the same failure
    vec_t = ir.VectorType(ir.DoubleType(), 2)
    convert = lw.unit.module.globals.get("llvm.x86.sse2.cvttsd2si64") or ir.Function(
        lw.unit.module, ir.FunctionType(i64, [vec_t]), name="llvm.x86.sse2.cvttsd2si64")
    idx = b.call(convert, [b.insert_element(ir.Constant(vec_t, None), x, ir.Constant(i32, 0))])
    from .convert import check_fits_int64
    return checked_data_index(lw, idx, length, dim, lambda: check_fits_int64(lw, x))
