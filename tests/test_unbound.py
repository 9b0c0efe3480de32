"""A variable read on a path where it was never assigned raises UnboundLocalError, as
CPython does, instead of giving a made-up value (numba gives 0) or writing through a
NULL array; reads that are always preceded by an assignment carry no check."""

from __future__ import annotations

import ast

import numpy as np
import pytest

from aot_tool.frontend.definite import maybe_unassigned_reads
from conftest import build_and_load

SOURCE = """
import numpy as np
from aot_tool import CC
cc = CC('unb')

@cc.export('one_path', 'f8(f8)')
def one_path(x):
    if x > 0:
        y = 1.0
    return y

@cc.export('last', 'i8(i8)')
def last(n):
    for i in range(n):
        v = i * 2
    return v

@cc.export('array_late', 'f8[:](f8[:])')
def array_late(a):
    for i in range(len(a)):
        if i > 0:
            out[i] = a[i]
        else:
            out = np.empty_like(a)
            out[0] = 0.0
    return out

@cc.export('array_never', 'f8(f8[:], i8)')
def array_never(a, k):
    for i in range(len(a)):
        if k > 0:
            b = np.zeros_like(a)
        b[i] = a[i]
    return a[0]

@cc.export('aug', 'i8(i8)')
def aug(n):
    for i in range(n):
        t = 0
    t += 1
    return t

@cc.export('both_paths', 'f8(f8)')
def both_paths(x):
    if x > 0:
        y = 1.0
    else:
        y = 2.0
    return y
"""


@pytest.fixture(scope="module")
def unb(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("unb"), "unb", SOURCE)


def _cpython(name):
    namespace = {"np": np}
    exec(compile(SOURCE.replace("from aot_tool import CC", "").replace("cc = CC('unb')", "")
                 .replace("@cc.export", "#"), "<src>", "exec"), namespace)
    return namespace[name]


@pytest.mark.parametrize("name, args", [
    ("one_path", (1.0,)), ("one_path", (-1.0,)), ("last", (3,)), ("last", (0,)),
    ("aug", (2,)), ("aug", (0,)), ("both_paths", (-1.0,)), ("array_never", (np.ones(3), 1)),
    ("array_never", (np.ones(3), 0)),
])
def test_agrees_with_cpython(unb, name, args):
    try:
        expected = ("ok", _cpython(name)(*args))
    except UnboundLocalError:
        expected = ("unbound", None)
    try:
        got = ("ok", getattr(unb, name)(*args))
    except UnboundLocalError as e:
        assert "where it is not associated with a value" in str(e)
        got = ("unbound", None)
    assert got == expected


def test_array_written_before_assignment_raises_instead_of_crashing(unb):
    a = np.arange(1.0, 6.0)
    assert list(unb.array_late(a)) == [0.0, 2.0, 3.0, 4.0, 5.0]
    with pytest.raises(UnboundLocalError):
        unb.array_never(np.ones(10 ** 6), 0)


def test_reads_after_assignment_are_not_flagged():
    func = ast.parse(SOURCE).body[-1]
    assert func.name == "both_paths" and maybe_unassigned_reads(func) == set()
    tree = ast.parse("def f(a, n):\n    s = 0.0\n    for i in range(n):\n        t = a[i]\n        s += t\n"
                     "    while True:\n        u = 1\n        break\n    return s + u\n")
    assert maybe_unassigned_reads(tree.body[0]) == set()
