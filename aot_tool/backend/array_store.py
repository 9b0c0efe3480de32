"""Stores into array views: `a[1:-1] = expr`, `a[:, j] = b`, `a[:] = 0.0`, and
augmented assignment on arrays (`a += b`, `a[1:-1] *= 2`, in place).

The right side is broadcast to the view's shape (NumPy's ValueError otherwise) and
cast to the view's dtype.  An elementwise right side is fused into the store loop.
If a right-side array may share memory with the target (the same owner) and is not
exactly the target itself (same data and strides: each element is then read before
it is written), the right side is first evaluated into a temporary, which gives
NumPy's result for `a[1:] = a[:-1]`.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from ..frontend import types as T
from .array_expr import (Leaf, check_into, children, element_loop, evaluate_leaves, fail_if, release, shape_of,
                         store_element, tree_shape)
from .llvm_types import i1


def is_view_target(lw, target) -> bool:
    return isinstance(target, ast.Subscript) and isinstance(lw.t.expr_types.get(target), T.Array)


def target_view(lw, target):
    """The array struct a store target names (a borrowed view or variable)."""
    if isinstance(target, ast.Name):
        return lw.b.load(lw.slots[target.id])
    return lw.subarray(target)


def store_assign(lw, targets, value_node) -> None:
    """`t1 = t2 = value` where some targets are array views."""
    if len(targets) == 1:
        root, leaves = _tree(lw, value_node)
        store_tree(lw, target_view(lw, targets[0]), lw.t.expr_types[targets[0]], root, leaves)
        release(lw, leaves)
        return
    value, ty = lw.expr(value_node), lw.type_of(value_node)
    owned = isinstance(ty, T.Array) and lw.owned(value_node)
    handed = False   # whether a variable took the owned reference
    for target in targets:
        if is_view_target(lw, target):
            leaf = Leaf(ast.Name(id="<value>", ctx=ast.Load()), value, ty)
            store_tree(lw, target_view(lw, target), lw.t.expr_types[target], leaf.node, [leaf])
        else:
            lw.assign(target, value, ty, owned and not handed)
            handed = handed or owned
    if owned and not handed:
        lw.decref(lw.b.extract_value(value, 0))


def store_augmented(lw, stmt) -> None:
    """`a op= b` on an array target: computed in place."""
    root = lw.t.aug_binops[stmt]
    leaves = evaluate_leaves(lw, root)
    store_tree(lw, target_view(lw, stmt.target), lw.t.expr_types[stmt.target], root, leaves)
    release(lw, leaves)


def _tree(lw, node):
    if node in lw.t.elem_types:
        return node, evaluate_leaves(lw, node)
    ty = lw.type_of(node)
    return node, [Leaf(node, lw.expr(node), ty, isinstance(ty, T.Array) and lw.owned(node))]


def store_tree(lw, target, tty, root, leaves) -> None:
    """Store the elementwise tree at root (leaves evaluated) into the view `target`."""
    b = lw.b
    shape = shape_of(lw, target, tty.ndim)
    check_into(lw, root, leaves, shape)

    def put(value, vty, ptrs):
        store_element(lw, ptrs[0], lw.cast(value, vty, tty.dtype), tty.dtype)

    shared = [leaf for leaf in leaves if isinstance(leaf.ty, T.Array) and not leaf.owned]
    if not shared:
        element_loop(lw, root, leaves, shape, [(target, tty)], put, name="store")
        return
    hazard = ir.Constant(i1, 0)
    for leaf in shared:
        hazard = b.or_(hazard, _may_overlap(lw, leaf, target, tty))
    direct = lw.fn.append_basic_block("store.direct")
    staged = lw.fn.append_basic_block("store.staged")
    end = lw.fn.append_basic_block("store.end")
    b.cbranch(hazard, staged, direct)
    b.position_at_end(direct)
    element_loop(lw, root, leaves, shape, [(target, tty)], put, name="store")
    b.branch(end)
    b.position_at_end(staged)
    _store_staged(lw, target, tty, root, leaves)
    b.branch(end)
    b.position_at_end(end)


def _may_overlap(lw, leaf, target, tty):
    """i1: the leaf shares the target's owner and is not exactly the target view."""
    b = lw.b
    same_owner = b.icmp_unsigned("==", b.extract_value(leaf.value, 0), b.extract_value(target, 0))
    aty = leaf.ty
    if aty.ndim != tty.ndim or aty.dtype.itemsize != tty.dtype.itemsize:
        return same_owner
    data = lambda arr: b.ptrtoint(b.extract_value(arr, 1), ir.IntType(64))  # noqa: E731
    identical = b.icmp_unsigned("==", data(leaf.value), data(target))
    for d in range(tty.ndim):
        for part in (2, 3):
            identical = b.and_(identical, b.icmp_signed("==", b.extract_value(leaf.value, [part, d]),
                                                        b.extract_value(target, [part, d])))
    return b.and_(same_owner, b.not_(identical))


def _store_staged(lw, target, tty, root, leaves) -> None:
    """Evaluate the right side into a new array first, then copy it into the target."""
    from ..library.array_helpers import allocate
    src_shape = tree_shape(lw, root, leaves)
    if root in lw.t.elem_types:
        ety = lw.t.elem_types[root]
    else:
        ety = next(leaf.ty for leaf in leaves if leaf.node is root).dtype
    temp_ty = T.Array(ety, len(src_shape), "C")
    temp = allocate(lw, temp_ty, src_shape)

    def put_temp(value, vty, ptrs):
        store_element(lw, ptrs[0], lw.cast(value, vty, ety), ety)

    element_loop(lw, root, leaves, src_shape, [(temp, temp_ty)], put_temp, name="stage")
    node = ast.Name(id="<staged>", ctx=ast.Load())
    shape = shape_of(lw, target, tty.ndim)

    def put(value, vty, ptrs):
        store_element(lw, ptrs[0], lw.cast(value, vty, tty.dtype), tty.dtype)

    element_loop(lw, node, [Leaf(node, temp, temp_ty)], shape, [(target, tty)], put, name="unstage")
    lw.decref(lw.b.extract_value(temp, 0))



def store_ufunc_out(lw, node):
    """`np.add(a, b, out)`: store into out and hand out a new reference to it."""
    call, out_node = lw.t.ufunc_outs[node]
    root, leaves = _tree(lw, call)
    out = lw.expr(out_node)
    if root in lw.t.elem_types:
        _check_out(lw, root, leaves, shape_of(lw, out, lw.type_of(out_node).ndim))
    store_tree(lw, out, lw.type_of(out_node), root, leaves)
    release(lw, leaves)
    if lw.owned(out_node):
        return out      # a temporary out: its reference passes on
    lw.incref(lw.b.extract_value(out, 0))
    return out


def _check_out(lw, call, leaves, out_shape) -> None:
    """NumPy checks a ufunc's inputs and its out together, so a mismatch names them
    all: "operands could not be broadcast together with shapes (3,) () (4,) "."""
    b = lw.b
    one = ir.Constant(ir.IntType(64), 1)
    nd = len(out_shape)
    shapes, bad = [], ir.Constant(i1, 0)
    for arg in children(call):
        s = tree_shape(lw, arg, leaves) or []
        shapes.append(s)
        for k, m in enumerate(s):
            t = out_shape[nd - len(s) + k]
            bad = b.or_(bad, b.and_(b.icmp_signed("!=", m, t), b.icmp_signed("!=", m, one)))
    fail_if(lw, bad, shapes + [list(out_shape)])
