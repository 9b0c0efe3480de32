"""Typing of elementwise array expressions: operators and ufuncs with an array operand.

Such a node's type is a C-contiguous array whose dtype NumPy's ufunc type resolution
gives for the operands' *element* types, Python scalars counting as int64, float64
or complex128 (numba's rule: `int32 array + 1` is int64, `f4 array * 2.0` float64).
The element type is recorded in `Typed.elem_types`; the lowering
(backend/array_expr.py) runs the scalar lowering of the same nodes on elements.
The existing scalar typing still checks each operation (complex `//` stays an error).
"""

from __future__ import annotations

import ast
import functools

import numpy as np

from ..frontend import types as T

BINOP_UFUNCS = {ast.Add: "add", ast.Sub: "subtract", ast.Mult: "multiply", ast.Div: "true_divide",
                ast.FloorDiv: "floor_divide", ast.Mod: "remainder", ast.Pow: "power", ast.BitAnd: "bitwise_and",
                ast.BitOr: "bitwise_or", ast.BitXor: "bitwise_xor", ast.LShift: "left_shift",
                ast.RShift: "right_shift"}
UNARY_UFUNCS = {ast.USub: "negative", ast.UAdd: "positive", ast.Invert: "invert"}
COMPARE_UFUNCS = {ast.Eq: "equal", ast.NotEq: "not_equal", ast.Lt: "less", ast.LtE: "less_equal",
                  ast.Gt: "greater", ast.GtE: "greater_equal"}

# library path of a scalar function -> the NumPy ufunc that types it on arrays
_SAME_NAME = ("sqrt exp log log10 log2 log1p expm1 sin cos tan arcsin arccos arctan arctan2 sinh cosh tanh "
              "arcsinh arccosh arctanh hypot fabs copysign power exp2 cbrt fmod rint nextafter floor ceil trunc "
              "isnan isinf isfinite absolute sign spacing square deg2rad rad2deg radians degrees "
              "maximum minimum fmax fmin add subtract multiply divide true_divide floor_divide remainder mod "
              "negative positive logical_and logical_or logical_xor logical_not equal not_equal less "
              "less_equal greater greater_equal bitwise_and bitwise_or bitwise_xor invert conj conjugate").split()
FUNCTION_UFUNCS = {f"numpy.{n}": n for n in _SAME_NAME}
FUNCTION_UFUNCS.update({"numpy.abs": "absolute", "builtins.abs": "absolute", "numpy.asin": "arcsin",
                        "numpy.acos": "arccos", "numpy.atan": "arctan", "numpy.atan2": "arctan2",
                        "numpy.asinh": "arcsinh", "numpy.acosh": "arccosh", "numpy.atanh": "arctanh",
                        "numpy.pow": "power"})
# functions elementwise over all their arguments that are not NumPy ufuncs
OTHER_ELEMENTWISE = {"numpy.where", "numpy.clip"}


def is_elementwise_call(path: str) -> bool:
    return path in FUNCTION_UFUNCS or path in OTHER_ELEMENTWISE


def numpy_dtype(s: T.Scalar) -> np.dtype:
    return np.dtype("?" if s.is_bool else f"{s.kind}{s.bits // 8}")


def from_numpy(dt: np.dtype) -> T.Scalar:
    return T.boolean if dt.kind == "b" else T.Scalar(dt.kind, dt.itemsize * 8)


@functools.lru_cache(maxsize=None)
def ufunc_result(name: str, elems: tuple):
    """The output element type of the first loop of the ufunc that every operand casts
    to safely (NumPy's and numba's loop selection), skipping float16 loops, which numba
    does not have (so np.sqrt of int8 is float32); None without a loop."""
    ufunc = getattr(np, name)
    ins = [numpy_dtype(e) for e in elems]
    for loop in ufunc.types:
        sig_in, sig_out = loop.split("->")
        if len(sig_in) != len(ins) or any(c in "eOmMgGUSV" for c in loop):
            continue
        try:
            if all(np.can_cast(i, np.dtype(c), "safe") for i, c in zip(ins, sig_in)):
                return from_numpy(np.dtype(sig_out[0]))
        except TypeError:
            continue
    return None


def _elements(inf, nodes, types):
    elems, ndim = [], 0
    for n, t in zip(nodes, types):
        if isinstance(t, T.Array):
            elems.append(t.dtype)
            ndim = max(ndim, t.ndim)
        elif isinstance(t, T.Scalar):
            elems.append(t)
        else:
            raise inf.error(n, f"cannot use {t.name} in an array expression")
    return elems, ndim


def _result(inf, node, ufunc, elems, ndim, fallback=None):
    elem = ufunc_result(ufunc, tuple(elems)) if ufunc else fallback
    if elem is None:
        if fallback is None:
            names = ", ".join(e.name for e in elems)
            raise inf.error(node, f"np.{ufunc} is not defined for arrays of {names}")
        elem = fallback
    inf.t.elem_types[node] = elem
    return T.Array(elem, ndim, "C")


def binop_array_type(inf, node, a, b):
    from .operators import binop_type
    op = type(node.op)
    if op is ast.MatMult:
        from .linalg import matmul_type
        return matmul_type(inf, node, a, b)
    elems, ndim = _elements(inf, [node.left, node.right], [a, b])
    if op is ast.Sub and all(e.is_bool for e in elems):
        return _result(inf, node, None, elems, ndim, T.int8)   # numba: bool - bool is int8
    binop_type(inf, node, *elems)
    if op is ast.Pow and isinstance(a, T.Array) and a.dtype.is_float and isinstance(b, T.Scalar) \
            and (b.is_int or b.is_bool):
        return _result(inf, node, None, elems, ndim, a.dtype)  # numba keeps f4 array ** int in float32
    return _result(inf, node, BINOP_UFUNCS[op], elems, ndim)


def unary_array_type(inf, node, ty):
    op = type(node.op)
    if op is ast.Not:
        raise inf.error(node, f"`not` of {ty.name} is ambiguous; use ~ or np.logical_not")
    elem = ty.dtype
    if op is ast.USub and elem.is_bool:
        return _result(inf, node, None, [elem], ty.ndim, T.int8)   # numba: -bool_array is int8
    if op is ast.Invert and not (elem.is_int or elem.is_bool):
        raise inf.error(node, f"~ needs an integer or boolean array, not {ty.name}")
    return _result(inf, node, UNARY_UFUNCS[op], [elem], ty.ndim)


def compare_array_type(inf, node, types):
    from .operators import compare_check
    if len(node.ops) != 1:
        raise inf.error(node, "chained comparisons of arrays are ambiguous; combine them with &")
    op = node.ops[0]
    if isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)):
        raise inf.error(node, "`is` and `in` are not supported on arrays")
    elems, ndim = _elements(inf, [node.left] + node.comparators, types)
    compare_check(inf, node, op, *elems)
    return _result(inf, node, COMPARE_UFUNCS[type(op)], elems, ndim)


def call_array_type(inf, node, path, args, kws):
    """A ufunc or np.where/np.clip with an array argument; None when none is an array."""
    from .registry import TYPERS
    if not any(isinstance(a, T.Array) for a in args) or path == "numpy.where" and len(args) == 1:
        return None     # np.where(cond) gives indices, not elements (library/selection.py)
    if kws:
        raise inf.error(node, f"keyword arguments of {_display(path)}() on arrays are not supported "
                              "(numba takes out as the last positional argument)")
    ufunc = FUNCTION_UFUNCS.get(path)
    if ufunc in _NUMPY_HAS and path != "builtins.abs" and len(args) == getattr(np, ufunc).nin + 1:
        return _ufunc_with_out(inf, node, args)
    elems, ndim = _elements(inf, node.args, args)
    scalar = TYPERS[path](inf, node, elems, {})
    if path == "numpy.clip":
        return _result(inf, node, None, elems, ndim, elems[0])   # numba keeps the array's dtype
    if path == "numpy.where":
        return _result(inf, node, None, elems, ndim, scalar)
    ufunc = FUNCTION_UFUNCS[path]
    if path == "builtins.abs" or ufunc not in _NUMPY_HAS:
        return _result(inf, node, None, elems, ndim, scalar)
    return _result(inf, node, ufunc, elems, ndim)


_NUMPY_HAS = {n for n in set(FUNCTION_UFUNCS.values()) if isinstance(getattr(np, n, None), np.ufunc)}


def _ufunc_with_out(inf, node, args):
    """`np.add(a, b, out)`: the ufunc of the inputs stored into `out` (broadcast, NumPy's
    same_kind casting), which is also the result, as in numba.  The call without `out`
    is a made-up node of this specialisation (`Typed.ufunc_outs`)."""
    out_node, out_ty = node.args[-1], args[-1]
    if not isinstance(out_ty, T.Array):
        raise inf.error(out_node, f"the output argument must be an array, not {out_ty.name}")
    entry = inf.t.ufunc_outs.get(node)
    if entry is None:
        call = ast.copy_location(ast.Call(func=node.func, args=node.args[:-1], keywords=[]), node)
        inf.t.ufunc_outs[node] = entry = (call, out_node)
    value = inf.expr(entry[0])
    if value is None:
        return None
    check_view_store(inf, out_node, out_ty, value, node, True)
    inf.stored_vars.add(out_node.id if isinstance(out_node, ast.Name) else "*")
    return out_ty


def check_view_store(inf, target, view, value, value_node, augmented) -> None:
    """`view[...] = value` or `view op= value`: the value broadcasts to the view and
    casts to its dtype (any real cast for a store, as numba; NumPy's same_kind
    casting for augmented assignment, which NumPy refuses otherwise)."""
    if not isinstance(view, T.Array):
        what = "an array expression" if isinstance(value, T.Array) else value.name
        raise inf.error(target, f"cannot store {what} into a single element of type {view.name}")
    if isinstance(value, T.Array):
        if value.ndim > view.ndim:
            raise inf.error(value_node, f"cannot store a {value.ndim}-d array into a {view.ndim}-d view")
        elem = value.dtype
    elif isinstance(value, T.Scalar):
        elem = value
    else:
        raise inf.error(value_node, f"cannot store {value.name} into an array")
    if augmented:
        if not np.can_cast(numpy_dtype(elem), numpy_dtype(view.dtype), "same_kind"):
            raise inf.error(target, f"the result ({elem.name}) cannot be stored in place into an array of "
                                    f"{view.dtype.name} (NumPy's same_kind casting); write a = a op b")
    elif elem.is_complex and not view.dtype.is_complex:
        raise inf.error(value_node, f"cannot store {elem.name} into an array of {view.dtype.name}")


def _display(path: str) -> str:
    return path.replace("numpy.", "np.").replace("builtins.", "")
