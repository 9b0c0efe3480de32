"""Unicode strings (numba's unicode_type), held as CPython str objects: methods
(split, join, strip, find, startswith, upper, ...), `str(x)`, `int(s)`, `float(s)`
and `hash(s)`, which equals CPython's `hash` of the same string in the same process.
Indexing counts code points, as in numba and Python."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i32
from ..frontend import types as T
from . import objects as O
from .registry import lowerer, typer

_S, _B, _I = "str", "bool", "int"
STR_METHODS = {
    "upper": ((), _S), "lower": ((), _S), "title": ((), _S), "capitalize": ((), _S), "swapcase": ((), _S),
    "casefold": ((), _S), "strip": (("str?",), _S), "lstrip": (("str?",), _S), "rstrip": (("str?",), _S),
    "split": (("str?", "int?"), "liststr"), "rsplit": (("str?", "int?"), "liststr"),
    "splitlines": ((), "liststr"), "join": (("strs",), _S), "replace": (("str", "str", "int?"), _S),
    "startswith": (("str",), _B), "endswith": (("str",), _B), "find": (("str", "int?", "int?"), _I),
    "rfind": (("str", "int?", "int?"), _I), "index": (("str", "int?", "int?"), _I),
    "rindex": (("str", "int?", "int?"), _I), "count": (("str", "int?", "int?"), _I),
    "zfill": (("int",), _S), "center": (("int", "str?"), _S), "ljust": (("int", "str?"), _S),
    "rjust": (("int", "str?"), _S), "expandtabs": (("int?",), _S),
    **{name: ((), _B) for name in ("isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
                                    "istitle", "isdecimal", "isnumeric", "isidentifier", "isprintable",
                                    "isascii")},
}
O.register_methods("str", STR_METHODS)


def _is_str(args) -> bool:
    return len(args) == 1 and isinstance(args[0], T.UnicodeType)


def _conversion(what, result):
    def type_(inf, node, args, kws):
        if kws:
            raise inf.error(node, f"{('str', 'int', 'float')[what]}() takes no keyword arguments here")
        return result

    def lower(lw, node):
        arg = node.args[0]
        obj = O.box_node(lw, arg)
        return O.unbox_steal(lw, O.call(lw, "aot_obj_convert_steal", obj, ir.Constant(i32, what)), result)
    return type_, lower


O.chain("builtins.int", _is_str)(_conversion(1, T.int64))
O.chain("builtins.float", _is_str)(_conversion(2, T.float64))


def _str_type(inf, node, args, kws):
    if kws or len(args) != 1 or not (isinstance(args[0], T.Scalar) or isinstance(args[0], T.UnicodeType)):
        raise inf.error(node, "str() takes one number or str here")
    return T.unicode_type


O.chain("builtins.str", lambda args: True)((_str_type, _conversion(0, T.unicode_type)[1]))


def _hash_type(inf, node, args, kws):
    if kws or len(args) != 1:
        raise inf.error(node, "hash() takes one argument")
    return T.int64


def _hash(lw, node):
    value = O.operand(lw, node.args[0])
    h = O.call(lw, "aot_obj_hash", value)
    lw.check_status(lw.b.zext(lw.b.icmp_signed("==", h, ir.Constant(h.type, -1)), ir.IntType(32)))
    return h


O.chain("builtins.hash", _is_str)((_hash_type, _hash))


@typer("builtins.ord")
def _ord_type(inf, node, args, kws):
    if kws or len(args) != 1 or not isinstance(args[0], T.UnicodeType):
        raise inf.error(node, "ord() takes one str")
    return T.int64


@lowerer("builtins.ord")
def _ord(lw, node):
    code = O.call(lw, "aot_str_ord", O.operand(lw, node.args[0]))
    lw.check_status(lw.b.zext(lw.b.icmp_signed("==", code, ir.Constant(code.type, -1)), ir.IntType(32)))
    return code


@typer("builtins.chr")
def _chr_type(inf, node, args, kws):
    if kws or len(args) != 1 or not (isinstance(args[0], T.Scalar) and (args[0].is_int or args[0].is_bool)):
        raise inf.error(node, "chr() takes one integer")
    return T.unicode_type


@lowerer("builtins.chr")
def _chr(lw, node):
    code = lw.cast(lw.expr(node.args[0]), lw.type_of(node.args[0]), T.int64)
    return O.check_obj(lw, O.call(lw, "aot_str_chr", code))
