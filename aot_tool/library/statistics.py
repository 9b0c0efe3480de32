"""Statistics over whole arrays (as numba has them): np.nansum nanmean nanmin nanmax
nanvar nanstd (NaN elements skipped), np.ptp, np.count_nonzero (also along an axis),
np.average (no weights), np.median, np.percentile and np.quantile (NumPy's default
linear method; q a number or a 1-d array).

Order statistics sort a float64 copy with the C library's qsort (NaNs last: any NaN
makes the result NaN, as in NumPy)."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import f64, i1, i8p, i32, i64, value_type
from ..frontend import types as T
from .array_helpers import allocate, array_size, load, release, store
from .reduce_engine import Reducer, reduce_all
from .reductions import (MinMax, Sum, mean_dtype, reduce_call, reduction_operand, result_type,
                         sum_dtype, var_dtype)
from .registry import lowerer, typer


def _c(v):
    return ir.Constant(i64, v)


def _whole(name, dtype_of):
    def rule(inf, node, args, kws):
        arr, _ = reduction_operand(inf, node, args, kws, f"np.{name}", allow_axis=False)
        if arr.dtype.is_complex:
            raise inf.error(node, f"np.{name}() of a complex array is not supported")
        return dtype_of(arr.dtype)
    return rule


typer("numpy.nansum")(_whole("nansum", sum_dtype))
typer("numpy.nanmean")(_whole("nanmean", mean_dtype))
typer("numpy.nanvar")(_whole("nanvar", var_dtype))
typer("numpy.nanstd")(_whole("nanstd", var_dtype))
typer("numpy.nanmin")(_whole("nanmin", lambda d: d))
typer("numpy.nanmax")(_whole("nanmax", lambda d: d))
typer("numpy.ptp")(_whole("ptp", lambda d: d))
typer("numpy.average")(_whole("average", mean_dtype))
typer("numpy.median")(_whole("median", lambda d: d if d.is_float else T.float64))


@typer("numpy.count_nonzero")
def _count_type(inf, node, args, kws):
    arr, axis = reduction_operand(inf, node, args, kws, "np.count_nonzero")
    return result_type(arr, axis, T.int64)


def _isnan(lw, v, ety):
    return lw.b.fcmp_unordered("uno", v, v) if ety.is_float else ir.Constant(i1, 0)


class NanSum(Sum):
    """A sum (or mean) that skips NaNs; `count` also counts the elements kept."""

    def __init__(self, ety, rty, deviation_from=None):
        super().__init__(ety, rty)
        self.center = deviation_from
        if rty.is_float:
            self.pairwise = self.value

    def value(self, lw, v, p):
        b = lw.b
        x = lw.cast(v, self.ety, self.rty)
        if self.center is not None:
            x = b.fsub(x, self.center)
            x = b.fmul(x, x)
        if not self.ety.is_float:
            return x
        return b.select(_isnan(lw, v, self.ety), ir.Constant(x.type, 0.0), x)

    def step(self, lw, acc, v, i, p):
        if self.rty.is_float:
            return [lw.b.fadd(acc[0], self.value(lw, v, p))]
        return super().step(lw, acc, v, i, p)


class CountNonzero(Reducer):
    direct = True
    acc_types = (T.int64,)

    def __init__(self, ety, nan_only=False):
        self.ety, self.nan_only = ety, nan_only

    def init(self, lw, p):
        return [_c(0)]

    def step(self, lw, acc, v, i, p):
        keep = lw.b.not_(_isnan(lw, v, self.ety)) if self.nan_only else lw.to_bool(v, self.ety)
        return [lw.b.add(acc[0], lw.b.zext(keep, i64))]


class NanMinMax(MinMax):
    """min/max skipping NaNs; NaN only when every element is NaN."""

    def init(self, lw, p):
        if self.ety.is_float:
            return [ir.Constant(value_type(self.ety), float("nan"))]
        return super().init(lw, p)

    def step(self, lw, acc, v, i, p):
        if not self.ety.is_float:
            return super().step(lw, acc, v, i, p)
        b = lw.b
        cur = acc[0]
        better = b.fcmp_ordered(">" if self.want_max else "<", v, cur)
        return [b.select(b.or_(better, b.fcmp_unordered("uno", cur, cur)), v, cur)]


def _arg(lw, node):
    arr_node = node.args[0]
    return arr_node, lw.type_of(arr_node), lw.array_operand(arr_node)


@lowerer("numpy.nansum")
def _nansum(lw, node):
    arr_node, aty, arr = _arg(lw, node)
    return reduce_all(lw, NanSum(aty.dtype, lw.type_of(node)), arr, aty)


def _nan_moments(lw, node, power):
    """nanmean (power 1), nanvar (2) or nanstd (-2): over the elements that are not NaN."""
    arr_node, aty, arr = _arg(lw, node)
    rty = lw.type_of(node)
    mty = mean_dtype(aty.dtype)
    b = lw.b
    count = lw.cast(reduce_all(lw, CountNonzero(aty.dtype, nan_only=True), arr, aty), T.int64, mty)
    mean = b.fdiv(reduce_all(lw, NanSum(aty.dtype, mty), arr, aty), count)
    if power == 1:
        return mean
    spread = b.fdiv(reduce_all(lw, NanSum(aty.dtype, mty, deviation_from=mean), arr, aty), count)
    if power < 0:
        spread = b.call(lw.unit.intrinsic("llvm.sqrt", spread.type), [spread])
    return lw.cast(spread, mty, rty)


lowerer("numpy.nanmean")(lambda lw, node: _nan_moments(lw, node, 1))
lowerer("numpy.nanvar")(lambda lw, node: _nan_moments(lw, node, 2))
lowerer("numpy.nanstd")(lambda lw, node: _nan_moments(lw, node, -2))


def _nan_extreme(want_max):
    def lower(lw, node):
        arr_node, aty, arr = _arg(lw, node)
        red = NanMinMax(aty.dtype, want_max)
        red.empty_error = f"zero-size array to reduction operation {'fmax' if want_max else 'fmin'} " \
                          "which has no identity"
        return reduce_all(lw, red, arr, aty)
    return lower


lowerer("numpy.nanmin")(_nan_extreme(False))
lowerer("numpy.nanmax")(_nan_extreme(True))


@lowerer("numpy.ptp")
def _ptp(lw, node):
    from .operators import arith
    import ast
    arr_node, aty, arr = _arg(lw, node)
    hi = reduce_all(lw, MinMax(aty.dtype, True), arr, aty)
    lo = reduce_all(lw, MinMax(aty.dtype, False), arr, aty)
    if aty.dtype.is_bool:
        return lw.b.xor(hi, lo)
    return arith(lw, ast.Sub, hi, aty.dtype, lo, aty.dtype, aty.dtype)


lowerer("numpy.count_nonzero")(lambda lw, node: reduce_call(lw, node, lambda e, r: CountNonzero(e)))


@lowerer("numpy.average")
def _average(lw, node):
    from .reductions import Mean
    arr_node, aty, arr = _arg(lw, node)
    return reduce_all(lw, Mean(aty.dtype, lw.type_of(node)), arr, aty)


# -- order statistics --

def sorted_copy(lw, arr, aty):
    """(a new float64 1-d array holding arr's elements sorted, NaNs last; its size)."""
    b = lw.b
    size = array_size(lw, arr, aty.ndim)
    work = allocate(lw, T.Array(T.float64, 1, "C"), [size])
    data = b.extract_value(work, 1)
    count = lw.alloca_entry(i64)
    b.store(_c(0), count)

    def visit(index_ptr):
        k = b.load(count)
        store(lw, lw.cast(load(lw, index_ptr, aty.dtype), aty.dtype, T.float64), b.gep(data, [k]), T.float64)
        b.store(b.add(k, _c(1)), count)

    from .array_helpers import for_each_element
    for_each_element(lw, arr, aty, visit)
    qsort = lw.unit.module.globals.get("qsort")
    if qsort is None:
        cmp_ty = ir.FunctionType(i32, [i8p, i8p])
        qsort = ir.Function(lw.unit.module, ir.FunctionType(ir.VoidType(), [i8p, i64, i64, cmp_ty.as_pointer()]),
                            "qsort")
    b.call(qsort, [b.bitcast(data, i8p), size, _c(8), _comparator(lw.unit)])
    return work, size


def _comparator(unit):
    """int cmp(const double *x, const double *y): ascending, NaNs after every number."""
    name = "aot_sort_cmp_f64"
    if name in unit.module.globals:
        return unit.module.globals[name]
    fn = ir.Function(unit.module, ir.FunctionType(i32, [i8p, i8p]), name)
    fn.linkage = "internal"
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    x = b.load(b.bitcast(fn.args[0], f64.as_pointer()))
    y = b.load(b.bitcast(fn.args[1], f64.as_pointer()))
    xn, yn = b.fcmp_unordered("uno", x, x), b.fcmp_unordered("uno", y, y)
    lt = b.zext(b.or_(b.fcmp_ordered("<", x, y), b.and_(b.not_(xn), yn)), i32)
    gt = b.zext(b.or_(b.fcmp_ordered(">", x, y), b.and_(xn, b.not_(yn))), i32)
    b.ret(b.sub(gt, lt))
    return fn


def _at(lw, data, k):
    return lw.b.load(lw.b.gep(data, [k]))


def quantile_of(lw, data, n, q):
    """NumPy's linear-method quantile q (in [0, 1]) of n sorted float64s at data;
    NaN when the largest is NaN."""
    b = lw.b
    last = b.sub(n, _c(1))
    virtual = b.fmul(q, b.sitofp(last, f64))
    lo_f = b.call(lw.unit.intrinsic("llvm.floor", f64), [virtual])
    lo = b.fptosi(lo_f, i64)
    lo = b.select(b.icmp_signed(">", lo, last), last, lo)
    hi = b.add(lo, _c(1))
    hi = b.select(b.icmp_signed(">", hi, last), last, hi)
    t = b.fsub(virtual, lo_f)
    x, y = _at(lw, data, lo), _at(lw, data, hi)
    diff = b.fsub(y, x)
    low_form = b.fadd(x, b.fmul(diff, t))
    high_form = b.fsub(y, b.fmul(diff, b.fsub(ir.Constant(f64, 1.0), t)))
    value = b.select(b.fcmp_ordered(">=", t, ir.Constant(f64, 0.5)), high_form, low_form)
    biggest = _at(lw, data, last)
    return b.select(b.fcmp_unordered("uno", biggest, biggest), biggest, value)


@lowerer("numpy.median")
def _median(lw, node):
    b = lw.b
    arr_node, aty, arr = _arg(lw, node)
    rty = lw.type_of(node)
    work, n = sorted_copy(lw, arr, aty)
    data = b.extract_value(work, 1)
    result = lw.alloca_entry(f64)
    b.store(ir.Constant(f64, float("nan")), result)
    with b.if_then(b.icmp_signed(">", n, _c(0))):
        half = b.sdiv(n, _c(2))
        upper = _at(lw, data, half)
        lower = _at(lw, data, b.select(b.icmp_signed("==", b.srem(n, _c(2)), _c(0)), b.sub(half, _c(1)), half))
        mid = b.fdiv(b.fadd(lower, upper), ir.Constant(f64, 2.0))
        biggest = _at(lw, data, b.sub(n, _c(1)))
        b.store(b.select(b.fcmp_unordered("uno", biggest, biggest), biggest, mid), result)
    release(lw, work)
    return lw.cast(b.load(result), T.float64, rty)


def _quantile_rule(name, scale):
    def rule(inf, node, args, kws):
        if kws:
            raise inf.error(node, f"keyword arguments of np.{name}() are not supported")
        if len(args) != 2 or not isinstance(args[0], T.Array):
            raise inf.error(node, f"np.{name}() takes an array and q")
        q = args[1]
        if isinstance(q, T.Scalar) and not q.is_complex:
            return T.float64
        if isinstance(q, T.Array) and q.ndim == 1 and not q.dtype.is_complex:
            return T.Array(T.float64, 1, "C")
        raise inf.error(node.args[1], f"q of np.{name}() must be a number or a 1-d array")
    return rule


def _quantile_lowerer(name, scale):
    message = "Percentiles must be in the range [0, 100]" if scale == 100 else "Quantiles must be in the range [0, 1]"

    def lower(lw, node):
        b = lw.b
        arr_node, aty, arr = _arg(lw, node)
        q_node = node.args[1]
        qty = lw.type_of(q_node)
        def check_not_empty():   # after q's range, which NumPy checks first
            lw.check(b.icmp_signed("==", array_size(lw, arr, aty.ndim), _c(0)), "IndexError",
                     "index -1 is out of bounds for axis 0 with size 0")

        def fraction(qv):
            q = b.fdiv(qv, ir.Constant(f64, float(scale))) if scale != 1 else qv
            bad = b.or_(b.fcmp_unordered("<", q, ir.Constant(f64, 0.0)), b.fcmp_unordered(">", q, ir.Constant(f64, 1.0)))
            lw.check(bad, "ValueError", message)
            return q

        if isinstance(qty, T.Scalar):
            q = fraction(lw.cast(lw.expr(q_node), qty, T.float64))
            check_not_empty()
            work, n = sorted_copy(lw, arr, aty)
            result = quantile_of(lw, b.extract_value(work, 1), n, q)
        else:
            qs = lw.array_operand(q_node)
            count = b.extract_value(qs, [2, 0])
            qraw = b.bitcast(b.extract_value(qs, 1), i8p)
            stride = b.extract_value(qs, [3, 0])

            def q_at(k):
                ptr = b.bitcast(b.gep(qraw, [b.mul(k, stride)]), b.extract_value(qs, 1).type)
                return lw.cast(load(lw, ptr, qty.dtype), qty.dtype, T.float64)

            # every q is checked before anything is allocated
            lw.counted_loop(_c(0), count, _c(1), 1, lambda k: fraction(q_at(k)), name="quantiles.check")
            check_not_empty()
            work, n = sorted_copy(lw, arr, aty)
            data = b.extract_value(work, 1)
            result = allocate(lw, lw.type_of(node), [count])
            out = b.extract_value(result, 1)
            lw.counted_loop(_c(0), count, _c(1), 1,
                            lambda k: b.store(quantile_of(lw, data, n, fraction(q_at(k))), b.gep(out, [k])),
                            name="quantiles")
        release(lw, work)
        return result
    return lower


for _name, _scale in (("percentile", 100), ("quantile", 1)):
    typer(f"numpy.{_name}")(_quantile_rule(_name, _scale))
    lowerer(f"numpy.{_name}")(_quantile_lowerer(_name, _scale))
