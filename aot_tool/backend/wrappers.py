"""The CPython boundary of one export signature: a METH_FASTCALL function that checks
and unboxes each argument straight from its PyObject*, calls the kernel and boxes the
result.  An exact float argument is read inline; everything else goes through the
runtime's checked slow paths, which raise TypeError/OverflowError naming the argument.
"""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T
from . import convert
from .llvm_types import f64, i8, i8p, i32, i64, pyobj, typenum, value_type
from .unit import Unit, hidden

WRAPPER_TYPE = ir.FunctionType(pyobj, [pyobj, pyobj.as_pointer(), i64])
LAYOUT_CODE = {"C": ord("C"), "F": ord("F"), "A": ord("A")}


def expected_text(t) -> str:
    """What an argument must be, as the TypeError says it."""
    if isinstance(t, T.Array):
        layout = {"C": "C-contiguous ", "F": "Fortran-contiguous ", "A": ""}[t.layout]
        return f"a {layout}NumPy array of {t.dtype.name} with {t.ndim} dimension{'s' if t.ndim > 1 else ''} " \
               f"({_spelled(t)})"
    python = {"f": "float", "i": "int", "u": "int", "b": "bool", "c": "complex"}[t.kind]
    return f"{python} ({t.short})"


def _spelled(t: T.Array) -> str:
    dims = [":"] * t.ndim
    if t.layout == "C":
        dims[-1] = "::1"
    elif t.layout == "F":
        dims[0] = "::1"
    return f"{t.dtype.short}[{', '.join(dims)}]"


def descriptor(t) -> str:
    """The dispatch code of an argument type (see aot_rt_dispatch)."""
    if isinstance(t, T.Array):
        return f"a{t.layout}{t.ndim}{t.dtype.short}"
    return t.short


def build_wrapper(unit: Unit, symbol: str, fname: str, params, sig, kernel, kernel_ret, writable) -> ir.Function:
    module = unit.module
    fn = ir.Function(module, WRAPPER_TYPE, name=symbol)
    fn.attributes.add("nounwind")
    hidden(fn)
    _self, args, nargs = fn.args
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    fail = fn.append_basic_block("fail")
    n = len(sig.args)
    fname_c = unit.cstring(b, fname)
    bad_count = b.icmp_signed("!=", nargs, ir.Constant(i64, n))
    with b.if_then(bad_count, likely=False):
        b.ret(b.call(unit.decl("aot_rt_arg_count"), [fname_c, ir.Constant(i64, n), nargs]))
    values = []
    for i, (pname, ty) in enumerate(zip(params, sig.args)):
        obj = b.load(b.gep(args, [ir.Constant(i64, i)]))
        values.append(_unbox(unit, b, fn, fail, obj, ty, fname_c, i + 1, pname, pname in writable))
    out = b.alloca(value_type(kernel_ret))
    status = b.call(kernel, [out] + values)
    ok = fn.append_basic_block("ok")
    b.cbranch(b.icmp_unsigned("==", status, ir.Constant(i32, 0)), ok, fail)
    b.position_at_end(ok)
    result = b.load(out)
    declared = sig.ret if sig.ret is not None else kernel_ret
    if not isinstance(declared, T.Array):
        result = convert.cast(b, result, kernel_ret, declared)
    boxed = box(unit, b, result, declared)
    b.ret(boxed)
    b.position_at_end(fail)
    b.ret(ir.Constant(pyobj, None))
    return fn


def _check(b, fn, fail, status):
    nxt = fn.append_basic_block("unboxed")
    b.cbranch(b.icmp_unsigned("==", status, ir.Constant(i32, 0)), nxt, fail)
    b.position_at_end(nxt)


def _unbox(unit, b, fn, fail, obj, ty, fname_c, index, pname, writable):
    expected = unit.cstring(b, expected_text(ty))
    argname = unit.cstring(b, pname)
    idx = ir.Constant(i32, index)
    if isinstance(ty, T.Array):
        slot = b.alloca(value_type(ty))
        status = b.call(unit.decl("aot_rt_unbox_array"),
                        [obj, b.bitcast(slot, i8p), ir.Constant(i32, ty.ndim), ir.Constant(i32, typenum(ty.dtype)),
                         ir.Constant(i8, LAYOUT_CODE[ty.layout]), ir.Constant(i32, int(writable)),
                         fname_c, idx, argname, expected])
        _check(b, fn, fail, status)
        return b.load(slot)
    if isinstance(ty, T.Tuple):
        raise ValueError("tuple arguments")  # rejected by export_unit before here
    if ty.is_float:
        return convert.cast(b, _unbox_float(unit, b, fn, fail, obj, fname_c, idx, argname, expected), T.float64, ty)
    if ty.is_int:
        slot = b.alloca(i64)
        status = b.call(unit.decl("aot_rt_unbox_int"),
                        [obj, slot, ir.Constant(i32, ty.bits), ir.Constant(i32, int(ty.kind == "u")),
                         fname_c, idx, argname, expected])
        _check(b, fn, fail, status)
        return convert.cast(b, b.load(slot), T.Scalar(ty.kind, 64), ty)
    if ty.is_bool:
        slot = b.alloca(i8)
        status = b.call(unit.decl("aot_rt_unbox_bool"), [obj, slot, fname_c, idx, argname, expected])
        _check(b, fn, fail, status)
        return b.trunc(b.load(slot), ir.IntType(1))
    re, im = b.alloca(f64), b.alloca(f64)
    status = b.call(unit.decl("aot_rt_unbox_complex"), [obj, re, im, fname_c, idx, argname, expected])
    _check(b, fn, fail, status)
    value = ir.Constant(value_type(T.complex128), ir.Undefined)
    value = b.insert_value(b.insert_value(value, b.load(re), 0), b.load(im), 1)
    return convert.cast(b, value, T.complex128, ty)


def _unbox_float(unit, b, fn, fail, obj, fname_c, idx, argname, expected):
    """Exact floats are read in place (ob_type at offset 8, ob_fval at 16); others via the runtime."""
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
    slot = b.alloca(f64)
    status = b.call(unit.decl("aot_rt_unbox_float"), [obj, slot, fname_c, idx, argname, expected])
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


def box(unit, b, value, ty):
    """A new reference to the Python object for `value` (NULL with an exception set on failure)."""
    if isinstance(ty, T.NoneType):
        return b.call(unit.decl("aot_rt_box_none"), [])
    if isinstance(ty, T.Array):
        slot = b.alloca(value.type)
        b.store(value, slot)
        return b.call(unit.decl("aot_rt_box_array"),
                      [b.bitcast(slot, i8p), ir.Constant(i32, ty.ndim), ir.Constant(i32, typenum(ty.dtype))])
    if isinstance(ty, T.Tuple):
        items = b.alloca(pyobj, len(ty.items))
        for k, item_ty in enumerate(ty.items):
            b.store(box(unit, b, b.extract_value(value, k), item_ty), b.gep(items, [ir.Constant(i64, k)]))
        return b.call(unit.decl("aot_rt_pack_tuple"), [ir.Constant(i32, len(ty.items)), items])
    if ty.is_float:
        return b.call(unit.decl("PyFloat_FromDouble"), [convert.cast(b, value, ty, T.float64)])
    if ty.is_bool:
        return b.call(unit.decl("aot_rt_box_bool"), [b.zext(value, i32)])
    if ty.is_int:
        if ty.kind == "u":
            return b.call(unit.decl("PyLong_FromUnsignedLongLong"), [convert.cast(b, value, ty, T.uint64)])
        return b.call(unit.decl("PyLong_FromLongLong"), [convert.cast(b, value, ty, T.int64)])
    c = convert.cast(b, value, ty, T.complex128)
    return b.call(unit.decl("PyComplex_FromDoubles"), [b.extract_value(c, 0), b.extract_value(c, 1)])


def doc_text(fname: str, params, sig, ret) -> str:
    args = ", ".join(f"{p}: {t.name}" for p, t in zip(params, sig.args))
    return f"{fname}({args}) -> {ret.name}"
