"""The module init unit: the method table and PyInit_<module>.

It depends on the export names (and signature counts) only, so changing a signature
or a function body never rebuilds it.  Names with several signatures get a small
dispatcher that lets the runtime pick the best-matching signature.
"""

from __future__ import annotations

from llvmlite import ir

from .export_unit import desc_symbol, doc_symbol, sig_symbol, wrapper_symbol
from .llvm_types import i8, i8p, i32, i64, pyobj
from .unit import Unit, hidden
from .wrappers import WRAPPER_TYPE

METH_FASTCALL, METH_KEYWORDS = 0x80, 0x02
METHOD_DEF = ir.LiteralStructType([i8p, i8p, i32, i8p])


def _extern_bytes(unit: Unit, symbol: str) -> ir.Constant:
    gv = unit.global_data(symbol, ir.ArrayType(i8, 0))
    hidden(gv)
    return gv.bitcast(i8p)


def _extern_wrapper(unit: Unit, symbol: str) -> ir.Function:
    fn = unit.module.globals.get(symbol) or ir.Function(unit.module, WRAPPER_TYPE, name=symbol)
    hidden(fn)
    return fn


def _dispatcher(unit: Unit, name: str, count: int) -> ir.Function:
    m = unit.module
    fn = ir.Function(m, WRAPPER_TYPE, name=f"__aot_dispatch_{name}")
    fn.attributes.add("nounwind")
    fn.linkage = "internal"
    arr_t = ir.ArrayType(i8p, count)
    tables = {}
    for kind, sym in (("desc", desc_symbol), ("sig", sig_symbol)):
        gv = ir.GlobalVariable(m, arr_t, name=f"__aot_{kind}s_{name}")
        gv.linkage = "internal"
        gv.global_constant = True
        gv.initializer = ir.Constant(arr_t, [_extern_bytes(unit, sym(name, i)) for i in range(count)])
        tables[kind] = gv
    wrap_t = ir.ArrayType(WRAPPER_TYPE.as_pointer(), count)
    wraps = ir.GlobalVariable(m, wrap_t, name=f"__aot_wraps_{name}")
    wraps.linkage = "internal"
    wraps.global_constant = True
    wraps.initializer = ir.Constant(wrap_t, [_extern_wrapper(unit, wrapper_symbol(name, i)) for i in range(count)])
    dispatch = unit.decl("aot_rt_dispatch", pyobj,
                         [pyobj, pyobj.as_pointer(), i64, pyobj, i32, i8p.as_pointer(), i8p.as_pointer(),
                          WRAPPER_TYPE.as_pointer().as_pointer(), i8p])
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    zero = ir.Constant(i32, 0)
    first = [zero, zero]
    b.ret(b.call(dispatch, [fn.args[0], fn.args[1], fn.args[2], fn.args[3], ir.Constant(i32, count),
                            b.gep(tables["desc"], first), b.gep(tables["sig"], first), b.gep(wraps, first),
                            unit.cstring(b, name)]))
    return fn


def build_init_unit(module_name: str, exports, unit: Unit | None = None, isa=(0, None)) -> ir.Module:
    """exports: [(name, signature count)] in a stable order; `isa`: (highest ISA level the
    kernels were built for, or the one target CPU: isa_clones.init_description), which the
    init picks the running clone from."""
    unit = unit or Unit(f"{module_name}.init")
    entries = []
    for name, count in exports:
        if count == 1:
            meth = _extern_wrapper(unit, wrapper_symbol(name, 0))
            doc = _extern_bytes(unit, doc_symbol(name, 0))
        else:
            meth = _dispatcher(unit, name, count)
            doc = unit.cstring_constant(f"{name}: one of {count} signatures, chosen by the argument types")
        entries.append(ir.Constant(METHOD_DEF, [unit.cstring_constant(name), meth.bitcast(i8p),
                                                ir.Constant(i32, METH_FASTCALL | METH_KEYWORDS), doc]))
    entries.append(ir.Constant(METHOD_DEF, None))
    table_t = ir.ArrayType(METHOD_DEF, len(entries))
    table = ir.GlobalVariable(unit.module, table_t, name="__aot_methods")
    table.linkage = "internal"
    table.initializer = ir.Constant(table_t, entries)
    create = unit.decl("aot_rt_create_module", pyobj, [i8p, METHOD_DEF.as_pointer(), i8p])
    init = ir.Function(unit.module, ir.FunctionType(pyobj, []), name=f"PyInit_{module_name}")
    init.attributes.add("nounwind")
    b = ir.IRBuilder(init.append_basic_block("entry"))
    zero = ir.Constant(i32, 0)
    doc = unit.cstring(b, f"Compiled by aot_tool from the exports of CC('{module_name}').")
    module = b.call(create, [unit.cstring(b, module_name), b.gep(table, [zero, zero]), doc])
    pick = unit.decl("aot_rt_module_isa", pyobj, [pyobj, i32, i8p])
    have, cpu = isa
    b.ret(b.call(pick, [module, ir.Constant(i32, have),
                        unit.cstring(b, cpu) if cpu else ir.Constant(i8p, None)]))
    return unit.module
