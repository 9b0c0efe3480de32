"""What the AST says before any typing: tables of recognised names, the exceptions
compiled code can raise, messages for constructs outside the subset, and small
queries over nodes (assigned names, fall-through, constant indices)."""

from __future__ import annotations

import ast

from . import types as T

BUILTIN_NAMES = {"range", "len", "abs", "min", "max", "int", "float", "complex", "bool", "round",
                 "print", "sum", "enumerate", "zip", "divmod", "pow", "hash",
                 # library entries, or a located "not supported" instead of "not defined"
                 "reversed", "any", "all", "iter", "next", "sorted", "map", "filter", "isinstance"}
BUILTIN_NAMES |= {"list", "dict", "set", "sorted", "str", "hash", "ord", "chr"}   # containers and strings
NUMPY_DTYPES = {"float64": T.float64, "float32": T.float32, "int64": T.int64, "int32": T.int32,
                "int16": T.int16, "int8": T.int8, "uint64": T.uint64, "uint32": T.uint32,
                "uint16": T.uint16, "uint8": T.uint8, "bool_": T.boolean, "complex128": T.complex128,
                "complex64": T.complex64, "intp": T.int64, "double": T.float64, "float_": T.float64,
                "int_": T.int64, "bool": T.boolean}
MODULE_CONSTANTS = {"math.pi", "math.e", "math.inf", "math.nan", "math.tau", "numpy.pi", "numpy.e",
                    "numpy.inf", "numpy.nan", "cmath.pi", "cmath.e", "cmath.inf", "cmath.nan"}



# Expressions outside the subset that get a message of their own, with what to write instead
UNSUPPORTED = {
    "GeneratorExp": "generator expressions are not supported; write a loop",
}

# What compiled code can raise, in the order of the runtime's table (aot_rt_raise)
RAISABLE = ("ZeroDivisionError", "IndexError", "ValueError", "MemoryError", "OverflowError",
            "AssertionError", "TypeError", "RuntimeError", "UnboundLocalError", "RecursionError", "StopIteration")


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
    if isinstance(value, str):
        return T.unicode_type
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


def has_loop(node) -> bool:
    """A `for`, `while` or comprehension anywhere under `node` (a function: its own body
    and any function nested in it)."""
    return any(isinstance(n, (ast.For, ast.While, ast.comprehension)) for n in ast.walk(node))


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
             "Await": "await", "Starred": "*unpacking",
             "Delete": "del", "Import": "import inside a function", "ImportFrom": "import inside a function",
             "SetComp": "a set comprehension",
             "DictComp": "a dict comprehension", "Set": "a set", "Match": "match", "NamedExpr": ":=",
             "Slice": "a slice", "Nonlocal": "nonlocal"}
    return names.get(type(node).__name__, type(node).__name__)
