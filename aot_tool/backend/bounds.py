"""Proofs that array indices are in range, so lowering can leave out wraparound and
bounds checks (and LLVM can vectorise the loop).

A small symbolic domain (bounds_linear.py): an integer is `(base, offset)` where base
is None (a constant), the length of one dimension of an array, an integer parameter,
or a sum of those; arrays made with `np.empty_like(u)` and friends share u's dimension
lengths, and `np.zeros(n)` has the length n.  A loop `for i in range(lo, hi)` over a variable
that nothing else assigns gives `lo <= i < hi` inside its body.  Only parameters
never assigned and variables assigned once take part, and a variable assigned once
only where its assignment dominates the use (it comes earlier in the same block, or
the use is in the body of the loop whose target it is): so a fact cannot be taken
from a previous iteration, or from a path that did not assign the variable.
"""

from __future__ import annotations

import ast
from collections import Counter

from ..frontend import types as T
from .bounds_descent import descending_scan
from .bounds_linear import (INT64_MAX, Param, add, at_most, length_or_raises, never_wraps_down, never_wraps_up,
                            nonnegative)
from .bounds_running import fact_inside, running_indices
from .index_terms import int_constant, name_terms, split_index

LIKE_CONSTRUCTORS = {"numpy.empty_like", "numpy.zeros_like", "numpy.ones_like", "numpy.full_like",
                     "method.array.copy"}
SHAPE_CONSTRUCTORS = {"numpy.empty", "numpy.zeros", "numpy.ones", "numpy.full"}


# `for i in ...` over these counts like range (a prange body runs a slice of it)
RANGE_CALLS = (("builtin", "builtins.range"), ("builtin", "numba.prange"))


class IndexFacts:
    def __init__(self, typed):
        self.t = typed
        self.stores = Counter()
        for node in ast.walk(typed.node):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                self.stores[node.id] += 1
        params = set(typed.params)
        self.constant_params = {p for p in params if self.stores[p] == 0}
        self.parent = {child: node for node in ast.walk(typed.node) for child in ast.iter_child_nodes(node)}
        for aug, fake in typed.aug_binops.items():   # `a[i] += x` loads a[i] through a made-up node
            for node in ast.walk(fake):
                for child in ast.iter_child_nodes(node):
                    self.parent.setdefault(child, node)
            self.parent[fake] = aug
        once = {n for n, c in self.stores.items() if c == 1 and n not in params}
        self.dominated = self._dominated_statements(typed.node, once)   # name -> ids of statements
        self.dim_class: dict = {}   # (array name, dim) -> representative (array name, dim)
        self.dim_value: dict = {}   # representative -> (base, offset) of a length set by a constructor
        self.ints: dict = {}        # stable int variable -> symbolic value
        self.loop_facts: dict = {}  # index-expression node id -> {loop var: (lo, hi)}
        self.assumed: set = set()    # (subscript id, dim) checked before a versioned loop
        self._collect_definitions(typed.node.body)
        self.running = running_indices(self)   # argmax's `best`: only ever 0 or a past i
        self._collect_loops(typed.node.body, {})

    # -- where a variable assigned once holds its one value --
    def _dominated_statements(self, func, names) -> dict:
        """For each name assigned once: the ids of the statements that run only after that
        assignment, in the same pass through its block."""
        result = {}
        for node in ast.walk(func):
            if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id in names):
                continue
            stmt = node
            while not isinstance(stmt, ast.stmt):
                stmt = self.parent[stmt]
            if isinstance(stmt, ast.For) and _within(node, stmt.target, self.parent):
                after = stmt.body                       # each pass of the body sees this value
            else:
                block = _block_of(stmt, self.parent)
                after = block[block.index(stmt) + 1:] if block is not None else []
            result[node.id] = {id(s) for s in after}
        return result

    def stable_at(self, name: str, use) -> bool:
        """Whether `name` is sure to hold its only value at the node `use`."""
        if name in self.constant_params:
            return True
        after = self.dominated.get(name)
        if not after:
            return False
        n = use
        while n is not None:
            if id(n) in after:
                return True
            n = self.parent.get(n)
        return False

    # -- definitions of stable variables --
    def _collect_definitions(self, stmts) -> None:
        for node in ast.walk(ast.Module(body=list(stmts), type_ignores=[])):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Name) and target.id in self.dominated:
                ty = self.t.var_types.get(target.id)
                if isinstance(ty, T.Array):
                    self._array_definition(target.id, ty, value)
                elif isinstance(ty, T.Scalar) and ty.is_int:
                    sym = self.symbolic(value)
                    if sym is not None:
                        self.ints[target.id] = sym
            elif isinstance(target, ast.Tuple) and _is_shape_of(value):
                arr = value.value.id
                if self.stable_at(arr, value):
                    for d, elt in enumerate(target.elts):
                        if isinstance(elt, ast.Name) and elt.id in self.dominated:
                            self.ints[elt.id] = self.dim_sym(arr, d)

    def _array_definition(self, name, ty, value) -> None:
        if not isinstance(value, ast.Call):
            return
        call = self.t.calls.get(value)
        if not call or call[0] != "builtin":
            return
        path = call[1]
        if path in LIKE_CONSTRUCTORS:
            src = value.func.value if path.startswith("method.") else (value.args[0] if value.args else None)
            if isinstance(src, ast.Name) and self.stable_at(src.id, src):
                for d in range(ty.ndim):
                    self.dim_class[(name, d)] = self.dim(src.id, d)
        elif path in SHAPE_CONSTRUCTORS and value.args:
            shape = value.args[0]
            dims = shape.elts if isinstance(shape, ast.Tuple) else [shape]
            for d, e in enumerate(dims):
                sym = self.symbolic(e)
                if sym is None:
                    continue
                if isinstance(sym[0], tuple) and sym[1] == 0:   # another array's length
                    self.dim_class[(name, d)] = sym[0]
                elif length_or_raises(sym, self.longest):   # a constant, a parameter, a sum
                    self.dim_value[(name, d)] = sym

    def dim(self, array: str, d: int):
        key = (array, d)
        while key in self.dim_class and self.dim_class[key] != key:
            key = self.dim_class[key]
        return key

    def longest(self, key) -> int:
        """The greatest length NumPy allows dimension `key` of an array: size * itemsize
        fits in int64."""
        ty = self.t.var_types.get(key[0])
        return INT64_MAX // max(1, ty.dtype.itemsize) if isinstance(ty, T.Array) else INT64_MAX

    def dim_sym(self, array: str, d: int):
        """(base, offset) of the length of dimension d of `array`."""
        key = self.dim(array, d)
        return self.dim_value.get(key, (key, 0))

    def symbolic(self, node):
        """(base, offset) for an integer expression we can follow, else None."""
        if int_constant(node) is not None:
            return (None, int_constant(node))
        if isinstance(node, ast.Name) and node.id in self.ints and self.stable_at(node.id, node):
            return self.ints[node.id]
        if isinstance(node, ast.Name) and node.id in self.constant_params and self.t.var_types.get(node.id) == T.int64:
            return (Param(node.id), 0)
        if isinstance(node, ast.Call) and self.t.calls.get(node) == ("builtin", "builtins.len"):
            arg = node.args[0]
            if (isinstance(arg, ast.Name) and self.stable_at(arg.id, arg)
                    and isinstance(self.t.var_types.get(arg.id), T.Array)):
                return self.dim_sym(arg.id, 0)
        if (isinstance(node, ast.Subscript) and _is_shape_of(node.value)
                and self.stable_at(node.value.value.id, node)):
            k = node.slice
            if isinstance(k, ast.Constant) and type(k.value) is int and k.value >= 0:
                return self.dim_sym(node.value.value.id, k.value)
        if isinstance(node, ast.Attribute) and node.attr == "size" and isinstance(node.value, ast.Name):
            ty = self.t.var_types.get(node.value.id)
            if isinstance(ty, T.Array) and ty.ndim == 1 and self.stable_at(node.value.id, node):
                return self.dim_sym(node.value.id, 0)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            a, b = self.symbolic(node.left), self.symbolic(node.right)
            if a is None or b is None:
                return None
            return add(a, b, 1 if isinstance(node.op, ast.Add) else -1)
        return None

    # -- loops --
    def _collect_loops(self, stmts, active) -> None:
        for k, s in enumerate(stmts):
            if isinstance(s, ast.For):
                inner = dict(active)
                fact = self._range_fact(s)
                if fact is not None:
                    inner[s.target.id] = fact
                    for name, running in self.running.items():
                        held = fact_inside(running, fact)
                        if held is not None:
                            inner.setdefault(name, held)
                self._mark(s.iter, active)
                self._collect_loops(s.body, inner)
                self._collect_loops(s.orelse, active)
            elif s in self.t.pruned:   # `if arg is None:` decided by the type: only one branch exists
                self._collect_loops(s.body if self.t.pruned[s] else s.orelse, active)
            elif isinstance(s, (ast.While, ast.If)):
                inner = active
                scan = descending_scan(self, stmts, k, active) if isinstance(s, ast.While) else None
                if scan is not None:   # `while j >= 0 ...: ...; j -= 1`: j's bounds in and after it
                    name, inside, after = scan
                    inner, active = {**active, name: inside}, {**active, name: after}
                self._mark(s.test, inner)
                self._collect_loops(s.body, inner)
                self._collect_loops(s.orelse, inner)
            else:
                self._mark(s, active)

    def _mark(self, node, active) -> None:
        if not active:
            return
        for n in ast.walk(node):
            if isinstance(n, ast.Subscript):
                self.loop_facts[id(n)] = active
            if n in self.t.aug_binops:   # `a[i] += x` also loads a[i] through a made-up node
                self._mark(self.t.aug_binops[n], active)

    def _range_fact(self, loop: ast.For):
        if not (isinstance(loop.target, ast.Name) and self.stores[loop.target.id] == 1):
            return None
        if self.t.calls.get(loop.iter) not in RANGE_CALLS:
            return None
        args = loop.iter.args
        syms = [self.symbolic(a) for a in args]
        if any(s is None for s in syms):
            return None
        if len(args) == 1:
            return ((None, 0), syms[0]) if never_wraps_up(syms[0], self.longest) else None
        step = syms[2] if len(args) == 3 else (None, 1)
        if step[0] is not None or step[1] == 0:
            return None
        lower, upper = (syms[0], syms[1]) if step[1] > 0 else (syms[1], syms[0])
        if not (never_wraps_down(lower, self.longest) and never_wraps_up(upper, self.longest)):
            return None   # computed in int64, it could let the loop past the bound
        if step[1] > 0:
            return (lower, upper)
        return ((lower[0], lower[1] + 1), (upper[0], upper[1] + 1))

    # -- the query --
    def versioning_candidates(self, loop: ast.For):
        """Indices `a[i + c]` in a `for i in range(lo, hi[, step > 0])` that no proof
        covers, where the loops inside it are plain (_plain_inner_loop): [(subscript, dim, array name, c)].  Lowering checks them all once
        before the loop and then runs a copy of the loop without per-index checks."""
        if not (isinstance(loop.target, ast.Name) and self.stores[loop.target.id] == 1):
            return []
        if self.t.calls.get(loop.iter) not in RANGE_CALLS:
            return []
        args = loop.iter.args
        if len(args) == 3 and not _positive_or_unknown(args[2]):
            return []   # a step only known at run time is checked there to be positive
        nodes = list(self._live_nodes(loop.body))
        if not all(self._plain_inner_loop(n) for n in nodes if isinstance(n, (ast.For, ast.While))):
            return []  # one versioned loop on any path of a nest: code grows at most twofold
        nodes += [n for aug in nodes if aug in self.t.aug_binops
                  for n in ast.walk(self.t.aug_binops[aug])]
        var = loop.target.id
        found = []
        for n in nodes:
            if not (isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
                    and self.stable_at(n.value.id, n) and isinstance(self.t.var_types.get(n.value.id), T.Array)):
                continue
            parts = n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice]
            for dim, p in enumerate(parts):
                name, offset = split_index(p)
                if name == var and self.prove(n, p, dim) != "in_range":
                    found.append((n, dim, n.value.id, offset))
                elif (name is None and self._invariant_offset(p, var, loop) is not None
                      and self.prove(n, p, dim) != "in_range"):
                    found.append((n, dim, n.value.id, self._invariant_offset(p, var, loop)))
        return found

    def _plain_inner_loop(self, loop) -> bool:
        """A loop inside a loop being versioned, which may be lowered twice (once in each
        copy): a while loop, or a `for` over a range or an array that is not itself
        versioned (so copies do not compound) and not a prange (outlined once)."""
        if isinstance(loop, ast.While):
            return True
        call = self.t.calls.get(loop.iter)
        if call == ("builtin", "numba.prange"):
            return False
        if call != RANGE_CALLS[0] and not isinstance(self.t.expr_types.get(loop.iter), T.Array):
            return False
        return not self.versioning_candidates(loop)

    def _invariant_offset(self, node, var: str, loop):
        """`i + v`, `v + i` or `i - v` with v an integer variable the loop never assigns:
        (v, +1 or -1), whose value at the loop's entry is its value in every iteration."""
        for first, other, sign in name_terms(node):
            if first != var or other == var or not _small_int(self.t.var_types.get(other)):
                continue
            if any(isinstance(n, ast.Name) and n.id == other and not isinstance(n.ctx, ast.Load)
                   for n in ast.walk(loop)):
                return None
            return other, sign
        return None

    def _live_nodes(self, stmts):
        """Every node under `stmts` but those of branches pruned by `arg is None` tests."""
        stack = list(stmts)
        while stack:
            n = stack.pop()
            yield n
            if n in self.t.pruned:
                live = n.body if self.t.pruned[n] else n.orelse
                stack.extend(live if isinstance(live, list) else [live])
            else:
                stack.extend(ast.iter_child_nodes(n))

    def prove(self, subscript, index_node, dim: int):
        """'in_range', 'nonnegative' or None for index `index_node` of dimension `dim`."""
        if (id(subscript), dim) in self.assumed:
            return "in_range"
        array_node = subscript.value
        span = _index_span(index_node, self.loop_facts.get(id(subscript), {}))
        if span is None:
            return None
        lo, hi = span
        if not (nonnegative(lo[0]) and lo[1] >= 0):
            return None
        if (isinstance(array_node, ast.Name) and self.stable_at(array_node.id, subscript)
                and at_most(hi, self.dim_sym(array_node.id, dim))):
            return "in_range"
        return "nonnegative"


def _positive_or_unknown(node) -> bool:
    """A range step that is not a constant, or a positive constant (`-1` is a UnaryOp)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return not isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Constant):
        return type(node.value) is int and node.value > 0
    return True


def _small_int(ty) -> bool:
    """A signed integer, or an unsigned one int64 holds every value of."""
    return isinstance(ty, T.Scalar) and (ty.kind == "i" or (ty.kind == "u" and ty.bits < 64))


def _within(node, root, parent) -> bool:
    while node is not None:
        if node is root:
            return True
        node = parent.get(node)
    return False


def _block_of(stmt, parent):
    """The statement list holding `stmt` (a function, if, loop or with body)."""
    holder = parent.get(stmt)
    for field in ("body", "orelse", "finalbody", "handlers"):
        block = getattr(holder, field, None)
        if isinstance(block, list) and any(s is stmt for s in block):
            return block
    return None


def _is_shape_of(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "shape" and isinstance(node.value, ast.Name)


def _index_span(node, facts):
    """(least value, exclusive bound) of an index, each a (base, offset), from the facts
    of the loops around it; None where they say nothing."""
    var, offset = split_index(node)
    if var is None and offset is not None:
        return (None, offset), (None, offset + 1)
    if var is None:
        return _two_loop_variables(node, facts)
    fact = facts.get(var)
    if fact is None:
        return None
    (lo_base, lo), (hi_base, hi) = fact
    return (lo_base, lo + offset), (hi_base, hi + offset)


def _two_loop_variables(node, facts):
    """`i + j` or `i - j` of two variables the facts bound (a convolution's `x[i + j]`, a
    stencil's `u[i - di]` with di over `range(-1, 2)`):
    lo_i + lo_j <= i + j <= (hi_i - 1) + (hi_j - 1) and
    lo_i - (hi_j - 1) <= i - j <= (hi_i - 1) - lo_j."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub))
            and isinstance(node.left, ast.Name) and isinstance(node.right, ast.Name)):
        return None
    a, b = facts.get(node.left.id), facts.get(node.right.id)
    if a is None or b is None:
        return None
    (a_lo, a_hi), (b_lo, b_hi) = a, b
    if isinstance(node.op, ast.Add):
        return add(a_lo, b_lo), add(a_hi, (b_hi[0], b_hi[1] - 1))
    return add(a_lo, (b_hi[0], b_hi[1] - 1), -1), add(a_hi, b_lo, -1)
