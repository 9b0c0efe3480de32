"""One export signature as one object unit: its kernel and every helper it reaches,
the CPython wrapper, the docstring and the dispatch descriptor.

Everything here is the export's own, so the unit depends only on the signature and
the code it reaches; the init unit refers to these symbols by name.
"""

from __future__ import annotations

import ast

from ..frontend import types as T
from ..frontend.calls import defaults_of, is_literal, literal_value
from ..frontend.errors import error_at
from ..frontend.infer import infer_export
from ..frontend.jit_options import export_options
from ..frontend.source import exported_function
from ..library.boundary import check_argument_type
from . import isa_clones
from .gil import without_gil
from .parallel_outline import outlined_bodies
from .lower import lower_program
from .unit import Unit, hidden
from .wrappers import NO_DEFAULT, build_wrapper, default_type, doc_text, param_descriptors
from llvmlite import ir


def wrapper_symbol(name: str, index: int) -> str:
    return f"__aot_wrap_{name}_{index}"


def doc_symbol(name: str, index: int) -> str:
    return f"__aot_doc_{name}_{index}"


def desc_symbol(name: str, index: int) -> str:
    return f"__aot_desc_{name}_{index}"


def sig_symbol(name: str, index: int) -> str:
    return f"__aot_sig_{name}_{index}"


def build_export_unit(source, export, index: int, options, unit: Unit | None = None,
                      clones_in_unit: bool = True) -> ir.Module:
    """Into a new unit, or into `unit` when a direct build puts every export in one.
    Per-ISA clones of the kernels go into the same unit unless `clones_in_unit` is false
    (SCons builds each as its own object: isa_clones.clone_unit)."""
    home, func = exported_function(source, export)
    for t in export.signature.args:
        if T.is_object(t) and not check_argument_type(t):
            raise error_at(source, export.node, f"{t.name} arguments are not supported in exported signatures "
                                                "(str and lists of numbers or str are)")
    defaults = _boundary_defaults(home, func, export.signature)
    program = infer_export(source, export)
    unit = unit or Unit(f"{export.name}.{index}")
    flags = export_options(home, func, export, options)
    if flags.parallel:
        unit.__dict__.setdefault("parallel_symbols", set()).add(program.entry.symbol)
    before = len(outlined_bodies(unit))
    kernel = lower_program(unit, program)
    kernel = isa_clones.add_dispatch(unit, source, export, index, program, kernel, options, clones_in_unit)
    bodies = outlined_bodies(unit)[before:]
    kernel = without_gil(unit, program, kernel, flags.nogil, bodies)
    if flags.nogil or bodies:
        isa_clones.release_gil_in_clones(unit, program)
    params = [a.arg for a in func.args.args]
    entry = program.entry
    build_wrapper(unit, wrapper_symbol(export.name, index), export.name, params, defaults, export.signature,
                  kernel, entry.return_type, entry.stored_args)
    ret = export.signature.ret if export.signature.ret is not None else entry.return_type
    doc = doc_text(export.name, params, defaults, export.signature, ret)
    for symbol, text in ((doc_symbol(export.name, index), doc),
                         (desc_symbol(export.name, index), param_descriptors(params, defaults, export.signature)),
                         (sig_symbol(export.name, index), export.signature_text)):
        _export_string(unit, symbol, text)
    return unit.module


def _boundary_defaults(source, func, sig) -> list:
    """Each parameter's default value (NO_DEFAULT where it has none), checked against its type."""
    by_name = defaults_of(func)
    out = []
    for param, ty in zip(func.args.args, sig.args):
        node = by_name.get(param.arg)
        if node is None:
            out.append(NO_DEFAULT)
            continue
        if not is_literal(node):   # checked here too: the boundary reads defaults before inference
            raise error_at(source, node, f"{func.name}(): default values must be literals (numbers, str, "
                                         "booleans, None or tuples of them), as numba requires")
        value = literal_value(node)
        if not T.can_convert(default_type(value), ty):
            raise error_at(source, node, f"the default {ast.unparse(node)} of '{param.arg}' is not a value of "
                                         f"its signature type {ty.name}")
        out.append(value)
    return out


def _export_string(unit: Unit, symbol: str, text: str) -> None:
    data = bytearray(text.encode("utf-8")) + b"\0"
    ty = ir.ArrayType(ir.IntType(8), len(data))
    gv = ir.GlobalVariable(unit.module, ty, name=symbol)
    gv.global_constant = True
    gv.initializer = ir.Constant(ty, data)
    hidden(gv)
