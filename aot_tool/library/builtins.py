"""Python builtins: range, len, abs, min, max, int, float, complex, bool, round."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.convert import check_fits_int64
from ..backend.llvm_types import i1, i64, value_type
from ..frontend import types as T
from .registry import lowerer, typer


def _no_keywords(inf, node, kws, name):
    if kws:
        raise inf.error(node, f"{name}() takes no keyword arguments here")


def _want_scalars(inf, node, args, name, count=None):
    if count is not None and len(args) not in (count if isinstance(count, tuple) else (count,)):
        raise inf.error(node, f"{name}() takes {count} argument(s), {len(args)} given")
    for a, n in zip(args, node.args):
        if not isinstance(a, T.Scalar):
            raise inf.error(n, f"{name}() needs a number here, not {a.name}")


@typer("builtins.range")
def _range_type(inf, node, args, kws):
    _no_keywords(inf, node, kws, "range")
    if not 1 <= len(args) <= 3:
        raise inf.error(node, "range() takes 1 to 3 arguments")
    for a, n in zip(args, node.args):
        if not (isinstance(a, T.Scalar) and (a.is_int or a.is_bool)):
            raise inf.error(n, f"range() arguments must be integers, not {a.name}")
    return T.RangeType()


@lowerer("builtins.range")
def _range_value(lw, node):
    """{start, stop, step} for `in`, len() and zip(); a plain `for` reads the arguments
    itself (iteration.py)."""
    values = [lw.cast(lw.expr(a), lw.type_of(a), T.int64) for a in node.args]
    zero, one = ir.Constant(i64, 0), ir.Constant(i64, 1)
    start, stop, step = (zero, values[0], one) if len(values) == 1 else (values + [one])[:3]
    if len(values) == 3:
        lw.check(lw.b.icmp_signed("==", step, zero), "ValueError", "range() arg 3 must not be zero")
    out = ir.Constant(ir.LiteralStructType([i64] * 3), ir.Undefined)
    for i, v in enumerate((start, stop, step)):
        out = lw.b.insert_value(out, v, i)
    return out


@typer("builtins.len")
def _len_type(inf, node, args, kws):
    _no_keywords(inf, node, kws, "len")
    if len(args) != 1 or not isinstance(args[0], (T.Array, T.Tuple, T.RangeType)):
        raise inf.error(node, "len() takes one array, tuple or range")
    return T.int64


@lowerer("builtins.len")
def _len(lw, node):
    ty = lw.type_of(node.args[0])
    if isinstance(ty, T.Tuple):
        return ir.Constant(i64, len(ty.items))
    if isinstance(ty, T.RangeType):
        r = lw.expr(node.args[0])
        return lw.range_length(*(lw.b.extract_value(r, i) for i in range(3)), 0)
    return lw.b.extract_value(lw.array_operand(node.args[0]), [2, 0])


@typer("builtins.abs")
def _abs_type(inf, node, args, kws):
    _no_keywords(inf, node, kws, "abs")
    _want_scalars(inf, node, args, "abs", 1)
    a = args[0]
    if a.is_complex:
        return T.Scalar("f", a.bits // 2)
    return T.int8 if a.is_bool else a    # numba keeps the type: abs() of int8 is int8 (and wraps)


@lowerer("builtins.abs")
def _abs(lw, node):
    a_ty, ty = lw.type_of(node.args[0]), lw.type_of(node)
    v = lw.expr(node.args[0])
    b = lw.b
    if a_ty.is_complex:
        hypot = lw.unit.decl("hypot" if ty.bits == 64 else "hypotf", value_type(ty), [value_type(ty)] * 2)
        return b.call(hypot, [b.extract_value(v, 0), b.extract_value(v, 1)])
    x = lw.cast(v, a_ty, ty)
    if ty.is_float:
        return b.call(lw.unit.intrinsic("llvm.fabs", x.type), [x])
    if ty.kind == "u":
        return x
    return b.select(b.icmp_signed("<", x, ir.Constant(x.type, 0)), b.neg(x), x)


def _minmax_type(name):
    def rule(inf, node, args, kws):
        _no_keywords(inf, node, kws, name)
        if len(args) == 1:
            a = args[0]
            if isinstance(a, T.Array):
                return a.dtype
            if isinstance(a, T.Tuple) and a.items:
                args = list(a.items)
            else:
                raise inf.error(node, f"{name}() of one argument needs an array or a tuple")
        if not args:
            raise inf.error(node, f"{name}() needs arguments")
        result = None
        for a, n in zip(args, node.args if len(node.args) == len(args) else [node] * len(args)):
            if not isinstance(a, T.Scalar) or a.is_complex:
                raise inf.error(n, f"{name}() needs real numbers, not {a.name}")
            result = a if result is None else T.unify(result, a)
        return result
    return rule


typer("builtins.min")(_minmax_type("min"))
typer("builtins.max")(_minmax_type("max"))


def _pick(lw, a, b, ty, want_max):
    """max/min of two values of type ty; NaN handling as Python's (first argument kept)."""
    bld = lw.b
    if ty.is_float:
        better = bld.fcmp_ordered(">" if want_max else "<", b, a)
    elif ty.is_bool or ty.kind == "u":
        better = bld.icmp_unsigned(">" if want_max else "<", b, a)
    else:
        better = bld.icmp_signed(">" if want_max else "<", b, a)
    return bld.select(better, b, a)


def _minmax(want_max):
    def lower(lw, node):
        ty = lw.type_of(node)
        if len(node.args) == 1:
            aty = lw.type_of(node.args[0])
            if isinstance(aty, T.Array):
                return array_reduce_minmax(lw, node.args[0], aty, want_max)
            tup = lw.expr(node.args[0])
            values = [lw.cast(lw.b.extract_value(tup, i), t, ty) for i, t in enumerate(aty.items)]
        else:
            values = [lw.cast(lw.expr(a), lw.type_of(a), ty) for a in node.args]
        result = values[0]
        for v in values[1:]:
            result = _pick(lw, result, v, ty, want_max)
        return result
    return lower


def array_reduce_minmax(lw, arr_node, aty, want_max):
    """min/max over all elements; an empty array raises ValueError as in NumPy."""
    from .array_helpers import for_each_element
    from .fused_reductions import fused_minmax, is_fused
    if is_fused(lw, arr_node):
        return fused_minmax(lw, arr_node, want_max)
    arr = lw.array_operand(arr_node)
    size = ir.Constant(i64, 1)
    for d in range(aty.ndim):
        size = lw.b.mul(size, lw.b.extract_value(arr, [2, d]))
    lw.check(lw.b.icmp_signed("==", size, ir.Constant(i64, 0)), "ValueError",
             "zero-size array to reduction operation which has no identity")
    first_ptr = lw.b.extract_value(arr, 1)
    acc = lw.alloca_entry(value_type(aty.dtype))
    first = lw.b.load(first_ptr)
    if aty.dtype.is_bool:
        first = lw.b.trunc(first, i1)
    lw.b.store(first, acc)

    def visit(ptr):
        v = lw.b.load(ptr)
        if aty.dtype.is_bool:
            v = lw.b.trunc(v, i1)
        cur = lw.b.load(acc)
        if aty.dtype.is_float:
            # NumPy propagates NaN
            nan = lw.b.fcmp_unordered("uno", cur, cur)
            lw.b.store(lw.b.select(nan, cur, _pick(lw, cur, v, aty.dtype, want_max)), acc)
            isnan_v = lw.b.fcmp_unordered("uno", v, v)
            lw.b.store(lw.b.select(isnan_v, v, lw.b.load(acc)), acc)
        else:
            lw.b.store(_pick(lw, cur, v, aty.dtype, want_max), acc)

    for_each_element(lw, arr, aty, visit)
    return lw.b.load(acc)


lowerer("builtins.min")(_minmax(False))
lowerer("builtins.max")(_minmax(True))


def _conversion(name, result):
    """int(), float(), bool(), complex(): numba's result types keep a narrow argument
    where it already has the right kind (int(int8) is int8, float(float32) is float32,
    complex(float32) and complex(float32, float32) are complex64)."""
    def rule(inf, node, args, kws):
        _no_keywords(inf, node, kws, name)
        if name == "complex":
            _want_scalars(inf, node, args, name, (0, 1, 2))
            return T.complex64 if args and all(a == T.float32 for a in args) else T.complex128
        _want_scalars(inf, node, args, name, (0, 1))
        if args and args[0].is_complex and name != "bool":
            raise inf.error(node, f"can't convert complex to {name}")
        if args and (name == "int" and args[0].is_int or name == "float" and args[0].is_float):
            return args[0]
        return result
    return rule


typer("builtins.int")(_conversion("int", T.int64))
typer("builtins.float")(_conversion("float", T.float64))
typer("builtins.bool")(_conversion("bool", T.boolean))
typer("builtins.complex")(_conversion("complex", T.complex128))


@lowerer("builtins.int", "builtins.float", "builtins.bool")
def _convert(lw, node):
    ty = lw.type_of(node)
    if not node.args:
        return ir.Constant(value_type(ty), 0)
    a_ty = lw.type_of(node.args[0])
    v = lw.expr(node.args[0])
    if ty.is_int and a_ty.is_float:
        check_fits_int64(lw, v)   # int() of inf or nan raises in Python
    return lw.cast(v, a_ty, ty)


@lowerer("builtins.complex")
def _complex(lw, node):
    ty = lw.type_of(node)
    parts = [lw.cast(lw.expr(a), lw.type_of(a), ty) for a in node.args]
    if not parts:
        return ir.Constant(value_type(ty), None)
    if len(parts) == 1:
        return parts[0]
    from .operators import complex_arith, make_complex
    re, im = parts
    bld = lw.b
    if not any(lw.type_of(a).is_complex for a in node.args):
        # two real parts go straight in: complex(0, inf) is infj, not 0 + inf*1j = nan+infj
        return make_complex(bld, re.type, bld.extract_value(re, 0), bld.extract_value(im, 0))
    # complex(a, b) == a + b*1j
    j = make_complex(bld, re.type, ir.Constant(re.type.elements[0], 0.0), ir.Constant(re.type.elements[0], 1.0))
    return complex_arith(lw, ast.Add, re, complex_arith(lw, ast.Mult, im, j))


@typer("builtins.round")
def _round_type(inf, node, args, kws):
    _no_keywords(inf, node, kws, "round")
    _want_scalars(inf, node, args, "round", (1, 2))
    if args[0].is_complex:
        raise inf.error(node, "round() of a complex number is not supported")
    if len(args) == 2:
        if not args[1].is_int:
            raise inf.error(node.args[1], "round() digits must be an integer")
        # numba rounds an integer as the float it converts to safely: round(int32, n) is float64
        return args[0] if args[0].is_float else T.arith_result(args[0], T.float32)
    return T.int64


@lowerer("builtins.round")
def _round(lw, node):
    a_ty, ty = lw.type_of(node.args[0]), lw.type_of(node)
    v = lw.expr(node.args[0])
    bld = lw.b
    if len(node.args) == 1 and (a_ty.is_int or a_ty.is_bool):
        return lw.cast(v, a_ty, ty)
    if len(node.args) == 1:
        rint = lw.unit.intrinsic("llvm.rint", v.type)  # ties to even, as Python
        rounded = bld.call(rint, [v])
        check_fits_int64(lw, rounded)
        return lw.cast(rounded, a_ty, ty)
    return _round_digits(lw, lw.cast(v, a_ty, ty), ty, lw.cast(lw.expr(node.args[1]), lw.type_of(node.args[1]),
                                                                  T.int64))


def _round_digits(lw, x, ty, digits):
    """round(x, digits) as numba computes it: scale in float64 (by 10**digits, or divide
    by 10**-digits so that 10**-1 is exact), round to even in x's own type, scale back;
    inf, nan and values whose scaled form overflows come back unchanged."""
    bld = lw.b
    f8 = value_type(T.float64)
    pow_ = lw.unit.decl("pow", f8, [f8, f8])
    ten = ir.Constant(f8, 10.0)
    x8 = lw.cast(x, ty, T.float64)
    rint = lw.unit.intrinsic("llvm.rint", x.type)
    zero = ir.Constant(i64, 0)
    big = bld.icmp_signed(">", digits, ir.Constant(i64, 22))
    # digits >= 0: y = (x * pow1) * pow2 with pow2 = 1e22 beyond 22 digits, so pow1 stays finite
    pow1 = bld.call(pow_, [ten, lw.cast(bld.select(big, bld.sub(digits, ir.Constant(i64, 22)), digits),
                                        T.int64, T.float64)])
    pow2 = bld.select(big, ir.Constant(f8, 1e22), ir.Constant(f8, 1.0))
    y = bld.fmul(bld.fmul(x8, pow1), pow2)
    r = lw.cast(bld.call(rint, [lw.cast(y, T.float64, ty)]), ty, T.float64)
    up = bld.fdiv(bld.fdiv(r, pow2), pow1)
    up = bld.select(bld.fcmp_ordered("==", bld.call(lw.unit.intrinsic("llvm.fabs", f8), [y]),
                                     ir.Constant(f8, float("inf"))), x8, up)
    # digits < 0: divide by 10**-digits
    pown = bld.call(pow_, [ten, lw.cast(bld.neg(digits), T.int64, T.float64)])
    rn = lw.cast(bld.call(rint, [lw.cast(bld.fdiv(x8, pown), T.float64, ty)]), ty, T.float64)
    down = bld.fmul(rn, pown)
    out = bld.select(bld.icmp_signed(">=", digits, zero), up, down)
    finite = bld.fcmp_ordered("one", bld.call(lw.unit.intrinsic("llvm.fabs", f8), [x8]),
                              ir.Constant(f8, float("inf")))
    return lw.cast(bld.select(finite, out, x8), T.float64, ty)


@typer("builtins.sum")
def _sum_type(inf, node, args, kws):
    if set(kws) - {"start"} or not 1 <= len(args) + len(kws) <= 2 or not args:
        raise inf.error(node, "sum() takes an iterable and an optional start")
    it = args[0]
    start = args[1] if len(args) > 1 else kws.get("start")
    if start is not None and not isinstance(start, T.Scalar):
        raise inf.error(node, f"sum() start must be a number, not {start.name}")
    if isinstance(it, T.Array):
        d = it.dtype
        total = T.int64 if d.is_bool or (d.is_int and d.kind == "i") else (T.uint64 if d.is_int else d)
        return total if start is None else T.arith_result(start, total)
    if isinstance(it, T.RangeType):
        return T.int64 if start is None else T.arith_result(start, T.int64)
    if isinstance(it, T.Tuple) and all(isinstance(i, T.Scalar) for i in it.items):
        total = T.int64 if start is None else start
        for item in it.items:       # numba adds left to right, each sum in its own type
            total = T.arith_result(total, item)
        return total
    if node.args and isinstance(node.args[0], ast.GeneratorExp):
        raise inf.error(node.args[0], "generator expressions are not supported; write a loop")
    raise inf.error(node, f"sum() takes an array, a range or a tuple of numbers, not {it.name}")


@lowerer("builtins.sum")
def _sum(lw, node):
    from .reductions import array_sum
    from .operators import arith
    ty, it = lw.type_of(node), node.args[0]
    it_ty = lw.type_of(it)
    start_node = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords), None)
    start, start_ty = (ir.Constant(i64, 0), T.int64) if start_node is None else \
        (lw.expr(start_node), lw.type_of(start_node))
    if isinstance(it_ty, T.Tuple):
        total, total_ty = start, start_ty
        tup = lw.expr(it)
        for i, item_ty in enumerate(it_ty.items):
            step_ty = T.arith_result(total_ty, item_ty)
            total = arith(lw, ast.Add, total, total_ty, lw.b.extract_value(tup, i), item_ty, step_ty)
            total_ty = step_ty
        return lw.cast(total, total_ty, ty)
    if isinstance(it_ty, T.RangeType):
        part, part_ty = _range_sum(lw, lw.expr(it)), T.int64
    else:
        part_ty = ty if start_node is None else _sum_type(None, it, [it_ty], {})
        part = array_sum(lw, it, it_ty, part_ty)
    if start_node is None:
        return part
    return arith(lw, ast.Add, start, start_ty, part, part_ty, ty)


def _range_sum(lw, r):
    """sum(range(start, stop, step)) = n*start + step*n*(n-1)/2, wrapping as the loop would."""
    b = lw.b
    start, stop, step = (b.extract_value(r, i) for i in range(3))
    n = lw.range_length(start, stop, step, 0)
    one = ir.Constant(i64, 1)
    m = b.sub(n, one)
    even = b.icmp_unsigned("==", b.and_(n, one), ir.Constant(i64, 0))
    pairs = b.select(even, b.mul(b.lshr(n, one), m), b.mul(n, b.lshr(m, one)))   # n*(n-1)/2, exact mod 2**64
    return b.add(b.mul(n, start), b.mul(step, pairs))


@lowerer("dtype.call")
def _dtype_call(lw, node):
    """np.float32(x), np.int64(x): a conversion as NumPy does it (floats truncate to ints)."""
    return lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), lw.type_of(node))
