"""Reductions as NumPy functions and array methods: sum prod mean min max argmin argmax
any all std var, over a whole array or along an axis (a constant or a variable).

Result dtypes are numba's (NumPy's): integer sums and products widen to int64 (uint64
for unsigned), mean/var/std of integers are float64, argmin/argmax int64.  The loops
live in reduce_engine.py; this table only says how each reduction folds.
"""

from __future__ import annotations

import ast
import math

from llvmlite import ir

from ..backend.llvm_types import i1, i64, value_type
from ..frontend import types as T
from ..frontend.syntax import _const_int
from .array_helpers import keyword_node, normalise_axis, release
from .fused_reductions import is_fused
from .reduce_engine import Reducer, reduce_all, reduce_axis, reduce_fused, runtime_axis
from .registry import lowerer, typer

# -- typing --


def call_parts(node, is_method):
    """(array node, positional nodes after it) of a.f(...) or np.f(a, ...)."""
    if is_method:
        return node.func.value, list(node.args)
    return node.args[0], list(node.args[1:])


def _is_method(owner, node):
    return owner.t.calls[node][1].startswith("method.")


def axis_node(node, rest):
    """The axis argument's node (positional or axis=), or None for the whole array."""
    found = rest[0] if rest else keyword_node(node, "axis")
    if isinstance(found, ast.Constant) and found.value is None:
        return None
    return found


def reduction_operand(inf, node, args, kws, name, allow_axis=True):
    """The array type of a reduction call, after checking its arguments; a constant axis
    is checked here, as numba does."""
    method = _is_method(inf, node)
    arr = args[0] if args else None
    if not isinstance(arr, T.Array):
        raise inf.error(node, f"{name}() needs an array argument")
    rest = node.args if method else node.args[1:]
    for k in kws:
        if k != "axis" or not allow_axis:
            raise inf.error(node, f"keyword argument {k!r} of {name}() is not supported")
    if len(rest) > (1 if allow_axis else 0) or (rest and "axis" in kws):
        raise inf.error(node, f"{name}() takes an array{' and an axis' if allow_axis else ''}")
    axis = axis_node(node, rest)
    if axis is not None:
        value = _const_int(axis)
        if value is not None:
            normalise_axis(inf, axis, value, arr.ndim)
        else:
            ty = inf.t.expr_types.get(axis)
            if not (isinstance(ty, T.Scalar) and ty.is_int):
                raise inf.error(axis, "axis must be an integer")
    return arr, axis


def result_type(arr, axis, dtype):
    if axis is None or arr.ndim == 1:
        return dtype
    return T.Array(dtype, arr.ndim - 1, "C")


def sum_dtype(d):
    if d.is_bool or d.kind == "i":
        return T.int64
    return T.uint64 if d.kind == "u" else d


def mean_dtype(d):
    return d if d.is_float or d.is_complex else T.float64


def var_dtype(d):
    if d.is_complex:
        return T.Scalar("f", d.bits // 2)
    return d if d.is_float else T.float64


def _rule(name, dtype_of, real_only=False):
    def rule(inf, node, args, kws):
        arr, axis = reduction_operand(inf, node, args, kws, name)
        if real_only and arr.dtype.is_complex:
            raise inf.error(node, f"{name}() of a complex array is not supported")
        return result_type(arr, axis, dtype_of(arr.dtype))
    return rule


def _paths(name):
    return (f"method.array.{name}", f"numpy.{name}")


typer(*_paths("sum"))(_rule("sum", sum_dtype))
typer(*_paths("prod"))(_rule("prod", sum_dtype))
typer(*_paths("mean"))(_rule("mean", mean_dtype))
typer(*_paths("var"))(_rule("var", var_dtype))
typer(*_paths("std"))(_rule("std", var_dtype))
typer(*_paths("min"), "numpy.amin")(_rule("min", lambda d: d, real_only=True))
typer(*_paths("max"), "numpy.amax")(_rule("max", lambda d: d, real_only=True))
typer(*_paths("argmin"))(_rule("argmin", lambda d: T.int64, real_only=True))
typer(*_paths("argmax"))(_rule("argmax", lambda d: T.int64, real_only=True))
typer(*_paths("any"))(_rule("any", lambda d: T.boolean))
typer(*_paths("all"))(_rule("all", lambda d: T.boolean))


# -- the reducers --

def _zero(ty, value=0):
    if ty.is_complex:
        part = value_type(T.Scalar("f", ty.bits // 2))
        return ir.Constant.literal_struct([ir.Constant(part, float(value)), ir.Constant(part, 0.0)])
    if ty.is_float:
        return ir.Constant(value_type(ty), float(value))
    return ir.Constant(value_type(ty), value)


def _extreme(ty, high):
    """The identity of min (high) or max (low) over ty."""
    if ty.is_float:
        return ir.Constant(value_type(ty), math.inf if high else -math.inf)
    if ty.is_bool:
        return ir.Constant(i1, int(high))
    if ty.kind == "u":
        return ir.Constant(value_type(ty), (1 << ty.bits) - 1 if high else 0)
    return ir.Constant(value_type(ty), (1 << (ty.bits - 1)) - 1 if high else -(1 << (ty.bits - 1)))


def _less(lw, a, b, ty):
    """a < b for real values of ty (false when either is NaN)."""
    if ty.is_float:
        return lw.b.fcmp_ordered("<", a, b)
    if ty.is_bool or ty.kind == "u":
        return lw.b.icmp_unsigned("<", a, b)
    return lw.b.icmp_signed("<", a, b)


def warn_if_empty(lw, n, message: str) -> None:
    """NumPy's RuntimeWarning for a mean or variance of nothing (the result is nan); an
    error if the warnings filter turns it into one."""
    b = lw.b
    with b.if_then(b.icmp_signed("==", n, ir.Constant(n.type, 0)), likely=False):
        lw.check_status(b.call(lw.unit.decl("aot_rt_runtime_warning"), [lw.unit.cstring(b, message)]))


def divide_by_count(lw, value, ty, n):
    """value / n for a float or complex value (0 / 0 is nan, as NumPy's mean of nothing)."""
    b = lw.b
    if ty.is_complex:
        part = T.Scalar("f", ty.bits // 2)
        count = lw.cast(n, T.int64, part)
        re, im = b.fdiv(b.extract_value(value, 0), count), b.fdiv(b.extract_value(value, 1), count)
        return b.insert_value(b.insert_value(value, re, 0), im, 1)
    return b.fdiv(value, lw.cast(n, T.int64, ty))


class Sum(Reducer):
    direct = True

    def __init__(self, ety, rty, product=False):
        self.ety, self.rty, self.product = ety, rty, product
        self.acc_types = (rty,)
        if rty.is_float and not product:
            self.pairwise = lambda lw, v, p: lw.cast(v, ety, rty)

    def init(self, lw, p):
        return [_zero(self.rty, 1 if self.product else 0)]

    def step(self, lw, acc, v, i, p):
        from .operators import arith
        return [arith(lw, ast.Mult if self.product else ast.Add, acc[0], self.rty, v, self.ety, self.rty)]


class Mean(Sum):
    direct = False

    def finish(self, lw, acc, n, p):
        warn_if_empty(lw, n, "Mean of empty slice.")
        return divide_by_count(lw, acc[0], self.rty, n)


class SquaredDeviation(Reducer):
    """Sum of |x - mean|**2 divided by n; mean_at(p) gives the line's mean."""

    def __init__(self, ety, mty, rty, mean_at, root):
        self.ety, self.mty, self.rty, self.mean_at, self.root = ety, mty, rty, mean_at, root
        self.acc_types = (rty,)
        self.pairwise = self.deviation

    def deviation(self, lw, v, p):
        b = lw.b
        d = lw.cast(v, self.ety, self.mty)
        m = self.mean_at(lw, p)
        if self.mty.is_complex:
            re = b.fsub(b.extract_value(d, 0), b.extract_value(m, 0))
            im = b.fsub(b.extract_value(d, 1), b.extract_value(m, 1))
            return b.fadd(b.fmul(re, re), b.fmul(im, im))
        x = b.fsub(d, m)
        return b.fmul(x, x)

    def init(self, lw, p):
        return [_zero(self.rty)]

    def step(self, lw, acc, v, i, p):
        return [lw.b.fadd(acc[0], self.deviation(lw, v, p))]

    def finish(self, lw, acc, n, p):
        warn_if_empty(lw, n, "Degrees of freedom <= 0 for slice")
        value = divide_by_count(lw, acc[0], self.rty, n)
        if self.root:
            return lw.b.call(lw.unit.intrinsic("llvm.sqrt", value.type), [value])
        return value


class MinMax(Reducer):
    direct = True

    def __init__(self, ety, want_max):
        self.ety, self.want_max = ety, want_max
        self.acc_types = (ety,)
        op = "maximum" if want_max else "minimum"
        self.empty_error = f"zero-size array to reduction operation {op} which has no identity"

    def init(self, lw, p):
        return [_extreme(self.ety, not self.want_max)]

    def step(self, lw, acc, v, i, p):
        b = lw.b
        cur = acc[0]
        better = _less(lw, cur, v, self.ety) if self.want_max else _less(lw, v, cur, self.ety)
        picked = b.select(better, v, cur)
        if self.ety.is_float:   # NaN wins, as in NumPy
            picked = b.select(b.fcmp_unordered("uno", cur, v), b.fadd(cur, v), picked)
        return [picked]


    def merge(self, lw, first, later):
        return self.step(lw, first, later[0], None, None)


class ArgMinMax(Reducer):
    needs_index = True

    def __init__(self, ety, want_max):
        self.ety, self.want_max = ety, want_max
        self.acc_types = (ety, T.int64)
        self.empty_error = f"attempt to get {'argmax' if want_max else 'argmin'} of an empty sequence"

    def init(self, lw, p):
        return [_extreme(self.ety, not self.want_max), ir.Constant(i64, 0)]

    def step(self, lw, acc, v, i, p):
        b = lw.b
        cur, at = acc
        if self.ety.is_float:
            # the first NaN wins: once the best is NaN nothing replaces it
            better = b.fcmp_unordered("ugt" if self.want_max else "ult", v, cur)
            better = b.and_(better, b.fcmp_ordered("ord", cur, cur))
        else:
            better = _less(lw, cur, v, self.ety) if self.want_max else _less(lw, v, cur, self.ety)
        return [b.select(better, v, cur), b.select(better, i, at)]

    def merge(self, lw, first, later):
        """The better of two lane states; on a tie (or two NaNs) the smaller index."""
        b = lw.b
        (v1, i1), (v2, i2) = first, later
        if self.ety.is_float:
            nan1, nan2 = b.fcmp_unordered("uno", v1, v1), b.fcmp_unordered("uno", v2, v2)
            strictly = b.fcmp_ordered(">" if self.want_max else "<", v2, v1)
            tie = b.fcmp_ordered("==", v2, v1)
            take = b.select(nan1, b.and_(nan2, b.icmp_signed("<", i2, i1)),
                            b.or_(nan2, b.or_(strictly, b.and_(tie, b.icmp_signed("<", i2, i1)))))
        else:
            strictly = _less(lw, v1, v2, self.ety) if self.want_max else _less(lw, v2, v1, self.ety)
            tie = b.icmp_unsigned("==", v1, v2)
            take = b.or_(strictly, b.and_(tie, b.icmp_signed("<", i2, i1)))
        return [b.select(take, v2, v1), b.select(take, i2, i1)]

    def finish(self, lw, acc, n, p):
        return acc[1]


class AnyAll(Reducer):
    direct = True

    def __init__(self, ety, is_all):
        self.ety, self.is_all = ety, is_all
        self.acc_types = (T.boolean,)

    def init(self, lw, p):
        return [ir.Constant(i1, int(self.is_all))]

    def step(self, lw, acc, v, i, p):
        truth = lw.to_bool(v, self.ety)
        return [lw.b.and_(acc[0], truth) if self.is_all else lw.b.or_(acc[0], truth)]


# -- lowering --

def reduce_call(lw, node, make, out_dtype=None):
    """Lower a reduction call with the Reducer make(element dtype, result dtype)."""
    arr_node, rest = call_parts(node, _is_method(lw, node))
    aty, rty = lw.type_of(arr_node), lw.type_of(node)
    dtype = rty.dtype if isinstance(rty, T.Array) else rty
    red = make(aty.dtype, dtype)
    if axis_node(node, rest) is None and is_fused(lw, arr_node):
        return reduce_fused(lw, red, arr_node, aty.dtype)
    arr = lw.array_operand(arr_node)
    axis = lowered_axis(lw, node, rest, aty.ndim)
    if axis is None or aty.ndim == 1:
        result = reduce_all(lw, red, arr, aty)
    else:
        result = reduce_axis(lw, red, arr, aty, axis, rty)
    return result


def lowered_axis(lw, node, rest, ndim):
    """None, a constant axis (an int in range) or an i64 checked at run time."""
    found = axis_node(node, rest)
    if found is None:
        return None
    value = _const_int(found)
    if value is not None:
        return value % ndim
    return runtime_axis(lw, lw.expr(found), lw.type_of(found), ndim)


def _lower(*paths):
    def register(make):
        lowerer(*paths)(lambda lw, node: reduce_call(lw, node, make))
        return make
    return register


_lower(*_paths("sum"))(lambda e, r: Sum(e, r))
_lower(*_paths("prod"))(lambda e, r: Sum(e, r, product=True))
_lower(*_paths("mean"))(lambda e, r: Mean(e, r))
_lower(*_paths("min"), "numpy.amin")(lambda e, r: MinMax(e, False))
_lower(*_paths("max"), "numpy.amax")(lambda e, r: MinMax(e, True))
_lower(*_paths("argmin"))(lambda e, r: ArgMinMax(e, False))
_lower(*_paths("argmax"))(lambda e, r: ArgMinMax(e, True))
_lower(*_paths("any"))(lambda e, r: AnyAll(e, False))
_lower(*_paths("all"))(lambda e, r: AnyAll(e, True))


def _spread(root):
    """var and std: the mean (a scalar or an array along the axis), then the mean
    squared deviation from it."""
    def lower(lw, node):
        arr_node, rest = call_parts(node, _is_method(lw, node))
        aty, rty = lw.type_of(arr_node), lw.type_of(node)
        dtype = rty.dtype if isinstance(rty, T.Array) else rty
        mty = mean_dtype(aty.dtype)
        arr = lw.array_operand(arr_node)    # two passes: an expression is materialised once (pinned)
        axis = lowered_axis(lw, node, rest, aty.ndim)
        if axis is None or aty.ndim == 1:
            mean = reduce_all(lw, Mean(aty.dtype, mty), arr, aty)
            red = SquaredDeviation(aty.dtype, mty, dtype, lambda lw, p: mean, root)
            result = reduce_all(lw, red, arr, aty)
        else:
            means = reduce_axis(lw, Mean(aty.dtype, mty), arr, aty, axis, T.Array(mty, aty.ndim - 1, "C"))
            data = lw.b.extract_value(means, 1)
            red = SquaredDeviation(aty.dtype, mty, dtype, lambda lw, p: lw.b.load(lw.b.gep(data, [p])), root)
            result = reduce_axis(lw, red, arr, aty, axis, rty)
            release(lw, means)
        return result
    return lower


lowerer(*_paths("var"))(_spread(False))
lowerer(*_paths("std"))(_spread(True))


def array_sum(lw, arr_node, aty, rty):
    """sum(a) of the builtins table: np.sum over the whole array."""
    if is_fused(lw, arr_node):
        return reduce_fused(lw, Sum(aty.dtype, rty), arr_node, aty.dtype)
    arr = lw.array_operand(arr_node)
    result = reduce_all(lw, Sum(aty.dtype, rty), arr, aty)
    return result
