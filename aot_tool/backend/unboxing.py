"""Unboxing one argument at the CPython boundary: a PyObject* to the kernel's value.

An exact float is read inline; everything else goes through the runtime's checked
slow paths, which raise TypeError/OverflowError naming the argument.  Tuples are
unboxed item by item (an item's error names it as `t[1]`), optionals test for None
first.  Every failure branches to the wrapper's `fail` block with an exception set.
"""

from __future__ import annotations

from dataclasses import dataclass

from llvmlite import ir

from ..frontend import types as T
from . import convert
from .llvm_types import f64, i1, i8, i8p, i32, i64, pyobj, typenum, value_type
from .stack import entry_alloca

LAYOUT_CODE = {"C": ord("C"), "F": ord("F"), "A": ord("A")}


def expected_text(t) -> str:
    """What an argument must be, as the TypeError says it."""
    if T.is_object(t):
        from ..library.boundary import expected_object
        return expected_object(t)
    if isinstance(t, T.Array):
        layout = {"C": "C-contiguous ", "F": "Fortran-contiguous ", "A": ""}[t.layout]
        return f"a {layout}NumPy array of {t.dtype.name} with {t.ndim} dimension{'s' if t.ndim > 1 else ''} " \
               f"({spelled(t)})"
    if isinstance(t, T.Tuple):
        return f"a tuple of {len(t.items)} item{'s' if len(t.items) != 1 else ''} ({spelled(t)})"
    if isinstance(t, T.Optional):
        return f"{expected_text(t.inner)} or None"
    if isinstance(t, T.NoneType):
        return "None"
    python = {"f": "float", "i": "int", "u": "int", "b": "bool", "c": "complex"}[t.kind]
    return f"{python} ({t.short})"


def spelled(t) -> str:
    """numba's spelling of a type: f8[:, ::1], UniTuple(f8, 3), Tuple((i8, f8)), optional(f8)."""
    if isinstance(t, T.Array):
        dims = [":"] * t.ndim
        if t.layout == "C":
            dims[-1] = "::1"
        elif t.layout == "F":
            dims[0] = "::1"
        return f"{t.dtype.short}[{', '.join(dims)}]"
    if isinstance(t, T.Tuple):
        if t.items and len(set(t.items)) == 1:
            return f"UniTuple({spelled(t.items[0])}, {len(t.items)})"
        return f"Tuple(({', '.join(spelled(i) for i in t.items)}{',' if len(t.items) == 1 else ''}))"
    if isinstance(t, T.Optional):
        return f"optional({spelled(t.inner)})"
    if isinstance(t, T.NoneType):
        return "none"
    if T.is_object(t):
        return t.name
    return t.short


@dataclass
class ArgContext:
    """Where an argument's errors point: the function, its position and name."""
    fname_c: object      # i8* to the export's name
    index: int           # 1-based position
    name: str            # 'x', or 't[1]' for an item of a tuple
    writable: bool       # the kernel writes into it (arrays must not be read-only)


def unbox(unit, b: ir.IRBuilder, fail, obj, ty, ctx: ArgContext, expected: str | None = None):
    """The value of `obj` as `ty`; branches to `fail` (exception set) when it does not fit."""
    expected_c = unit.cstring(b, expected or expected_text(ty))
    argname = unit.cstring(b, ctx.name)
    idx = ir.Constant(i32, ctx.index)
    common = [ctx.fname_c, idx, argname, expected_c]
    if isinstance(ty, T.Optional):
        return _unbox_optional(unit, b, fail, obj, ty, ctx, expected)
    if isinstance(ty, T.NoneType):
        _check(b, fail, b.call(unit.decl("aot_rt_unbox_none"), [obj] + common))
        return ir.Constant(value_type(ty), 0)
    if isinstance(ty, T.Tuple):
        items = entry_alloca(b, pyobj, len(ty.items))
        _check(b, fail, b.call(unit.decl("aot_rt_unbox_tuple"),
                               [obj, ir.Constant(i32, len(ty.items)), items] + common))
        value = ir.Constant(value_type(ty), ir.Undefined)
        for k, item_ty in enumerate(ty.items):
            item = b.load(b.gep(items, [ir.Constant(i64, k)]))
            sub = ArgContext(ctx.fname_c, ctx.index, f"{ctx.name}[{k}]", ctx.writable)
            value = b.insert_value(value, unbox(unit, b, fail, item, item_ty, sub), k)
        return value
    if T.is_object(ty):
        from ..library.boundary import unbox_object
        _check(b, fail, unbox_object(unit, b, obj, ty, *common))
        return obj   # borrowed from the caller, as arrays are
    if isinstance(ty, T.Array):
        slot = entry_alloca(b, value_type(ty))
        _check(b, fail, b.call(unit.decl("aot_rt_unbox_array"),
                               [obj, b.bitcast(slot, i8p), ir.Constant(i32, ty.ndim),
                                ir.Constant(i32, typenum(ty.dtype)), ir.Constant(i8, LAYOUT_CODE[ty.layout]),
                                ir.Constant(i32, int(ctx.writable))] + common))
        return b.load(slot)
    if ty.is_float:
        return convert.cast(b, _unbox_float(unit, b, fail, obj, common), T.float64, ty)
    if ty.is_int:
        slot = entry_alloca(b, i64)
        _check(b, fail, b.call(unit.decl("aot_rt_unbox_int"),
                               [obj, slot, ir.Constant(i32, ty.bits), ir.Constant(i32, int(ty.kind == "u"))]
                               + common))
        return convert.cast(b, b.load(slot), T.Scalar(ty.kind, 64), ty)
    if ty.is_bool:
        slot = entry_alloca(b, i8)
        _check(b, fail, b.call(unit.decl("aot_rt_unbox_bool"), [obj, slot] + common))
        return b.trunc(b.load(slot), i1)
    re, im = entry_alloca(b, f64), entry_alloca(b, f64)
    _check(b, fail, b.call(unit.decl("aot_rt_unbox_complex"), [obj, re, im] + common))
    value = ir.Constant(value_type(T.complex128), ir.Undefined)
    value = b.insert_value(b.insert_value(value, b.load(re), 0), b.load(im), 1)
    return convert.cast(b, value, T.complex128, ty)


def _check(b, fail, status):
    nxt = b.function.append_basic_block("unboxed")
    b.cbranch(b.icmp_unsigned("==", status, ir.Constant(i32, 0)), nxt, fail)
    b.position_at_end(nxt)


def is_none(unit, b, obj):
    return b.icmp_unsigned("==", obj, unit.global_data("_Py_NoneStruct", i8))


def _unbox_optional(unit, b, fail, obj, ty, ctx, expected):
    fn = b.function
    none_block, value_block = fn.append_basic_block("opt.none"), fn.append_basic_block("opt.value")
    done = fn.append_basic_block("opt.done")
    b.cbranch(is_none(unit, b, obj), none_block, value_block)
    b.position_at_end(value_block)
    inner = unbox(unit, b, fail, obj, ty.inner, ctx, expected or expected_text(ty))
    present = convert.cast(b, inner, ty.inner, ty)
    value_end = b.block
    b.branch(done)
    b.position_at_end(none_block)
    b.branch(done)
    b.position_at_end(done)
    phi = b.phi(value_type(ty))
    phi.add_incoming(present, value_end)
    phi.add_incoming(ir.Constant(value_type(ty), None), none_block)
    return phi


def _unbox_float(unit, b, fail, obj, common):
    """Exact floats are read in place (ob_type at offset 8, ob_fval at 16); others via the runtime."""
    fn = b.function
    float_type = unit.global_data("PyFloat_Type", i8)
    words = b.bitcast(obj, i8p.as_pointer())
    ob_type = b.load(b.gep(words, [ir.Constant(i64, 1)]))
    exact = b.icmp_unsigned("==", ob_type, float_type)
    fast = fn.append_basic_block("float.fast")
    slow = fn.append_basic_block("float.slow")
    done = fn.append_basic_block("float.done")
    b.cbranch(exact, fast, slow).set_weights([1000, 1])
    b.position_at_end(fast)
    fval = b.load(b.gep(b.bitcast(obj, f64.as_pointer()), [ir.Constant(i64, 2)]))
    b.branch(done)
    b.position_at_end(slow)
    slot = entry_alloca(b, f64)
    status = b.call(unit.decl("aot_rt_unbox_float"), [obj, slot] + common)
    slow_ok = fn.append_basic_block("float.slow.ok")
    b.cbranch(b.icmp_unsigned("==", status, ir.Constant(i32, 0)), slow_ok, fail)
    b.position_at_end(slow_ok)
    sval = b.load(slot)
    b.branch(done)
    b.position_at_end(done)
    phi = b.phi(f64)
    phi.add_incoming(fval, fast)
    phi.add_incoming(sval, slow_ok)
    return phi
