"""any() and all() of a range, a 1-d array, a tuple, a list or reversed() of those, with
CPython's semantics (numba 0.68 has neither builtin; np.any/np.all and the array methods
are reductions.py's): the items' truth in order, stopping at the first that decides."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i1, i64
from ..frontend import types as T
from .registry import lowerer, typer


def _items(inf, node, ty, name):
    if isinstance(ty, T.Array):
        if ty.ndim != 1:
            raise inf.error(node, f"{name}() of a {ty.ndim}-d array asks each row for its truth value, "
                                  f"which NumPy refuses; write np.{name}(a)")
        return [ty.dtype]
    if isinstance(ty, T.RangeType):
        return [T.int64]
    if isinstance(ty, T.Tuple):
        return list(ty.items)
    if isinstance(ty, T.ListType):
        return [ty.item]
    if isinstance(ty, T.Reversed):
        return _items(inf, node, ty.item, name)
    raise inf.error(node, f"{name}() takes a range, a 1-d array, a tuple, a list or reversed() of "
                          f"those here, not {ty.name}")


def _type(name):
    def rule(inf, node, args, kws):
        if kws or len(args) != 1:
            raise inf.error(node, f"{name}() takes exactly one argument")
        for item in _items(inf, node.args[0], args[0], name):
            if not isinstance(item, T.Scalar):
                raise inf.error(node.args[0], f"{name}() needs items that are numbers or booleans here, "
                                              f"not {item.name}")
        return T.boolean
    return rule


def _lower(want):
    """any: want=True (the first true item decides); all: want=False."""
    def lower(lw, node):
        from .iterables import sequence_of, iterable_value
        arg = node.args[0]
        ty = lw.type_of(arg)
        b = lw.b
        value = iterable_value(lw, arg)
        if isinstance(ty, T.Tuple) and len(set(ty.items)) != 1:   # items of several types: unrolled
            out = ir.Constant(i1, int(not want))
            for k, item in enumerate(ty.items):
                truth = lw.to_bool(b.extract_value(value, k), item)
                out = b.or_(out, truth) if want else b.and_(out, truth)
            return out
        length, item = sequence_of(lw, value, ty)
        if item is None:            # the empty tuple
            return ir.Constant(i1, int(not want))
        item_ty = _items(None, node, ty, "")[0]
        start = b.block
        head, body, step, found, done = (lw.fn.append_basic_block(f"{'any' if want else 'all'}.{s}")
                                         for s in ("head", "body", "step", "found", "done"))
        b.branch(head)
        b.position_at_end(head)
        k = b.phi(i64)
        k.add_incoming(ir.Constant(i64, 0), start)
        b.cbranch(b.icmp_signed("<", k, length), body, done)
        b.position_at_end(body)
        truth = lw.to_bool(item(k), item_ty)
        b.cbranch(truth if want else b.not_(truth), found, step)
        b.position_at_end(step)
        k.add_incoming(b.add(k, ir.Constant(i64, 1)), step)
        b.branch(head)
        b.position_at_end(found)
        b.branch(done)
        b.position_at_end(done)
        out = b.phi(i1)
        out.add_incoming(ir.Constant(i1, int(not want)), head)
        out.add_incoming(ir.Constant(i1, int(want)), found)
        return out
    return lower


typer("builtins.any")(_type("any"))
typer("builtins.all")(_type("all"))
lowerer("builtins.any")(_lower(True))
lowerer("builtins.all")(_lower(False))
