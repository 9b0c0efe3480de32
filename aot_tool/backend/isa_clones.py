"""Per-ISA clones of loop kernels, picked once at import (issue 12).

A module built for the generic CPU stays portable: its baseline code runs on any
x86-64. Exports that can gain (a loop, over an array in the signature or in the
function's own body) also get their kernels, and every helper those reach, compiled
for x86-64-v3 and x86-64-v4: the same IR lowered again under a
suffix, with `"target-cpu"` on each function, so LLVM vectorises with that level's
registers and instructions. The v4 clone also asks for 512-bit vectors: LLVM's own
x86-64-v4 tuning prefers 256 bits (for the Skylake-SP cores that slow their clock on
512-bit work), which made it the v3 code plus int64<->float conversions, while numba
on a Zen 4/5 host vectorises 512 bits wide. The runtime runs the v3 clone on those
Skylake-SP cores instead (runtime/cpu_features.c). Wrappers,
the runtime and the init are never cloned, and neither are loop-free exports (`multf`).

The export's wrapper calls a small dispatch function: it reads the level the init
picked (runtime/cpu_features.c, CPUID once) and calls the best clone the export has.
Results are the same in every clone: no fast-math flags, so no FMA contraction and no
reassociated reductions.

Direct builds put the clones into the module's one object; SCons makes each clone its
own object (clone_unit), whose entry is the hidden symbol `clone_symbol(...)`.
"""

from __future__ import annotations

from llvmlite import ir

from .llvm_types import i32

LEVELS = ("baseline", "x86-64-v3", "x86-64-v4")
DEFAULT_CLONES = ("x86-64-v3", "x86-64-v4")
_SUFFIX = {"x86-64-v3": ".v3", "x86-64-v4": ".v4"}


def check_clone_names(names) -> tuple:
    """The extra levels of a clone set, in level order ('baseline' is always built)."""
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    names = tuple(names)
    unknown = [n for n in names if n not in LEVELS]
    if unknown:
        raise ValueError(f"unknown ISA level {unknown[0]!r} in the clone set: use {', '.join(LEVELS)}")
    return tuple(level for level in LEVELS[1:] if level in names)


def extra_clones(options) -> tuple:
    """Clones besides the baseline: none for a named target CPU or outside x86-64."""
    if options.target_cpu not in (None, "", "generic") or not targets_x86_64():
        return ()
    return DEFAULT_CLONES if options.isa_clones is None else options.isa_clones


def targets_x86_64() -> bool:
    import llvmlite.binding as llvm
    return llvm.get_default_triple().startswith(("x86_64", "amd64"))


def init_description(options) -> tuple:
    """What the init hands aot_rt_module_isa: (the highest level built, the one target
    CPU's name or None)."""
    if options.target_cpu not in (None, "", "generic"):
        return 0, options.target_cpu
    return max([0] + [LEVELS.index(level) for level in extra_clones(options)]), None


def clonable(signature_text: str, has_loop: bool) -> bool:
    """Whether an export's code can differ by ISA: its signature holds an array (so its
    loops run over memory, where vectors gain), or its function has a loop (which may
    make arrays of its own, as a sieve does, or vectorise integer sums). A scalar
    formula (`multf`) compiles to the same instructions, VEX-encoded. Read from the
    signature and the function's syntax (`has_loop`: frontend.syntax.has_loop), so a build system knows
    the clone objects before it compiles anything."""
    return "[" in signature_text or has_loop


def object_parts(signature_text: str, has_loop: bool, options) -> list:
    """(file-name suffix, options) of each object of one export signature when every
    clone is its own object (SCons): the export calling its clones, then each clone (an
    empty object where the level's code is the level below's)."""
    import dataclasses
    levels = extra_clones(options) if clonable(signature_text, has_loop) else ()
    if not levels:
        return [("", options)]
    return [("", dataclasses.replace(options, clone_part="main"))] + \
        [(_SUFFIX[level], dataclasses.replace(options, clone_part=level)) for level in levels]


def clone_levels(source, export, index: int, options, lowered=None) -> tuple:
    """The levels an export gets clones for: none unless clonable and its code has a
    loop (straight-line code over array elements compiles to the same scalar
    instructions at every level: a clone would only add size)."""
    from ..frontend.source import exported_function
    from ..frontend.syntax import has_loop as loops_in
    has_loop = loops_in(exported_function(source, export)[1])
    levels = extra_clones(options) if clonable(export.signature_text, has_loop) else ()
    if levels and not _has_loops(source, export, lowered):
        return ()
    return levels


_loops: dict = {}


def _has_loops(source, export, lowered=None) -> bool:
    """Read from the unoptimised IR (no LLVM run): `lowered`, the export's baseline
    functions where the caller has them, else a lowering made for the purpose."""
    from .call_cost import _has_loop
    if lowered is not None:
        return any(not fn.is_declaration and _has_loop(fn) for fn in lowered)
    from ..frontend.reach import reached_digest
    key = (export.signature_text, reached_digest(export.home or source, export.function))
    if key not in _loops:
        from ..frontend.infer import infer_export
        from .lower import lower_program
        from .unit import Unit
        unit = Unit("probe")
        lower_program(unit, infer_export(source, export))
        _loops[key] = any(not fn.is_declaration and _has_loop(fn) for fn in unit.module.functions)
    return _loops[key]


def clone_symbol(name: str, index: int, level: str) -> str:
    return f"__aot_kern_{name}_{index}{_SUFFIX[level]}"


def lower_clone(unit, program, level: str) -> ir.Function:
    """Lower `program` again under the level's suffix; each new function targets `level`."""
    from .lower import lower_program
    before = {id(g) for g in unit.module.global_values}
    unit.clone_suffix = _SUFFIX[level]
    try:
        entry = lower_program(unit, program)
    finally:
        unit.clone_suffix = ""
    for fn in unit.module.functions:
        if id(fn) not in before and not fn.is_declaration:
            _target(fn, level)
    return entry


def _target(fn: ir.Function, level: str) -> None:
    # string attributes, which llvmlite's checked set does not list
    set.add(fn.attributes, f'"target-cpu"="{level}"')
    if level == "x86-64-v4":
        set.add(fn.attributes, '"prefer-vector-width"="512"')


def add_dispatch(unit, source, export, index: int, program, kernel: ir.Function, options,
                 in_unit: bool) -> ir.Function:
    """The function the wrapper calls instead of `kernel`: `kernel` itself when the
    export gets no clones; else a dispatch on the runtime's level to the clones, lowered
    into this unit (`in_unit`, the direct build) or declared from their own objects."""
    from .lower import declare_kernel
    from .parallel_outline import bodies_outlined_from
    lowered = [declare_kernel(unit, t) for t in program.functions if not t.is_generator]
    # a prange loop's body is outlined into a function of its own: its loops count
    lowered += bodies_outlined_from(unit, lowered)
    levels = clone_levels(source, export, index, options, lowered)
    if not levels:
        return kernel
    made = unit.module.globals.get(kernel.name + ".isa")
    if made is not None:       # a second export of the same kernel (a CC made twice)
        return made
    clones = {}
    for level in levels:
        if in_unit:
            clones[level] = lower_clone(unit, program, level)
        else:
            fn = ir.Function(unit.module, kernel.function_type, name=clone_symbol(export.name, index, level))
            fn.visibility = "hidden"
            fn.attributes.add("nounwind")
            clones[level] = fn
    return _dispatcher(unit, kernel, clones)


def _dispatcher(unit, kernel: ir.Function, clones: dict) -> ir.Function:
    fn = ir.Function(unit.module, kernel.function_type, name=kernel.name + ".isa")
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    level_var = unit.global_data("aot_rt_isa_level", i32)
    level_var.visibility = "hidden"
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    level = b.load(level_var)
    for k in range(len(LEVELS) - 1, 0, -1):
        clone = clones.get(LEVELS[k])
        if clone is None:
            continue
        with b.if_then(b.icmp_signed(">=", level, ir.Constant(i32, k))):
            b.ret(b.call(clone, list(fn.args)))
    b.ret(b.call(kernel, list(fn.args)))
    return fn


def release_gil_in_clones(unit, program) -> None:
    """nogil: the clones in `unit` take the GIL around interpreter calls as the baseline does."""
    from .gil import take_gil_around_calls
    names = {t.symbol + suffix for t in program.functions for suffix in _SUFFIX.values()}
    take_gil_around_calls(unit, [f for f in unit.module.functions if f.name in names])


def clone_unit(source, export, index: int, level: str, options):
    """The object unit of one clone (SCons): the export's kernels for `level`, entered
    through the hidden `clone_symbol`, which the export's own object calls."""
    from ..frontend.infer import infer_export
    from ..frontend.jit_options import export_options
    from ..frontend.source import exported_function
    from .gil import take_gil_around_calls
    from .parallel_outline import outlined_bodies
    from .unit import Unit
    program = infer_export(source, export)
    unit = Unit(f"{export.name}.{index}{_SUFFIX[level]}")
    flags = export_options(*exported_function(source, export), export, options)
    if flags.parallel:
        unit.__dict__.setdefault("parallel_symbols", set()).add(program.entry.symbol)
    entry = lower_clone(unit, program, level)
    if flags.nogil or outlined_bodies(unit):
        release_gil_in_clones(unit, program)
        take_gil_around_calls(unit, list(outlined_bodies(unit)))
    fn = ir.Function(unit.module, entry.function_type, name=clone_symbol(export.name, index, level))
    fn.visibility = "hidden"
    fn.attributes.add("nounwind")
    _target(fn, level)
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    b.ret(b.call(entry, list(fn.args)))
    return unit.module
