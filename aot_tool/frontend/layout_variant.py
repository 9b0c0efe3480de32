"""A second specialisation of an export for C-contiguous arrays, picked at the call.

numba compiles a function for the arrays it is called with, C-contiguous ones almost
always; an export's `f8[:]` is any layout, so a loop indexes through the run-time
stride.  Where LLVM vectorises a loop it versions it on the stride itself; a loop it
cannot vectorise (a `while`, a branch in the body, a scalar reduction, a data-dependent
or 2-d index) keeps a multiply per access, 12–32% of such a kernel's time; a loop over
complex elements it vectorises with gathers (one per real and imaginary part), 1.6×
the time of the C variant's contiguous loads.  For
exports with such loops the program also holds the function typed with every
any-layout array argument as C-contiguous; the kernel's entry calls it when every such
argument is C-contiguous (backend/layout_dispatch.py), as numba's dispatch would pick
its C specialisation.  Results are the same: only the address arithmetic differs.
"""

from __future__ import annotations

import ast

from . import types as T
from .syntax import has_loop


def contiguous_args(func: ast.FunctionDef, arg_types) -> tuple | None:
    """The argument types of the C-contiguous variant, or None where it would not gain."""
    if not any(_any_layout(t) for t in arg_types):
        return None
    complex_elements = any(_any_layout(t) and t.dtype.is_complex for t in arg_types)
    if not (_has_scalar_paced_loop(func) or (complex_elements and has_loop(func))):
        return None
    return tuple(T.Array(t.dtype, t.ndim, "C") if _any_layout(t) else t for t in arg_types)


def same_result(a, b) -> bool:
    """Whether two return types box alike (arrays may differ in layout only)."""
    if isinstance(a, T.Array) and isinstance(b, T.Array):
        return a.dtype == b.dtype and a.ndim == b.ndim
    return a == b


def _any_layout(t) -> bool:
    return isinstance(t, T.Array) and t.layout == "A"


def _has_scalar_paced_loop(func: ast.FunctionDef) -> bool:
    """A loop LLVM is unlikely to vectorise (so to version on the stride): a `while`, or
    a `for` whose body branches, updates a scalar (`s += ...`, or a recurrence such as
    Horner's `acc = acc * x[i] + c`), or indexes by anything but constants and
    `name ± constant` (a 2-d index, `counts[int(x)]`)."""
    for loop in ast.walk(func):
        if isinstance(loop, ast.While):
            return True
        if not isinstance(loop, ast.For):
            continue
        for node in ast.walk(ast.Module(body=loop.body, type_ignores=[])):
            if isinstance(node, (ast.If, ast.IfExp, ast.While)):
                return True
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                return True
            if _recurrence(node):
                return True
            if isinstance(node, ast.Subscript) and not _affine(node.slice):
                return True
    return False


def _recurrence(node) -> bool:
    """`name = <expression reading name>`: a value carried from one iteration to the next."""
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
        return False
    name = node.targets[0].id
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.value))


def _affine(index) -> bool:
    if isinstance(index, ast.Constant) or isinstance(index, ast.Name):
        return True
    if isinstance(index, ast.UnaryOp) and isinstance(index.operand, ast.Constant):
        return True
    return (isinstance(index, ast.BinOp) and isinstance(index.op, (ast.Add, ast.Sub))
            and {type(index.left), type(index.right)} <= {ast.Name, ast.Constant}
            and ast.Name in {type(index.left), type(index.right)})
