"""np.array and np.asarray: arrays from list and tuple literals (nested for more
dimensions), from tuples held in variables, and (np.asarray) from arrays.

The shape of a literal is known at compile time: nesting gives the dimensions, and
lists of unequal length are a compile error (NumPy would make a ragged object array,
which nopython code cannot hold).  The dtype is NumPy's promotion of the items, or
dtype=.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i64
from ..frontend import types as T
from .array_helpers import allocate, copied, dtype_arg, owned_result, positional_dtype, store
from .registry import lowerer, typer


def _nested_shape(inf, node, ty):
    """(shape, leaf types) of a nested tuple type; a located error if it is ragged."""
    if isinstance(ty, T.Scalar):
        return (), [ty]
    if not isinstance(ty, T.Tuple):
        raise inf.error(node, f"np.array() takes numbers, or lists and tuples of numbers, not {ty.name}")
    if not ty.items:
        raise inf.error(node, "np.array() of an empty sequence is not supported (its dtype is unknown)")
    shapes, leaves = [], []
    for item in ty.items:
        shape, item_leaves = _nested_shape(inf, node, item)
        shapes.append(shape)
        leaves += item_leaves
    if any(s != shapes[0] for s in shapes):
        raise inf.error(node, "the nested sequences have different lengths (a ragged array is not supported)")
    return (len(ty.items),) + shapes[0], leaves


def _literal_type(inf, node, ty, kws):
    shape, leaves = _nested_shape(inf, node, ty)
    if not shape:
        raise inf.error(node, "0-d arrays are not supported; use the number itself")
    dtype = leaves[0]
    for leaf in leaves[1:]:
        dtype = T.unify(dtype, leaf)
    return T.Array(dtype_arg(inf, node, kws, dtype), len(shape), "C")


@typer("numpy.array")
def _array_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 1)
    if len(args) != 1:
        raise inf.error(node, "np.array() takes one sequence (and dtype=)")
    if isinstance(args[0], T.Array):
        a = args[0]
        return T.Array(dtype_arg(inf, node, kws, a.dtype), a.ndim, "C")
    return _literal_type(inf, node.args[0], args[0], kws)


@typer("numpy.asarray")
def _asarray_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 1)
    if len(args) != 1:
        raise inf.error(node, "np.asarray() takes one sequence or array (and dtype=)")
    if isinstance(args[0], T.Array):
        a = args[0]
        dtype = dtype_arg(inf, node, kws, a.dtype)
        return a if dtype == a.dtype else T.Array(dtype, a.ndim, "F" if a.layout == "F" else "C")
    return _literal_type(inf, node.args[0], args[0], kws)


def _leaves(lw, node, ty):
    """(value, type) of every number in a literal or tuple value, in C order."""
    if isinstance(node, (ast.List, ast.Tuple)):
        out = []
        for e, t in zip(node.elts, ty.items):
            out += _leaves(lw, e, t)
        return out
    return _value_leaves(lw, lw.expr(node), ty)


def _value_leaves(lw, value, ty):
    if isinstance(ty, T.Scalar):
        return [(value, ty)]
    out = []
    for i, t in enumerate(ty.items):
        out += _value_leaves(lw, lw.b.extract_value(value, i), t)
    return out


def _from_literal(lw, node):
    aty = lw.type_of(node)
    src = node.args[0]
    shape = _shape_of_type(lw.type_of(src))
    leaves = _leaves(lw, src, lw.type_of(src))
    arr = allocate(lw, aty, [ir.Constant(i64, n) for n in shape])
    data = lw.b.extract_value(arr, 1)
    for k, (value, ty) in enumerate(leaves):
        store(lw, lw.cast(value, ty, aty.dtype), lw.b.gep(data, [ir.Constant(i64, k)]), aty.dtype)
    return arr


def _shape_of_type(ty):
    if isinstance(ty, T.Scalar):
        return ()
    return (len(ty.items),) + _shape_of_type(ty.items[0])


@lowerer("numpy.array")
def _array(lw, node):
    if isinstance(lw.type_of(node.args[0]), T.Array):
        return copied(lw, node, node.args[0])
    return _from_literal(lw, node)


@lowerer("numpy.asarray")
def _asarray(lw, node):
    src = node.args[0]
    sty = lw.type_of(src)
    if isinstance(sty, T.Array):
        if sty == lw.type_of(node):
            return owned_result(lw, src, lw.expr(src))       # no copy: the same array
        return copied(lw, node, src)
    return _from_literal(lw, node)
