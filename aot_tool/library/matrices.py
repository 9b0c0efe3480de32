"""Diagonal matrices and diagonals: np.eye, np.identity, np.diag, np.trace.

np.diag of a 2-d array returns a new array (as numba does; NumPy returns a read-only
view), with the same values.
"""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i64, value_type
from ..frontend import types as T
from .array_helpers import (allocate, dtype_arg, element_ptr, int_value, load, positional_dtype, shape_of,
                            store)
from .registry import lowerer, typer


def _int(inf, node, ty, what):
    if not (isinstance(ty, T.Scalar) and ty.is_int):
        raise inf.error(node, f"{what} must be an integer")


def _eye_args(node):
    """The N, M and k argument nodes of np.eye (M and k may be None)."""
    names = ["N", "M", "k"]
    given = dict(zip(names, node.args))
    given.update({kw.arg: kw.value for kw in node.keywords if kw.arg in names})
    return given.get("N"), given.get("M"), given.get("k")


@typer("numpy.eye")
def _eye_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 3) if len(args) == 4 else (args, kws)
    if not 1 <= len(args) <= 3 or set(kws) - {"M", "k", "dtype"}:
        raise inf.error(node, "np.eye() takes N, M, k and dtype")
    for name, a in zip("NMk", args):
        _int(inf, node, a, name)
    for name in ("M", "k"):
        if name in kws and not (name == "M" and isinstance(kws[name], T.NoneType)):
            _int(inf, node, kws[name], name)
    return T.Array(dtype_arg(inf, node, {k: v for k, v in kws.items() if k == "dtype"}, T.float64), 2, "C")


@typer("numpy.identity")
def _identity_type(inf, node, args, kws):
    args, kws = positional_dtype(inf, node, args, kws, 1)
    if len(args) != 1:
        raise inf.error(node, "np.identity() takes n and dtype")
    _int(inf, node, args[0], "n")
    return T.Array(dtype_arg(inf, node, kws, T.float64), 2, "C")


def _diagonal_matrix(lw, aty, n, m, k):
    """An n x m zero matrix with ones on diagonal k."""
    b = lw.b
    arr = allocate(lw, aty, [n, m], zero=True)
    one = lw.cast(ir.Constant(i64, 1), T.int64, aty.dtype)
    row, col, count = _offsets(lw, n, m, k)
    lo, hi = row, b.add(row, count)

    def body(i):
        store(lw, one, element_ptr(lw, arr, aty, [i, b.add(i, k)]), aty.dtype)

    lw.counted_loop(lo, hi, ir.Constant(i64, 1), 1, body, name="eye")
    return arr


@lowerer("numpy.eye")
def _eye(lw, node):
    n_node, m_node, k_node = _eye_args(node)
    n = int_value(lw, n_node)
    m = n if m_node is None or isinstance(lw.type_of(m_node), T.NoneType) else int_value(lw, m_node)
    k = ir.Constant(i64, 0) if k_node is None else int_value(lw, k_node)
    return _diagonal_matrix(lw, lw.type_of(node), n, m, k)


@lowerer("numpy.identity")
def _identity(lw, node):
    n = int_value(lw, node.args[0])
    return _diagonal_matrix(lw, lw.type_of(node), n, n, ir.Constant(i64, 0))


@typer("numpy.diag")
def _diag_type(inf, node, args, kws):
    if not 1 <= len(args) <= 2 or set(kws) - {"k"} or len(args) == 2 and kws:
        raise inf.error(node, "np.diag() takes an array and k")
    a = args[0]
    if not isinstance(a, T.Array) or a.ndim > 2:
        raise inf.error(node, "np.diag() needs a 1-d or 2-d array")
    for t in args[1:] + list(kws.values()):
        _int(inf, node, t, "k")
    return T.Array(a.dtype, 3 - a.ndim, "C")


def _offsets(lw, n, m, k):
    """(first row, first column, count) of diagonal k of an n x m matrix (n, m >= 0)."""
    b = lw.b
    zero = ir.Constant(i64, 0)
    # a diagonal beyond the matrix is empty: clamp k to [-n, m] so that -k cannot overflow
    k = b.select(b.icmp_signed("<", k, b.sub(zero, n)), b.sub(zero, n), k)
    k = b.select(b.icmp_signed(">", k, m), m, k)
    negative = b.icmp_signed("<", k, zero)
    row = b.select(negative, b.sub(zero, k), zero)
    col = b.select(negative, zero, k)
    rows_left, cols_left = b.sub(n, row), b.sub(m, col)
    count = b.select(b.icmp_signed("<", rows_left, cols_left), rows_left, cols_left)
    return row, col, b.select(b.icmp_signed("<", count, zero), zero, count)


@lowerer("numpy.diag")
def _diag(lw, node):
    src = node.args[0]
    aty, rty = lw.type_of(src), lw.type_of(node)
    k_node = node.args[1] if len(node.args) == 2 else (node.keywords[0].value if node.keywords else None)
    k = ir.Constant(i64, 0) if k_node is None else int_value(lw, k_node)
    arr = lw.array_operand(src)
    b = lw.b
    if aty.ndim == 1:
        n = shape_of(lw, arr, 1)[0]
        size = b.add(n, b.select(b.icmp_signed("<", k, ir.Constant(i64, 0)), b.sub(ir.Constant(i64, 0), k), k))
        out = allocate(lw, rty, [size, size], zero=True)
        row, col, _ = _offsets(lw, size, size, k)

        def put(i):
            value = load(lw, element_ptr(lw, arr, aty, [i]), aty.dtype)
            store(lw, value, element_ptr(lw, out, rty, [b.add(row, i), b.add(col, i)]), rty.dtype)

        lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1, put, name="diag")
        return out
    n, m = shape_of(lw, arr, 2)
    row, col, count = _offsets(lw, n, m, k)
    out = allocate(lw, rty, [count])

    def take(i):
        value = load(lw, element_ptr(lw, arr, aty, [b.add(row, i), b.add(col, i)]), aty.dtype)
        store(lw, value, element_ptr(lw, out, rty, [i]), rty.dtype)

    lw.counted_loop(ir.Constant(i64, 0), count, ir.Constant(i64, 1), 1, take, name="diag")
    return out


@typer("numpy.trace", "method.array.trace")
def _trace_type(inf, node, args, kws):
    a = args[0] if args else None
    if not isinstance(a, T.Array) or a.ndim != 2 or len(args) > 2 or set(kws) - {"offset"}:
        raise inf.error(node, "np.trace() takes a 2-d array and offset")
    for t in args[1:] + list(kws.values()):
        _int(inf, node, t, "offset")
    d = a.dtype
    return T.int64 if d.is_bool or d.kind == "i" else (T.uint64 if d.kind == "u" else d)


@lowerer("numpy.trace", "method.array.trace")
def _trace(lw, node):
    from .operators import arith
    import ast
    method = lw.t.calls[node][1].startswith("method.")
    src = node.func.value if method else node.args[0]
    rest = node.args if method else node.args[1:]
    k_node = rest[0] if rest else (node.keywords[0].value if node.keywords else None)
    aty, rty = lw.type_of(src), lw.type_of(node)
    arr = lw.array_operand(src)
    k = ir.Constant(i64, 0) if k_node is None else int_value(lw, k_node)
    b = lw.b
    n, m = shape_of(lw, arr, 2)
    row, col, count = _offsets(lw, n, m, k)
    acc = lw.alloca_entry(value_type(rty))
    b.store(lw.cast(ir.Constant(i64, 0), T.int64, rty), acc)

    def add(i):
        value = load(lw, element_ptr(lw, arr, aty, [b.add(row, i), b.add(col, i)]), aty.dtype)
        b.store(arith(lw, ast.Add, b.load(acc), rty, value, aty.dtype, rty), acc)

    lw.counted_loop(ir.Constant(i64, 0), count, ir.Constant(i64, 1), 1, add, name="trace")
    return b.load(acc)
