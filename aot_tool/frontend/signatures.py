"""numba's signature grammar: 'f8(f8, f8)', 'f8[:](f8[:], f8)', 'UniTuple(f8, 2)(i8)', ...

Signatures written with numba's type objects in the source (`(float32, float32)`,
`i8(f8[:])`, `types.float64[:]`) are turned back into text with ast.unparse and read
by the same parser: they are never evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import types as T

_TOKEN = re.compile(r"\s*(?:(?P<name>[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*)"
                    r"|(?P<int>\d+)|(?P<punct>::|[()\[\],:]))")
_PREFIXES = ("numba.types.", "numba.", "nb.", "types.", "np.", "numpy.")


MAX_NDIM = 32   # NumPy 1.x's limit, and the runtime's
MAX_SIGNATURE_CHARS = 10_000   # a signature string (parsed before anything is allocated for it)
MAX_TUPLE_ITEMS = 1_000        # items of one tuple type: UniTuple(f8, N), Tuple((...))
MAX_TYPE_NESTING = 32          # types nested in each other: UniTuple(UniTuple(...), 2)


class SignatureError(Exception):
    """A malformed signature; `pos` is the offset inside the signature text."""

    def __init__(self, message: str, pos: int):
        super().__init__(message)
        self.pos = pos


@dataclass(frozen=True)
class Signature:
    ret: object          # a type, or None when the return type is left to inference
    args: tuple

    @property
    def text(self) -> str:
        args = ", ".join(a.name for a in self.args)
        return f"{self.ret.name if self.ret is not None else ''}({args})"


def _tokenize(text: str):
    pos, out = 0, []
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m:
            start = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise SignatureError(f"unexpected character {text[start]!r}", start)
        kind = m.lastgroup
        start = m.start(kind)
        out.append((kind, m.group(kind), start))
        pos = m.end()
    out.append(("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self):
        return self.toks[self.i]

    def take(self, value=None, kind=None):
        tok = self.toks[self.i]
        if (value is not None and tok[1] != value) or (kind is not None and tok[0] != kind):
            want = repr(value) if value is not None else ("a type name" if kind == "name" else kind)
            got = "end of signature" if tok[0] == "end" else repr(tok[1])
            raise SignatureError(f"expected {want}, found {got}", tok[2])
        self.i += 1
        return tok

    def signature(self) -> Signature:
        if self.peek()[1] == "(":
            ret = None
        else:
            ret = self.type()
        args = self.arglist()
        self.take(kind="end")
        if isinstance(ret, T.NoneType):
            ret = T.none
        return Signature(ret, tuple(args))

    def arglist(self):
        self.take("(")
        args = []
        if self.peek()[1] != ")":
            args.append(self.type())
            while self.peek()[1] == ",":
                self.take(",")
                if self.peek()[1] == ")":
                    break
                args.append(self.type())
        self.take(")")
        return args

    def type(self):
        """One type, nested at most MAX_TYPE_NESTING deep (the parser recurses)."""
        self.depth += 1
        try:
            if self.depth > MAX_TYPE_NESTING:
                raise SignatureError(f"types are nested more than {MAX_TYPE_NESTING} deep "
                                     "(aot_tool's limit)", self.peek()[2])
            return self._type()
        finally:
            self.depth -= 1

    def _type(self):
        kind, value, pos = self.take(kind="name")
        name = value
        for prefix in _PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix):]
                break
        if name == "UniTuple":
            self.take("(")
            item = self.type()
            self.take(",")
            _, digits, count_pos = self.take(kind="int")
            count = int(digits) if len(digits) <= 6 else MAX_TUPLE_ITEMS + 1
            if count > MAX_TUPLE_ITEMS:
                raise SignatureError(f"a tuple type has at most {MAX_TUPLE_ITEMS:,} items "
                                     "(aot_tool's limit)", count_pos)
            self.take(")")
            base = T.Tuple((item,) * count)
        elif name == "Tuple":
            self.take("(")
            self.take("(")
            items = [self.type()]
            while self.peek()[1] == ",":
                self.take(",")
                if self.peek()[1] == ")":
                    break
                if len(items) == MAX_TUPLE_ITEMS:
                    raise SignatureError(f"a tuple type has at most {MAX_TUPLE_ITEMS:,} items "
                                         "(aot_tool's limit)", pos)
                items.append(self.type())
            self.take(")")
            self.take(")")
            base = T.Tuple(tuple(items))
        elif name in ("optional", "Optional"):
            self.take("(")
            inner = self.type()
            self.take(")")
            if not isinstance(inner, (T.Scalar, T.Tuple)):
                raise SignatureError(f"optional({inner.name}) is not supported (only numbers and tuples)", pos)
            base = T.Optional(inner)
        elif name in ("unicode_type", "string"):
            base = T.unicode_type
        elif name in ("ListType", "List", "list", "reflected", "DictType"):
            base = self.container(name)
        elif name in T.VOID_NAMES:
            base = T.none
        elif name in T.SCALARS:
            base = T.SCALARS[name]
        else:
            raise SignatureError(f"unknown type {value!r} (expected one of f8 f4 i1 i2 i4 i8 u1 u2 u4 u8 "
                                 "b1 c8 c16, a long name such as float64, UniTuple/Tuple or optional)", pos)
        if self.peek()[1] == "[":
            if not isinstance(base, T.Scalar):
                raise SignatureError(f"arrays of {base.name} are not supported", self.peek()[2])
            base = self.array_dims(base)
        return base

    def container(self, name):
        """ListType(f8), List(f8), reflected list(float64), DictType(unicode_type, i8)."""
        if name == "reflected":
            self.take("list")
        self.take("(")
        items = [self.type()]
        if name == "DictType":
            self.take(",")
            items.append(self.type())
        self.take(")")
        return T.DictType(*items) if name == "DictType" else T.ListType(items[0])

    def array_dims(self, dtype):
        open_pos = self.take("[")[2]
        dims = [self.dim()]
        while self.peek()[1] == ",":
            self.take(",")
            dims.append(self.dim())
        self.take("]")
        if len(dims) > MAX_NDIM:
            raise SignatureError(f"arrays have at most {MAX_NDIM} dimensions", open_pos)
        contiguous = [i for i, d in enumerate(dims) if d]
        if not contiguous:
            layout = "A"
        elif contiguous == [len(dims) - 1]:
            layout = "C"
        elif contiguous == [0]:
            layout = "F"
        else:
            raise SignatureError("only the first (F) or last (C) dimension may be '::1'", 0)
        return T.Array(dtype, len(dims), layout)

    def dim(self) -> bool:
        """One ':' (any stride) or '::1' (contiguous); returns whether contiguous."""
        tok = self.peek()
        if tok[1] == ":":
            self.take(":")
            if self.peek()[1] == ":":
                self.take(":")
                self.take("1")
                return True
            return False
        if tok[1] == "::":
            self.take("::")
            if self.take(kind="int")[1] != "1":
                raise SignatureError("the only step allowed is '::1'", tok[2])
            return True
        got = "end of signature" if tok[0] == "end" else repr(tok[1])
        raise SignatureError(f"expected ':' or '::1' in array dimensions, found {got}", tok[2])


def parse_signature(text: str) -> Signature:
    """Parse numba's signature text; raises SignatureError with the offending offset."""
    if len(text) > MAX_SIGNATURE_CHARS:
        raise SignatureError(f"the signature is {len(text):,} characters; aot_tool's limit is "
                             f"{MAX_SIGNATURE_CHARS:,}", 0)
    return _Parser(text).signature()


def parse_type(text: str):
    p = _Parser(text)
    t = p.type()
    p.take(kind="end")
    return t
