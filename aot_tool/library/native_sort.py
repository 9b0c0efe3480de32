"""Native sorting of short 1-d arrays: np.sort, a.sort() and stable np.argsort of at
most SORT_MAX items call the runtime's merge sort (runtime/sort.c) instead of NumPy,
whose call through the bridge costs more than sorting a few dozen numbers; longer
arrays still go to NumPy (the branch is taken at run time on the length)."""

from __future__ import annotations

import ast

from llvmlite import ir

from ..backend.llvm_types import i8, i8p, i32, i64, typenum, value_type
from .array_helpers import allocate
from .numpy_call import Arg, call_numpy, type_code

SORT_MAX = 512   # runtime/sort.c: AOT_SORT_MAX


def _parts(lw, node):
    path = lw.t.calls[node][1]
    method = path.startswith("method.")
    arr_node = node.func.value if method else node.args[0]
    return path, method, arr_node


def _kind(node):
    for kw in node.keywords:
        if kw.arg == "kind" and isinstance(kw.value, ast.Constant):
            return kw.value.value
    return None


def native_applies(lw, node) -> bool:
    path, method, arr_node = _parts(lw, node)
    aty = lw.type_of(arr_node)
    if aty.ndim != 1 or aty.dtype.is_complex:
        return False
    if len(node.args) > (0 if method else 1) or any(kw.arg != "kind" for kw in node.keywords):
        return False
    if path.endswith("argsort"):
        return _kind(node) in ("stable", "mergesort")   # NumPy's unstable order is its own
    return True


def lower_native_sort(lw, node, name):
    path, method, arr_node = _parts(lw, node)
    aty = lw.type_of(arr_node)
    b = lw.b
    arr = lw.array_operand(arr_node)
    n = b.extract_value(arr, [2, 0])
    stride = b.extract_value(arr, [3, 0])
    data = b.bitcast(b.extract_value(arr, 1), i8p)
    sort_fn = lw.unit.decl("aot_rt_sort_small", ir.VoidType(), [i32, i8p, i64, i64, i8p, i64, i64.as_pointer()])
    tn = ir.Constant(i32, typenum(aty.dtype))
    small = b.icmp_signed("<=", n, ir.Constant(i64, SORT_MAX))
    bridge_path = ("." if method else "numpy.") + path.rsplit(".", 1)[1]
    bridge_args = [Arg(type_code(aty), arr)] + [Arg("'" + kw.value.value, keyword="kind")
                                                for kw in node.keywords if kw.arg == "kind"]
    if name == "sort_inplace":
        with b.if_else(small) as (then, other):
            with then:
                b.call(sort_fn, [tn, data, n, stride, data, stride, ir.Constant(i64.as_pointer(), None)])
            with other:
                call_numpy(lw, bridge_path, bridge_args)
        return ir.Constant(i8, 0)
    rty = lw.type_of(node)
    with b.if_else(small) as (then, other):
        with then:
            out = allocate(lw, rty, [n])
            out_data = b.bitcast(b.extract_value(out, 1), i8p)
            if name == "argsort":
                index = b.bitcast(out_data, i64.as_pointer())
                b.call(sort_fn, [tn, data, n, stride, ir.Constant(i8p, None), ir.Constant(i64, 0), index])
            else:
                b.call(sort_fn, [tn, data, n, stride, out_data, ir.Constant(i64, aty.dtype.itemsize),
                                 ir.Constant(i64.as_pointer(), None)])
            native_block = b.block
        with other:
            bridged = call_numpy(lw, bridge_path, bridge_args, rty)
            bridged_block = b.block
    phi = b.phi(value_type(rty))
    phi.add_incoming(out, native_block)
    phi.add_incoming(bridged, bridged_block)
    return phi
