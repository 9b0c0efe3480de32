"""np.random and the random module, as numba has them: native generators in the runtime
(runtime/random.c), one np.random state and one random-module state per module, seeded
from the OS at first use; seed(s) makes the stream equal NumPy's legacy RandomState(s).
Each draw is a call into the runtime (a few ns); `size=` fills a new C array in order.
"""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import f64, i32, i64
from ..frontend import types as T
from .array_helpers import allocate, array_size, shape_ndim, shape_values
from .numpy_call import keyword_args
from .registry import LIBRARY_MODULES, lowerer, typer

LIBRARY_MODULES.update({"numpy.random", "random"})
NP, PY = 0, 1   # the runtime's two states

# name: (parameters with defaults, result dtype, drawing function name)
_NP_DRAWS = {
    "random": ((), T.float64, "double"), "random_sample": ((), T.float64, "double"),
    "sample": ((), T.float64, "double"), "ranf": ((), T.float64, "double"),
    "standard_normal": ((), T.float64, "gauss"),
    "normal": ((("loc", 0.0), ("scale", 1.0)), T.float64, "gauss"),
    "uniform": ((("low", 0.0), ("high", 1.0)), T.float64, "uniform"),
    "exponential": ((("scale", 1.0),), T.float64, "exponential"),
    "standard_exponential": ((), T.float64, "exponential"),
    "poisson": ((("lam", 1.0),), T.int64, "poisson"),
    "binomial": ((("n", None), ("p", None)), T.int64, "binomial"),
    "randint": ((("low", None), ("high", 0)), T.int64, "randint"),
}


def _size_type(inf, node, ty, size_node):
    if ty is None or isinstance(ty, T.NoneType):
        return None
    return shape_ndim(inf, node, ty, size_node)


def _number(inf, node, ty, name, fname, integer=False):
    if not isinstance(ty, T.Scalar) or ty.is_complex or (integer and not (ty.is_int or ty.is_bool)):
        raise inf.error(node, f"{fname}(): {name} must be {'an integer' if integer else 'a real number'}")


def _integer(name, pname) -> bool:
    return (name, pname) in (("randint", "low"), ("randint", "high"), ("binomial", "n"))


def _draw_type(inf, node, args, kws):
    name = inf.t.calls[node][1].rsplit(".", 1)[1]
    params, dtype, _ = _NP_DRAWS[name]
    names = tuple(p for p, _ in params) + ("size",)
    required = sum(1 for _, d in params if d is None)
    p = keyword_args(inf, node, args, kws, names, required, f"np.random.{name}")
    for pname, _ in params:
        if pname in p:
            _number(inf, node, p[pname], pname, f"np.random.{name}", integer=_integer(name, pname))
    ndim = _size_type(inf, node, p.get("size"), _arg_node(node, names, "size"))
    return dtype if ndim is None else T.Array(dtype, ndim, "C")


def _arg_node(node, names, name):
    k = names.index(name)
    if k < len(node.args):
        return node.args[k]
    for kw in node.keywords:
        if kw.arg == name:
            return kw.value
    return None


def _rt(lw, name, ret, args):
    return lw.unit.decl(f"aot_rt_rnd_{name}", ret, args)


def _status_draw(lw, name, args, arg_types):
    out = lw.alloca_entry(i64)
    status = lw.b.call(_rt(lw, name, i32, arg_types + [i64.as_pointer()]), args + [out])
    lw.check_status(status)
    return lw.b.load(out)


def draw(lw, kind, which, params):
    """One draw of `kind` from state `which`, given its parameters as LLVM values."""
    b = lw.b
    st = ir.Constant(i32, which)
    if kind == "double":
        return b.call(_rt(lw, "double", f64, [i32]), [st])
    if kind == "gauss":
        g = b.call(_rt(lw, "gauss", f64, [i32]), [st])
        return b.fadd(params[0], b.fmul(params[1], g)) if params else g
    if kind == "uniform":
        r = b.call(_rt(lw, "double", f64, [i32]), [st])
        return b.fadd(params[0], b.fmul(b.fsub(params[1], params[0]), r))
    if kind == "exponential":
        r = b.call(_rt(lw, "double", f64, [i32]), [st])
        e = b.fneg(b.call(lw.unit.decl("log", f64, [f64]), [b.fsub(ir.Constant(f64, 1.0), r)]))
        return b.fmul(e, params[0]) if params else e
    if kind == "poisson":
        return _status_draw(lw, "poisson", [params[0]], [f64])
    if kind == "binomial":
        return _status_draw(lw, "binomial", [params[0], params[1]], [i64, f64])
    if kind == "randint":
        return _status_draw(lw, "randrange", [st, params[0], params[1]], [i32, i64, i64])
    raise AssertionError(kind)


def _param_values(lw, node, name, names, params):
    values = []
    for pname, default in params:
        expr = _arg_node(node, names, pname)
        want = T.int64 if _integer(name, pname) else T.float64
        if expr is None:
            values.append(ir.Constant(i64 if want == T.int64 else f64, default))
        else:
            values.append(lw.cast(lw.expr(expr), lw.type_of(expr), want))
    return values


def fill_array(lw, rty, shape, one):
    """A new C array of type rty and the given shape, each element from one()."""
    arr = allocate(lw, rty, shape)
    data = lw.b.extract_value(arr, 1)
    n = array_size(lw, arr, rty.ndim)
    lw.counted_loop(ir.Constant(i64, 0), n, ir.Constant(i64, 1), 1,
                    lambda k: lw.b.store(one(), lw.b.gep(data, [k])), name="draw")
    return arr


def _draw(lw, node):
    name = lw.t.calls[node][1].rsplit(".", 1)[1]
    params, _, kind = _NP_DRAWS[name]
    names = tuple(p for p, _ in params) + ("size",)
    values = _param_values(lw, node, name, names, params)
    if name == "randint" and _arg_node(node, names, "high") is None:
        values = [ir.Constant(i64, 0), values[0]]      # randint(high): range(0, high)
    rty = lw.type_of(node)
    if isinstance(rty, T.Array):
        return fill_array(lw, rty, shape_values(lw, _arg_node(node, names, "size")),
                          lambda: draw(lw, kind, NP, values))
    return draw(lw, kind, NP, values)


for _name in _NP_DRAWS:
    typer(f"numpy.random.{_name}")(_draw_type)
    lowerer(f"numpy.random.{_name}")(_draw)


@typer("numpy.random.rand", "numpy.random.randn")
def _rand_type(inf, node, args, kws):
    if kws:
        raise inf.error(node, "np.random.rand()/randn() take dimensions only")
    for a, n in zip(args, node.args):
        _number(inf, n, a, "each dimension", "np.random.rand", integer=True)
    return T.Array(T.float64, len(args), "C") if args else T.float64


@lowerer("numpy.random.rand", "numpy.random.randn")
def _rand(lw, node):
    kind = "double" if lw.t.calls[node][1].endswith("rand") else "gauss"
    rty = lw.type_of(node)
    if not node.args:
        return draw(lw, kind, NP, [])
    shape = [lw.cast(lw.expr(a), lw.type_of(a), T.int64) for a in node.args]
    return fill_array(lw, rty, shape, lambda: draw(lw, kind, NP, []))


@typer("numpy.random.seed", "random.seed")
def _seed_type(inf, node, args, kws):
    if len(args) != 1 or kws:
        raise inf.error(node, "seed() takes one integer")
    _number(inf, node, args[0], "the seed", "seed", integer=True)
    return T.none


@lowerer("numpy.random.seed", "random.seed")
def _seed(lw, node):
    which = NP if lw.t.calls[node][1].startswith("numpy.") else PY
    value = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), T.int64)
    # NumPy refuses seeds outside [0, 2**32); numba takes the low 32 bits
    lw.b.call(_rt(lw, "seed", ir.VoidType(), [i32, i32]), [ir.Constant(i32, which), lw.b.trunc(value, i32)])
    return ir.Constant(ir.IntType(8), 0)
