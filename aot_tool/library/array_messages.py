"""Errors whose message holds numbers known only at run time (NumPy's shape
messages: "cannot reshape array of size 12 into shape (5)"), formatted with snprintf
into a stack buffer and raised through the runtime."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i1, i8, i8p, i32, i64


MESSAGE_BYTES = 512


def raise_formatted(lw, exc, pieces) -> None:
    """Raise `exc` with a message built at run time from `pieces`: strings, i64 values
    (printed in decimal) or (format, i64) pairs, the format an i8* chosen at run time.
    Ends the block, like lw.raise_error."""
    b = lw.b
    snprintf = lw.unit.module.globals.get("snprintf")
    if snprintf is None:
        snprintf = ir.Function(lw.unit.module, ir.FunctionType(i32, [i8p, i64, i8p], var_arg=True), "snprintf")
    buf = lw.alloca_entry(ir.ArrayType(i8, MESSAGE_BYTES))
    base = b.gep(buf, [ir.Constant(i32, 0), ir.Constant(i32, 0)])
    pos = ir.Constant(i64, 0)
    for piece in pieces:
        room = b.sub(ir.Constant(i64, MESSAGE_BYTES), pos)
        at = b.gep(base, [pos])
        if isinstance(piece, str):
            fmt, args = lw.unit.cstring(b, piece.replace("%", "%%")), []
        elif isinstance(piece, tuple):
            fmt, value = piece
            args = [value]
        else:
            fmt, args = lw.unit.cstring(b, "%lld"), [piece]
        written = b.sext(b.call(snprintf, [at, room, fmt] + args), i64)
        pos = b.add(pos, written)
        limit = ir.Constant(i64, MESSAGE_BYTES - 1)
        pos = b.select(b.icmp_signed(">", pos, limit), limit, pos)
    b.call(lw.unit.decl("aot_rt_raise"), [ir.Constant(i32, exc_kind(exc)), base])  # copies the text
    lw.b.branch(lw.error_block)


def check_formatted(lw, failed, exc, pieces) -> None:
    """raise_formatted when the i1 `failed` holds; continues on the success path."""
    with lw.b.if_then(failed, likely=False):
        raise_formatted(lw, exc, pieces)
        lw.b.position_at_end(lw.b.function.append_basic_block("dead"))


def exc_kind(exc) -> int:
    from ..backend.unit import EXC_KINDS
    return EXC_KINDS[exc]


def shape_text(lw, values, unknown=False):
    """Pieces printing a shape as NumPy does: (2,3) or (4,) without spaces.  With
    `unknown`, as NumPy prints a requested shape: negative entries are 'newaxis', and
    leading ones are left out (reshape(-1, 5) prints (5))."""
    if not unknown:
        pieces = ["("]
        for i, v in enumerate(values):
            pieces += [v] if i == 0 else [",", v]
        return pieces + [",)" if len(values) == 1 else ")"]
    b = lw.b
    zero = ir.Constant(i64, 0)

    def text(t):
        return lw.unit.cstring(b, t)

    pieces = ["("]
    leading = ir.Constant(i1, 1)          # every entry so far is negative
    for v in values:
        negative = b.icmp_signed("<", v, zero)
        later = b.select(negative, text(",newaxis"), text(",%lld"))
        first = b.select(negative, text(""), text("%lld"))
        pieces.append((b.select(leading, first, later), v))
        leading = b.and_(leading, negative)
    if len(values) == 1:
        pieces.append((b.select(leading, text(")"), text(",)")), zero))
    else:
        pieces.append(")")
    return pieces
