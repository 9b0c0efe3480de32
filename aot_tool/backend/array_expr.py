"""Elementwise array expressions: broadcasting, loops and fusion by substitution.

The maximal elementwise tree under a node (the nodes in `Typed.elem_types`) is one
loop over the broadcast shape.  Its leaves are evaluated once before the loop: array
leaves (variables, views, calls) are read element by element (stride 0 along
broadcast dimensions), scalar leaves are plain values.  In the loop body the scalar
lowering runs on the tree's own nodes with `FunctionLowering.elem_env` set, so
`type_of` answers element types and `expr` answers the leaves' elements: every
scalar operator and math function works on arrays, and `a * b + np.sin(a) / 2.0`
is one loop with no temporary arrays.

Where every array operand has the loop's shape and is C-contiguous (checked at run
time) the loop is one flat unit-stride loop that LLVM vectorises; otherwise a nest
of strided loops.
"""

from __future__ import annotations

import ast
from contextlib import contextmanager
from dataclasses import dataclass, field

from llvmlite import ir

from ..frontend import types as T
from .llvm_types import i1, i8, i8p, i32, i64


@dataclass
class ElementEnv:
    """What `expr` and `type_of` answer inside an element loop."""
    values: dict = field(default_factory=dict)    # leaf node -> element (or scalar) value
    types: dict = field(default_factory=dict)     # leaf node -> element type


@dataclass
class Leaf:
    node: object
    value: object          # the array struct, or the scalar value
    ty: object             # Array or Scalar
    owned: bool = False


def children(node):
    if isinstance(node, ast.BinOp):
        return [node.left, node.right]
    if isinstance(node, ast.UnaryOp):
        return [node.operand]
    if isinstance(node, ast.Compare):
        return [node.left] + list(node.comparators)
    if isinstance(node, ast.Call):
        return list(node.args)
    return []


def collect_leaves(lw, root) -> list:
    """The leaf nodes of the elementwise tree at root, in evaluation order."""
    out = []

    def walk(n):
        if n in lw.t.elem_types:
            for c in children(n):
                walk(c)
        else:
            out.append(n)
    walk(root)
    return out


def evaluate_leaves(lw, root) -> list:
    leaves = []
    for n in collect_leaves(lw, root):
        ty = lw.type_of(n)
        value = lw.expr(n)
        leaves.append(Leaf(n, value, ty, isinstance(ty, T.Array) and lw.owned(n)))
    return leaves


def release(lw, leaves) -> None:
    for leaf in leaves:
        if leaf.owned:
            lw.decref(lw.b.extract_value(leaf.value, 0))


@contextmanager
def element_mode(lw, env):
    saved = lw.elem_env
    lw.elem_env = env
    try:
        yield
    finally:
        lw.elem_env = saved


def shape_of(lw, arr, ndim):
    return [lw.b.extract_value(arr, [2, d]) for d in range(ndim)]


def raise_broadcast(lw, shapes, into=False) -> None:
    """ValueError with NumPy's message naming the shapes (lists of i64 values)."""
    b = lw.b
    flat = []
    for s in shapes:
        flat.append(ir.Constant(i64, len(s)))
        flat.extend(s)
    buf = lw.alloca_entry(ir.ArrayType(i64, len(flat)))
    for k, v in enumerate(flat):
        b.store(v, b.gep(buf, [ir.Constant(i32, 0), ir.Constant(i32, k)]))
    b.call(lw.unit.decl("aot_rt_raise_broadcast"),
           [ir.Constant(i32, len(shapes)), b.gep(buf, [ir.Constant(i32, 0), ir.Constant(i32, 0)]),
            ir.Constant(i32, int(into))])
    b.branch(lw.error_block)


def fail_if(lw, bad, shapes, into=False) -> None:
    with lw.b.if_then(bad, likely=False):
        raise_broadcast(lw, shapes, into)
        lw.b.position_at_end(lw.fn.append_basic_block("dead"))


def broadcast_shape(lw, arrays, ndim):
    """NumPy's broadcast shape of the array leaves (size-1 and missing leading
    dimensions stretch); ValueError when two lengths differ and neither is 1."""
    return _broadcast(lw, [shape_of(lw, leaf.value, leaf.ty.ndim) for leaf in arrays], ndim)


def _broadcast(lw, shapes, ndim):
    b = lw.b
    one = ir.Constant(i64, 1)
    out, bad = [], ir.Constant(i1, 0)
    for d in range(ndim):
        n = one
        for s in shapes:
            k = d - (ndim - len(s))
            if k < 0:
                continue
            m = s[k]
            m_one = b.icmp_signed("==", m, one)
            clash = b.and_(b.icmp_signed("!=", m, n), b.and_(b.not_(m_one), b.icmp_signed("!=", n, one)))
            bad = b.or_(bad, clash)
            n = b.select(m_one, n, m)
        out.append(n)
    if len(shapes) > 1:
        fail_if(lw, bad, shapes)
    return out


def tree_shape(lw, root, leaves):
    """The broadcast shape of the tree at root, checked node by node in evaluation
    order so a mismatch names the two operands NumPy would name."""
    arrays = {id(leaf.node): leaf for leaf in leaves if isinstance(leaf.ty, T.Array)}

    def shape(n):
        if id(n) in arrays:
            leaf = arrays[id(n)]
            return shape_of(lw, leaf.value, leaf.ty.ndim)
        if n not in lw.t.elem_types:
            return None   # a scalar
        parts = [s for s in (shape(c) for c in children(n)) if s is not None]
        return _broadcast(lw, parts, max(len(s) for s in parts))

    return shape(root)


def check_into(lw, root, leaves, target_shape) -> None:
    """The broadcast of the leaves must fit the target's shape exactly (a store)."""
    nd = len(target_shape)
    b = lw.b
    one = ir.Constant(i64, 1)
    if not any(isinstance(leaf.ty, T.Array) for leaf in leaves):
        return
    src = tree_shape(lw, root, leaves)
    src_nd = len(src)
    bad = ir.Constant(i1, 0)
    for k, m in enumerate(src):
        t = target_shape[nd - src_nd + k]
        bad = b.or_(bad, b.and_(b.icmp_signed("!=", m, t), b.icmp_signed("!=", m, one)))
    fail_if(lw, bad, [src, target_shape], into=True)


def _contiguous(lw, arr, aty, shape):
    """i1: the array has exactly `shape` and C-contiguous strides (known for C arrays)."""
    b = lw.b
    ok = ir.Constant(i1, 1)
    mine = shape_of(lw, arr, aty.ndim)
    for m, n in zip(mine, shape):
        ok = b.and_(ok, b.icmp_signed("==", m, n))
    if aty.layout == "C":
        return ok
    expect = ir.Constant(i64, aty.dtype.itemsize)
    for d in reversed(range(aty.ndim)):
        stride = b.extract_value(arr, [3, d])
        # a length-1 dimension's stride is never used
        fine = b.or_(b.icmp_signed("==", stride, expect), b.icmp_signed("==", mine[d], ir.Constant(i64, 1)))
        ok = b.and_(ok, fine)
        expect = b.mul(expect, mine[d])
    return ok


def iterate(lw, shape, arrays, body, name="ew") -> None:
    """body(pointers) for every index of `shape` (C order), one typed element pointer
    per (struct, Array type) in `arrays`, broadcast to the shape."""
    b = lw.b
    nd = len(shape)
    size = ir.Constant(i64, 1)
    for n in shape:
        size = b.mul(size, n)
    fast_ok = ir.Constant(i1, 1)
    for arr, aty in arrays:
        if aty.ndim != nd:
            fast_ok = ir.Constant(i1, 0)
            break
        fast_ok = b.and_(fast_ok, _contiguous(lw, arr, aty, shape))
    fast = lw.fn.append_basic_block(f"{name}.flat")
    slow = lw.fn.append_basic_block(f"{name}.strided")
    end = lw.fn.append_basic_block(f"{name}.end")
    b.cbranch(fast_ok, fast, slow)
    b.position_at_end(fast)
    datas = [b.extract_value(arr, 1) for arr, _ in arrays]
    lw.counted_loop(ir.Constant(i64, 0), size, ir.Constant(i64, 1), 1,
                    lambda k: body([b.gep(d, [k]) for d in datas]), name=f"{name}.flat")
    b.branch(end)
    b.position_at_end(slow)
    _nest(lw, shape, arrays, body, name)
    b.branch(end)
    b.position_at_end(end)


def _nest(lw, shape, arrays, body, name) -> None:
    b = lw.b
    nd = len(shape)
    zero, one = ir.Constant(i64, 0), ir.Constant(i64, 1)
    raws = [b.bitcast(b.extract_value(arr, 1), i8p) for arr, _ in arrays]
    types = [b.extract_value(arr, 1).type for arr, _ in arrays]
    strides = []   # per array, per loop dimension: the byte stride (0 where broadcast)
    for arr, aty in arrays:
        per = []
        for d in range(nd):
            k = d - (nd - aty.ndim)
            if k < 0:
                per.append(zero)
                continue
            length = b.extract_value(arr, [2, k])
            per.append(b.select(b.icmp_signed("==", length, one), zero, b.extract_value(arr, [3, k])))
        strides.append(per)

    # 2-d and more: where every array's last dimension is unit-stride (views such as
    # u[1:-1, 2:] of a C array), the innermost loop indexes typed pointers, which LLVM
    # vectorises; checked once before the nest
    inner_unit = None
    if nd >= 2:
        inner_unit = ir.Constant(i1, 1)
        for (arr, aty), per in zip(arrays, strides):
            inner_unit = b.and_(inner_unit, b.icmp_signed("==", per[nd - 1], ir.Constant(i64, aty.dtype.itemsize)))

    def innermost(offsets):
        def strided():
            lw.counted_loop(zero, shape[nd - 1], one, 1,
                            lambda k: body([b.bitcast(b.gep(r, [b.add(o, b.mul(k, s[nd - 1]))]), t)
                                            for r, o, s, t in zip(raws, offsets, strides, types)]),
                            name=f"{name}.d{nd - 1}")
        if inner_unit is None:
            strided()
            return
        with b.if_else(inner_unit) as (unit, other):
            with unit:
                bases = [b.bitcast(b.gep(r, [o]), t) for r, o, t in zip(raws, offsets, types)]
                lw.counted_loop(zero, shape[nd - 1], one, 1, lambda k: body([b.gep(p, [k]) for p in bases]),
                                name=f"{name}.unit")
            with other:
                strided()

    def level(d, offsets):
        if d == nd - 1:
            innermost(offsets)
            return
        lw.counted_loop(zero, shape[d], one, 1,
                        lambda k: level(d + 1, [b.add(o, b.mul(k, s[d])) for o, s in zip(offsets, strides)]),
                        name=f"{name}.d{d}")

    if nd == 0:
        body([b.bitcast(r, t) for r, t in zip(raws, types)])
        return
    level(0, [zero] * len(arrays))


def load_element(lw, ptr, dtype):
    value = lw.b.load(ptr)
    return lw.b.trunc(value, i1) if dtype.is_bool else value


def store_element(lw, ptr, value, dtype) -> None:
    lw.b.store(lw.b.zext(value, i8) if dtype.is_bool else value, ptr)


def element_loop(lw, root, leaves, shape, extra, visit, name="ew") -> None:
    """Loop over `shape`; per index visit(element value of root, extra pointers)."""
    arrays = [leaf for leaf in leaves if isinstance(leaf.ty, T.Array)]
    env = ElementEnv()
    for leaf in leaves:
        if not isinstance(leaf.ty, T.Array):
            env.values[leaf.node] = leaf.value
            env.types[leaf.node] = leaf.ty

    def body(ptrs):
        for leaf, ptr in zip(arrays, ptrs):
            env.values[leaf.node] = load_element(lw, ptr, leaf.ty.dtype)
            env.types[leaf.node] = leaf.ty.dtype
        with element_mode(lw, env):
            value = lw.expr(root)
            vty = lw.type_of(root)
        visit(value, vty, ptrs[len(arrays):])

    iterate(lw, shape, [(leaf.value, leaf.ty) for leaf in arrays] + list(extra), body, name)


def lower_elementwise(lw, root):
    """Materialise the elementwise tree at root into a new C array (owned)."""
    from ..library.array_helpers import allocate
    aty = lw.type_of(root)
    leaves = evaluate_leaves(lw, root)
    shape = tree_shape(lw, root, leaves)
    out = allocate(lw, aty, shape)

    def visit(value, vty, ptrs):
        store_element(lw, ptrs[0], lw.cast(value, vty, aty.dtype), aty.dtype)

    element_loop(lw, root, leaves, shape, [(out, aty)], visit)
    release(lw, leaves)
    return out


def for_each_element(lw, node, visit):
    """visit(value, element type) for every element of the array expression `node`
    in C order, without materialising it (reductions over expressions fuse).
    Returns the i64 shape values of the broadcast shape."""
    if node in lw.t.elem_types:
        leaves = evaluate_leaves(lw, node)
    else:
        leaves = [Leaf(node, lw.expr(node), lw.type_of(node), lw.owned(node))]
    shape = tree_shape(lw, node, leaves)
    element_loop(lw, node, leaves, shape, [], lambda value, vty, ptrs: visit(value, vty), name="reduce")
    release(lw, leaves)
    return shape

