"""Seeded random streams equal numba's for the same calls, over many seeds and
parameters (both distributions' algorithms: poisson's multiplication and PTRS,
binomial's inversion and BTPE), for np.random and the random module."""

import numpy as np
import pytest

numba = pytest.importorskip("numba")

SOURCE = '''
import numpy as np
import random
from numba.pycc import CC
cc = CC('rstreams')

@cc.export('np_stream', 'f8[:](i8, f8, i8, f8)')
def np_stream(s, lam, n, p):
    np.random.seed(s)
    out = np.empty(60)
    for i in range(10):
        out[i] = np.random.poisson(lam)
        out[10 + i] = np.random.binomial(n, p)
        out[20 + i] = np.random.randint(-3, n + 5)
        out[30 + i] = np.random.choice(n + 1)
        out[40 + i] = np.random.normal(lam, 2.0)
        out[50 + i] = np.random.exponential(lam + 1.0)
    return out

@cc.export('py_stream', 'f8[:](i8, i8)')
def py_stream(s, n):
    random.seed(s)
    out = np.empty(40)
    for i in range(10):
        out[i] = random.randint(-n, n)
        out[10 + i] = random.randrange(n + 1)
        out[20 + i] = random.gauss(0.0, 1.0)
        out[30 + i] = random.uniform(-1.0, float(n))
    return out

@cc.export('perm_stream', 'i8[:](i8, i8)')
def perm_stream(s, n):
    np.random.seed(s)
    x = np.random.permutation(n + 3)
    np.random.shuffle(x)
    return np.random.choice(x, 3, replace=False)
'''


def test_streams_equal_numba(tmp_path):
    from conftest import build_and_load
    mod = build_and_load(tmp_path, "rstreams", SOURCE)
    ns = {}
    exec(SOURCE.replace("from numba.pycc import CC", "").replace("cc = CC('rstreams')", "")
         .replace("@cc.export", "# export"), ns)
    jitted = {name: numba.njit(ns[name]) for name in ("np_stream", "py_stream", "perm_stream")}
    rng = np.random.default_rng(1)
    for _ in range(150):
        s = int(rng.integers(0, 2 ** 32))
        lam = float(rng.choice([0.0, 0.5, 3.0, 9.99, 10.0, 50.0, 1e4]))
        n = int(rng.choice([0, 1, 5, 40, 1000, 10 ** 6]))
        p = float(rng.choice([0.0, 0.01, 0.3, 0.5, 0.7, 1.0, rng.random()]))
        for name, args in (("np_stream", (s, lam, n, p)), ("py_stream", (s, n + 1)), ("perm_stream", (s, n % 50))):
            ours, theirs = getattr(mod, name)(*args), jitted[name](*args)
            assert np.array_equal(ours, theirs), (name, args, ours, theirs)
