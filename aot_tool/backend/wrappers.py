"""The CPython boundary of one export signature: a METH_FASTCALL|METH_KEYWORDS function
that binds the arguments (positional fast path; keywords and defaults through the
runtime's binder, with Python's messages), unboxes each from its PyObject*
(backend/unboxing.py), calls the kernel and boxes the result.
"""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T
from ..frontend.syntax import _constant_type
from . import convert
from .llvm_types import i8p, i32, i64, pyobj, typenum, value_type
from .lower_exprs import constant
from .unboxing import ArgContext, unbox
from .unit import EXC_KINDS, Unit, hidden
from .stack import entry_alloca

WRAPPER_TYPE = ir.FunctionType(pyobj, [pyobj, pyobj.as_pointer(), i64, pyobj])
NO_DEFAULT = object()


def descriptor(t) -> str:
    """The dispatch code of an argument type (see aot_rt_dispatch in runtime/aot_args.h)."""
    if isinstance(t, T.Array):
        return f"a{t.layout}{t.ndim}{t.dtype.short}"
    if isinstance(t, T.Tuple):
        return "(" + ",".join(descriptor(i) for i in t.items) + ")"
    if isinstance(t, T.Optional):
        return "?" + descriptor(t.inner)
    if isinstance(t, T.NoneType):
        return "n"
    if T.is_object(t):
        from ..library.boundary import object_descriptor
        return object_descriptor(t)
    return t.short


def param_descriptors(params, defaults, sig) -> str:
    """'x:f8;tol=f8': each parameter's name, whether it has a default ('='), its type code."""
    return ";".join(f"{p}{':' if d is NO_DEFAULT else '='}{descriptor(t)}"
                    for p, d, t in zip(params, defaults, sig.args))


def default_type(value):
    return T.none if value is None else _constant_type(value)


def build_wrapper(unit: Unit, symbol: str, fname: str, params, defaults, sig, kernel, kernel_ret,
                  writable) -> ir.Function:
    """defaults: per parameter its default's value, or NO_DEFAULT (those come first)."""
    module = unit.module
    fn = ir.Function(module, WRAPPER_TYPE, name=symbol)
    fn.attributes.add("nounwind")
    fn.attributes.add("optsize")   # boundary code: smaller, as fast (the kernels keep O3 in full)
    hidden(fn)
    _self, args, nargs, kwnames = fn.args
    entry = fn.append_basic_block("entry")
    b = ir.IRBuilder(entry)
    fail = fn.append_basic_block("fail")
    n = len(sig.args)
    fname_c = unit.cstring(b, fname)
    slots = b.alloca(pyobj, max(n, 1))
    # the fast path: exactly n positional arguments and no keywords
    fast = b.and_(b.icmp_unsigned("==", kwnames, ir.Constant(pyobj, None)),
                  b.icmp_signed("==", nargs, ir.Constant(i64, n)))
    body, bind = fn.append_basic_block("args"), fn.append_basic_block("bind")
    b.cbranch(fast, body, bind).set_weights([1000, 1])
    b.position_at_end(bind)
    required = sum(d is NO_DEFAULT for d in defaults)
    status = b.call(unit.decl("aot_rt_bind_args"),
                    [fname_c, _names_table(unit, symbol, params), ir.Constant(i32, n), ir.Constant(i32, required),
                     args, nargs, kwnames, slots])
    b.cbranch(b.icmp_unsigned("==", status, ir.Constant(i32, 0)), body, fail)
    b.position_at_end(body)
    argv = b.phi(pyobj.as_pointer())
    argv.add_incoming(args, entry)
    argv.add_incoming(slots, bind)
    values = []
    for i, (pname, default, ty) in enumerate(zip(params, defaults, sig.args)):
        obj = b.load(b.gep(argv, [ir.Constant(i64, i)]))
        ctx = ArgContext(fname_c, i + 1, pname, pname in writable)
        if default is NO_DEFAULT:
            values.append(unbox(unit, b, fail, obj, ty, ctx))
        else:
            values.append(_unbox_or_default(unit, b, fail, obj, ty, ctx, default))
    out = b.alloca(value_type(kernel_ret))
    status = b.call(kernel, [out] + values)
    ok = fn.append_basic_block("ok")
    b.cbranch(b.icmp_unsigned("==", status, ir.Constant(i32, 0)), ok, fail)
    b.position_at_end(ok)
    result = b.load(out)
    declared = sig.ret if sig.ret is not None else kernel_ret
    if isinstance(kernel_ret, T.Optional) and not isinstance(declared, T.Optional):
        result = _unwrap_result(unit, b, fail, result, kernel_ret)
        kernel_ret = kernel_ret.inner
    if isinstance(kernel_ret, T.Scalar) and kernel_ret.is_float and isinstance(declared, T.Scalar) \
            and declared.is_int:
        _check_int_result(unit, b, fail, result)
    if not isinstance(declared, T.Array):
        result = convert.cast(b, result, kernel_ret, declared)
    b.ret(box(unit, b, result, declared))
    b.position_at_end(fail)
    b.ret(ir.Constant(pyobj, None))
    return fn


def _names_table(unit: Unit, symbol: str, params):
    arr_t = ir.ArrayType(i8p, len(params))
    gv = ir.GlobalVariable(unit.module, arr_t, name=f"{symbol}.params")
    gv.linkage = "internal"
    gv.global_constant = True
    gv.initializer = ir.Constant(arr_t, [unit.cstring_constant(p) for p in params])
    return gv.bitcast(i8p.as_pointer())


def _unbox_or_default(unit, b, fail, obj, ty, ctx, default):
    """An omitted argument (a NULL slot) takes its default, a constant of the signature's type."""
    fn = b.function
    given, omitted = fn.append_basic_block(f"arg{ctx.index}.given"), fn.append_basic_block(f"arg{ctx.index}.default")
    done = fn.append_basic_block(f"arg{ctx.index}.done")
    b.cbranch(b.icmp_unsigned("==", obj, ir.Constant(pyobj, None)), omitted, given)
    b.position_at_end(given)
    value = unbox(unit, b, fail, obj, ty, ctx)
    given_end = b.block
    b.branch(done)
    b.position_at_end(omitted)
    dty = default_type(default)
    if isinstance(default, str):
        from ..library.boundary import default_str
        fallback = default_str(unit, b, default)
    else:
        fallback = convert.cast(b, constant(dty, default), dty, ty)
    omitted_end = b.block
    b.branch(done)
    b.position_at_end(done)
    phi = b.phi(value_type(ty))
    phi.add_incoming(value, given_end)
    phi.add_incoming(fallback, omitted_end)
    return phi


def _check_int_result(unit, b, fail, result) -> None:
    """A float result of an export declared to return an integer converts as int() does:
    OverflowError for nan, inf and values beyond int64 (C's conversion is undefined there,
    and gave a different number on every build)."""
    limit = ir.Constant(result.type, 9.223372036854775808e18)
    fabs = unit.intrinsic("llvm.fabs", result.type)
    bad = b.and_(b.fcmp_unordered(">=", b.call(fabs, [result]), limit),
                 b.fcmp_unordered("!=", result, ir.Constant(result.type, -9.223372036854775808e18)))
    with b.if_then(bad, likely=False):
        b.call(unit.decl("aot_rt_raise"), [ir.Constant(i32, EXC_KINDS["OverflowError"]),
                                           unit.cstring(b, "cannot convert float infinity, NaN or a value "
                                                           "beyond int64 to integer")])
        b.branch(fail)


def _unwrap_result(unit, b, fail, result, ty):
    """An optional result where the signature declares its value: TypeError if None (numba's)."""
    fn = b.function
    bad, good = fn.append_basic_block("result.none"), fn.append_basic_block("result.value")
    b.cbranch(b.extract_value(result, 0), good, bad)
    b.position_at_end(bad)
    b.call(unit.decl("aot_rt_raise"), [ir.Constant(i32, EXC_KINDS["TypeError"]), unit.cstring(b, f"expected {ty.inner.name}, got None")])
    b.branch(fail)
    b.position_at_end(good)
    return b.extract_value(result, 1)


def box(unit, b, value, ty):
    """A new reference to the Python object for `value` (NULL with an exception set on failure)."""
    if isinstance(ty, T.NoneType):
        return b.call(unit.decl("aot_rt_box_none"), [])
    if T.is_object(ty):
        return value   # the kernel handed over its reference
    if isinstance(ty, T.Optional):
        fn = b.function
        some, none_block = fn.append_basic_block("box.some"), fn.append_basic_block("box.none")
        done = fn.append_basic_block("box.done")
        b.cbranch(b.extract_value(value, 0), some, none_block)
        b.position_at_end(some)
        boxed = box(unit, b, b.extract_value(value, 1), ty.inner)
        some_end = b.block
        b.branch(done)
        b.position_at_end(none_block)
        none_obj = b.call(unit.decl("aot_rt_box_none"), [])
        b.branch(done)
        b.position_at_end(done)
        phi = b.phi(pyobj)
        phi.add_incoming(boxed, some_end)
        phi.add_incoming(none_obj, none_block)
        return phi
    if isinstance(ty, T.Array):
        slot = entry_alloca(b, value.type)
        b.store(value, slot)
        return b.call(unit.decl("aot_rt_box_array"),
                      [b.bitcast(slot, i8p), ir.Constant(i32, ty.ndim), ir.Constant(i32, typenum(ty.dtype))])
    if isinstance(ty, T.Tuple):
        items = entry_alloca(b, pyobj, len(ty.items))
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


def doc_text(fname: str, params, defaults, sig, ret) -> str:
    """The method's docstring: CPython's `name(a, b=1)\n--\n\n` text signature (so
    `inspect.signature` and `help()` show the parameters), then the typed signature,
    which is what `__doc__` shows."""
    args = ", ".join(f"{p}: {t.name}" + ("" if d is NO_DEFAULT else f" = {d!r}")
                     for p, d, t in zip(params, defaults, sig.args))
    return text_signature(fname, params, defaults) + f"{fname}({args}) -> {ret.name}"


def text_signature(fname: str, params, defaults) -> str:
    """`name(a, b=1)\n--\n\n`, or '' when a default has no literal spelling that
    `inspect` can read back (nan, inf): an unreadable one would break `inspect.signature`."""
    import ast
    parts = []
    for p, d in zip(params, defaults):
        if d is NO_DEFAULT:
            parts.append(p)
            continue
        try:
            if ast.literal_eval(repr(d)) != d:
                return ""
        except (ValueError, SyntaxError):
            return ""
        parts.append(f"{p}={d!r}")
    return f"{fname}({', '.join(parts)})\n--\n\n"
