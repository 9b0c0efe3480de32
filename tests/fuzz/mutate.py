"""Mutations of corpus sources: `mutant(text, rng)` returns the source with one random
change (a statement deleted, duplicated or swapped with its neighbour, an operator or
a constant changed, an export signature changed, an unsupported construct inserted),
and a short description of it.  Deterministic for the rng's seed."""

from __future__ import annotations

import ast
import copy

BINOPS = [ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.BitAnd, ast.BitOr,
          ast.BitXor, ast.LShift, ast.RShift, ast.MatMult]
CMPOPS = [ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn]
CONSTANTS = [0, -1, 1, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 100, 0.0, -0.0, 1e308, float("inf"),
             float("nan"), True, None, "s", b"b", 1j, 255, -129]
UNSUPPORTED = [
    "with open('x') as fh:\n    pass", "try:\n    pass\nexcept Exception as e:\n    pass",
    "yield 1", "class K:\n    pass", "global gx\ngx = 1", "import os", "del {v}",
    "assert {v}, 'm'", "raise ValueError('m')", "{v} = lambda q: q", "print(*[{v}])",
    "exec('1')", "__import__('os')", "{v}: int = 1", "{v} = {{1: 2}}", "{v} = {{1, 2}}",
    "{v} = [q for q in range(3)]", "{v} = (q for q in range(3))", "{v} = {{q: q for q in range(3)}}",
    "*{v}, zz = (1, 2, 3)", "{v} = f'{{1}}'", "{v} = {v} @ {v}", "async def af():\n    pass",
    "match {v}:\n    case 1:\n        pass", "nonlocal {v}", "{v} = getattr({v}, 'x')",
    "{v} = {v}.no_such_attribute", "{v} = np.no_such_function({v})", "{v} = no_such_name",
    "{v} = {v}[1:2:3, ...]", "{v}[0] = 1", "{v} = ({v}, {v})[{v}]", "{v} = ...",
    "for q in {v}:\n    break\nelse:\n    pass", "while True:\n    break", "{v} = type({v})",
    "{v} = isinstance({v}, int)", "{v} = len({v})", "{v} = {v} if {v} else None",
    "return", "return 1, 2", "return None", "{v} = -{v}", "{v} = not {v}", "{v} = ~{v}",
    "{v} = {v} ** {v}", "{v} = {v} // 0", "{v} = int({v})", "{v} = str({v})", "{v} = {v}()",
    "{v}({v}, key={v})", "{v} = sorted({v})", "{v} = (yield)", "{v} = super()",
]


def _functions(tree):
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _bodies(tree):
    """Every statement list inside a function: (owner node, field name)."""
    out = []
    for fn in _functions(tree):
        for node in ast.walk(fn):
            for field in ("body", "orelse", "finalbody"):
                stmts = getattr(node, field, None)
                if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt):
                    out.append((node, field))
    return out


def _names(tree):
    return sorted({n.id for fn in _functions(tree) for n in ast.walk(fn) if isinstance(n, ast.Name)}
                  | {a.arg for fn in _functions(tree) for a in fn.args.args}) or ["x"]


def _statements(tree, rng, what):
    bodies = _bodies(tree)
    if not bodies:
        return None
    owner, field = rng.choice(bodies)
    stmts = getattr(owner, field)
    i = rng.randrange(len(stmts))
    if what == "delete":
        del stmts[i]
        if not stmts:
            stmts.append(ast.Pass())
    elif what == "duplicate":
        stmts.insert(i, copy.deepcopy(stmts[i]))
    elif what == "swap" and len(stmts) > 1:
        j = i + 1 if i + 1 < len(stmts) else i - 1
        stmts[i], stmts[j] = stmts[j], stmts[i]
    elif what == "insert":
        text = rng.choice(UNSUPPORTED).replace("{v}", rng.choice(_names(tree)))
        stmts[i:i] = ast.parse(text).body if "nonlocal" not in text and "return" not in text[:6] \
            else [ast.parse(f"def _w():\n    {text}").body[0].body[0]]
        return text.splitlines()[0]
    else:
        return None
    return f"line {getattr(stmts[min(i, len(stmts) - 1)], 'lineno', '?')}"


def _operator(tree, rng):
    nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.BinOp, ast.AugAssign, ast.Compare, ast.UnaryOp,
                                                          ast.BoolOp))]
    if not nodes:
        return None
    node = rng.choice(nodes)
    if isinstance(node, (ast.BinOp, ast.AugAssign)):
        node.op = rng.choice(BINOPS)()
    elif isinstance(node, ast.Compare):
        node.ops[rng.randrange(len(node.ops))] = rng.choice(CMPOPS)()
    elif isinstance(node, ast.UnaryOp):
        node.op = rng.choice([ast.USub, ast.UAdd, ast.Not, ast.Invert])()
    else:
        node.op = rng.choice([ast.And, ast.Or])()
    return f"operator at line {node.lineno}"


def _constant(tree, rng):
    nodes = [n for fn in _functions(tree) for n in ast.walk(fn) if isinstance(n, ast.Constant)]
    if not nodes:
        return None
    node = rng.choice(nodes)
    node.value = rng.choice(CONSTANTS)
    return f"constant {node.value!r} at line {node.lineno}"


SIGNATURE_EDITS = [
    ("f8", "i8"), ("i8", "f8"), ("[:]", "[:, :]"), ("[:, :]", "[:]"), ("[:]", "[::1]"), ("(", "(f8, "),
    (", ", ""), ("f8", "c16"), ("i8", "u1"), ("f8", "b1"), (")", ""), ("f8", "nosuchtype"),
    ("(", "(("), ("f8", "f8[:]"), ("[:]", ""), ("i8", "UniTuple(i8, 2)"), ("f8", "optional(f8)"),
    ("f8", "unicode_type"), ("i8", "ListType(i8)"), ("f8", "DictType(i8, f8)"), ("f8", "none"),
]


def _signature(tree, rng):
    sigs = [d.args[1] for fn in _functions(tree) for d in fn.decorator_list
            if isinstance(d, ast.Call) and len(d.args) == 2 and isinstance(d.args[1], ast.Constant)
            and isinstance(d.args[1].value, str)]
    if not sigs:
        return None
    node = rng.choice(sigs)
    old, new = rng.choice(SIGNATURE_EDITS)
    if rng.random() < 0.1:
        node.value = rng.choice(["", "f8", "f8(", "f8(f8)(f8)", "x" * 100, "f8[:](f8[:, :, :, :])",
                                 "void()", "i8(i8, i8, i8, i8, i8, i8, i8, i8, i8, i8)", "f8(*)"])
    elif old in node.value:
        node.value = node.value.replace(old, new, 1)
    else:
        return None
    return f"signature {node.value!r}"


def mutant(text: str, rng):
    """(mutated source, description), or None when the chosen mutation does not apply."""
    tree = ast.parse(text)
    kind = rng.choice(["delete", "duplicate", "swap", "insert", "insert", "operator", "constant",
                       "signature", "signature"])
    if kind in ("delete", "duplicate", "swap", "insert"):
        where = _statements(tree, rng, kind)
    elif kind == "operator":
        where = _operator(tree, rng)
    elif kind == "constant":
        where = _constant(tree, rng)
    else:
        where = _signature(tree, rng)
    if where is None:
        return None
    try:
        return ast.unparse(ast.fix_missing_locations(tree)), f"{kind}: {where}"
    except (ValueError, TypeError, AttributeError):
        return None
