"""`for x in gen(args)` over a generator function: the generator's body is emitted in
place, and each `yield v` assigns v to the loop target and runs the loop body there.

The generator's variables live in the enclosing function's frame (arrays among them
are released at its exit); its `return` ends the loop; `break` in the loop body leaves
the generator, `continue` resumes it after the yield.  This is what numba gives for the
simple generators it compiles, without a generator object.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.bounds import IndexFacts
from ..backend.lower import FunctionLowering, _read_name
from ..backend.llvm_types import i1, value_type
from ..frontend.definite import maybe_unassigned_reads
from ..frontend import types as T


def lower_generator_loop(lw, loop, call=None, on_yield=None) -> None:
    """Inline the generator called by `call` (the loop's iterable unless given).
    `on_yield(value, end)` turns a yielded value into the (item, type) the loop target
    gets, and may branch to `end` to stop (zip's shorter operand); default: the value."""
    call = loop.iter if call is None else call
    kind, gen = lw.t.calls[call]
    arg_nodes = lw.t.call_args[call]
    args = [lw.cast(lw.expr(a), lw.type_of(a), want) for a, want in zip(arg_nodes, gen.arg_types)]
    if kind == "closure":
        args += lw.captured_values(call.func, gen)
    owned = [isinstance(t, T.Array) and lw.owned(a) for a, t in zip(arg_nodes, gen.arg_types)]
    end = lw.fn.append_basic_block("gen.end")
    body = _InlinedGenerator(lw, gen, loop, end, on_yield or (lambda value, _end: (value, gen.return_type)))
    for name, value, ty in zip(gen.params, args, gen.arg_types):
        body.store_var(name, value, ty, owned=False)
    for value, is_owned in zip(args, owned):
        if is_owned:       # the generator's variable holds its own reference now
            lw.decref(lw.b.extract_value(value, 0))
    body.block(gen.node.body)
    if not lw.b.block.is_terminated:
        lw.b.branch(end)
    lw.b.position_at_end(end)


class _InlinedGenerator(FunctionLowering):
    """Lowers a generator's statements into the enclosing function `outer`."""

    def __init__(self, outer, typed, loop, end, on_yield):
        self.unit = outer.unit
        self.t = typed
        self.fn = outer.fn
        self.b = outer.b
        self.loops = []
        self.facts = IndexFacts(typed)
        self.pins = outer.pins             # released at the enclosing function's exit
        self.error_block = outer.error_block
        self.exit_block = end
        self.outer, self.loop, self.end, self.on_yield = outer, loop, end, on_yield
        self.slots = {}
        for name, ty in sorted(typed.var_types.items()):
            slot = outer.alloca_entry(value_type(ty))
            self._zero_at_entry(slot, ty)
            self.slots[name] = slot
            if T.holds_refs(ty):
                self.pins.append((slot, ty))
        # "assigned yet?" flags as FunctionLowering keeps them, cleared each time the loop starts
        self.unassigned_reads = maybe_unassigned_reads(typed.node)
        self.assigned_flags = {}
        for name in sorted({_read_name(n) for n in self.unassigned_reads}):
            if name in self.slots:
                self.assigned_flags[name] = flag = outer.alloca_entry(i1)
                self.b.store(ir.Constant(i1, 0), flag)

    def _zero_at_entry(self, slot, ty):
        """Zeroed once at function entry: re-running the loop releases the previous run's
        arrays and never reads garbage."""
        entry = self.fn.entry_basic_block
        with self.b.goto_block(entry):
            self.b.position_after(slot)
            self.b.store(ir.Constant(value_type(ty), None), slot)

    def stmt_Return(self, s) -> None:
        self.b.branch(self.end)

    def stmt_Expr(self, s) -> None:
        if not isinstance(s.value, ast.Yield):
            return super().stmt_Expr(s)
        outer, loop = self.outer, self.loop
        value_node = s.value.value
        value = self.cast(self.expr(value_node), self.type_of(value_node), self.t.return_type)
        item, item_ty = self.on_yield(value, self.end)
        outer.assign(loop.target, item, item_ty, self.owned(value_node) and item is value)
        resume = self.fn.append_basic_block("gen.resume")
        outer.loops.append((resume, self.end))
        outer.block(loop.body)
        outer.loops.pop()
        if not self.b.block.is_terminated:
            self.b.branch(resume)
        self.b.position_at_end(resume)
