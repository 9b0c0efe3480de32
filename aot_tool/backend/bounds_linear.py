"""The symbolic integers of the index proofs (bounds.py): `(base, offset)`, a base plus
a constant.  A base is None (the value is the constant), the length of one array
dimension (a key `(array, dim)`), an integer parameter never assigned (`Param`), or a
`Sum` of those with integer coefficients.  Sums let a proof see through the arithmetic
of a sliding window:

    n = len(x) - len(k) + 1          # (x0 - k0, 1)
    out = np.zeros(n)                # len(out) is (x0 - k0, 1) too
    for i in range(n):               # i <= x0 - k0
        for j in range(len(k)):      # j <= k0 - 1
            s += x[i + j] * k[j]     # i + j <= x0 - 1: in range
        out[i] = s                   # i < len(out): in range

Lengths are never negative; a parameter may be anything, so only a base whose terms
are all lengths with positive coefficients bounds a value from below.

The code computes these values in int64, exactly modulo 2**64: a value whose true
result is above INT64_MAX comes out lower than it is, one below INT64_MIN higher.  An
upper bound that comes out lower still bounds, and a lower bound that comes out higher
does too; the other two cases (`range(w - 1)` for w = INT64_MIN runs 2**63 - 1 times)
are refused by `never_wraps_up` and `never_wraps_down` over every length NumPy
allows: `size * itemsize` fits in int64 (an int8 view made by np.broadcast_to can be
INT64_MAX long, one of float64 an eighth of that).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1


@dataclass(frozen=True)
class Param:
    """An integer parameter the function never assigns: the same value everywhere."""
    name: str


@dataclass(frozen=True)
class Sum:
    """sum(coefficient * base) over two or more bases, or one with a coefficient not 1;
    terms sorted, so equal sums compare equal."""
    terms: tuple


def terms(base) -> tuple:
    if base is None:
        return ()
    if isinstance(base, Sum):
        return base.terms
    return ((base, 1),)


def combine(a, b, sign: int = 1):
    """The base of a + b (sign 1) or a - b (sign -1), in its one canonical form."""
    total: Counter = Counter()
    for base, k in terms(a):
        total[base] += k
    for base, k in terms(b):
        total[base] += sign * k
    items = sorted(((base, k) for base, k in total.items() if k), key=repr)
    if not items:
        return None
    if len(items) == 1 and items[0][1] == 1:
        return items[0][0]
    return Sum(tuple(items))


def nonnegative(base) -> bool:
    """Whether every value of `base` is >= 0: a sum of lengths with positive coefficients."""
    return all(k > 0 and not isinstance(b, Param) for b, k in terms(base))


def add(a, b, sign: int = 1):
    """(base, offset) of a + b or a - b."""
    return combine(a[0], b[0], sign), a[1] + sign * b[1]


def at_most(value, bound) -> bool:
    """Whether `value <= bound` for every value of the bases: bound - value is a sum of
    lengths plus a constant >= 0."""
    base, offset = add(bound, value, -1)
    return nonnegative(base) and offset >= 0


def every_length(key) -> int:
    return INT64_MAX


def value_range(value, longest=every_length) -> tuple:
    """(least, greatest) true value of (base, offset) over every int64 parameter and
    every length up to longest(key) of its array dimension."""
    base, least = value
    greatest = least
    for b, k in terms(base):
        ends = (k * INT64_MIN, k * INT64_MAX) if isinstance(b, Param) else (0, k * longest(b))
        least += min(ends)
        greatest += max(ends)
    return least, greatest


def never_wraps_up(value, longest=every_length) -> bool:
    """Whether the int64 result is never above the true value (fit for an upper bound)."""
    return value_range(value, longest)[0] >= INT64_MIN


def never_wraps_down(value, longest=every_length) -> bool:
    """Whether the int64 result is never below the true value (fit for a lower bound)."""
    return value_range(value, longest)[1] <= INT64_MAX


def length_or_raises(value, longest=every_length) -> bool:
    """Whether an array made with this length has it, NumPy raising for every wrapped
    result: none wraps up, and one that wraps down lands below zero."""
    least, greatest = value_range(value, longest)
    return least >= INT64_MIN and greatest < (1 << 64)
