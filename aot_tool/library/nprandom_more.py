"""np.random.shuffle, permutation and choice, and the random module's functions (their
own state, as numba keeps it: random.seed(s) initialises it as RandomState(s) would,
not as CPython's random.seed does)."""

from __future__ import annotations


from llvmlite import ir

from ..backend.llvm_types import i8, i8p, i32, i64, value_type
from ..frontend import types as T
from .array_helpers import (allocate, copy_into, element_ptr, index_loop, load, shape_ndim, shape_of,
                            shape_values)
from .nprandom import NP, PY, _number, _rt, draw, fill_array
from .numpy_call import keyword_args, want_array
from .registry import lowerer, typer


@typer("numpy.random.shuffle", "random.shuffle")
def _shuffle_type(inf, node, args, kws):
    if len(args) != 1 or kws:
        raise inf.error(node, "shuffle() takes one array")
    a = want_array(inf, node, args[0], "shuffle", ndims=range(1, 33))
    if a.dtype.itemsize > 16:
        raise inf.error(node, "shuffle(): unsupported dtype")
    return T.none


def shuffle(lw, arr, aty, which=NP):
    b = lw.b
    if aty.ndim > 1:
        _shuffle_rows(lw, arr, aty, which)
        return
    fn = _rt(lw, "shuffle_state", ir.VoidType(), [i32, i8p, i64, i64, i64])
    b.call(fn, [ir.Constant(i32, which), b.bitcast(b.extract_value(arr, 1), i8p), b.extract_value(arr, [2, 0]),
                b.extract_value(arr, [3, 0]), ir.Constant(i64, aty.dtype.itemsize)])


def _shuffle_rows(lw, arr, aty, which):
    """numba's shuffle of an n-d array: the same draws as for 1-d, swapping whole rows."""
    b = lw.b
    n = b.extract_value(arr, [2, 0])
    row_shape = [b.extract_value(arr, [2, d]) for d in range(1, aty.ndim)]

    def step(i):
        j = draw(lw, "randint", which, [ir.Constant(i64, 0), b.add(i, ir.Constant(i64, 1))])

        def swap(index):
            p = element_ptr(lw, arr, aty, [i] + index)
            q = element_ptr(lw, arr, aty, [j] + index)
            x, y = b.load(p), b.load(q)
            b.store(y, p)
            b.store(x, q)
        index_loop(lw, row_shape, swap, name="swap")

    lw.counted_loop(b.sub(n, ir.Constant(i64, 1)), ir.Constant(i64, 0), ir.Constant(i64, -1), -1, step,
                    name="shuffle")


@lowerer("numpy.random.shuffle", "random.shuffle")
def _shuffle(lw, node):
    which = NP if lw.t.calls[node][1].startswith("numpy.") else PY
    shuffle(lw, lw.array_operand(node.args[0]), lw.type_of(node.args[0]), which)
    return ir.Constant(i8, 0)


@typer("numpy.random.permutation")
def _permutation_type(inf, node, args, kws):
    if len(args) != 1 or kws:
        raise inf.error(node, "np.random.permutation() takes an integer or a 1-d array")
    x = args[0]
    if isinstance(x, T.Scalar) and (x.is_int or x.is_bool):
        return T.Array(T.int64, 1, "C")
    return T.Array(want_array(inf, node, x, "np.random.permutation", ndims=(1,)).dtype, 1, "C")


def _arange(lw, n):
    arr = allocate(lw, T.Array(T.int64, 1, "C"), [n])
    data = lw.b.extract_value(arr, 1)
    lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1,
                    lambda k: lw.b.store(k, lw.b.gep(data, [k])), name="perm")
    return arr


def _permuted(lw, x_node):
    """A new shuffled array: arange(x) for an integer, a copy of x for an array."""
    ty = lw.type_of(x_node)
    if isinstance(ty, T.Scalar):
        arr = _arange(lw, lw.cast(lw.expr(x_node), ty, T.int64))
        shuffle(lw, arr, T.Array(T.int64, 1, "C"))
        return arr
    src = lw.array_operand(x_node)
    cty = T.Array(ty.dtype, 1, "C")
    arr = allocate(lw, cty, shape_of(lw, src, 1))
    copy_into(lw, arr, cty, src, ty)
    shuffle(lw, arr, cty)
    return arr


@lowerer("numpy.random.permutation")
def _permutation(lw, node):
    return _permuted(lw, node.args[0])


@typer("numpy.random.choice")
def _choice_type(inf, node, args, kws):
    p = keyword_args(inf, node, args, kws, ("a", "size", "replace"), 1, "np.random.choice")
    a = p["a"]
    if isinstance(a, T.Scalar) and a.is_int:
        dtype = T.int64
    else:
        dtype = want_array(inf, node, a, "np.random.choice", ndims=(1,)).dtype
    if "replace" in p and not (isinstance(p["replace"], T.Scalar) and p["replace"].is_bool):
        raise inf.error(node, "np.random.choice(): replace= must be True or False")
    size = p.get("size")
    if size is None or isinstance(size, T.NoneType):
        return dtype
    return T.Array(dtype, shape_ndim(inf, node, size, node), "C")


def _choice_arg(node, k, name):
    if k < len(node.args):
        return node.args[k]
    return next((kw.value for kw in node.keywords if kw.arg == name), None)


@lowerer("numpy.random.choice")
def _choice(lw, node):
    b = lw.b
    a_node = node.args[0] if node.args else _choice_arg(node, 0, "a")
    aty = lw.type_of(a_node)
    rty = lw.type_of(node)
    if isinstance(aty, T.Array):
        arr = lw.array_operand(a_node)
        n = b.extract_value(arr, [2, 0])

        def pick(i):
            return load(lw, element_ptr(lw, arr, aty, [i]), aty.dtype)
    else:
        n = lw.cast(lw.expr(a_node), aty, T.int64)

        def pick(i):
            return i
    if not isinstance(rty, T.Array):
        return pick(draw(lw, "randint", NP, [ir.Constant(i64, 0), n]))
    shape = shape_values(lw, _choice_arg(node, 1, "size"))
    replace_node = _choice_arg(node, 2, "replace")
    replace = lw.cast(lw.expr(replace_node), lw.type_of(replace_node), T.boolean) if replace_node is not None \
        else ir.Constant(ir.IntType(1), 1)
    out_slot = lw.alloca_entry(value_type(rty))
    with b.if_else(replace) as (then, other):
        with then:
            b.store(fill_array(lw, rty, shape, lambda: pick(draw(lw, "randint", NP, [ir.Constant(i64, 0), n]))),
                    out_slot)
        with other:
            out = allocate(lw, rty, shape)
            total = ir.Constant(i64, 1)
            for v in shape:
                total = b.mul(total, v)
            lw.check(b.icmp_signed(">", total, n), "ValueError",
                     "Cannot take a larger sample than population when 'replace=False'")
            # numba: the first draws of a permutation of the population
            perm = _arange(lw, n)
            shuffle(lw, perm, T.Array(T.int64, 1, "C"))
            pdata, odata = b.extract_value(perm, 1), b.extract_value(out, 1)
            lw.counted_loop(ir.Constant(i64, 0), total, ir.Constant(i64, 1), 1,
                            lambda k: b.store(pick(b.load(b.gep(pdata, [k]))), b.gep(odata, [k])), name="choice")
            lw.decref(b.extract_value(perm, 0))
            b.store(out, out_slot)
    return b.load(out_slot)


# -- the random module --

@typer("random.random")
def _py_random_type(inf, node, args, kws):
    if args or kws:
        raise inf.error(node, "random.random() takes no arguments")
    return T.float64


@lowerer("random.random")
def _py_random(lw, node):
    return draw(lw, "double", PY, [])


_PY_TWO = {"uniform": ("a", "b"), "gauss": ("mu", "sigma"), "normalvariate": ("mu", "sigma"),
           "randint": ("a", "b"), "randrange": ("start", "stop"), "expovariate": ("lambd",)}


@typer(*(f"random.{n}" for n in _PY_TWO))
def _py_two_type(inf, node, args, kws):
    name = inf.t.calls[node][1].rsplit(".", 1)[1]
    names = _PY_TWO[name]
    required = 1 if name == "randrange" else len(names)
    p = keyword_args(inf, node, args, kws, names, required, f"random.{name}")
    integer = name in ("randint", "randrange")
    for k, v in p.items():
        _number(inf, node, v, k, f"random.{name}", integer=integer)
    return T.int64 if integer else T.float64


@lowerer(*(f"random.{n}" for n in _PY_TWO))
def _py_two(lw, node):
    name = lw.t.calls[node][1].rsplit(".", 1)[1]
    names = _PY_TWO[name]
    integer = name in ("randint", "randrange")
    values = []
    for k, pname in enumerate(names):
        expr = _choice_arg(node, k, pname)
        if expr is not None:
            values.append(lw.cast(lw.expr(expr), lw.type_of(expr), T.int64 if integer else T.float64))
    b = lw.b
    if name == "randint":
        return draw(lw, "randint", PY, [values[0], b.add(values[1], ir.Constant(i64, 1))])
    if name == "randrange":
        lo, hi = (values[0], values[1]) if len(values) == 2 else (ir.Constant(i64, 0), values[0])
        return draw(lw, "randint", PY, [lo, hi])
    if name == "uniform":
        return draw(lw, "uniform", PY, values)
    if name == "expovariate":
        return b.fdiv(draw(lw, "exponential", PY, []), values[0])
    return draw(lw, "gauss", PY, values)
