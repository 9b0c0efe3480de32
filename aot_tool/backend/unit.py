"""An object unit under construction: an llvmlite module plus the declarations and
string constants its functions share, named deterministically."""

from __future__ import annotations

from llvmlite import ir

from ..frontend.syntax import RAISABLE

from .llvm_types import f64, i8, i8p, i32, i64, pyobj

# The runtime (runtime/aot_runtime.c) and CPython API functions generated code calls.
_DECLS = {
    "aot_rt_raise": (ir.VoidType(), [i32, i8p]),
    "aot_rt_raise_broadcast": (ir.VoidType(), [i32, i64.as_pointer(), i32]),
    "aot_rt_index_error": (ir.VoidType(), [i64, i32, i64, i8p]),
    "aot_rt_runtime_warning": (i32, [i8p]),
    "aot_rt_bind_args": (i32, [i8p, i8p.as_pointer(), i32, i32, pyobj.as_pointer(), i64, pyobj,
                               pyobj.as_pointer()]),
    "aot_rt_unbox_tuple": (i32, [pyobj, i32, pyobj.as_pointer(), i8p, i32, i8p, i8p]),
    "aot_rt_unbox_none": (i32, [pyobj, i8p, i32, i8p, i8p]),
    "aot_rt_unbox_float": (i32, [pyobj, f64.as_pointer(), i8p, i32, i8p, i8p]),
    "aot_rt_unbox_int": (i32, [pyobj, i64.as_pointer(), i32, i32, i8p, i32, i8p, i8p]),
    "aot_rt_unbox_bool": (i32, [pyobj, i8.as_pointer(), i8p, i32, i8p, i8p]),
    "aot_rt_unbox_complex": (i32, [pyobj, f64.as_pointer(), f64.as_pointer(), i8p, i32, i8p, i8p]),
    "aot_rt_unbox_array": (i32, [pyobj, i8p, i32, i32, i8, i32, i8p, i32, i8p, i8p]),
    "aot_rt_alloc_array": (i32, [i8p, i32, i64.as_pointer(), i32, i32, i32]),
    "aot_rt_box_array": (pyobj, [i8p, i32, i32]),
    "aot_rt_reshape_strides": (i32, [i32, i64.as_pointer(), i64.as_pointer(), i32, i64.as_pointer(),
                                     i64.as_pointer(), i64]),
    "aot_rt_box_bool": (pyobj, [i32]),
    "aot_rt_box_none": (pyobj, []),
    "aot_rt_incref": (ir.VoidType(), [pyobj]),
    "aot_rt_decref": (ir.VoidType(), [pyobj]),
    "PyFloat_FromDouble": (pyobj, [f64]),
    "PyLong_FromLongLong": (pyobj, [i64]),
    "PyLong_FromUnsignedLongLong": (pyobj, [i64]),
    "PyComplex_FromDoubles": (pyobj, [f64, f64]),
    "aot_rt_pack_tuple": (pyobj, [i32, pyobj.as_pointer()]),
}

# Exception kinds understood by aot_rt_raise, in its table's order: the builtins a
# kernel may raise, then NumPy's AxisError (raised by the library only).
EXC_KINDS = {name: kind for kind, name in enumerate(RAISABLE + ("AxisError",))}


class Unit:
    """One llvmlite module being filled; `decl` and `cstring` are idempotent.
    `clone_suffix` names the kernels while a per-ISA clone is lowered (isa_clones.py)."""

    clone_suffix = ""

    def __init__(self, name: str):
        self.module = ir.Module(name=name)
        self.module.triple = ""
        self._strings: dict = {}

    def decl(self, name: str, ret=None, args=None) -> ir.Function:
        if name in self.module.globals:
            return self.module.globals[name]
        if ret is None:
            ret, args = _DECLS[name]
        fn = ir.Function(self.module, ir.FunctionType(ret, args), name=name)
        fn.attributes.add("nounwind")
        return fn

    def intrinsic(self, name: str, ty: ir.Type, nargs: int = 1) -> ir.Function:
        """An LLVM intrinsic over one floating type, e.g. intrinsic('llvm.copysign', double, 2)."""
        return self.module.declare_intrinsic(name, [ty], ir.FunctionType(ty, [ty] * nargs))

    def global_data(self, name: str, ty: ir.Type) -> ir.GlobalVariable:
        if name in self.module.globals:
            return self.module.globals[name]
        return ir.GlobalVariable(self.module, ty, name=name)

    def cstring(self, builder: ir.IRBuilder, text: str) -> ir.Value:
        """An i8* to a private NUL-terminated constant holding `text`."""
        return self.cstring_constant(text)

    def cstring_constant(self, text: str) -> ir.Constant:
        gv = self._strings.get(text)
        if gv is None:
            data = bytearray(text.encode("utf-8")) + b"\0"
            ty = ir.ArrayType(i8, len(data))
            gv = ir.GlobalVariable(self.module, ty, name=f".str.{len(self._strings)}")
            gv.linkage = "private"
            gv.global_constant = True
            gv.unnamed_addr = True
            gv.initializer = ir.Constant(ty, data)
            self._strings[text] = gv
        return gv.bitcast(i8p)


def hidden(fn_or_gv) -> None:
    """Visible to the other objects of the module, not outside the shared object.

    llvmlite's IR text has no visibility field: this records the intent, and
    emit.py gives every external definition but PyInit_<module> hidden visibility."""
    fn_or_gv.visibility = "hidden"
