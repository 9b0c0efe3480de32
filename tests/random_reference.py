"""The reference for seeded random kernels: under CPython, `np.random` is backed by
NumPy's legacy RandomState and `random` by a CPython Random whose Mersenne Twister is
seeded as numba seeds it (RandomState's seeding, not CPython's), with numba's polar
method for gauss.  The kernel runner hands these to kernels that use random numbers,
so a seeded compiled stream is compared with what RandomState gives."""

from __future__ import annotations

import math
import random as _random
import types

import numpy as np


class LegacyNumpyRandom:
    """np.random's functions on one RandomState; seed(s) restarts it as RandomState(s)."""

    def __init__(self):
        self._rs = np.random.RandomState()

    def seed(self, s):
        self._rs = np.random.RandomState(s)

    def __getattr__(self, name):
        return getattr(self._rs, name)


class NumbaPythonRandom:
    """The random module as numba has it: its own MT19937 seeded like RandomState."""

    def __init__(self):
        self._r = _random.Random()
        self._gauss = None

    def seed(self, s):
        key = np.random.RandomState(s).get_state()[1]
        self._r.setstate((3, tuple(int(k) for k in key) + (624,), None))
        self._gauss = None

    def random(self):
        return self._r.random()

    def randint(self, a, b):
        return self._r.randint(a, b)

    def randrange(self, *args):
        return self._r.randrange(*args)

    def uniform(self, a, b):
        return a + (b - a) * self._r.random()

    def expovariate(self, lambd):
        return -math.log(1.0 - self._r.random()) / lambd

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = self._r.randrange(i + 1)
            x[i], x[j] = x[j], x[i]

    def gauss(self, mu, sigma):
        if self._gauss is not None:
            z, self._gauss = self._gauss, None
        else:
            while True:
                x1 = 2.0 * self._r.random() - 1.0
                x2 = 2.0 * self._r.random() - 1.0
                r2 = x1 * x1 + x2 * x2
                if r2 < 1.0 and r2 != 0.0:
                    break
            f = math.sqrt(-2.0 * math.log(r2) / r2)
            self._gauss, z = f * x1, f * x2
        return mu + sigma * z

    normalvariate = gauss


def fakes() -> dict:
    """Modules to import in place of numpy and random in a kernel's reference run."""
    proxy = types.ModuleType("numpy")
    proxy.__dict__.update(np.__dict__)
    proxy.random = LegacyNumpyRandom()
    shim = NumbaPythonRandom()
    py = types.ModuleType("random")
    for name in ("seed", "random", "randint", "randrange", "uniform", "expovariate", "shuffle", "gauss",
                 "normalvariate"):
        setattr(py, name, getattr(shim, name))
    return {"numpy": proxy, "random": py}
