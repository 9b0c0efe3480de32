"""The NumPy call bridge, code-generation side: a library entry lowers to one call of
`aot_rt_numpy_call` (runtime/numpy_call.c) that boxes the arguments (arrays as ndarrays
sharing memory), calls a NumPy function looked up once per call site, and unboxes the
result into the statically typed value the entry's typer decided.

    @typer("numpy.linalg.inv")   def _(inf, node, args, kws): return T.Array(...)
    @lowerer("numpy.linalg.inv") def _(lw, node): return call_numpy(lw, "numpy.linalg.inv", node_args(lw, node))

Costs ~1 µs per call plus NumPy's own time (README: "How fast"); use native code for
what inner loops call.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8p, i32, value_type
from ..frontend import types as T


class Arg:
    """One argument of a bridged call: a value, a constant string or None, maybe by keyword."""

    def __init__(self, code: str, value=None, keyword: str | None = None):
        self.code, self.value, self.keyword = code, value, keyword


def type_code(ty) -> str:
    if isinstance(ty, T.Array):
        return f"a{ty.layout}{ty.ndim}{ty.dtype.short}"
    if T.is_object(ty):
        return "O"
    return ty.short


def value_arg(lw, node, keyword=None, want=None) -> Arg:
    """The value of expression `node` (converted to `want` if given) as an argument."""
    ty = lw.type_of(node)
    if isinstance(ty, T.StrConst):
        return Arg("'" + ty.value, keyword=keyword)
    if isinstance(ty, T.NoneType):
        return Arg("~", keyword=keyword)
    if isinstance(ty, T.Array):
        return Arg(type_code(ty), lw.array_operand(node), keyword)
    value = lw.expr(node)
    if want is not None and want != ty:
        value, ty = lw.cast(value, ty, want), want
    return Arg(type_code(ty), value, keyword)


def node_args(lw, node, skip=()) -> list:
    """Every positional and keyword argument of call `node`, as written (minus `skip` keywords)."""
    args = [value_arg(lw, a) for a in node.args]
    args += [value_arg(lw, kw.value, kw.arg) for kw in node.keywords if kw.arg not in skip]
    return args


def call_numpy(lw, path: str, args: list, result_ty=None, real_results=False):
    """Emit the bridged call of NumPy's `path` ('numpy.linalg.solve', or '.sort' for a method
    of the first argument); returns the result as a value of `result_ty` (an owned
    reference for arrays), or nothing when `result_ty` is None.  `real_results`: real
    arrays are taken from NumPy's complex ones, a ValueError where that loses values."""
    b = lw.b
    codes = []
    pointers = []
    for a in args:
        code = a.code if a.keyword is None else f"{a.keyword}={a.code}"
        codes.append(code)
        if a.value is not None:
            slot = lw.alloca_entry(a.value.type)
            b.store(a.value, slot)
            pointers.append(b.bitcast(slot, i8p))
    if result_ty is None:
        results = "-"
        items = []
    else:
        items = list(result_ty.items) if isinstance(result_ty, T.Tuple) else [result_ty]
        results = ",".join(("R" if real_results and isinstance(t, T.Array) and not t.dtype.is_complex else "")
                           + type_code(t) for t in items)
    desc = f"{path}|{','.join(codes)}|{results}"
    argv = _pointer_array(lw, pointers)
    out = None
    resv = _pointer_array(lw, [])
    if result_ty is not None:
        out = lw.alloca_entry(value_type(result_ty))
        if isinstance(result_ty, T.Tuple):
            ptrs = [b.bitcast(b.gep(out, [ir.Constant(i32, 0), ir.Constant(i32, k)]), i8p) for k in range(len(items))]
        else:
            ptrs = [b.bitcast(out, i8p)]
        resv = _pointer_array(lw, ptrs)
    fn = lw.unit.decl("aot_rt_numpy_call", i32, [i8p.as_pointer(), i8p, i8p.as_pointer(), i8p.as_pointer()])
    status = b.call(fn, [_cache_slot(lw, path), lw.unit.cstring(b, desc), argv, resv])
    lw.check_status(status)
    return None if out is None else b.load(out)


def _pointer_array(lw, pointers):
    b = lw.b
    arr = lw.alloca_entry(ir.ArrayType(i8p, max(1, len(pointers))))
    for k, p in enumerate(pointers):
        b.store(p, b.gep(arr, [ir.Constant(i32, 0), ir.Constant(i32, k)]))
    return b.gep(arr, [ir.Constant(i32, 0), ir.Constant(i32, 0)])


def _cache_slot(lw, path: str):
    """The module's slot caching the callable for `path` (one lookup per module, not per call)."""
    name = f"aot_np_fn.{path}"
    module = lw.unit.module
    if name in module.globals:
        return module.globals[name]
    gv = ir.GlobalVariable(module, i8p, name=name)
    gv.linkage = "internal"
    gv.initializer = ir.Constant(i8p, None)
    return gv


# -- typing helpers shared by the bridged tables --

def keyword_args(inf, node, args, kws, names: tuple, required: int, fname: str) -> dict:
    """Positional then keyword arguments by parameter name; a located error for extras."""
    if len(args) > len(names):
        raise inf.error(node, f"{fname}() takes at most {len(names)} arguments")
    bound = dict(zip(names, args))
    for k, v in kws.items():
        if k not in names:
            raise inf.error(node, f"{fname}() got an unexpected keyword argument {k!r}")
        if k in bound:
            raise inf.error(node, f"{fname}() got multiple values for argument {k!r}")
        bound[k] = v
    for n in names[:required]:
        if n not in bound:
            raise inf.error(node, f"{fname}() missing required argument {n!r}")
    return bound


def want_array(inf, node, ty, fname, ndims=(1, 2), what="argument"):
    if not isinstance(ty, T.Array) or ty.ndim not in ndims:
        dims = " or ".join(f"{n}-d" for n in ndims)
        raise inf.error(node, f"{fname}() needs a {dims} array as its {what}, not {getattr(ty, 'name', ty)}")
    return ty


def string_choice(inf, node, ty, fname, key, choices):
    if ty is None:
        return None
    if not isinstance(ty, T.StrConst) or ty.value not in choices:
        raise inf.error(node, f"{fname}(): {key}= must be one of {', '.join(repr(c) for c in choices)}")
    return ty.value


def call_node_arg(node, index: int, name: str):
    """The expression passed for parameter `name` (position `index`), or None."""
    if index < len(node.args):
        return node.args[index]
    for kw in node.keywords:
        if kw.arg == name:
            return kw.value
    return None


def method_base(node):
    return node.func.value if isinstance(node.func, ast.Attribute) else None
