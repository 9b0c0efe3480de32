"""hash() of numbers and tuples, equal to CPython's in the same process (numba's rule too):
integers reduce modulo the Mersenne prime 2**61 - 1 keeping their sign, a float is
the exact rational value m * 2**e reduced the same way (a rotation of the 61-bit
mantissa), inf hashes to 314159, a complex number combines its parts with 1000003,
and -1 becomes -2.  nan: CPython >= 3.10 hashes the object's address, which compiled
code does not have; like numba we return a pseudo-random value per call."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i64, value_type
from ..frontend import types as T
from .registry import lowerer, typer

_BITS = 61
_MODULUS = (1 << _BITS) - 1
_INF = 314159
_IMAG = 1000003


@typer("builtins.hash")
def _hash_type(inf, node, args, kws):
    if kws or len(args) != 1:
        raise inf.error(node, "hash() takes one argument")
    if not _hashable(args[0]):
        raise inf.error(node.args[0], f"hash() of {args[0].name} is not supported (numbers and tuples "
                                      "of numbers only)")
    return T.int64


def _hashable(ty) -> bool:
    return isinstance(ty, T.Scalar) or isinstance(ty, T.Tuple) and all(_hashable(i) for i in ty.items)


@lowerer("builtins.hash")
def _hash(lw, node):
    return hash_value(lw, lw.expr(node.args[0]), lw.type_of(node.args[0]))


def hash_value(lw, v, ty):
    if isinstance(ty, T.Tuple):
        return _tuple_hash(lw, v, ty)
    if ty.is_complex:
        part = T.Scalar("f", ty.bits // 2)
        re = _float_hash(lw, lw.cast(lw.b.extract_value(v, 0), part, T.float64))
        im = _float_hash(lw, lw.cast(lw.b.extract_value(v, 1), part, T.float64))
        return _fix_minus_one(lw, lw.b.add(re, lw.b.mul(im, ir.Constant(i64, _IMAG))))
    if ty.is_float:
        return _float_hash(lw, lw.cast(v, ty, T.float64))
    return _int_hash(lw, v, ty)


def _fix_minus_one(lw, h):
    minus_one = ir.Constant(i64, -1)
    return lw.b.select(lw.b.icmp_signed("==", h, minus_one), ir.Constant(i64, -2), h)


def _int_hash(lw, v, ty):
    b = lw.b
    p = ir.Constant(i64, _MODULUS)
    if ty.kind in "ub":
        return b.urem(lw.cast(v, ty, T.uint64), p)    # never -1
    x = lw.cast(v, ty, T.int64)
    negative = b.icmp_signed("<", x, ir.Constant(i64, 0))
    magnitude = b.select(negative, b.neg(x), x)        # -2**63 stays 2**63 read unsigned
    r = b.urem(magnitude, p)
    return _fix_minus_one(lw, b.select(negative, b.neg(r), r))


def _float_hash(lw, x):
    """CPython's _Py_HashDouble for a float64 x."""
    b = lw.b
    zero = ir.Constant(i64, 0)
    bits = b.bitcast(x, i64)
    exponent = b.and_(b.lshr(bits, ir.Constant(i64, 52)), ir.Constant(i64, 0x7FF))
    fraction = b.and_(bits, ir.Constant(i64, (1 << 52) - 1))
    subnormal = b.icmp_unsigned("==", exponent, zero)
    # |x| = mantissa * 2**shift exactly
    mantissa = b.select(subnormal, fraction, b.or_(fraction, ir.Constant(i64, 1 << 52)))
    shift = b.select(subnormal, ir.Constant(i64, -1074), b.sub(exponent, ir.Constant(i64, 1075)))
    # 2**61 = 1 (mod 2**61 - 1): multiplying by 2**shift rotates the 61-bit residue
    r = b.srem(shift, ir.Constant(i64, _BITS))
    r = b.select(b.icmp_signed("<", r, zero), b.add(r, ir.Constant(i64, _BITS)), r)
    p = ir.Constant(i64, _MODULUS)
    rotated = b.or_(b.and_(b.shl(mantissa, r), p), b.lshr(mantissa, b.sub(ir.Constant(i64, _BITS), r)))
    rotated = b.select(b.icmp_unsigned("==", rotated, p), zero, rotated)
    negative = b.icmp_signed("<", bits, zero)
    finite_hash = _fix_minus_one(lw, b.select(negative, b.neg(rotated), rotated))
    inf_hash = b.select(negative, ir.Constant(i64, -_INF), ir.Constant(i64, _INF))
    is_nan = b.fcmp_unordered("uno", x, x)
    not_finite = b.icmp_unsigned("==", exponent, ir.Constant(i64, 0x7FF))
    special = b.select(is_nan, _nan_hash(lw), inf_hash)
    return b.select(not_finite, special, finite_hash)


def _nan_hash(lw):
    """A new pseudo-random value on each call (splitmix64 over a module counter)."""
    b = lw.b
    counter = lw.unit.global_data("aot.hash.nan_counter", i64)
    if counter.initializer is None:
        counter.initializer = ir.Constant(i64, 0x2545F4914F6CDD1D)
        counter.linkage = "internal"
    z = b.add(b.load(counter), _u64(0x9E3779B97F4A7C15))
    b.store(z, counter)
    for shift, mult in ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB)):
        z = b.mul(b.xor(z, b.lshr(z, ir.Constant(i64, shift))), _u64(mult))
    z = b.xor(z, b.lshr(z, ir.Constant(i64, 31)))
    return _fix_minus_one(lw, b.srem(z, ir.Constant(i64, _MODULUS)))


def _u64(value):
    return ir.Constant(i64, value - (1 << 64) if value >= 1 << 63 else value)


def _tuple_hash(lw, v, ty):
    """CPython's tuplehash (xxHash's mixing of the items' hashes, since 3.8)."""
    b = lw.b
    acc = _u64(_XXPRIME_5)
    for i, item_ty in enumerate(ty.items):
        lane = hash_value(lw, b.extract_value(v, i), item_ty)
        acc = b.add(acc, b.mul(lane, _u64(_XXPRIME_2)))
        acc = b.or_(b.shl(acc, ir.Constant(i64, 31)), b.lshr(acc, ir.Constant(i64, 33)))
        acc = b.mul(acc, _u64(_XXPRIME_1))
    acc = b.add(acc, _u64(len(ty.items) ^ (_XXPRIME_5 ^ 3527539)))
    minus_one = b.icmp_signed("==", acc, ir.Constant(i64, -1))
    return b.select(minus_one, ir.Constant(i64, 1546275796), acc)


_XXPRIME_1 = 11400714785074694791
_XXPRIME_2 = 14029467366897019727
_XXPRIME_5 = 2870177450012600261
