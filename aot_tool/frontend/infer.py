"""Type inference with numba's nopython semantics over a function and all it calls.

`infer_export(source, export)` types the exported function for its signature and,
through the call graph, every helper specialisation it reaches.  The result is a
`Typed` record per specialisation: the types of variables and of every expression
node, and what each call resolves to.  Variables have one type for the whole
function (numba's unification); a clash is a located error.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from . import types as T
from .errors import CompileError, error_at
from .source import JIT_DECORATORS, Source, _dotted, resolve_path
from .writes import propagate_writes, written_params

MAX_ROUNDS = 20


@dataclass
class Typed:
    """One specialisation of a function for argument types."""
    source: Source
    node: ast.FunctionDef
    arg_types: tuple
    symbol: str
    return_type: object = None
    var_types: dict = field(default_factory=dict)
    expr_types: dict = field(default_factory=dict)   # ast node -> type
    calls: dict = field(default_factory=dict)        # ast.Call -> ('builtin', path) | ('user', Typed)
    stored_args: set = field(default_factory=set)    # parameters whose arrays are written into
    aug_binops: dict = field(default_factory=dict)   # AugAssign -> the BinOp it computes (a made-up node)
    done: bool = False


@dataclass
class Program:
    """Every specialisation an export reaches, the export's first."""
    entry: Typed
    functions: list


def infer_export(source: Source, export) -> Program:
    sig = export.signature
    func = source.functions[export.function]
    registry: dict = {}
    order: list = []
    entry = _specialise(source, func, tuple(sig.args), registry, order)
    # mutual recursion: a function typed while its callee was still in progress sees
    # the callee's return type only now; repeat until nothing changes, then check strictly
    for _ in range(MAX_ROUNDS):
        before = [(t.return_type, len(t.expr_types)) for t in order]
        for typed in list(order):
            _Inferrer(typed, registry, order).run()
        if before == [(t.return_type, len(t.expr_types)) for t in order]:
            break
    for typed in list(order):
        _Inferrer(typed, registry, order).run(strict=True)
    if sig.ret is not None:
        if isinstance(sig.ret, T.NoneType):
            if not isinstance(entry.return_type, T.NoneType):
                raise error_at(source, export.node, f"signature {export.signature_text!r} returns none but "
                                                    f"{func.name}() returns {entry.return_type.name}")
        elif not T.can_convert(entry.return_type, sig.ret):
            raise error_at(source, export.node, f"signature {export.signature_text!r} declares return type "
                                                f"{sig.ret.name} but {func.name}() returns {entry.return_type.name}")
    propagate_writes(order)
    return Program(entry=entry, functions=order)


def _symbol(source: Source, func: ast.FunctionDef, arg_types) -> str:
    stem = source.display_path.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".py")
    args = "_".join(_mangle(t) for t in arg_types)
    return f"aotfn.{stem}.{func.name}.{args}"


def _mangle(t) -> str:
    if isinstance(t, T.Scalar):
        return t.short
    if isinstance(t, T.Array):
        return f"a{t.ndim}{t.layout}{t.dtype.short}"
    if isinstance(t, T.Tuple):
        return "t" + "".join(_mangle(i) for i in t.items) + "e"
    return t.name


def _specialise(source: Source, func: ast.FunctionDef, arg_types: tuple, registry: dict, order: list) -> Typed:
    key = (id(source), func.name, arg_types)
    if key in registry:
        return registry[key]
    typed = Typed(source=source, node=func, arg_types=arg_types, symbol=_symbol(source, func, arg_types))
    registry[key] = typed
    order.append(typed)
    _check_function_shape(source, func)
    _Inferrer(typed, registry, order).run()
    typed.done = True
    return typed


def _check_function_shape(source: Source, func: ast.FunctionDef) -> None:
    a = func.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or a.defaults:
        raise error_at(source, func, f"{func.name}(): default values, *args, **kwargs and keyword-only "
                                     "arguments are not supported")
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        path = resolve_path(source, _dotted(target))
        if isinstance(target, ast.Attribute) and target.attr == "export":
            continue
        if path not in JIT_DECORATORS:
            raise error_at(source, deco, "only numba's @njit/@jit decorators are understood on compiled "
                                         "functions (they are read, never called)")


BUILTIN_NAMES = {"range", "len", "abs", "min", "max", "int", "float", "complex", "bool", "round",
                 "print", "sum", "enumerate", "zip"}
NUMPY_DTYPES = {"float64": T.float64, "float32": T.float32, "int64": T.int64, "int32": T.int32,
                "int16": T.int16, "int8": T.int8, "uint64": T.uint64, "uint32": T.uint32,
                "uint16": T.uint16, "uint8": T.uint8, "bool_": T.boolean, "complex128": T.complex128,
                "complex64": T.complex64, "intp": T.int64, "double": T.float64, "float_": T.float64,
                "int_": T.int64, "bool": T.boolean}
MODULE_CONSTANTS = {"math.pi", "math.e", "math.inf", "math.nan", "math.tau", "numpy.pi", "numpy.e",
                    "numpy.inf", "numpy.nan", "cmath.pi", "cmath.e", "cmath.inf", "cmath.nan"}


class _Inferrer:
    """Walks a function body until the variable types stop changing."""

    def __init__(self, typed: Typed, registry: dict, order: list):
        self.t = typed
        self.src = typed.source
        self.registry = registry
        self.order = order
        self.changed = False
        self.returns: list = []
        self.stored_vars: set = set()   # variables whose arrays are written through

    def error(self, node, message: str) -> CompileError:
        return error_at(self.src, node, message)

    # -- driver --
    def run(self, strict: bool = False) -> None:
        params = [a.arg for a in self.t.node.args.args]
        for name, ty in zip(params, self.t.arg_types):
            self.t.var_types[name] = ty
        self.assigned = _assigned_names(self.t.node)
        for _ in range(MAX_ROUNDS):
            self.changed = False
            self.returns = []
            self.block(self.t.node.body)
            if not self.changed:
                break
        else:
            raise self.error(self.t.node, f"types of {self.t.node.name}() do not settle")
        self.finish_return()
        if strict:
            # every expression must have a type now
            self.strict = True
            self.block(self.t.node.body)
        self.t.stored_args = written_params(self.t, self.stored_vars)

    strict = False

    def finish_return(self) -> None:
        falls_through = _may_fall_through(self.t.node.body)
        rtypes = [t for t, _ in self.returns]
        if falls_through:
            rtypes.append(T.none)
        if not rtypes:
            self.t.return_type = T.none
            return
        result = rtypes[0]
        for (ty, node) in zip(rtypes[1:], [n for _, n in self.returns[1:]] + [self.t.node]):
            u = T.unify(result, ty)
            if u is None:
                hint = " (some path ends without a return)" if T.none in (ty, result) else ""
                raise self.error(node, f"cannot unify return types {result.name} and {ty.name} of "
                                       f"{self.t.node.name}(){hint}")
            result = u
        self.t.return_type = result

    def set_var(self, name: str, ty, node) -> None:
        old = self.t.var_types.get(name)
        if old is None:
            self.t.var_types[name] = ty
            self.changed = True
            return
        if old == ty:
            return
        new = T.unify(old, ty)
        if new is None:
            raise self.error(node, f"cannot unify {old.name} and {ty.name} for '{name}'")
        if new != old:
            self.t.var_types[name] = new
            self.changed = True

    def note(self, node, ty):
        if ty is not None:
            self.t.expr_types[node] = ty
        return ty

    # -- statements --
    def block(self, stmts) -> None:
        for s in stmts:
            self.stmt(s)

    def stmt(self, s) -> None:
        method = getattr(self, "stmt_" + type(s).__name__, None)
        if method is None:
            raise self.error(s, f"{_describe(s)} is not supported in compiled functions")
        method(s)

    def stmt_Pass(self, s) -> None:
        pass

    def stmt_Break(self, s) -> None:
        pass

    def stmt_Continue(self, s) -> None:
        pass

    def stmt_Expr(self, s) -> None:
        if isinstance(s.value, ast.Constant) and isinstance(s.value.value, str):
            return  # docstring
        self.expr(s.value)

    def stmt_Return(self, s) -> None:
        ty = T.none if s.value is None else self.expr(s.value)
        if ty is not None:
            self.returns.append((ty, s))

    def stmt_Assign(self, s) -> None:
        ty = self.expr(s.value)
        for target in s.targets:
            self.assign(target, ty, s.value)

    def stmt_AnnAssign(self, s) -> None:
        if s.value is None:
            return
        self.assign(s.target, self.expr(s.value), s.value)

    def stmt_AugAssign(self, s) -> None:
        # `a[i] += x` is typed and lowered as `a[i] = a[i] + x`; the made-up BinOp lives in
        # this specialisation, never on the shared AST (exports compile on several threads)
        fake = self.t.aug_binops.get(s)
        if fake is None:
            fake = ast.copy_location(ast.BinOp(left=_as_load(s.target), op=s.op, right=s.value), s)
            self.t.aug_binops[s] = fake
        ty = self.expr(fake)
        self.assign(s.target, ty, s.value, augmented=True)

    def assign(self, target, ty, value_node, augmented=False) -> None:
        if isinstance(target, ast.Name):
            if ty is None:
                return
            if isinstance(ty, (T.Module, T.Function, T.DType)):
                raise self.error(target, f"cannot store {ty.name} in a variable")
            if isinstance(ty, T.RangeType):
                raise self.error(value_node, "range objects can only be iterated over directly")
            if _holds_array(ty):
                raise self.error(target, "a tuple holding arrays can only be returned or unpacked "
                                         "(`a, b = ...`), not stored in a variable")
            self.set_var(target.id, ty, target)
            self.note(target, self.t.var_types[target.id])
        elif isinstance(target, ast.Tuple):
            if ty is None:
                return
            if isinstance(ty, T.Tuple):
                items = ty.items
            elif isinstance(ty, T.Array) and ty.ndim == 1 and len(target.elts) > 0:
                raise self.error(target, "unpacking an array is not supported; index it instead")
            else:
                raise self.error(target, f"cannot unpack {ty.name}")
            if len(items) != len(target.elts):
                raise self.error(target, f"cannot unpack {len(items)} values into {len(target.elts)} names")
            for elt, item in zip(target.elts, items):
                self.assign(elt, item, value_node)
        elif isinstance(target, ast.Subscript):
            base = self.expr(target.value)
            if base is None:
                return
            if not isinstance(base, T.Array):
                raise self.error(target, f"cannot assign to an item of {base.name}")
            if isinstance(target.value, ast.Name):
                self.stored_vars.add(target.value.id)
            else:
                self.stored_vars.add("*")
            itype = self.index(target, base)
            if ty is not None and itype is not None:
                if isinstance(itype, T.Array):
                    raise self.error(target, "assigning to a slice is not supported; write a loop")
                if not T.can_convert(ty, itype):
                    raise self.error(value_node, f"cannot store {ty.name} into an array of {itype.name}")
        else:
            raise self.error(target, f"cannot assign to {_describe(target)}")

    def stmt_If(self, s) -> None:
        self.truth(s.test)
        self.block(s.body)
        self.block(s.orelse)

    def stmt_While(self, s) -> None:
        if s.orelse:
            raise self.error(s, "while ... else is not supported")
        self.truth(s.test)
        self.block(s.body)

    def stmt_For(self, s) -> None:
        if s.orelse:
            raise self.error(s, "for ... else is not supported")
        ity = self.expr(s.iter)
        if ity is None:
            self.block(s.body)
            return
        if isinstance(ity, T.RangeType):
            elem = T.int64
        elif isinstance(ity, T.Array):
            if ity.ndim != 1:
                raise self.error(s.iter, "only 1-d arrays can be iterated over (index the rows instead)")
            elem = ity.dtype
        elif isinstance(ity, T.Tuple) and len(set(ity.items)) == 1:
            elem = ity.items[0]
        else:
            raise self.error(s.iter, f"cannot iterate over {ity.name}")
        if not isinstance(s.target, (ast.Name, ast.Tuple)):
            raise self.error(s.target, "loop targets must be names")
        self.assign(s.target, elem, s.iter)
        self.block(s.body)

    def stmt_Assert(self, s) -> None:
        self.truth(s.test)
        if s.msg is not None and not (isinstance(s.msg, ast.Constant) and isinstance(s.msg.value, str)):
            raise self.error(s.msg, "assert messages must be string literals")

    def stmt_Raise(self, s) -> None:
        exc = s.exc
        if exc is None or s.cause is not None:
            raise self.error(s, "only `raise SomeError('message')` is supported")
        call = exc if isinstance(exc, ast.Call) else None
        name = call.func if call else exc
        if not (isinstance(name, ast.Name) and name.id in RAISABLE):
            raise self.error(exc, f"only these exceptions can be raised: {', '.join(sorted(RAISABLE))}")
        if call and (call.keywords or len(call.args) > 1 or
                     (call.args and not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)))):
            raise self.error(exc, "exception arguments must be one string literal")

    # -- expressions --
    def truth(self, node):
        ty = self.expr(node)
        if ty is not None and not isinstance(ty, (T.Scalar, T.NoneType)):
            raise self.error(node, f"the truth value of {ty.name} is ambiguous here; compare it explicitly")
        return ty

    def expr(self, node):
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            message = UNSUPPORTED.get(type(node).__name__,
                                      f"{_describe(node)} is not supported in compiled functions")
            raise self.error(node, message)
        ty = method(node)
        if ty is None and self.strict:
            raise self.error(node, "cannot infer the type of this expression (a recursion with no "
                                   "non-recursive return?)")
        return self.note(node, ty)

    def expr_Constant(self, node):
        v = node.value
        if isinstance(v, bool):
            return T.boolean
        if isinstance(v, int):
            if not -(2**63) <= v < 2**64:
                raise self.error(node, "integer literal does not fit in 64 bits")
            return T.int64 if v < 2**63 else T.uint64
        if isinstance(v, float):
            return T.float64
        if isinstance(v, complex):
            return T.complex128
        if v is None:
            return T.none
        raise self.error(node, f"{type(v).__name__} literals are not supported (only numbers, booleans and None)")

    def expr_Name(self, node):
        name = node.id
        if name in self.t.var_types:
            return self.t.var_types[name]
        if name in self.assigned:
            if self.strict:
                raise self.error(node, f"variable '{name}' may be used before it is assigned")
            return None
        return self.global_type(node, name)

    def global_type(self, node, name):
        src = self.src
        if name in src.constants:
            return _constant_type(src.constants[name][0])
        if name in src.functions:
            return T.Function(f"user:{name}")
        if name in src.aliases:
            path = src.aliases[name]
            return self.path_type(node, path)
        if name in src.from_imports:
            helper, orig = src.resolve_import(name)
            if orig in helper.constants:
                return _constant_type(helper.constants[orig][0])
            return T.Function(f"import:{name}")
        if name in BUILTIN_NAMES:
            return T.Function(f"builtins.{name}")
        raise self.error(node, f"name '{name}' is not defined")

    def path_type(self, node, path):
        from ..library.registry import TYPERS
        if path in ("numpy", "math", "cmath", "numba", "numba.types"):
            return T.Module(path)
        if path in MODULE_CONSTANTS:
            return T.float64
        if path.startswith("numpy.") and path[6:] in NUMPY_DTYPES:
            return T.DType(NUMPY_DTYPES[path[6:]])
        if path in TYPERS:
            return T.Function(path)
        raise self.error(node, f"{path.replace('numpy.', 'np.')} is not supported")

    def expr_Attribute(self, node):
        base = self.expr(node.value)
        if base is None:
            return None
        attr = node.attr
        if isinstance(base, T.Module):
            return self.path_type(node, f"{base.path}.{attr}")
        if isinstance(base, T.Array):
            if attr == "shape" or attr == "strides":
                return T.Tuple((T.int64,) * base.ndim)
            if attr in ("size", "ndim", "itemsize", "nbytes"):
                return T.int64
            if attr in ("copy", "sum", "fill", "max", "min", "mean", "prod", "argmax", "argmin"):
                return T.Function(f"method.array.{attr}")
            if attr == "T":
                return T.Array(base.dtype, base.ndim, {"C": "F", "F": "C"}.get(base.layout, "A"))
            raise self.error(node, f"array attribute .{attr} is not supported")
        if isinstance(base, T.Scalar):
            if attr in ("real", "imag"):
                # complex: its float part; a real number is its own real part, with imag 0
                return T.Scalar("f", base.bits // 2) if base.is_complex else base
            if attr == "conjugate":
                return T.Function("method.scalar.conjugate")
        raise self.error(node, f"{base.name} has no supported attribute .{attr}")

    def expr_Tuple(self, node):
        items = [self.expr(e) for e in node.elts]
        if any(i is None for i in items):
            return None
        for e, i in zip(node.elts, items):
            if isinstance(i, (T.Module, T.Function, T.RangeType)):
                raise self.error(e, f"cannot put {i.name} in a tuple")
        return T.Tuple(tuple(items))

    def expr_BinOp(self, node):
        from ..library.operators import binop_type
        a, b = self.expr(node.left), self.expr(node.right)
        if a is None or b is None:
            return None
        return binop_type(self, node, a, b)

    def expr_UnaryOp(self, node):
        ty = self.expr(node.operand)
        if ty is None:
            return None
        if isinstance(node.op, ast.Not):
            return T.boolean
        if not isinstance(ty, T.Scalar):
            raise self.error(node, f"unary operator on {ty.name} is not supported")
        if isinstance(node.op, ast.Invert):
            if ty.is_bool:
                return T.boolean
            if not ty.is_int:
                raise self.error(node, f"~ needs an integer, not {ty.name}")
            return T.arith_result(ty, ty)
        if ty.is_bool or ty.is_int:
            return T.arith_result(ty, ty)
        return ty

    def expr_Compare(self, node):
        from ..library.operators import compare_check
        left = self.expr(node.left)
        rights = [self.expr(c) for c in node.comparators]
        if left is None or any(r is None for r in rights):
            return None
        for op, a, b in zip(node.ops, [left] + rights, rights):
            compare_check(self, node, op, a, b)
        return T.boolean

    def expr_BoolOp(self, node):
        types = [self.expr(v) for v in node.values]
        if any(t is None for t in types):
            return None
        result = types[0]
        for v, t in zip(node.values[1:], types[1:]):
            u = T.unify(result, t)
            if u is None or not isinstance(u, T.Scalar):
                raise self.error(v, f"cannot unify {result.name} and {t.name} in a boolean operator")
            result = u
        return result

    def expr_IfExp(self, node):
        self.truth(node.test)
        a, b = self.expr(node.body), self.expr(node.orelse)
        if a is None or b is None:
            return a or b
        u = T.unify(a, b)
        if u is None:
            raise self.error(node, f"cannot unify {a.name} and {b.name} in a conditional expression")
        return u

    def expr_Subscript(self, node):
        base = self.expr(node.value)
        if base is None:
            self.expr_index_parts(node)
            return None
        if isinstance(base, T.Tuple):
            idx = node.slice
            value = _const_int(idx)
            if value is None:
                if len(set(base.items)) == 1:
                    ity = self.expr(idx)
                    if ity is not None and not (isinstance(ity, T.Scalar) and (ity.is_int or ity.is_bool)):
                        raise self.error(idx, "tuple indices must be integers")
                    return base.items[0]
                raise self.error(idx, "tuples of mixed types can only be indexed with a constant")
            if not -len(base.items) <= value < len(base.items):
                raise self.error(idx, f"tuple index {value} out of range for {base.name}")
            return base.items[value]
        if isinstance(base, T.Array):
            return self.index(node, base)
        raise self.error(node, f"{base.name} cannot be indexed")

    def expr_index_parts(self, node):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for p in parts:
            if not isinstance(p, ast.Slice):
                self.expr(p)

    def index(self, node, base: T.Array):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(parts) > base.ndim:
            raise self.error(node, f"too many indices for a {base.ndim}-d array")
        sliced = 0
        for p in parts:
            bounds = [p.lower, p.upper, p.step] if isinstance(p, ast.Slice) else [p]
            sliced += isinstance(p, ast.Slice)
            for bound in bounds:
                if bound is None:
                    continue
                ty = self.expr(bound)
                if ty is None:
                    return None
                if not (isinstance(ty, T.Scalar) and ty.is_int):
                    what = "slice bounds" if isinstance(p, ast.Slice) else "array indices"
                    raise self.error(bound, f"{what} must be integers, not {ty.name}")
        if len(parts) == base.ndim and not sliced:
            return base.dtype
        ndim = base.ndim - len(parts) + sliced
        # a[i] of a C array stays C; anything sliced may have any strides
        return T.Array(base.dtype, ndim, "C" if base.layout == "C" and not sliced else "A")

    def expr_Call(self, node):
        from ..library.registry import TYPERS
        fty = self.expr(node.func)
        for kw in node.keywords:
            if kw.arg is None:
                raise self.error(kw, "**kwargs in calls is not supported")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error(node, "*args in calls is not supported")
        args = [self.expr(a) for a in node.args]
        kws = {kw.arg: self.expr(kw.value) for kw in node.keywords}
        if fty is None or any(a is None for a in args) or any(v is None for v in kws.values()):
            return None
        if isinstance(fty, T.DType):
            if kws or len(args) != 1 or not isinstance(args[0], T.Scalar):
                raise self.error(node, f"np.{fty.dtype.name}() takes one number")
            if args[0].is_complex and not fty.dtype.is_complex:
                raise self.error(node, f"cannot convert complex to {fty.dtype.name}")
            self.t.calls[node] = ("builtin", "dtype.call")
            return fty.dtype
        if not isinstance(fty, T.Function):
            raise self.error(node.func, f"{fty.name} is not callable")
        path = fty.path
        if path.startswith("user:") or path.startswith("import:"):
            if kws:
                raise self.error(node, "keyword arguments to compiled functions are not supported")
            return self.call_user(node, path, tuple(args))
        if path.startswith("method."):
            self.t.calls[node] = ("builtin", path)
            base_ty = self.t.expr_types[node.func.value]
            return TYPERS[path](self, node, [base_ty] + args, kws)
        typer = TYPERS.get(path)
        if typer is None:
            raise self.error(node.func, f"{path.replace('numpy.', 'np.').replace('builtins.', '')}() is not supported")
        self.t.calls[node] = ("builtin", path)
        return typer(self, node, args, kws)

    def call_user(self, node, path, args):
        kind, name = path.split(":", 1)
        if kind == "user":
            source, fname = self.src, name
        else:
            source, fname = self.src.resolve_import(name)
        func = source.functions[fname]
        if len(func.args.args) != len(args):
            raise self.error(node, f"{fname}() takes {len(func.args.args)} argument(s) but {len(args)} were given")
        for a in args:
            if isinstance(a, (T.Module, T.Function, T.DType, T.RangeType)) or _holds_array(a):
                raise self.error(node, f"cannot pass {a.name} to {fname}()")
        callee = _specialise(source, func, args, self.registry, self.order)
        self.t.calls[node] = ("user", callee)
        if callee.return_type is None:
            # a recursive call still being inferred: use what its returns say so far
            if not callee.done and callee is not self.t:
                return None
            partial = None
            for ty, _ in self.returns:
                partial = ty if partial is None else (T.unify(partial, ty) or partial)
            return partial
        return callee.return_type


# Expressions outside the subset that get a message of their own, with what to write instead
UNSUPPORTED = {
    "GeneratorExp": "generator expressions are not supported; write a loop",
    "ListComp": "list comprehensions are not supported; allocate an array and fill it in a loop",
    "List": "lists are not supported; use a NumPy array or a tuple",
    "Dict": "dicts are not supported in compiled functions",
    "Lambda": "lambda is not supported; define a module-level function",
    "JoinedStr": "f-strings are not supported in compiled functions",
}

# What compiled code can raise, in the order of the runtime's table (aot_rt_raise)
RAISABLE = ("ZeroDivisionError", "IndexError", "ValueError", "MemoryError", "OverflowError",
            "AssertionError", "TypeError", "RuntimeError")


def _holds_array(ty) -> bool:
    return isinstance(ty, T.Tuple) and any(isinstance(i, T.Array) or _holds_array(i) for i in ty.items)


def _constant_type(value):
    if isinstance(value, bool):
        return T.boolean
    if isinstance(value, int):
        return T.int64
    if isinstance(value, float):
        return T.float64
    if isinstance(value, complex):
        return T.complex128
    return T.Tuple(tuple(_constant_type(v) for v in value))


def _const_int(node):
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _const_int(node.operand)
        return -v if v is not None else None
    return None


def _as_load(target):
    if isinstance(target, ast.Name):
        return ast.copy_location(ast.Name(id=target.id, ctx=ast.Load()), target)
    if isinstance(target, ast.Subscript):
        return ast.copy_location(ast.Subscript(value=target.value, slice=target.slice, ctx=ast.Load()), target)
    if isinstance(target, ast.Attribute):
        return ast.copy_location(ast.Attribute(value=target.value, attr=target.attr, ctx=ast.Load()), target)
    return target


def _assigned_names(func: ast.FunctionDef) -> set:
    names = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            pass
    return names


def _may_fall_through(stmts) -> bool:
    """Whether control can reach the end of a statement list (a conservative check)."""
    for s in stmts:
        if isinstance(s, (ast.Return, ast.Raise)):
            return False
        if isinstance(s, ast.If) and s.orelse and not _may_fall_through(s.body) and not _may_fall_through(s.orelse):
            return False
        if isinstance(s, ast.While) and isinstance(s.test, ast.Constant) and s.test.value is True \
                and not any(isinstance(n, ast.Break) for n in _loop_own_nodes(s)):
            return False
    return True


def _loop_own_nodes(loop):
    """Nodes of a loop body that belong to it, not to nested loops (for break detection)."""
    stack = list(loop.body)
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, (ast.For, ast.While)):
            stack.extend(n.orelse)
            continue
        if isinstance(n, (ast.FunctionDef, ast.Lambda)):
            continue
        stack.extend(ast.iter_child_nodes(n))


def _describe(node) -> str:
    names = {"ListComp": "a list comprehension", "GeneratorExp": "a generator expression",
             "Try": "try/except", "With": "with", "ClassDef": "a class definition", "Global": "global",
             "Lambda": "lambda", "Yield": "yield", "Await": "await", "Starred": "*unpacking",
             "Delete": "del", "Import": "import inside a function", "ImportFrom": "import inside a function",
             "FunctionDef": "a nested function", "SetComp": "a set comprehension",
             "DictComp": "a dict comprehension", "Set": "a set", "Match": "match", "NamedExpr": ":=",
             "Slice": "a slice", "Nonlocal": "nonlocal"}
    return names.get(type(node).__name__, type(node).__name__)
