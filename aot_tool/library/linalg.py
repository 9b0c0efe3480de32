"""Linear algebra: np.dot, @, np.matmul, np.vdot, np.outer, np.kron and np.linalg, with numba's
result types.  Every entry calls NumPy's own function through the bridge (numpy_call.py),
so the BLAS/LAPACK NumPy ships does the work and no SciPy is needed; errors are NumPy's
(numpy.linalg.LinAlgError for a singular matrix, as numba raises).  A 1-d·1-d product
of real arrays is a native loop instead: inner loops call it, and the bridge costs ~1 µs.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i64, value_type
from ..frontend import types as T
from .numpy_call import Arg, call_numpy, keyword_args, value_arg, want_array
from .registry import LIBRARY_MODULES, lowerer, typer

LIBRARY_MODULES.add("numpy.linalg")


def linalg_dtype(d: T.Scalar) -> T.Scalar:
    """The dtype LAPACK computes in: integers and booleans go to float64."""
    return d if d.is_float or d.is_complex else T.float64


def real_of(d: T.Scalar) -> T.Scalar:
    return T.Scalar("f", d.bits // 2) if d.is_complex else d


def _product_type(inf, node, a, b, fname):
    want_array(inf, node, a, fname, what="first argument")
    want_array(inf, node, b, fname, what="second argument")
    dtype = T.unify(a.dtype, b.dtype)
    if a.ndim == 1 and b.ndim == 1:
        return dtype
    return T.Array(dtype, 1 if 1 in (a.ndim, b.ndim) else 2, "C")


@typer("numpy.dot", "numpy.matmul")
def _dot_type(inf, node, args, kws):
    if len(args) != 2 or kws:
        raise inf.error(node, "np.dot()/np.matmul() take two arrays (out= is not supported)")
    return _product_type(inf, node, args[0], args[1], "np.dot")


@typer("method.array.dot")
def _method_dot_type(inf, node, args, kws):
    if len(args) != 2 or kws:
        raise inf.error(node, "a.dot() takes one array")
    return _product_type(inf, node, args[0], args[1], "a.dot")


def matmul_type(inf, node, a, b):
    """The type of `a @ b` (library/operators.py hands array operands of @ here)."""
    return _product_type(inf, node, a, b, "@")


def _native_dot(lw, x, y, xty, yty, rty, path):
    """sum(x[k] * y[k]) for 1-d real arrays, in a loop LLVM vectorises; lengths that
    differ raise NumPy's ValueError for np.dot or np.matmul (`path`)."""
    from .array_messages import check_formatted
    from .operators import arith
    b = lw.b
    n, m = b.extract_value(x, [2, 0]), b.extract_value(y, [2, 0])
    if path == "numpy.matmul":
        pieces = ["matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                  "signature (n?,k),(k,m?)->(n?,m?) (size ", m, " is different from ", n, ")"]
    else:
        pieces = ["shapes (", n, ",) and (", m, ",) not aligned: ", n, " (dim 0) != ", m, " (dim 0)"]
    check_formatted(lw, b.icmp_signed("!=", n, m), "ValueError", pieces)
    acc = lw.alloca_entry(value_type(rty))
    b.store(ir.Constant(value_type(rty), 0), acc)
    strided = []
    for arr, aty in ((x, xty), (y, yty)):
        strided.append((b.extract_value(arr, 1), b.sdiv(b.extract_value(arr, [3, 0]),
                                                        ir.Constant(i64, aty.dtype.itemsize))))

    def body(k):
        vals = []
        for (data, step), aty in zip(strided, (xty, yty)):
            v = b.load(b.gep(data, [b.mul(k, step)]))
            vals.append(lw.cast(v, aty.dtype, rty))
        prod = arith(lw, ast.Mult, vals[0], rty, vals[1], rty, rty)
        if rty.is_float:
            total = b.fadd(b.load(acc), prod)
            total.flags.append("reassoc")   # lets LLVM vectorise the sum, as BLAS does
        else:
            total = b.add(b.load(acc), prod)
        b.store(total, acc)

    lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1, body, name="dot")
    return b.load(acc)


def lower_product(lw, node, left, right, path="numpy.dot"):
    lty, rty, ty = lw.type_of(left), lw.type_of(right), lw.type_of(node)
    if isinstance(ty, T.Scalar) and (ty.is_float or ty.is_int):
        x, y = lw.array_operand(left), lw.array_operand(right)
        return _native_dot(lw, x, y, lty, rty, ty, path)
    return call_numpy(lw, path, [value_arg(lw, left), value_arg(lw, right)], ty)


@lowerer("numpy.dot")
def _dot(lw, node):
    return lower_product(lw, node, node.args[0], node.args[1])


@lowerer("numpy.matmul")
def _matmul(lw, node):
    return lower_product(lw, node, node.args[0], node.args[1], "numpy.matmul")


@lowerer("method.array.dot")
def _method_dot(lw, node):
    return lower_product(lw, node, node.func.value, node.args[0])


def lower_matmul(lw, node):
    return lower_product(lw, node, node.left, node.right, "numpy.matmul")


@typer("numpy.vdot")
def _vdot_type(inf, node, args, kws):
    if len(args) != 2 or kws:
        raise inf.error(node, "np.vdot() takes two arrays")
    a = want_array(inf, node, args[0], "np.vdot", ndims=range(1, 33))
    b = want_array(inf, node, args[1], "np.vdot", ndims=range(1, 33))
    return T.unify(a.dtype, b.dtype)


@typer("numpy.outer")
def _outer_type(inf, node, args, kws):
    if len(args) != 2 or kws:
        raise inf.error(node, "np.outer() takes two arrays (out= is not supported)")
    a = want_array(inf, node, args[0], "np.outer", ndims=range(1, 33))
    b = want_array(inf, node, args[1], "np.outer", ndims=range(1, 33))
    return T.Array(T.unify(a.dtype, b.dtype), 2, "C")


# np.linalg.*: (parameters, number required) and the result type from the bound arguments
def _square(inf, node, a, fname):
    return want_array(inf, node, a, fname, ndims=(2,))


def _inv(inf, node, p):
    return T.Array(linalg_dtype(_square(inf, node, p["a"], "inv").dtype), 2, "C")


def _det(inf, node, p):
    return linalg_dtype(_square(inf, node, p["a"], "det").dtype)


def _cholesky(inf, node, p):
    return T.Array(linalg_dtype(_square(inf, node, p["a"], "cholesky").dtype), 2, "C")


def _pinv(inf, node, p):
    return T.Array(linalg_dtype(_square(inf, node, p["a"], "pinv").dtype), 2, "C")


def _matrix_power(inf, node, p):
    a = _square(inf, node, p["a"], "matrix_power")
    n = p["n"]
    if not (isinstance(n, T.Scalar) and n.is_int):
        raise inf.error(node, "matrix_power(): n must be an integer")
    return T.Array(a.dtype, 2, "C")


def _solve(inf, node, p):
    a = _square(inf, node, p["a"], "solve")
    b = want_array(inf, node, p["b"], "solve", what="second argument")
    return T.Array(linalg_dtype(T.unify(a.dtype, b.dtype)), b.ndim, "C")


def _lstsq(inf, node, p):
    a = _square(inf, node, p["a"], "lstsq")
    b = want_array(inf, node, p["b"], "lstsq", what="second argument")
    d = linalg_dtype(T.unify(a.dtype, b.dtype))
    real = T.Array(real_of(d), 1, "C")
    # numba: (x, residuals, rank as LAPACK's int32, singular values)
    return T.Tuple((T.Array(d, b.ndim, "C"), real, T.int32, real))


def _eigh(inf, node, p):
    d = linalg_dtype(_square(inf, node, p["a"], "eigh").dtype)
    return T.Tuple((T.Array(real_of(d), 1, "C"), T.Array(d, 2, "C")))


def _eigvalsh(inf, node, p):
    return T.Array(real_of(linalg_dtype(_square(inf, node, p["a"], "eigvalsh").dtype)), 1, "C")


def _svd(inf, node, p):
    d = linalg_dtype(_square(inf, node, p["a"], "svd").dtype)
    return T.Tuple((T.Array(d, 2, "C"), T.Array(real_of(d), 1, "C"), T.Array(d, 2, "C")))


def _qr(inf, node, p):
    d = linalg_dtype(_square(inf, node, p["a"], "qr").dtype)
    return T.Tuple((T.Array(d, 2, "C"), T.Array(d, 2, "C")))


def _norm(inf, node, p):
    x = want_array(inf, node, p["x"], "norm")
    order = p.get("ord")
    if order is not None and not isinstance(order, (T.Scalar, T.NoneType)):
        raise inf.error(node, "norm(): ord= must be a number or None (numba has no 'fro'/'nuc')")
    return real_of(linalg_dtype(x.dtype))


def _eig(inf, node, p):
    # numba: real input gives real results (ValueError if an eigenvalue is complex)
    d = linalg_dtype(_square(inf, node, p["a"], "eig").dtype)
    return T.Tuple((T.Array(d, 1, "C"), T.Array(d, 2, "C")))


def _eigvals(inf, node, p):
    return T.Array(linalg_dtype(_square(inf, node, p["a"], "eigvals").dtype), 1, "C")


def _slogdet(inf, node, p):
    d = linalg_dtype(_square(inf, node, p["a"], "slogdet").dtype)
    return T.Tuple((d, real_of(d)))


def _cond(inf, node, p):
    return real_of(linalg_dtype(_square(inf, node, p["x"], "cond").dtype))


def _matrix_rank(inf, node, p):
    want_array(inf, node, p["A"], "matrix_rank")
    return T.int64


# name: (parameters, required count, typing rule); numba's defaults where NumPy's differ
LINALG = {
    "inv": (("a",), 1, _inv),
    "det": (("a",), 1, _det),
    "cholesky": (("a",), 1, _cholesky),
    "pinv": (("a", "rcond"), 1, _pinv),
    "matrix_power": (("a", "n"), 2, _matrix_power),
    "solve": (("a", "b"), 2, _solve),
    "lstsq": (("a", "b", "rcond"), 2, _lstsq),
    "eigh": (("a",), 1, _eigh),
    "eigvalsh": (("a",), 1, _eigvalsh),
    "svd": (("a", "full_matrices"), 1, _svd),
    "qr": (("a",), 1, _qr),
    "norm": (("x", "ord"), 1, _norm),
    "slogdet": (("a",), 1, _slogdet),
    "eig": (("a",), 1, _eig),
    "eigvals": (("a",), 1, _eigvals),
    "cond": (("x", "p"), 1, _cond),
    "matrix_rank": (("A", "tol"), 1, _matrix_rank),
}
NUMBA_DEFAULTS = {"lstsq": {"rcond": -1.0}, "pinv": {"rcond": 1e-15}}


def _linalg_type(inf, node, args, kws):
    name = inf.t.calls[node][1].rsplit(".", 1)[1]
    params, required, rule = LINALG[name]
    bound = keyword_args(inf, node, args, kws, params, required, f"np.linalg.{name}")
    for k, v in bound.items():
        if k not in ("a", "b", "x", "A") and not isinstance(v, (T.Scalar, T.NoneType)):
            raise inf.error(node, f"np.linalg.{name}(): {k}= must be a number")
    return rule(inf, node, bound)


def _linalg(lw, node):
    path = lw.t.calls[node][1]
    name = path.rsplit(".", 1)[1]
    params = LINALG[name][0]
    args = [value_arg(lw, a, keyword=params[k] if k else None) for k, a in enumerate(node.args)]
    args += [value_arg(lw, kw.value, kw.arg) for kw in node.keywords]
    given = {a.keyword for a in args} | set(params[:len(node.args)])
    for k, v in NUMBA_DEFAULTS.get(name, {}).items():
        if k not in given:
            args.append(Arg("f8", ir.Constant(ir.DoubleType(), v), k))
    return call_numpy(lw, path, args, lw.type_of(node), real_results=name in ("eig", "eigvals"))


for _name in LINALG:
    typer(f"numpy.linalg.{_name}")(_linalg_type)
    lowerer(f"numpy.linalg.{_name}")(_linalg)


@typer("numpy.kron")
def _kron_type(inf, node, args, kws):
    if len(args) != 2 or kws:
        raise inf.error(node, "np.kron() takes two arrays")
    a = want_array(inf, node, args[0], "np.kron", what="first argument")
    b = want_array(inf, node, args[1], "np.kron", what="second argument")
    return T.Array(T.unify(a.dtype, b.dtype), max(a.ndim, b.ndim), "C")


@lowerer("numpy.vdot", "numpy.outer", "numpy.kron")
def _bridged_pair(lw, node):
    path = lw.t.calls[node][1]
    return call_numpy(lw, path, [value_arg(lw, node.args[0]), value_arg(lw, node.args[1])], lw.type_of(node))

