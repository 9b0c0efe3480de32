"""What a build script's names hold when read without running it.

Discovery (frontend/discovery.py) walks a source's statements the way Python would
run them and needs to know what a few expressions hold: the CC class, a CC object,
a function, a string or a tuple of strings.  This module holds those values and
folds the pure part of Python (constants, tuples, lists, dicts, `+`, f-strings,
comparisons, `range`/`zip`/`enumerate` of constants).  Anything else is UNKNOWN:
never guessed, never run.
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass, field


class _Unknown:
    """A value only running the source could tell."""

    def __repr__(self):
        return "UNKNOWN"


UNKNOWN = _Unknown()
UNBOUND = object()   # a name no statement we read binds (a lookup miss, not a value)


@dataclass(frozen=True)
class Alias:
    """An imported module or name: `np` -> 'numpy', `CC` -> 'numba.pycc.CC'."""
    path: str


@dataclass(frozen=True)
class Imported:
    """`from mod import name` of a project file (read with ast when a function is exported)."""
    module: str
    level: int
    name: str
    node: ast.AST = field(compare=False)


@dataclass(eq=False)
class CCObject:
    """A CC object the source creates; `spec` is its ModuleSpec."""
    spec: object


@dataclass(eq=False)
class Method:
    """`cc.export`, `cc.compile`, ...: an attribute of a CC object, not yet called."""
    cc: CCObject
    name: str


@dataclass(eq=False)
class Exporter:
    """What `cc.export(name, sig)` returns: applied to a function, it registers it."""
    cc: CCObject
    name: str
    signature: tuple          # (text, Signature)
    node: ast.Call            # the `cc.export(...)` call, for error locations
    flags: dict = field(default_factory=dict)   # cc.export(..., nogil=True)


@dataclass(eq=False)
class Function:
    """A function defined in the source; `key` names it in Source.functions."""
    key: str
    node: ast.FunctionDef
    scope: object             # the scope it was defined in (for its globals)


@dataclass(frozen=True)
class JitFactory:
    """`njit(cache=True)` or `njit('f8(f8)')`: a decorator that hands the function back."""
    path: str


_CONSTANT_TYPES = (str, int, float, complex, bool, bytes, type(None))
MUTATORS = ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update",
             "setdefault", "popitem", "__setitem__")


def is_constant(value) -> bool:
    """A plain Python value built only from literals (what a loop may iterate over)."""
    if isinstance(value, _CONSTANT_TYPES):
        return True
    if isinstance(value, (tuple, list)):
        return all(is_constant(v) or isinstance(v, (Function, Imported, Alias)) for v in value)
    if isinstance(value, dict):
        return all(is_constant(k) and (is_constant(v) or isinstance(v, (Function, Imported, Alias)))
                   for k, v in value.items())
    return False


_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Mod: operator.mod,
           ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv}
_CMPOPS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
           ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
           ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not}
_MAX_FOLDED = 10_000   # never build a huge string or tuple by folding `'x' * 10**9`


def _plain(value) -> bool:
    """Built from literals only (no functions, CC objects or imports inside)."""
    if isinstance(value, _CONSTANT_TYPES):
        return True
    if isinstance(value, (tuple, list)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def fold_binop(op, a, b):
    if not (_plain(a) and _plain(b)) or type(op) not in _BINOPS:
        return UNKNOWN
    if isinstance(op, ast.Mult):
        for seq, n in ((a, b), (b, a)):
            if isinstance(seq, (str, bytes, tuple, list)) and isinstance(n, int) and n * len(seq) > _MAX_FOLDED:
                return UNKNOWN
    try:
        return _BINOPS[type(op)](a, b)
    except Exception:   # a TypeError or ZeroDivisionError the running source would raise
        return UNKNOWN


def fold_compare(node: ast.Compare, values: list):
    if not all(_plain(v) for v in values):
        return UNKNOWN
    try:
        for op, a, b in zip(node.ops, values, values[1:]):
            if not _CMPOPS[type(op)](a, b):
                return False
        return True
    except Exception:
        return UNKNOWN


def truth(value):
    """True/False for a value whose truth we know, else UNKNOWN."""
    if _plain(value):
        return bool(value)
    if isinstance(value, (CCObject, Function, Alias, Imported, Exporter, Method, JitFactory)):
        return True
    return UNKNOWN


def fold_builtin(name: str, args: list, kwargs: dict):
    """range/len/tuple/list/zip/enumerate/reversed/sorted/str of constants, else UNKNOWN."""
    if kwargs or not all(_plain(a) for a in args):
        return UNKNOWN
    try:
        if name == "range":
            r = range(*args)
            return tuple(r) if len(r) <= _MAX_FOLDED else UNKNOWN
        fn = {"len": len, "tuple": tuple, "list": list, "str": str, "sorted": sorted,
              "zip": lambda *a: tuple(zip(*a)), "enumerate": lambda *a: tuple(enumerate(*a)),
              "reversed": lambda a: tuple(reversed(a))}.get(name)
        return UNKNOWN if fn is None else fn(*args)
    except Exception:
        return UNKNOWN


def fold_method(base, name: str, args: list):
    """`d.items()`, `'-'.join(...)`, `s.format(...)` and the like on constants."""
    if isinstance(base, dict) and name in ("items", "keys", "values") and not args and is_constant(base):
        return tuple(getattr(base, name)())   # also {'f': f, 'g': g}.items(): names and functions
    if not (_plain(base) and all(_plain(a) for a in args)) or name in MUTATORS:
        return UNKNOWN
    if isinstance(base, str) and name in ("format", "join", "upper", "lower", "strip", "replace", "split"):
        try:
            result = getattr(base, name)(*args)
        except Exception:
            return UNKNOWN
        return tuple(result) if isinstance(result, list) else result
    return UNKNOWN


def subscript(base, index):
    """`SIGS[0]`, `COMPILERS['main']` (a table may hold CC objects and functions too)."""
    if not (isinstance(base, (tuple, list, dict, str, bytes)) and _plain(index)):
        return UNKNOWN
    try:
        value = base[index]
    except Exception:
        return UNKNOWN
    return value


def format_value(value, conversion: int, spec):
    if not (_plain(value) and (spec is None or isinstance(spec, str))):
        return UNKNOWN
    if conversion == ord("r"):
        value = repr(value)
    elif conversion == ord("s"):
        value = str(value)
    elif conversion == ord("a"):
        value = ascii(value)
    try:
        return format(value, spec or "")
    except Exception:
        return UNKNOWN



def fold_expression(node, ev):
    """The value of a pure expression (literals, operators, f-strings, subscripts), with
    `ev` giving its operands' values; UNKNOWN for any other kind of node."""
    if isinstance(node, (ast.Tuple, ast.List)):
        items = []
        for elt in node.elts:
            if isinstance(elt, ast.Starred):
                inner = ev(elt.value)
                if not isinstance(inner, (tuple, list)):
                    return UNKNOWN
                items.extend(inner)
            else:
                items.append(ev(elt))
        return tuple(items) if isinstance(node, ast.Tuple) else items
    if isinstance(node, ast.Dict):
        keys = [ev(k) if k is not None else UNKNOWN for k in node.keys]
        values = [ev(v) for v in node.values]
        if all(is_constant(k) and not isinstance(k, (list, dict)) for k in keys):
            return dict(zip(keys, values))
        return UNKNOWN
    if isinstance(node, ast.BinOp):
        return fold_binop(node.op, ev(node.left), ev(node.right))
    if isinstance(node, ast.UnaryOp):
        operand = ev(node.operand)
        if isinstance(node.op, ast.Not):
            t = truth(operand)
            return UNKNOWN if t is UNKNOWN else not t
        if isinstance(operand, (int, float)) and isinstance(node.op, (ast.USub, ast.UAdd)):
            return -operand if isinstance(node.op, ast.USub) else operand
        return UNKNOWN
    if isinstance(node, ast.BoolOp):
        return _fold_boolop(node, ev)
    if isinstance(node, ast.Compare):
        return fold_compare(node, [ev(n) for n in [node.left, *node.comparators]])
    if isinstance(node, ast.IfExp):
        t = truth(ev(node.test))
        if t is UNKNOWN:
            return UNKNOWN
        return ev(node.body if t else node.orelse)
    if isinstance(node, ast.Subscript):
        return subscript(ev(node.value), ev(node.slice))
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                spec = ev(part.format_spec) if part.format_spec is not None else None
                part = format_value(ev(part.value), part.conversion, spec)
            else:
                part = part.value
            if not isinstance(part, str):
                return UNKNOWN
            parts.append(part)
        return "".join(parts)
    return UNKNOWN


def _fold_boolop(node: ast.BoolOp, ev):
    value = UNKNOWN
    for operand in node.values:
        value = ev(operand)
        t = truth(value)
        if t is UNKNOWN:
            return UNKNOWN
        if t is isinstance(node.op, ast.Or):   # `or` stops at a true value, `and` at a false one
            return value
    return value

def module_literals(tree: ast.Module, outside) -> dict:
    """Module-level names of a project file bound to literal values (`SIGS = ('f8(f8)',)`,
    `EXPORTS = [('f', f, 'f8(f8)')]`): an export table kept next to the kernels.
    `outside(name)` gives any other name's value (a function of that file, say)."""
    table: dict = {}

    def ev(node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return table[node.id] if node.id in table else outside(node.id)
        return fold_expression(node, ev)

    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = ev(stmt.value)
            if is_constant(value):
                table[stmt.targets[0].id] = value
            else:
                table.pop(stmt.targets[0].id, None)
    return table


def describe(node: ast.AST) -> str:
    """Short source text of a node for messages."""
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."
