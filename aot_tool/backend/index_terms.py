"""Reading an index expression as a literal, a variable plus a constant, or a sum of two names:
the shapes the index proofs (bounds.py, bounds_descent.py, bounds_running.py) know how to
follow; and whether a piece of code makes a closure, which they all refuse."""

import ast


def makes_closure(node) -> bool:
    """A lambda or nested function under `node` (not `node` itself): it could run where
    a proof's facts do not hold, or assign a variable the proof follows."""
    return any(isinstance(n, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)) and n is not node
               for n in ast.walk(node))


def int_constant(node):
    """The value of an integer literal, `5` or `-5` (a UnaryOp in the tree), else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant) and type(node.operand.value) is int):
        return -node.operand.value
    return None


def split_index(node):
    """(loop variable, constant offset) for `i`, `i + c`, `i - c`, `c + i`; or (None, c) for a constant."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return None, node.value
    if isinstance(node, ast.Name):
        return node.id, 0
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        left, right = node.left, node.right
        if isinstance(left, ast.Name) and isinstance(right, ast.Constant) and type(right.value) is int:
            return left.id, right.value if isinstance(node.op, ast.Add) else -right.value
        if isinstance(node.op, ast.Add) and isinstance(right, ast.Name) and isinstance(left, ast.Constant) \
                and type(left.value) is int:
            return right.id, left.value
    return None, None


def name_terms(node) -> list:
    """`a + b`, `b + a` or `a - b` of two names, read as a ± b: [(a, b, +1 or -1)] for
    each way round it can be read (both for `+`)."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub))
            and isinstance(node.left, ast.Name) and isinstance(node.right, ast.Name)):
        return []
    left, right = node.left.id, node.right.id
    if isinstance(node.op, ast.Sub):
        return [(left, right, -1)]
    return [(left, right, 1), (right, left, 1)]
