"""Views that reorder or add axes: np.swapaxes, np.moveaxis (constant axes),
np.atleast_1d/2d/3d, np.broadcast_to (a constant number of dimensions).

Each shares its operand's memory and takes a reference to it, as a call's result does.
"""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i64
from ..frontend import types as T
from ..frontend.syntax import _const_int
from .array_helpers import make_view, owned_result, shape_of, shape_values, strides_of
from .selection import broadcast_view
from .registry import lowerer, typer


def _axis(error, node, ndim):
    value = _const_int(node)
    if value is None:
        raise error(node, "the axis must be an integer constant")
    if not -ndim <= value < ndim:
        raise error(node, f"axis {value} is out of bounds for array of dimension {ndim}")
    return value % ndim


def _permutation(error, node, ndim, path):
    """The axis order np.swapaxes(a, i, j) or np.moveaxis(a, src, dst) gives."""
    first, second = _axis(error, node.args[1], ndim), _axis(error, node.args[2], ndim)
    order = list(range(ndim))
    if path == "numpy.swapaxes":
        order[first], order[second] = order[second], order[first]
        return tuple(order)
    order.remove(first)
    order.insert(second, first)
    return tuple(order)


def _accepted(node, message):
    raise AssertionError(f"typing accepted this call: {message}")


@typer("numpy.swapaxes", "numpy.moveaxis")
def _reorder_type(inf, node, args, kws):
    name = inf.t.calls[node][1][6:]
    if len(args) != 3 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, f"np.{name}() takes an array and two constant axes")
    aty = args[0]
    perm = _permutation(inf.error, node, aty.ndim, inf.t.calls[node][1])
    layout = aty.layout if perm == tuple(range(aty.ndim)) else "A"
    return T.Array(aty.dtype, aty.ndim, layout)


@lowerer("numpy.swapaxes", "numpy.moveaxis")
def _reorder(lw, node):
    src = node.args[0]
    aty = lw.type_of(src)
    perm = _permutation(_accepted, node, aty.ndim, lw.t.calls[node][1])
    arr = owned_result(lw, src, lw.expr(src))
    shape, strides = shape_of(lw, arr, aty.ndim), strides_of(lw, arr, aty.ndim)
    return make_view(lw, lw.type_of(node), lw.b.extract_value(arr, 0), lw.b.extract_value(arr, 1),
                     [shape[p] for p in perm], [strides[p] for p in perm])


_AT_LEAST = {"numpy.atleast_1d": 1, "numpy.atleast_2d": 2, "numpy.atleast_3d": 3}


@typer(*_AT_LEAST)
def _at_least_type(inf, node, args, kws):
    path = inf.t.calls[node][1]
    if len(args) != 1 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, f"np.{path[6:]}() takes one array here")
    aty = args[0]
    ndim = max(aty.ndim, _AT_LEAST[path])
    return T.Array(aty.dtype, ndim, aty.layout if ndim == aty.ndim or aty.layout == "C" else "A")


def _at_least_dims(lw, path, shape, strides, itemsize):
    """NumPy's rule: 1-d (n,) becomes (1, n) for 2-d and (1, n, 1) for 3-d; 2-d (m, n)
    becomes (m, n, 1) for 3-d.  New axes have length 1."""
    one, unit = ir.Constant(i64, 1), ir.Constant(i64, itemsize)
    want, have = _AT_LEAST[path], len(shape)
    if have >= want:
        return shape, strides
    if have == 1:
        shape, strides = [one] + shape, [b_stride(lw, shape, strides, unit)] + strides
        have = 2
    if want == 3 and have == 2:
        shape, strides = shape + [one], strides + [unit]
    return shape, strides


def b_stride(lw, shape, strides, unit):
    """A stride for a new leading length-1 axis that keeps a C array C-contiguous."""
    return lw.b.mul(shape[0], strides[0]) if shape else unit


@lowerer(*_AT_LEAST)
def _at_least(lw, node):
    src = node.args[0]
    aty = lw.type_of(src)
    arr = owned_result(lw, src, lw.expr(src))
    shape, strides = _at_least_dims(lw, lw.t.calls[node][1], shape_of(lw, arr, aty.ndim),
                                    strides_of(lw, arr, aty.ndim), aty.dtype.itemsize)
    return make_view(lw, lw.type_of(node), lw.b.extract_value(arr, 0), lw.b.extract_value(arr, 1), shape, strides)


@typer("numpy.broadcast_to")
def _broadcast_to_type(inf, node, args, kws):
    if len(args) != 2 or kws or not isinstance(args[0], T.Array):
        raise inf.error(node, "np.broadcast_to() takes an array and a shape")
    shape = args[1]
    if isinstance(shape, T.Scalar) and shape.is_int:
        ndim = 1
    elif isinstance(shape, T.Tuple) and shape.items and all(isinstance(t, T.Scalar) and t.is_int for t in shape.items):
        ndim = len(shape.items)
    else:
        raise inf.error(node.args[1], "the shape must be an int or a tuple of ints")
    if ndim < args[0].ndim:
        raise inf.error(node, "input operand has more dimensions than allowed by the axis remapping")
    return T.Array(args[0].dtype, ndim, "A")


@lowerer("numpy.broadcast_to")
def _broadcast_to(lw, node):
    src = node.args[0]
    aty = lw.type_of(src)
    shape = shape_values(lw, node.args[1])
    arr = lw.expr(src)
    lw.check(_any_negative(lw, shape), "ValueError", "all elements of broadcast shape must be non-negative")
    view = broadcast_view(lw, arr, aty, shape, ["operands could not be broadcast together with remapped shapes "
                                                 "[original->remapped]: "], "  and requested shape ")
    owned_result(lw, src, arr)     # the reference, once the shapes are known to fit
    return view


def _any_negative(lw, values):
    b = lw.b
    out = ir.Constant(ir.IntType(1), 0)
    for v in values:
        out = b.or_(out, b.icmp_signed("<", v, ir.Constant(i64, 0)))
    return out
