"""print() as numba compiles it: numbers, booleans, None, str, arrays, lists, dicts, sets
and tuples of numbers, written by CPython's own print() (through the NumPy bridge's call,
with the GIL held), so the text and its order with the caller's prints are Python's;
beyond numba, sep= and end= as str."""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T
from .numpy_call import Arg, call_numpy, value_arg
from .objects import operand
from .registry import lowerer, typer


def _printable(ty) -> bool:
    if isinstance(ty, (T.Scalar, T.Array, T.NoneType)) or T.is_object(ty):
        return True
    return isinstance(ty, T.Tuple) and len(set(ty.items)) == 1 and isinstance(ty.items[0], T.Scalar)


@typer("builtins.print")
def _print_type(inf, node, args, kws):
    for key, ty in kws.items():
        if key not in ("sep", "end"):
            raise inf.error(node, f"print(): {key}= is not supported (sep= and end= are)")
        if not isinstance(ty, (T.UnicodeType, T.NoneType)):
            raise inf.error(node, f"print(): {key}= must be a str or None, not {ty.name}")
    for a, n in zip(args, node.args):
        if not _printable(a):
            raise inf.error(n, f"print() of {a.name} is not supported (numbers, str, arrays, lists, dicts, "
                               "sets, None and tuples of one number type are)")
    return T.none


@lowerer("builtins.print")
def _print(lw, node):
    args = []
    for n in node.args + [kw.value for kw in node.keywords]:
        ty = lw.type_of(n)
        keyword = next((kw.arg for kw in node.keywords if kw.value is n), None)
        if isinstance(ty, T.Tuple):
            args.append(Arg(f"T{len(ty.items)}{ty.items[0].short}", lw.expr(n), keyword))
        elif T.is_object(ty):
            args.append(Arg("O", operand(lw, n), keyword))      # borrowed; a temporary is pinned
        else:
            args.append(value_arg(lw, n, keyword))
    call_numpy(lw, "builtins.print", args, None)
    return ir.Constant(ir.IntType(8), 0)
