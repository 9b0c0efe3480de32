"""A `prange` loop of a parallel function, outlined into a block function that the
runtime's pool (runtime/aot_pool.c) runs on its threads.

    i32 body(i8* env, i64 lo, i64 hi, i64 block)

`env` holds a pointer to each of the caller's variable slots (the body copies what it
reads: shared variables do not change inside the loop, frontend/parallel_loops.py
checks that), the range start and the per-block partial results.  The iteration space
is cut into min(n, MAX_BLOCKS) blocks (min(ceil(n / LIGHT_BLOCK), MAX_BLOCKS) for a body of
scalar work only, whose iterations cost nanoseconds: one such block runs in the caller
without the pool), a number that depends only on the trip count and the body;
each block starts its reductions from the operator's identity and stores its partial
result, and the caller combines them in block order, so a reduction gives the same
bits for any thread count.  The loop variable ends at its last value, as in Python.
"""

from __future__ import annotations

from llvmlite import ir

from ..frontend import types as T
from ..frontend.jit_options import jit_options
from ..frontend.parallel_loops import is_prange, light_body, plan_loop
from .bounds import IndexFacts
from .llvm_types import i8p, i32, i64, value_type
from .lower import FunctionLowering

MAX_BLOCKS = 64
LIGHT_BLOCK = 256    # iterations of a light body (scalar work only) per block, at least
BODY_TYPE = ir.FunctionType(i32, [i8p, i64, i64, i64])


def parallel_function(lw) -> bool:
    return jit_options(lw.t.source, lw.t.node).parallel or lw.t.symbol in lw.unit.__dict__.get(
        "parallel_symbols", ())


def outlined_bodies(unit) -> list:
    """The block functions made so far (backend/gil.py brackets their interpreter calls)."""
    return unit.__dict__.get("_prange_bodies", [])


def bodies_outlined_from(unit, functions) -> list:
    """The block functions outlined from `functions`, or from bodies outlined from them
    (the clones of an export take its prange bodies along: backend/isa_clones.py)."""
    owner = unit.__dict__.get("_prange_owner", {})
    names = {fn.name for fn in functions}
    found = []
    for body in outlined_bodies(unit):   # in the order made: an owner before its bodies
        if owner.get(body.name) in names:
            names.add(body.name)
            found.append(body)
    return found


def lower_prange(lw, loop) -> bool:
    """Lower `loop` onto the pool; False where it is not a parallel prange loop (the caller
    lowers it as a plain range loop, as numba runs prange outside parallel functions)."""
    if not is_prange(lw.t, loop) or not parallel_function(lw):
        return False
    plan = plan_loop(lw.t, loop)
    if plan is None:
        return False
    b = lw.b
    values = [lw.cast(lw.expr(a), lw.type_of(a), T.int64) for a in loop.iter.args]
    start, stop = (ir.Constant(i64, 0), values[0]) if len(values) == 1 else (values[0], values[1])
    n = b.select(b.icmp_signed(">", stop, start), b.sub(stop, start), ir.Constant(i64, 0))
    limit = ir.Constant(i64, MAX_BLOCKS)
    light = light_body(lw.t, loop)
    want = n    # blocks of one iteration, or of at least LIGHT_BLOCK for a light body
    if light:
        want = b.udiv(b.add(n, ir.Constant(i64, LIGHT_BLOCK - 1)), ir.Constant(i64, LIGHT_BLOCK))
    nblocks = b.select(b.icmp_signed("<", want, limit), want, limit)
    names = sorted(lw.slots)
    red_types = [value_type(lw.t.var_types[r]) for r, _ in plan.reductions]
    partial_t = ir.LiteralStructType(red_types or [i32])
    partials = lw.alloca_entry(ir.ArrayType(partial_t, MAX_BLOCKS))
    env_t = ir.LiteralStructType([i8p] * len(names) + [i64, partial_t.as_pointer()])
    env = lw.alloca_entry(env_t)
    zero = ir.Constant(i32, 0)
    for k, name in enumerate(names):
        b.store(b.bitcast(lw.slots[name], i8p), b.gep(env, [zero, ir.Constant(i32, k)]))
    b.store(start, b.gep(env, [zero, ir.Constant(i32, len(names))]))
    b.store(b.gep(partials, [zero, zero]), b.gep(env, [zero, ir.Constant(i32, len(names) + 1)]))
    body = OutlinedBody(lw, loop, plan, names, env_t, partial_t).build()
    run = lw.unit.decl("aot_rt_parallel_for", i32, [BODY_TYPE.as_pointer(), i8p, i64, i64])
    if light:    # one block runs here, as a serial loop would, without the pool's bookkeeping
        with b.if_else(b.icmp_unsigned("==", nblocks, ir.Constant(i64, 1)), likely=False) as (alone, pooled):
            with alone:
                status_alone, from_alone = b.call(body, [b.bitcast(env, i8p), ir.Constant(i64, 0), n,
                                                         ir.Constant(i64, 0)]), b.block
            with pooled:
                status_pooled, from_pool = b.call(run, [body, b.bitcast(env, i8p), n, nblocks]), b.block
        status = b.phi(i32)
        status.add_incoming(status_alone, from_alone)
        status.add_incoming(status_pooled, from_pool)
    else:
        status = b.call(run, [body, b.bitcast(env, i8p), n, nblocks])
    lw.check_status(status)
    if plan.reductions:
        def combine(block):
            for k, (name, op) in enumerate(plan.reductions):
                ty = lw.t.var_types[name]
                part = b.load(b.gep(partials, [zero, b.trunc(block, i32), ir.Constant(i32, k)]))
                lw.store_var(name, _combine(b, op, ty, b.load(lw.slots[name]), part), ty, owned=False)
        lw.counted_loop(ir.Constant(i64, 0), nblocks, ir.Constant(i64, 1), 1, combine, name="prange.combine")
    with b.if_then(b.icmp_signed(">", n, ir.Constant(i64, 0))):
        lw.assign(loop.target, b.sub(stop, ir.Constant(i64, 1)), T.int64, False)
    return True


class OutlinedBody(FunctionLowering):
    """The loop body over [start + lo, start + hi) as its own function; the statements
    are lowered by the same code as everywhere else, over the body's own slots."""

    def __init__(self, parent, loop, plan, names, env_t, partial_t):
        self.unit, self.t, self.counts_depth = parent.unit, parent.t, False
        bodies = self.unit.__dict__.setdefault("_prange_bodies", [])
        self.fn = ir.Function(self.unit.module, BODY_TYPE, name=f"{parent.fn.name}.prange{len(bodies)}")
        self.fn.linkage = "internal"
        self.fn.attributes.add("nounwind")
        bodies.append(self.fn)
        self.unit.__dict__.setdefault("_prange_owner", {})[self.fn.name] = parent.fn.name
        self.loops, self.pins = [], []
        self.facts = IndexFacts(self.t)
        self.loop, self.plan, self.names, self.env_t, self.partial_t = loop, plan, names, env_t, partial_t
        self.own = plan.private | {plan.target} | {r for r, _ in plan.reductions}

    def build(self) -> ir.Function:
        from ..library.iteration import range_body_loop
        fn = self.fn
        env_arg, lo, hi, block = fn.args
        self.b = b = ir.IRBuilder(fn.append_basic_block("entry"))
        env = b.bitcast(env_arg, self.env_t.as_pointer())
        zero = ir.Constant(i32, 0)
        identities = {r: _identity(op, self.t.var_types[r]) for r, op in self.plan.reductions}
        self.slots = {}
        for k, name in enumerate(self.names):
            ty = value_type(self.t.var_types[name])
            slot = b.alloca(ty, name=name)
            if name in identities:
                b.store(identities[name], slot)
            elif name in self.own:
                b.store(ir.Constant(ty, None), slot)
            else:   # shared: read-only in the loop, so a copy (which LLVM keeps in registers)
                shared = b.bitcast(b.load(b.gep(env, [zero, ir.Constant(i32, k)])), ty.as_pointer())
                b.store(b.load(shared), slot)
            self.slots[name] = slot
        self.unassigned_reads, self.assigned_flags = set(), {}
        self.out = None
        self.exit_block = fn.append_basic_block("exit")
        self.error_block = fn.append_basic_block("error")
        start = b.load(b.gep(env, [zero, ir.Constant(i32, len(self.names))]))
        one = ir.Constant(i64, 1)
        range_body_loop(self, self.loop, b.add(start, lo), b.add(start, hi), one, 1)
        if not self.b.block.is_terminated:
            self.b.branch(self.exit_block)
        b = self.b
        b.position_at_end(self.exit_block)
        if self.plan.reductions:
            partials = b.load(b.gep(env, [zero, ir.Constant(i32, len(self.names) + 1)]))
            mine = b.gep(partials, [block])
            for k, (name, _) in enumerate(self.plan.reductions):
                b.store(b.load(self.slots[name]), b.gep(mine, [zero, ir.Constant(i32, k)]))
        self.release_all()
        b.ret(ir.Constant(i32, 0))
        b.position_at_end(self.error_block)
        self.release_all()
        b.ret(ir.Constant(i32, 1))
        return fn

    def release_all(self) -> None:
        """Only what the body owns: its own variables and pinned temporaries."""
        for name in sorted(self.own):
            ty = self.t.var_types.get(name)
            if ty is not None and T.holds_refs(ty):
                for ref in self.refs(self.b.load(self.slots[name]), ty):
                    self.decref(ref)
        for slot, ty in self.pins:
            for ref in self.refs(self.b.load(slot), ty):
                self.decref(ref)


def _identity(op, ty):
    lt = value_type(ty)
    if ty.is_float:
        return ir.Constant(lt, {"+": 0.0, "-": 0.0, "*": 1.0, "min": float("inf"), "max": float("-inf")}[op])
    bits = lt.width
    if op in ("+", "-", "|"):
        return ir.Constant(lt, 0)
    if op == "*":
        return ir.Constant(lt, 1)
    if op == "&":
        return ir.Constant(lt, (1 << bits) - 1)
    signed = not ty.is_bool and ty.kind != "u"
    if op == "min":
        return ir.Constant(lt, (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1)
    return ir.Constant(lt, -(1 << (bits - 1)) if signed else 0)


def _combine(b, op, ty, total, part):
    """total op part, in the order a serial loop would have applied the block's items."""
    if ty.is_float:
        if op in ("+", "-"):
            return b.fadd(total, part)
        if op == "*":
            return b.fmul(total, part)
        # Python's min(total, part) keeps total unless part is smaller (so also on nan)
        return b.select(b.fcmp_ordered("<" if op == "min" else ">", part, total), part, total)
    if op in ("+", "-"):
        return b.add(total, part)
    if op == "*":
        return b.mul(total, part)
    if op == "|":
        return b.or_(total, part)
    if op == "&":
        return b.and_(total, part)
    cmp = b.icmp_unsigned if (ty.is_bool or ty.kind == "u") else b.icmp_signed
    return b.select(cmp("<" if op == "min" else ">", part, total), part, total)
