"""The heap types of the compiled language: lists, dicts, sets and unicode strings.

Each is held at run time as a CPython object (list, dict, set, str) through the
stable ABI, so a value is one refcounted pointer, boxing at the boundary is free and
string indexing counts code points as numba does.  The types carry what numba's
typed containers carry: one item type (`None` while an empty `[]`/`{}` waits for
the first `append`/store to say it).
"""

from __future__ import annotations

from dataclasses import dataclass


def _name(t) -> str:
    return "undefined" if t is None else t.name


@dataclass(frozen=True)
class ListType:
    item: object

    @property
    def name(self) -> str:
        return f"list({_name(self.item)})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class DictType:
    key: object
    value: object

    @property
    def name(self) -> str:
        return f"dict({_name(self.key)}, {_name(self.value)})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class SetType:
    item: object

    @property
    def name(self) -> str:
        return f"set({_name(self.item)})"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class UnicodeType:
    name: str = "unicode_type"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class TypeRef:
    """A type used as a value (`types.int64`, `types.unicode_type`), for typed.Dict.empty."""
    type: object

    @property
    def name(self) -> str:
        return f"typeref({self.type.name})"

    def __str__(self) -> str:
        return self.name


unicode_type = UnicodeType()
OBJECT_TYPES = (ListType, DictType, SetType, UnicodeType)


def is_object(t) -> bool:
    """Whether values of `t` are CPython objects held by reference."""
    return isinstance(t, OBJECT_TYPES)


def _join(a, b, unify):
    """Item types of one container: an undefined item takes the other; else they must agree."""
    if a is None or b is None:
        return (a if b is None else b), True
    if a == b:
        return a, True
    u = unify(a, b)   # numba widens the item type over the appends: [] + 1 + 2.5 is list(float64)
    return u, u is not None


def unify_objects(a, b, unify):
    """The container type two values share (lists are invariant: list(int64) and
    list(float64) do not unify, as in numba), or None."""
    if type(a) is not type(b):
        return None
    if isinstance(a, (ListType, SetType)):
        item, ok = _join(a.item, b.item, unify)
        return type(a)(item) if ok else None
    if isinstance(a, DictType):
        key, ok1 = _join(a.key, b.key, unify)
        value, ok2 = _join(a.value, b.value, unify)
        return DictType(key, value) if ok1 and ok2 else None
    return a if a == b else None


def holds_refs(t) -> bool:
    """Whether a value of `t` holds references that must be counted (arrays, objects, tuples of them)."""
    from .types import Array, Tuple
    if isinstance(t, Array) or is_object(t):
        return True
    return isinstance(t, Tuple) and any(holds_refs(i) for i in t.items)
