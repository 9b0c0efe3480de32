"""What makes a call of a compiled helper cost nothing: borrowed parameters and inlining.

A parameter the function never rebinds needs no reference of its own: the caller (a
wrapper or another kernel) holds one for the whole call. Without the incref on entry and
the decref on exit (opaque calls into the runtime), a small helper is a few loads and
compares, and LLVM can inline it and see through it.

A helper small enough is marked `alwaysinline`, so that after inlining the loop that calls
it sees its index arithmetic: LLVM folds the helper's checks against the loop's range
(or hoists them), and the loop vectorises as the same code written inline would.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T

# Instructions of a helper's unoptimised IR below which it is always inlined: enough for
# a stencil point or a small formula with its index checks, far from a loop nest.
INLINE_LIMIT = 400


def borrowed_params(typed) -> set:
    """Parameters holding references (arrays, objects, tuples of them) that no statement
    rebinds or deletes: their slot only ever holds the caller's value."""
    rebound = {node.id for node in ast.walk(typed.node)
               if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del))}
    return {p for p, ty in zip(typed.params, typed.arg_types)
            if p not in rebound and p not in typed.replaced_params and T.holds_refs(ty)
            and T.holds_refs(typed.var_types.get(p, ty))}


def mark_inline(fn, recursive: bool) -> None:
    """`alwaysinline` on a small function that is not on a call cycle (no loops either:
    a helper with a loop is worth its call and keeps its own versioned loops)."""
    if recursive:
        return
    count = sum(len(block.instructions) for block in fn.blocks)
    if count <= INLINE_LIMIT and not _has_loop(fn):
        fn.attributes.add("alwaysinline")


def keep_loops_out_of_wrapper(entry, functions) -> None:
    """`noinline` on an export's kernel when its program has a loop: the wrapper is
    optimised for size (boundary code), and a kernel inlined into it would lose O3's
    vectorisation with it. A loop-free kernel (`multf`) still inlines into its wrapper."""
    if any(not fn.is_declaration and _has_loop(fn) for fn in functions):
        entry.attributes.add("noinline")


def _has_loop(fn) -> bool:
    """A cycle among the blocks reachable from the entry (lowering leaves unreachable
    `dead` blocks that branch backwards; they do not count)."""
    succ = {block.name: [op.name for op in (block.terminator.operands if block.terminator else ())
                         if isinstance(op, ir.Block)] for block in fn.blocks}
    state: dict = {}            # name -> 1 on the DFS stack, 2 finished
    stack = [(fn.blocks[0].name, iter(succ[fn.blocks[0].name]))]
    state[fn.blocks[0].name] = 1
    while stack:
        name, it = stack[-1]
        nxt = next(it, None)
        if nxt is None:
            state[name] = 2
            stack.pop()
        elif state.get(nxt) == 1:
            return True
        elif nxt not in state:
            state[nxt] = 1
            stack.append((nxt, iter(succ.get(nxt, ()))))
    return False
