"""The random module in compiled code: its own seeded state (numba seeds it as
RandomState does), random, randint, randrange, uniform, gauss, expovariate, shuffle."""
import random
import numpy as np
from numba.pycc import CC

cc = CC('k_random_python')


@cc.export('py_stream', 'f8[:](i8)')
def py_stream(seed):
    random.seed(seed)
    out = np.empty(8)
    out[0] = random.random()
    out[1] = random.randint(1, 6)
    out[2] = random.randrange(10)
    out[3] = random.randrange(-5, 50)
    out[4] = random.uniform(2.0, 4.0)
    out[5] = random.gauss(1.0, 2.0)
    out[6] = random.gauss(0.0, 1.0)
    out[7] = random.expovariate(0.5)
    return out


@cc.export('py_shuffle', 'i8[:](i8, i8)')
def py_shuffle(seed, n):
    random.seed(seed)
    x = np.arange(n)
    random.shuffle(x)
    return x


@cc.export('separate_states', 'f8(i8)')
def separate_states(seed):
    # seeding np.random leaves the random module's stream alone, and the reverse
    random.seed(seed)
    np.random.seed(seed + 1)
    a = random.random()
    b = np.random.random()
    return a * 1000.0 + b


TESTS = {
    'py_stream': '0:100000',
    'py_shuffle': '0:1000 0:20',
    'separate_states': '0:1000',
}
