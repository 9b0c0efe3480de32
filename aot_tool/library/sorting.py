"""Sorting and searching: np.sort, a.sort(), np.argsort, np.searchsorted, np.unique,
np.partition/argpartition, np.bincount, np.histogram, np.digitize, with numba's result
types (indices are int64).  Each calls NumPy's own function through the bridge
(numpy_call.py), so results, the order of equal keys and the errors are NumPy's; 1-d
np.sort/a.sort()/np.argsort of short arrays (the inner-loop case) sort natively instead,
where the bridge's ~1 µs would dominate.
"""

from __future__ import annotations

import ast

from ..frontend import types as T
from .numpy_call import Arg, call_numpy, keyword_args, string_choice, value_arg, want_array
from .registry import lowerer, typer

ANY_NDIM = range(1, 33)
SORT_KINDS = ("quicksort", "mergesort", "heapsort", "stable")


def _sort_args(inf, node, args, kws, fname):
    p = keyword_args(inf, node, args, kws, ("a", "axis", "kind"), 1, fname)
    a = want_array(inf, node, p["a"], fname, ndims=ANY_NDIM)
    if "axis" in p and not (isinstance(p["axis"], T.Scalar) and p["axis"].is_int):
        raise inf.error(node, f"{fname}(): axis= must be an integer (None is not supported)")
    string_choice(inf, node, p.get("kind"), fname, "kind", SORT_KINDS)
    if a.dtype.is_complex:
        raise inf.error(node, f"{fname}() of complex arrays is not supported")
    return a


@typer("numpy.sort")
def _sort_type(inf, node, args, kws):
    a = _sort_args(inf, node, args, kws, "np.sort")
    return T.Array(a.dtype, a.ndim, "C")


@typer("numpy.argsort")
def _argsort_type(inf, node, args, kws):
    a = _sort_args(inf, node, args, kws, "np.argsort")
    return T.Array(T.int64, a.ndim, "C")


@typer("method.array.argsort")
def _method_argsort_type(inf, node, args, kws):
    a = _sort_args(inf, node, args, kws, "a.argsort")
    return T.Array(T.int64, a.ndim, "C")


@typer("method.array.sort")
def _method_sort_type(inf, node, args, kws):
    _sort_args(inf, node, args, kws, "a.sort")
    return T.none


def _bridge(path, result=True):
    """A lowering passing the call's arguments as written (a method's array first)."""
    def lower(lw, node):
        args = []
        if isinstance(node.func, ast.Attribute) and path.startswith("."):
            args.append(value_arg(lw, node.func.value))
        args += [value_arg(lw, a) for a in node.args]
        args += [value_arg(lw, kw.value, kw.arg) for kw in node.keywords]
        value = call_numpy(lw, path, args, lw.type_of(node) if result else None)
        if value is None:
            from llvmlite import ir
            return ir.Constant(ir.IntType(8), 0)
        return value
    return lower


def _native_or_bridge(path, native_name, result=True):
    bridged = _bridge(path, result)

    def lower(lw, node):
        from .native_sort import lower_native_sort, native_applies
        if native_applies(lw, node):
            return lower_native_sort(lw, node, native_name)
        return bridged(lw, node)
    return lower


lowerer("numpy.sort")(_native_or_bridge("numpy.sort", "sort"))
lowerer("numpy.argsort")(_native_or_bridge("numpy.argsort", "argsort"))
lowerer("method.array.argsort")(_native_or_bridge(".argsort", "argsort"))
lowerer("method.array.sort")(_native_or_bridge(".sort", "sort_inplace", result=False))


@typer("builtins.sorted")
def _sorted_type(inf, node, args, kws):
    """sorted() of a 1-d array: a list, as numba gives (lists.py handles other iterables)."""
    from .lists import _reverse_flag
    if len(args) != 1:
        raise inf.error(node, "sorted() takes one array here")
    _reverse_flag(inf, node, kws, "sorted")
    a = want_array(inf, node, args[0], "sorted", ndims=(1,))
    return T.ListType(a.dtype)


@lowerer("builtins.sorted")
def _sorted(lw, node):
    aty = lw.type_of(node.args[0])
    if any(kw.value.value for kw in node.keywords):
        # reverse=True: the items as a Python list sorted by list.sort(reverse=True), the
        # order CPython's sorted(a, reverse=True) and numba give (ties keep their order)
        from .lists import _sort_in_place
        items = call_numpy(lw, ".tolist", [value_arg(lw, node.args[0])], lw.type_of(node))
        lw.pin(items, T.unicode_type)          # released on exit if the sort fails
        _sort_in_place(lw, items, node)
        lw.incref(items)
        return items
    rty = T.Array(aty.dtype, 1, "C")
    arr = call_numpy(lw, "numpy.sort", [value_arg(lw, node.args[0])], rty)
    items = call_numpy(lw, ".tolist", [Arg(f"aC1{aty.dtype.short}", arr)], lw.type_of(node))
    lw.decref(lw.b.extract_value(arr, 0))
    return items


@typer("numpy.searchsorted")
def _searchsorted_type(inf, node, args, kws):
    p = keyword_args(inf, node, args, kws, ("a", "v", "side"), 2, "np.searchsorted")
    want_array(inf, node, p["a"], "np.searchsorted", ndims=(1,))
    string_choice(inf, node, p.get("side"), "np.searchsorted", "side", ("left", "right"))
    v = p["v"]
    if isinstance(v, T.Array):
        return T.Array(T.int64, v.ndim, "C")
    if not isinstance(v, T.Scalar):
        raise inf.error(node, "np.searchsorted(): v must be a number or an array")
    return T.int64


_UNIQUE_FLAGS = ("return_index", "return_inverse", "return_counts")


@typer("numpy.unique")
def _unique_type(inf, node, args, kws):
    """np.unique(a) (numba's), and beyond numba return_index=/return_inverse=/return_counts=
    as True/False constants: a tuple of the unique values and NumPy's int64 arrays."""
    if len(args) != 1:
        raise inf.error(node, "np.unique() takes one array and the keywords " + ", ".join(_UNIQUE_FLAGS))
    a = want_array(inf, node, args[0], "np.unique", ndims=ANY_NDIM)
    flags = {}
    for kw in node.keywords:
        if kw.arg not in _UNIQUE_FLAGS:
            raise inf.error(kw, f"np.unique(): {kw.arg}= is not supported (only " + ", ".join(_UNIQUE_FLAGS) + ")")
        if not (isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, bool)):
            raise inf.error(kw.value, f"np.unique(): {kw.arg}= must be True or False as written")
        flags[kw.arg] = kw.value.value
    if flags.get("return_inverse") and a.ndim != 1:
        raise inf.error(node, "np.unique(return_inverse=True) takes a 1-d array here (the inverse's shape "
                              "for more dimensions differs between NumPy 1 and 2): pass a.ravel()")
    values = T.Array(a.dtype, 1, "C")
    extra = [T.Array(T.int64, 1, "C") for f in _UNIQUE_FLAGS if flags.get(f)]
    return T.Tuple((values, *extra)) if extra else values


def _partition_args(inf, node, args, kws, fname):
    p = keyword_args(inf, node, args, kws, ("a", "kth"), 2, fname)
    a = want_array(inf, node, p["a"], fname, ndims=ANY_NDIM)
    if not (isinstance(p["kth"], T.Scalar) and p["kth"].is_int):
        raise inf.error(node, f"{fname}(): kth must be an integer")
    return a


@typer("numpy.partition")
def _partition_type(inf, node, args, kws):
    a = _partition_args(inf, node, args, kws, "np.partition")
    return T.Array(a.dtype, a.ndim, "C")


@typer("numpy.argpartition")
def _argpartition_type(inf, node, args, kws):
    a = _partition_args(inf, node, args, kws, "np.argpartition")
    return T.Array(T.int64, a.ndim, "C")


@typer("numpy.bincount")
def _bincount_type(inf, node, args, kws):
    p = keyword_args(inf, node, args, kws, ("x", "weights", "minlength"), 1, "np.bincount")
    x = want_array(inf, node, p["x"], "np.bincount", ndims=(1,))
    if not (x.dtype.is_int or x.dtype.is_bool):
        raise inf.error(node, "np.bincount() needs an array of non-negative integers")
    w = p.get("weights")
    if w is not None and not isinstance(w, T.NoneType):
        want_array(inf, node, w, "np.bincount", ndims=(1,), what="weights")
        return T.Array(T.float64, 1, "C")
    return T.Array(T.int64, 1, "C")


@typer("numpy.histogram")
def _histogram_type(inf, node, args, kws):
    p = keyword_args(inf, node, args, kws, ("a", "bins", "range"), 1, "np.histogram")
    a = want_array(inf, node, p["a"], "np.histogram", ndims=ANY_NDIM)
    bins = p.get("bins")
    if bins is not None and not (isinstance(bins, T.Array) and bins.ndim == 1) and \
            not (isinstance(bins, T.Scalar) and bins.is_int):
        raise inf.error(node, "np.histogram(): bins= must be an integer or a 1-d array of edges")
    r = p.get("range")
    if r is not None and not (isinstance(r, T.Tuple) and len(r.items) == 2 and
                              all(isinstance(t, T.Scalar) and not t.is_complex for t in r.items)):
        raise inf.error(node, "np.histogram(): range= must be a (low, high) tuple")
    if a.dtype.is_complex:
        raise inf.error(node, "np.histogram() of complex arrays is not supported")
    edges = a.dtype if a.dtype.is_float else T.float64
    if isinstance(bins, T.Array) and bins.dtype.is_float:
        edges = T.unify(edges, bins.dtype)
    return T.Tuple((T.Array(T.int64, 1, "C"), T.Array(edges, 1, "C")))


@lowerer("numpy.histogram")
def _histogram(lw, node):
    args = [value_arg(lw, node.args[0])]
    names = ("a", "bins", "range")
    given = [(names[k], a) for k, a in enumerate(node.args[1:], 1)] + [(kw.arg, kw.value) for kw in node.keywords]
    for name, expr in given:
        if name == "range":
            # a (low, high) tuple: as two floats NumPy reads back as a tuple
            ty = lw.type_of(expr)
            value = lw.expr(expr)
            pair = T.Tuple((T.float64, T.float64))
            args.append(Arg("T2f8", lw.cast(value, ty, pair), "range"))
        else:
            args.append(value_arg(lw, expr, name))
    return call_numpy(lw, "numpy.histogram", args, lw.type_of(node))


@typer("numpy.digitize")
def _digitize_type(inf, node, args, kws):
    p = keyword_args(inf, node, args, kws, ("x", "bins", "right"), 2, "np.digitize")
    want_array(inf, node, p["bins"], "np.digitize", ndims=(1,), what="bins")
    if "right" in p and not (isinstance(p["right"], T.Scalar) and p["right"].is_bool):
        raise inf.error(node, "np.digitize(): right= must be True or False")
    x = p["x"]
    if isinstance(x, T.Array):
        return T.Array(T.int64, x.ndim, "C")
    if not isinstance(x, T.Scalar) or x.is_complex:
        raise inf.error(node, "np.digitize(): x must be a number or an array")
    return T.int64


for _path in ("searchsorted", "unique", "partition", "argpartition", "bincount", "digitize"):
    lowerer(f"numpy.{_path}")(_bridge(f"numpy.{_path}"))
