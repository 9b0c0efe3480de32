"""Lists and str at an export's boundary: `unicode_type` arguments are checked to be
str; `ListType(f8)`/`reflected list(float64)` arguments to be lists whose items all
fit the item type (the list itself is used, so changes show in the caller's list, as
numba's reflected lists do); results are the objects the kernel made."""

from __future__ import annotations

from llvmlite import ir

from ..backend.llvm_types import i32, i64, pyobj
from ..frontend import types as T
from .objects import DECLS, item_code


def expected_object(t) -> str:
    if isinstance(t, T.UnicodeType):
        return "str (unicode_type)"
    python = {"f": "float", "i": "int", "u": "int", "b": "bool", "c": "complex"}
    item = "str" if isinstance(t.item, T.UnicodeType) else python[t.item.kind]
    return f"a list of {item} ({t.name})"


def object_descriptor(t) -> str:
    """Dispatch codes: 'U' a str, 'L<item code>' a list."""
    if isinstance(t, T.UnicodeType):
        return "U"
    return "L" + ("U" if isinstance(t.item, T.UnicodeType) else t.item.short)


def check_argument_type(t) -> bool:
    """Whether `t` may be an exported argument type."""
    if isinstance(t, T.UnicodeType):
        return True
    return isinstance(t, T.ListType) and (isinstance(t.item, T.UnicodeType) or isinstance(t.item, T.Scalar))


def unbox_object(unit, b, obj, ty, fname_c, idx, argname, expected):
    """0, or -1 with TypeError/OverflowError set, for an argument `obj` due to be `ty`."""
    if isinstance(ty, T.UnicodeType):
        ret, args = DECLS["aot_obj_check_str"]
        return b.call(unit.decl("aot_obj_check_str", ret, args), [obj, fname_c, idx, argname, expected])
    code = ord("s") if isinstance(ty.item, T.UnicodeType) else item_code(ty.item)
    ret, args = DECLS["aot_obj_check_list"]
    return b.call(unit.decl("aot_obj_check_list", ret, args),
                  [obj, ir.Constant(i32, code), fname_c, idx, argname, expected])


def default_str(unit, b, text: str):
    """A str default of an exported parameter: borrowed from a literal the module keeps."""
    cache = ir.GlobalVariable(unit.module, pyobj, name=f".aotdefault.{len(unit.module.globals)}")
    cache.linkage = "internal"
    cache.initializer = ir.Constant(pyobj, None)
    ret, args = DECLS["aot_obj_str_literal"]
    obj = b.call(unit.decl("aot_obj_str_literal", ret, args),
                 [cache, unit.cstring_constant(text), ir.Constant(i64, len(text.encode("utf-8")))])
    b.call(unit.decl("aot_rt_decref"), [obj])   # the cache keeps its own reference
    return obj
