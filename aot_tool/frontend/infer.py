"""Type inference with numba's nopython semantics over a function and all it calls.

`infer_export(source, export)` types the exported function for its signature and,
through the call graph, every helper specialisation it reaches.  The result is a
`Typed` record per specialisation: the types of variables and of every expression
node, and what each call resolves to.  Variables have one type for the whole
function (numba's unification); a clash is a located error.
"""

from __future__ import annotations

import ast
import hashlib
import os
from dataclasses import dataclass, field

from . import types as T
from .calls import is_literal
from .none_params import first_none_tests, replaced_none_params
from .errors import CompileError, error_at
from .source import JIT_DECORATORS, Source, _dotted, exported_function, resolve_path
from .closures import ClosureTyping, is_generator
from .infer_containers import ContainerTyping
from .infer_exprs import ExpressionTyping
from .infer_stmts import StatementTyping
from .layout_variant import contiguous_args, same_result
from .syntax import _assigned_names, _may_fall_through
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
    elem_types: dict = field(default_factory=dict)   # elementwise array node -> its element type
    ufunc_outs: dict = field(default_factory=dict)   # np.add(a, b, out) -> (the call without out, out)
    call_args: dict = field(default_factory=dict)    # user ast.Call -> argument node per parameter
    unwrapped: set = field(default_factory=set)      # optional-typed nodes used where the value is due
    pruned: dict = field(default_factory=dict)       # ast.If -> whether only its body (else: orelse) is live
    replaced_params: set = field(default_factory=set)  # none parameters replaced before use (none_params.py)
    first_tests: dict = field(default_factory=dict)    # parameter -> its first `if p is None:` statement
    notes: dict = field(default_factory=dict)        # made-up nodes and data of library entries, by key
    extra_params: tuple = ()    # a closure's captured variables, passed after its arguments
    qualname: str = ""          # a closure's 'outer.inner' (symbols of closures nested in it)
    closures: dict = field(default_factory=dict)     # name -> inner def / lambda bound to it (closures.py)
    is_generator: bool = False  # its return_type is the type it yields; inlined into `for` loops
    done: bool = False

    @property
    def params(self) -> list:
        return [a.arg for a in self.node.args.args] + list(self.extra_params)


@dataclass
class Program:
    """Every specialisation an export reaches, the export's first."""
    entry: Typed
    functions: list
    contiguous_entry: Typed | None = None   # the entry for C-contiguous arrays (layout_variant.py)


def infer_export(source: Source, export, layout_variant: bool = True) -> Program:
    """The export's program; with `layout_variant`, also its C-contiguous specialisation
    where it gains (the compile wants it; a return-type query does not)."""
    home, func = exported_function(source, export)
    program = _infer(source, export, home, func, tuple(export.signature.args))
    variant_args = contiguous_args(func, export.signature.args) if layout_variant else None
    if variant_args is not None:
        try:
            variant = _infer(source, export, home, func, variant_args)
        except CompileError:    # the any-layout program is valid: it runs every call
            return program
        if same_result(variant.entry.return_type, program.entry.return_type):
            known = {t.symbol for t in program.functions}
            program.functions += [t for t in variant.functions if t.symbol not in known]
            program.contiguous_entry = variant.entry
    return program


def _infer(source: Source, export, home: Source, func: ast.FunctionDef, arg_types: tuple) -> Program:
    sig = export.signature
    registry: dict = {}
    order: list = []
    if is_generator(func):
        raise error_at(home, func, f"{func.name}() is a generator; an exported function must return "
                                   "its result (iterate the generator in it with a `for`)")
    entry = _specialise(home, func, arg_types, registry, order)
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
        elif not T.can_convert(entry.return_type, sig.ret) and not (
                # numba unwraps an optional result where the signature wants its value
                isinstance(entry.return_type, T.Optional) and T.can_convert(entry.return_type.inner, sig.ret)):
            hint = " (some path returns None or ends without a return)" \
                if isinstance(entry.return_type, T.Optional) else ""
            raise error_at(source, export.node, f"signature {export.signature_text!r} declares return type "
                                                f"{sig.ret.name} but {func.name}() returns "
                                                f"{entry.return_type.name}{hint}")
    propagate_writes(order)
    return Program(entry=entry, functions=order)


def _symbol(source: Source, func: ast.FunctionDef, arg_types) -> str:
    args = "_".join(_mangle(t) for t in arg_types)
    return f"aotfn.{file_tag(source)}.{func.name}.{args}"


def file_tag(source: Source) -> str:
    """The file's stem and a digest of its path inside the source tree: unique per file
    (pkg1/util.py and pkg2/util.py differ) and the same wherever the tree is checked out."""
    rel = os.path.relpath(os.path.abspath(source.path), source.root).replace(os.sep, "/")
    stem = rel.rsplit("/", 1)[-1].removesuffix(".py")
    return f"{stem}_{hashlib.sha256(rel.encode('utf-8', 'surrogateescape')).hexdigest()[:12]}"


def _mangle(t) -> str:
    """A spelling of an argument type that no other type shares: names are length-prefixed
    (`a_b.c` and `a.b_c` differ), compound types are bracketed."""
    if isinstance(t, T.Scalar):
        return t.short
    if isinstance(t, T.Array):
        return f"a{t.ndim}{t.layout}{t.dtype.short}"
    if isinstance(t, T.Tuple):
        return "t" + "".join(_mangle(i) for i in t.items) + "e"
    if isinstance(t, T.Optional):
        return "o" + _mangle(t.inner)
    if isinstance(t, T.Function):
        return "F" + _named(t.path)
    if isinstance(t, T.Closure):
        return "L" + _named(t.home) + _named(t.key) + "".join(_mangle(c) for _, c in t.captured) + "e"
    return "N" + _named(t.name)


def _named(name: str) -> str:
    return f"{len(name)}{name}"


def _specialise(source: Source, func: ast.FunctionDef, arg_types: tuple, registry: dict, order: list) -> Typed:
    key = (id(source), func.name, arg_types)
    if key in registry:
        return registry[key]
    typed = Typed(source=source, node=func, arg_types=arg_types, symbol=_symbol(source, func, arg_types),
                  is_generator=is_generator(func))
    registry[key] = typed
    order.append(typed)
    _check_function_shape(source, func)
    _Inferrer(typed, registry, order).run()
    typed.done = True
    return typed


def _check_function_shape(source: Source, func: ast.FunctionDef) -> None:
    a = func.args
    seen = set()
    for arg in a.args:
        if arg.arg in seen:   # ast.parse accepts this; CPython's compiler refuses it
            raise error_at(source, arg, f"duplicate argument '{arg.arg}' in function definition")
        seen.add(arg.arg)
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise error_at(source, func, f"{func.name}(): *args, **kwargs, keyword-only and positional-only "
                                     "arguments are not supported")
    for default in a.defaults:
        if not is_literal(default):
            raise error_at(source, default, f"{func.name}(): default values must be literals (numbers, str, "
                                            "booleans, None or tuples of them), as numba requires")
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        path = resolve_path(source, _dotted(target))
        if isinstance(target, ast.Attribute) and target.attr == "export":
            continue
        if path not in JIT_DECORATORS:
            raise error_at(source, deco, "only numba's @njit/@jit decorators are understood on compiled "
                                         "functions (they are read, never called)")


class _Inferrer(ClosureTyping, StatementTyping, ExpressionTyping, ContainerTyping):
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
        self.t.replaced_params = replaced_none_params(self.t.node, self.t.params, self.t.arg_types)
        self.t.first_tests = first_none_tests(self.t.node, self.t.params)
        for name, ty in zip(self.t.params, self.t.arg_types):
            if name not in self.t.replaced_params:
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
        if self.t.is_generator:
            return self.finish_generator()
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
