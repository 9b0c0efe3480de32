"""Run-time errors say where and what: an index error names the index, the axis, its
length and the function; a failed dispatch shows the arrays' dtypes and dimensions."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import build_and_load

SOURCE = """
from aot_tool import CC
cc = CC('msgs')

@cc.export('at', 'f8(f8[:, :], i8, i8)')
def at(a, i, j):
    return a[i, j]

@cc.export('total', 'f8(f8[:])')
@cc.export('total', 'f8(f4[:, :])')
def total(a):
    return a.sum()
"""


@pytest.fixture(scope="module")
def msgs(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("msgs"), "msgs", SOURCE)


def test_index_error_names_index_axis_size_and_function(msgs):
    with pytest.raises(IndexError, match=r"^index 7 is out of bounds for axis 1 with size 3 \(in at\(\)\)$"):
        msgs.at(np.zeros((2, 3)), 1, 7)
    with pytest.raises(IndexError, match=r"^index -3 is out of bounds for axis 0 with size 2 "):
        msgs.at(np.zeros((2, 3)), -3, 0)


def test_dispatch_failure_shows_dtype_and_dimensions(msgs):
    with pytest.raises(TypeError) as info:
        msgs.total(np.zeros((2, 2), np.int32))
    message = str(info.value)
    assert "ndarray(int32, 2-d)" in message and "f8[:]" in message, message


EMPTY = """
import numpy as np
from aot_tool import CC
cc = CC('empty_stats')

@cc.export('mean', 'f8(f8[:])')
def mean(x):
    return x.mean()

@cc.export('var', 'f8(f8[:])')
def var(x):
    return np.var(x)
"""


def test_mean_of_empty_warns_as_numpy(tmp_path):
    import warnings
    m = build_and_load(tmp_path, "empty_stats", EMPTY)
    with pytest.warns(RuntimeWarning, match="Mean of empty slice"):
        assert np.isnan(m.mean(np.empty(0)))
    with pytest.warns(RuntimeWarning, match="Degrees of freedom"):
        assert np.isnan(m.var(np.empty(0)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert m.mean(np.ones(3)) == 1.0          # no warning for data
        with pytest.raises(RuntimeWarning):
            m.mean(np.empty(0))                   # a filter that raises: the call raises
