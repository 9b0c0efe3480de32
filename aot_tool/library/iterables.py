"""zip(), enumerate() and reversed() as `for` iterables, and what each iterable yields.

Every iterable that is not a generator is a sequence with a length known before the
loop (a range, a 1-d array, a uniform tuple, or zip/enumerate of those), so a zip or
enumerate loop is one counted loop over k with the k-th item of each operand: zip
stops at the shortest operand, as in Python.
"""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i1, i8, i64, value_type
from ..frontend import types as T
from .registry import lowerer, typer

_SEQUENCES = "a range, a 1-d array, a tuple of one type, a generator, zip() or enumerate()"


def element_type(inf, node, ity):
    """The type a `for` over `node` (of type `ity`) assigns to its target."""
    if isinstance(ity, T.RangeType):
        return T.int64
    if isinstance(ity, T.Array):
        if ity.ndim != 1:   # the rows: views of one dimension less
            return T.Array(ity.dtype, ity.ndim - 1, "C" if ity.layout == "C" else "A")
        return ity.dtype
    if isinstance(ity, T.Tuple) and len(set(ity.items)) == 1:
        return ity.items[0]
    if isinstance(ity, T.Zip):
        return T.Tuple(tuple(element_type(inf, node, i) for i in ity.items))
    if isinstance(ity, T.Enumerate):
        return T.Tuple((T.int64, element_type(inf, node, ity.item)))
    if isinstance(ity, T.Reversed):
        return element_type(inf, node, ity.item)
    if isinstance(ity, T.Generator):
        return ity.typed.return_type
    if isinstance(ity, T.Iterator):
        return element_type(inf, node, ity.source)
    if T.is_object(ity):
        from ..frontend.infer_containers import object_item_type
        return object_item_type(ity) if inf is None else inf.object_item(node, ity)
    raise inf.error(node, f"cannot iterate over {ity.name}")


def _generators(ty) -> int:
    if isinstance(ty, T.Generator):
        return 1
    if isinstance(ty, T.Zip):
        return sum(_generators(i) for i in ty.items)
    return _generators(ty.item) if isinstance(ty, T.Enumerate) else 0


def _want_sequence(inf, node, ty, name):
    if isinstance(ty, (T.RangeType, T.Zip, T.Enumerate, T.Reversed, T.Generator)):
        return
    if isinstance(ty, T.Array) and ty.ndim == 1:
        return
    if isinstance(ty, T.Tuple) and len(set(ty.items)) == 1:
        return
    if isinstance(ty, (T.ListType, T.UnicodeType)):
        return
    raise inf.error(node, f"{name}() takes {_SEQUENCES} here, not {ty.name}")


@typer("builtins.zip")
def _zip_type(inf, node, args, kws):
    if kws:
        raise inf.error(node, "zip() takes no keyword arguments")
    if not args:
        raise inf.error(node, "zip() needs at least one iterable")
    for a, n in zip(args, node.args):
        _want_sequence(inf, n, a, "zip")
    if _generators(T.Zip(tuple(args))) > 1:
        raise inf.error(node, "zip() of more than one generator is not supported")
    return T.Zip(tuple(args))


@typer("builtins.enumerate")
def _enumerate_type(inf, node, args, kws):
    if set(kws) - {"start"} or not 1 <= len(args) + len(kws) <= 2 or not args:
        raise inf.error(node, "enumerate() takes an iterable and an optional start")
    _want_sequence(inf, node.args[0], args[0], "enumerate")
    start = args[1] if len(args) > 1 else kws.get("start")
    if start is not None and not (isinstance(start, T.Scalar) and (start.is_int or start.is_bool)):
        raise inf.error(node, f"enumerate() start must be an integer, not {start.name}")
    return T.Enumerate(args[0])


@typer("builtins.reversed")
def _reversed_type(inf, node, args, kws):
    """reversed() of a sequence CPython can reverse: a range, a 1-d array, a tuple of one
    type, a list or a str (numba 0.68 has no reversed(); CPython's semantics)."""
    if kws or len(args) != 1:
        raise inf.error(node, "reversed() takes exactly one argument")
    ty = args[0]
    if isinstance(ty, (T.RangeType, T.ListType, T.UnicodeType)) or \
            isinstance(ty, T.Array) and ty.ndim == 1 or isinstance(ty, T.Tuple) and len(set(ty.items)) == 1:
        return T.Reversed(ty)
    what = ty.name.split("(")[0]
    if isinstance(ty, (T.Zip, T.Enumerate, T.Generator, T.Reversed, T.Iterator)):
        raise inf.error(node.args[0], f"'{what}' object is not reversible")
    raise inf.error(node.args[0], "reversed() takes a range, a 1-d array, a tuple of one type, a list or a str "
                                  f"here, not {ty.name}")


@lowerer("builtins.zip", "builtins.enumerate", "builtins.reversed")
def _zip_value(lw, node):
    return iterable_value(lw, node)


def _start_node(node):
    if len(node.args) > 1:
        return node.args[1]
    return next((kw.value for kw in node.keywords if kw.arg == "start"), None)


def iterable_value(lw, node):
    """What an iterable expression keeps for iterating it: a range's {start, stop, step},
    an array, a tuple, and for zip/enumerate a struct of their operands' values (an
    enumerate's start first)."""
    ty = lw.type_of(node)
    b = lw.b
    if isinstance(ty, (T.Zip, T.Enumerate)):
        parts = [iterable_value(lw, a) for a in node.args[:1 if isinstance(ty, T.Enumerate) else None]]
        if isinstance(ty, T.Enumerate):
            start_node = _start_node(node)
            parts.insert(0, ir.Constant(i64, 0) if start_node is None else
                         lw.cast(lw.expr(start_node), lw.type_of(start_node), T.int64))
        out = ir.Constant(value_type(ty), ir.Undefined)
        for i, part in enumerate(parts):
            out = b.insert_value(out, part, i)
        return out
    if isinstance(ty, T.Reversed):
        return iterable_value(lw, node.args[0])
    if isinstance(ty, T.Array):
        return lw.array_operand(node)
    if isinstance(ty, (T.ListType, T.UnicodeType)):
        from .objects import operand
        return operand(lw, node)
    return lw.expr(node)


def sequence(lw, node):
    """(length, item) for an iterable expression: `item(k)` emits the k-th item, whose
    type is element_type's."""
    return sequence_of(lw, iterable_value(lw, node), lw.type_of(node))


def sequence_of(lw, value, ty):
    """(length, item) of an iterable_value of type ty."""
    b = lw.b
    if isinstance(ty, T.RangeType):
        start, stop, step = (b.extract_value(value, i) for i in range(3))
        return lw.range_length(start, stop, step, 0), lambda k: b.add(start, b.mul(k, step))
    if isinstance(ty, T.Array):
        arr = value
        stride = b.extract_value(arr, [3, 0])
        data = b.bitcast(b.extract_value(arr, 1), i8.as_pointer())

        def item(k):
            ptr = b.bitcast(b.gep(data, [b.mul(k, stride)]), b.extract_value(arr, 1).type)
            loaded = b.load(ptr)
            return b.trunc(loaded, i1) if ty.dtype.is_bool else loaded
        return b.extract_value(arr, [2, 0]), item
    if isinstance(ty, T.Tuple):
        slot = lw.alloca_entry(value.type)
        b.store(value, slot)
        n = len(ty.items)
        if n == 0:
            return ir.Constant(i64, 0), None
        elems = b.bitcast(slot, value.type.elements[0].as_pointer())
        return ir.Constant(i64, n), lambda k: b.load(b.gep(elems, [k]))
    if isinstance(ty, (T.ListType, T.UnicodeType)):
        from .subscripts import object_sequence_of
        return object_sequence_of(lw, value, ty)
    if isinstance(ty, T.Reversed):
        length, get = sequence_of(lw, value, ty.item)
        last = b.sub(length, ir.Constant(i64, 1))
        return length, lambda k: get(b.sub(last, k))
    elem = value_type(element_type(None, None, ty))
    if isinstance(ty, T.Zip):
        parts = [sequence_of(lw, b.extract_value(value, i), t) for i, t in enumerate(ty.items)]
        length = parts[0][0]
        for other, _ in parts[1:]:
            length = b.select(b.icmp_unsigned("<", other, length), other, length)

        def item(k):
            out = ir.Constant(elem, ir.Undefined)
            for i, (_, get) in enumerate(parts):
                out = b.insert_value(out, get(k), i)
            return out
        return length, item
    if isinstance(ty, T.Enumerate):
        start = b.extract_value(value, 0)
        length, get = sequence_of(lw, b.extract_value(value, 1), ty.item)

        def item(k):
            out = b.insert_value(ir.Constant(elem, ir.Undefined), b.add(start, k), 0)
            return b.insert_value(out, get(k), 1)
        return length, item
    raise AssertionError(f"not a sequence: {ty}")


def lower_sequence_loop(lw, loop) -> None:
    """for target in zip(...) / enumerate(...): one counted loop over the items."""
    gen_call = _generator_call(lw, loop.iter)
    if gen_call is not None:
        return _generator_sequence_loop(lw, loop, gen_call)
    length, item = sequence(lw, loop.iter)
    elem_ty = element_type(None, loop.iter, lw.type_of(loop.iter))

    def body(k):
        lw.assign(loop.target, item(k), elem_ty, False)
        lw.block(loop.body)

    lw.counted_loop(ir.Constant(i64, 0), length, ir.Constant(i64, 1), 1, body, name="zip")


def _generator_call(lw, node):
    ty = lw.type_of(node)
    if isinstance(ty, T.Generator):
        return node
    if isinstance(ty, T.Zip):
        return next((g for g in (_generator_call(lw, a) for a in node.args) if g is not None), None)
    if isinstance(ty, T.Enumerate):
        return _generator_call(lw, node.args[0])
    return None


def _generator_sequence_loop(lw, loop, gen_call) -> None:
    """zip/enumerate with a generator among the operands: the generator is inlined and
    each yield takes the next item of the other operands (a counter k); the loop stops
    when the generator ends or the shortest other operand does.  The generator runs up
    to its next yield before that check, as CPython's zip pulls its operands in turn."""
    from .generators import lower_generator_loop
    b = lw.b
    leaves = {}

    def prepare(node):          # the other operands' (length, item), evaluated once up front
        ty = lw.type_of(node)
        if node is gen_call:
            return
        if isinstance(ty, T.Zip):
            for a in node.args:
                prepare(a)
        elif isinstance(ty, T.Enumerate):
            prepare(node.args[0])
            start_node = _start_node(node)
            leaves[node] = ir.Constant(i64, 0) if start_node is None else \
                lw.cast(lw.expr(start_node), lw.type_of(start_node), T.int64)
        else:
            leaves[node] = sequence(lw, node)

    prepare(loop.iter)
    lengths = [v[0] for v in leaves.values() if isinstance(v, tuple)]
    counter = lw.alloca_entry(i64)
    b.store(ir.Constant(i64, 0), counter)

    def build(node, k, value):
        ty = lw.type_of(node)
        if node is gen_call:
            return value
        if isinstance(ty, (T.Zip, T.Enumerate)):
            elem = value_type(element_type(None, node, ty))
            parts = [build(a, k, value) for a in node.args] if isinstance(ty, T.Zip) else \
                [b.add(leaves[node], k), build(node.args[0], k, value)]
            out = ir.Constant(elem, ir.Undefined)
            for i, part in enumerate(parts):
                out = b.insert_value(out, part, i)
            return out
        return leaves[node][1](k)

    def on_yield(value, end):
        k = b.load(counter)
        for length in lengths:
            more = lw.fn.append_basic_block("zip.more")
            b.cbranch(b.icmp_unsigned("<", k, length), more, end)
            b.position_at_end(more)
        b.store(b.add(k, ir.Constant(i64, 1)), counter)
        return build(loop.iter, k, value), element_type(None, loop.iter, lw.type_of(loop.iter))

    lower_generator_loop(lw, loop, gen_call, on_yield)
