"""LLVM optimisation (new pass manager, O3) and object emission.

The target is the generic CPU of the host's architecture family unless the options
name one ('host' or an LLVM CPU name); the triple and CPU go into the compiler
identity so a different target never reuses an object.
"""

from __future__ import annotations

import functools
import threading

import llvmlite
import llvmlite.binding as llvm


# Innermost loops start on a 32-byte boundary (2**5; LLVM's x86 default is 16), so a loop
# of up to 32 bytes never straddles a 64-byte line: on an AMD Zen 3 insertion sort's
# eight-instruction inner loop ran 0.70 ms at offset 48 of a line and 0.54 at offset 0
# (numba's JIT placed it at 0), and which offset a loop got changed with the size of
# every function before it in the module.  At most 31 bytes of padding per loop.
INNERMOST_LOOP_ALIGNMENT_LOG2 = 5


@functools.lru_cache(maxsize=None)
def _initialise() -> None:
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    llvm.set_option("aot_tool", f"-x86-experimental-pref-innermost-loop-alignment={INNERMOST_LOOP_ALIGNMENT_LOG2}")


def llvm_version() -> str:
    return f"llvmlite {llvmlite.__version__} / LLVM {'.'.join(map(str, llvm.llvm_version_info))}"


def _cpu_and_features(options):
    cpu = options.target_cpu
    if cpu in (None, "", "generic"):
        # 'generic', not '': the same instructions, with LLVM's generic tuning (an empty
        # name has none), e.g. a 32-bit path for 64-bit division when both operands fit
        return "generic", ""
    if cpu == "host":
        return llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()
    return cpu, ""


def target_description(options) -> str:
    _initialise()
    cpu, features = _cpu_and_features(options)
    clones = ",".join(options.clones())    # per-ISA clones of loop kernels (isa_clones.py)
    return f"{llvm.get_default_triple()} cpu={cpu or 'generic'} features={features}" + (
        f" clones={clones}" if clones else "")


@functools.lru_cache(maxsize=None)
def _target_machine(cpu: str, features: str, opt_level: int, thread: int):
    """One target machine per thread: LLVM does not promise that emitting on one
    TargetMachine from several threads at once is safe (SCons -j runs actions on threads)."""
    _initialise()
    target = llvm.Target.from_default_triple()
    return target.create_target_machine(cpu=cpu, features=features, opt=opt_level, reloc="pic",
                                        codemodel="default")


def optimise(ir_text: str, options):
    """Parse and optimise a module; returns the llvmlite.binding ModuleRef."""
    cpu, features = _cpu_and_features(options)
    tm = _target_machine(cpu, features, options.opt_level, threading.get_ident())
    mod = llvm.parse_assembly(ir_text)
    mod.triple = tm.triple
    mod.data_layout = str(tm.target_data)
    mod.verify()
    _export_only_module_init(mod)
    pto = llvm.create_pipeline_tuning_options(speed_level=options.opt_level)
    pto.loop_vectorization = options.opt_level >= 2
    # numba leaves the SLP vectoriser off (NUMBA_SLP_VECTORIZE=0) and so do we: it packs
    # independent scalar chains into vectors even where the shuffles lengthen a
    # recurrence (lorenz's x, y, z: 1.22x numba's time on the baseline clone with it,
    # 1.02x without, bench/kernels.py), and no benchmark kernel gained from it
    pto.slp_vectorization = False
    pb = llvm.create_pass_builder(tm, pto)
    pb.getModulePassManager().run(mod, pb)
    return mod, tm


# LLVM's instruction selection and register allocation at -O1 and above take time
# quadratic in a basic block's length (the two-address pass and the register coalescer
# scan every use of a value); past this many instructions in one block, the module's
# machine code is made by the -O0 code generator, linear in time.  The IR is still
# optimised at the options' level.
LONGEST_BLOCK_FOR_FULL_CODEGEN = 2000


def _longest_block(mod) -> int:
    return max((sum(1 for _ in block.instructions) for fn in mod.functions for block in fn.blocks), default=0)


def _export_only_module_init(mod) -> None:
    """Hidden visibility for every definition but PyInit_<module>, and calls to what
    the interpreter defines through the GOT: the objects of one module still link with
    each other, nothing else lands in the dynamic symbol table (each name there costs
    dynsym, dynstr and hash bytes), and with the link's -z now a PLT stub per CPython
    function would only add bytes (the runtime is compiled with -fno-plt alike)."""
    for value in mod.functions:
        if value.is_declaration:
            if not value.name.startswith(("aot_", "__aot_", "llvm.")):   # ours: direct calls
                value.add_function_attribute("nonlazybind")
        elif value.linkage == llvm.Linkage.external and not value.name.startswith("PyInit_"):
            value.visibility = "hidden"
    for value in mod.global_variables:
        if not value.is_declaration and value.linkage == llvm.Linkage.external:
            value.visibility = "hidden"


def object_bytes(ir_module, options) -> bytes:
    mod, tm = optimise(str(ir_module), options)
    if options.opt_level > 0 and _longest_block(mod) > LONGEST_BLOCK_FOR_FULL_CODEGEN:
        cpu, features = _cpu_and_features(options)
        tm = _target_machine(cpu, features, 0, threading.get_ident())
    return bytes(tm.emit_object(mod))
