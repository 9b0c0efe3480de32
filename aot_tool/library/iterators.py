"""iter() and next() as numba compiles them: `it = iter(a)` is an iterator variable
holding its iterable and the position of the next item; `next(it)` returns that item
and advances (StopIteration past the end); a `for` over `it` goes on from there and
leaves it exhausted (or just past the item a `break` left at).  Iterables: ranges,
1-d arrays, uniform tuples, zip() and enumerate() of those."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i64, value_type
from ..frontend import types as T
from .iterables import element_type, iterable_value, sequence_of
from .registry import lowerer, typer

_ITERABLE = (T.RangeType, T.Zip, T.Enumerate)


def _one_argument(inf, node, args, kws, name):
    if kws or len(args) != 1:
        raise inf.error(node, f"{name}() takes one argument here (numba has no default for next())")


@typer("builtins.iter")
def _iter_type(inf, node, args, kws):
    _one_argument(inf, node, args, kws, "iter")
    ty = args[0]
    if isinstance(ty, T.Iterator):
        return ty
    if isinstance(ty, _ITERABLE) or isinstance(ty, T.Array) and ty.ndim == 1 or \
            isinstance(ty, T.Reversed) and not T.is_object(ty.item) or \
            isinstance(ty, T.Tuple) and len(set(ty.items)) == 1:
        return T.Iterator(ty)
    raise inf.error(node.args[0], f"iter() takes a range, a 1-d array, a tuple of one type, zip() or "
                                  f"enumerate() here, not {ty.name}")


@lowerer("builtins.iter")
def _iter(lw, node):
    arg = node.args[0]
    ty = lw.type_of(arg)
    if isinstance(ty, T.Iterator):
        return lw.expr(arg)
    value = iterable_value(lw, arg)
    _keep_arrays(lw, value, ty)
    out = ir.Constant(value_type(T.Iterator(ty)), ir.Undefined)
    return lw.b.insert_value(lw.b.insert_value(out, value, 0), ir.Constant(i64, 0), 1)


def _keep_arrays(lw, value, ty):
    """The iterator reads the arrays it holds later: keep each alive until the function
    exits, whatever happens to the variable it came from."""
    if isinstance(ty, T.Array):
        lw.incref(lw.b.extract_value(value, 0))
        lw.pin(value, ty)
    elif isinstance(ty, T.Zip):
        for i, item in enumerate(ty.items):
            _keep_arrays(lw, lw.b.extract_value(value, i), item)
    elif isinstance(ty, T.Enumerate):
        _keep_arrays(lw, lw.b.extract_value(value, 1), ty.item)
    elif isinstance(ty, T.Reversed):
        _keep_arrays(lw, value, ty.item)


@typer("builtins.next")
def _next_type(inf, node, args, kws):
    _one_argument(inf, node, args, kws, "next")
    ty, arg = args[0], node.args[0]
    if isinstance(ty, T.Iterator):
        if not isinstance(arg, (ast.Name, ast.Call)):
            raise inf.error(arg, "next() takes an iterator variable or iter(...) here")
        return element_type(inf, arg, ty)
    if isinstance(ty, (T.Zip, T.Enumerate)):
        return element_type(inf, arg, ty)
    raise inf.error(arg, f"next() needs an iterator (iter(x), zip() or enumerate()), not {ty.name}")


@lowerer("builtins.next")
def _next(lw, node):
    arg = node.args[0]
    ty = lw.type_of(arg)
    b = lw.b
    if isinstance(ty, T.Iterator):
        it = lw.expr(arg)
        source, source_ty, pos = b.extract_value(it, 0), ty.source, b.extract_value(it, 1)
    else:
        it, source, source_ty, pos = None, iterable_value(lw, arg), ty, ir.Constant(i64, 0)
    length, item = sequence_of(lw, source, source_ty)
    lw.check(b.icmp_unsigned(">=", pos, length), "StopIteration", "")
    value = item(pos)
    if it is not None and isinstance(arg, ast.Name) and arg.id in lw.slots:
        b.store(b.insert_value(it, b.add(pos, ir.Constant(i64, 1)), 1), lw.slots[arg.id])
    return value


def lower_iterator_loop(lw, loop) -> None:
    """for x in it: from the iterator's position to the end, advancing it as it goes."""
    ity = lw.type_of(loop.iter)
    b = lw.b
    it = lw.expr(loop.iter)
    length, item = sequence_of(lw, b.extract_value(it, 0), ity.source)
    elem = element_type(None, loop.iter, ity)
    slot = lw.slots.get(loop.iter.id) if isinstance(loop.iter, ast.Name) else None

    def body(k):
        if slot is not None:
            b.store(b.insert_value(b.load(slot), b.add(k, ir.Constant(i64, 1)), 1), slot)
        lw.assign(loop.target, item(k), elem, False)
        lw.block(loop.body)

    lw.counted_loop(b.extract_value(it, 1), length, ir.Constant(i64, 1), 1, body, name="iter")
