"""Lowering of one typed function to LLVM IR.

Every compiled function has the internal ABI `i32 f(ret* out, args...)`: 0 on success,
1 with a Python exception set.  Variables live in allocas (promoted by mem2reg).
Array variables each hold one reference to their owner; they are released on every
exit.  Index checks are emitted only where `bounds.IndexFacts` cannot prove an index
in range.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from ..frontend.infer import Typed
from . import call_cost, convert, recursion
from .bounds import IndexFacts
from .llvm_types import i1, i32, value_type
from ..frontend.definite import maybe_unassigned_reads
from .lower_closures import ClosureLowering
from .lower_containers import ContainerLowering
from .lower_exprs import ExpressionLowering
from .lower_index import IndexLowering
from .lower_stmts import StatementLowering
from .layout_dispatch import layout_dispatch
from .unit import EXC_KINDS, Unit


def kernel_type(typed: Typed) -> ir.FunctionType:
    ret = value_type(typed.return_type)
    return ir.FunctionType(i32, [ret.as_pointer()] + [value_type(a) for a in typed.arg_types])


def declare_kernel(unit: Unit, typed: Typed) -> ir.Function:
    """The function of a specialisation (of its per-ISA clone while the unit lowers one)."""
    symbol = typed.symbol + unit.clone_suffix
    if symbol in unit.module.globals:
        return unit.module.globals[symbol]
    fn = ir.Function(unit.module, kernel_type(typed), name=symbol)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    return fn


class FunctionLowering(ClosureLowering, StatementLowering, ExpressionLowering, IndexLowering, ContainerLowering):
    """Emits the body of one specialisation into its declared LLVM function."""

    def __init__(self, unit: Unit, typed: Typed, counts_depth: bool = False):
        self.unit = unit
        self.counts_depth = counts_depth   # on a call cycle: keeps the recursion depth
        self.t = typed
        self.fn = declare_kernel(unit, typed)
        self.loops: list = []      # (continue block, break block)
        self.facts = IndexFacts(typed)
        self.pins: list = []       # hidden slots keeping temporary arrays alive
        self.borrowed = call_cost.borrowed_params(typed)   # the caller's reference suffices

    # -- setup and exits --
    def lower(self) -> None:
        fn = self.fn
        entry = fn.append_basic_block("entry")
        self.b = ir.IRBuilder(entry)
        self.slots = {}
        for name, ty in sorted(self.t.var_types.items()):
            slot = self.b.alloca(value_type(ty), name=name)
            # zero, not undefined, where a path reads a variable it never assigned
            self.b.store(ir.Constant(value_type(ty), None), slot)
            self.slots[name] = slot
        # "assigned yet?" flags, only for variables some path may read before assigning
        self.unassigned_reads = maybe_unassigned_reads(self.t.node)
        self.assigned_flags = {}
        for name in sorted({_read_name(n) for n in self.unassigned_reads}):
            if name in self.slots:
                flag = self.b.alloca(i1, name=f"{name}.assigned")
                self.b.store(ir.Constant(i1, 0), flag)
                self.assigned_flags[name] = flag
        self.out = fn.args[0]
        self.exit_block = fn.append_basic_block("exit")
        self.error_block = fn.append_basic_block("error")
        if self.counts_depth:
            recursion.enter(self)
        for arg, param, ty in zip(fn.args[1:], self.t.params, self.t.arg_types):
            arg.name = param
            if param in self.borrowed:
                self.b.store(self.cast(arg, ty, self.t.var_types[param]), self.slots[param])
            elif param not in self.t.replaced_params:   # a None the body replaces before reading
                self.store_var(param, arg, ty, owned=False)
        self.block(self.t.node.body)
        if not self.b.block.is_terminated and isinstance(self.t.return_type, T.Optional):
            self.b.store(self.cast(ir.Constant(value_type(T.none), 0), T.none, self.t.return_type), self.out)
            self.b.branch(self.exit_block)
        if not self.b.block.is_terminated:
            if not isinstance(self.t.return_type, T.NoneType):
                # inference proved this unreachable unless it returns none
                self.b.unreachable()
            else:
                self.b.branch(self.exit_block)
        for block, status in ((self.exit_block, 0), (self.error_block, 1)):
            self.b.position_at_end(block)
            self.release_all()
            if self.counts_depth:
                recursion.leave(self)
            self.b.ret(ir.Constant(i32, status))

    def release_all(self) -> None:
        for name, ty in sorted(self.t.var_types.items()):
            if T.holds_refs(ty) and name not in self.borrowed:
                for ref in self.refs(self.b.load(self.slots[name]), ty):
                    self.decref(ref)
        for slot, ty in self.pins:
            for ref in self.refs(self.b.load(slot), ty):
                self.decref(ref)

    def refs(self, value, ty) -> list:
        """The object pointers a value of type `ty` holds references to: an array's owner,
        a list/dict/set/str itself, and those of a tuple's items."""
        if isinstance(ty, T.Array):
            return [self.b.extract_value(value, 0)]
        if T.is_object(ty):
            return [value]
        if isinstance(ty, T.Tuple):
            return [r for k, item in enumerate(ty.items) if T.holds_refs(item)
                    for r in self.refs(self.b.extract_value(value, k), item)]
        return []

    def incref(self, obj) -> None:
        self.b.call(self.unit.decl("aot_rt_incref"), [obj])

    def decref(self, obj) -> None:
        self.b.call(self.unit.decl("aot_rt_decref"), [obj])

    def raise_error(self, exc: str, message: str) -> None:
        """Set a Python exception and leave through the error exit; ends the block."""
        self.b.call(self.unit.decl("aot_rt_raise"),
                    [ir.Constant(i32, EXC_KINDS[exc]), self.unit.cstring(self.b, message)])
        self.b.branch(self.error_block)

    def check(self, failed, exc: str, message: str) -> None:
        """Raise `exc` when the i1 `failed` is true; continues on the success path."""
        with self.b.if_then(failed, likely=False):
            self.raise_error(exc, message)
            # if_then wants to branch to its end block; give it an unreachable place to do so
            self.b.position_at_end(self.b.function.append_basic_block("dead"))

    def check_status(self, status) -> None:
        failed = self.b.icmp_unsigned("!=", status, ir.Constant(i32, 0))
        with self.b.if_then(failed, likely=False):
            self.b.branch(self.error_block)
            self.b.position_at_end(self.b.function.append_basic_block("dead"))

    # -- variables --
    def store_var(self, name: str, value, ty, owned: bool) -> None:
        vty = self.t.var_types[name]
        value = self.cast(value, ty, vty)
        slot = self.slots[name]
        if name in self.assigned_flags:
            self.b.store(ir.Constant(i1, 1), self.assigned_flags[name])
        if T.holds_refs(vty):
            if not owned:
                for ref in self.refs(value, vty):
                    self.incref(ref)
            old = self.b.load(slot)
            self.b.store(value, slot)
            for ref in self.refs(old, vty):
                self.decref(ref)
        else:
            self.b.store(value, slot)

    elem_env = None   # inside an element loop: backend/array_expr.py's ElementEnv

    def check_assigned(self, node) -> None:
        """UnboundLocalError, as CPython raises, where `node` may read a variable no path
        has assigned yet (frontend/definite.py says which reads)."""
        if node not in self.unassigned_reads:
            return
        name = _read_name(node)
        flag = self.assigned_flags.get(name)
        if flag is not None:
            self.check(self.b.not_(self.b.load(flag)), "UnboundLocalError",
                       f"cannot access local variable '{name}' where it is not associated with a value")

    def type_of(self, node):
        """The type of the value `expr(node)` gives (an unwrapped optional's inner type)."""
        env = self.elem_env
        if env is not None:
            if node in env.types:
                return env.types[node]
            if node in self.t.elem_types:
                return self.t.elem_types[node]
        ty = self.t.expr_types[node]
        return ty.inner if node in self.t.unwrapped else ty

    def expr_Call(self, node):
        kind, target = self.t.calls[node]
        if kind == "user":
            return self.call_user(node, target)
        if kind == "closure":
            return self.call_user(node, target, self.captured_values(node.func, target))
        from ..library.registry import LOWERERS
        return LOWERERS[target](self, node)

    def call_user(self, node, callee: Typed, captured=()):
        fn = declare_kernel(self.unit, callee)
        args, temps = [], []
        for a, want in zip(self.t.call_args[node], callee.arg_types):
            value = self.cast(self.expr(a), self.type_of(a), want)
            if T.holds_refs(want) and self.owned(a):
                temps.append((value, want))
            elif isinstance(a, ast.Tuple) and T.holds_refs(want):
                temps += self.literal_temps(a, value, want)
            args.append(value)
        args += captured           # a closure's captured variables (lower_closures.py)
        out = self.alloca_entry(value_type(callee.return_type))
        status = self.b.call(fn, [out] + args)
        for value, want in temps:
            for ref in self.refs(value, want):
                self.decref(ref)
        self.check_status(status)
        return self.b.load(out)

    def literal_temps(self, node, value, ty) -> list:
        """`f((np.ones(3), b))`: the new arrays and objects in a tuple literal (nested too)
        live for the call only; (value, type) of each, to release after it."""
        temps = []
        for k, (elt, item) in enumerate(zip(node.elts, ty.items)):
            if not T.holds_refs(item):
                continue
            part = self.b.extract_value(value, k)
            if self.owned(elt):
                temps.append((part, item))
            elif isinstance(elt, ast.Tuple):
                temps += self.literal_temps(elt, part, item)
        return temps

    def alloca_entry(self, ty):
        with self.b.goto_block(self.fn.entry_basic_block):
            self.b.position_at_start(self.fn.entry_basic_block)
            return self.b.alloca(ty)

    # -- conversions --
    def cast(self, value, src, dst):
        return convert.cast(self.b, value, src, dst)

    def to_bool(self, value, ty):
        return convert.to_bool(self.b, value, ty)


def lower_program(unit: Unit, program) -> ir.Function:
    """Lower every specialisation of a Program into `unit`; returns the entry function."""
    kernels = [t for t in program.functions if not t.is_generator]   # generators are inlined
    variant = program.contiguous_entry
    parallel = unit.__dict__.get("parallel_symbols")
    if variant is not None and parallel is not None and program.entry.symbol in parallel:
        parallel.add(variant.symbol)
    for typed in kernels:
        declare_kernel(unit, typed)
    recursive = recursion.recursive_functions(program)
    for typed in kernels:
        FunctionLowering(unit, typed, counts_depth=typed.symbol in recursive).lower()
        if typed is not program.entry and typed is not variant:
            call_cost.mark_inline(declare_kernel(unit, typed), typed.symbol in recursive)
    lowered = [declare_kernel(unit, t) for t in kernels]
    entry = declare_kernel(unit, program.entry)
    call_cost.keep_loops_out_of_wrapper(entry, lowered)
    if variant is None:
        return entry
    contiguous = declare_kernel(unit, variant)
    call_cost.keep_loops_out_of_wrapper(contiguous, lowered)
    return layout_dispatch(unit, program.entry, variant, entry, contiguous)


def _read_name(node) -> str:
    """The variable a flagged read reads: a Name, or the target of `name += ...`."""
    return node.id if isinstance(node, ast.Name) else node.target.id
