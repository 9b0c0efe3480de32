"""Monte-Carlo with a seeded np.random: pi, a random walk, an integral, the numbers themselves."""
import numpy as np
from numba.pycc import CC

cc = CC('k_random_montecarlo')


@cc.export('first_random', 'f8(i8)')
def first_random(seed):
    np.random.seed(seed)
    return np.random.random()


@cc.export('mc_pi', 'f8(i8, i8)')
def mc_pi(seed, n):
    np.random.seed(seed)
    inside = 0
    for _ in range(n):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / max(n, 1)


@cc.export('walk', 'f8[:](i8, i8)')
def walk(seed, steps):
    np.random.seed(seed)
    pos = np.zeros(steps + 1)
    for i in range(steps):
        pos[i + 1] = pos[i] + np.random.normal(0.0, 0.5)
    return pos


@cc.export('mc_integral', 'f8(i8, f8, f8)')
def mc_integral(seed, a, b):
    np.random.seed(seed)
    total = 0.0
    for _ in range(200):
        x = np.random.uniform(a, b)
        total += np.exp(-x * x)
    return total / 200 * (b - a)


@cc.export('stream', 'f8[:](i8)')
def stream(seed):
    np.random.seed(seed)
    out = np.empty(9)
    out[0] = np.random.random_sample()
    out[1] = np.random.rand()
    out[2] = np.random.randn()
    out[3] = np.random.standard_normal()
    out[4] = np.random.exponential(3.0)
    out[5] = np.random.exponential()
    out[6] = np.random.uniform()
    out[7] = np.random.normal()
    out[8] = np.random.normal(5.0)
    return out


@cc.export('arrays', 'f8(i8, i8)')
def arrays(seed, n):
    np.random.seed(seed)
    a = np.random.random(n)
    b = np.random.rand(n, 2)
    c = np.random.randn(3)
    d = np.random.normal(1.0, 2.0, (2, n))
    e = np.random.uniform(-1.0, 1.0, n)
    f = np.random.exponential(2.0, n)
    g = np.random.standard_normal(n)
    return a.sum() + 2 * b.sum() + 3 * c.sum() + 4 * d.sum() + 5 * e.sum() + 6 * f.sum() + 7 * g.sum()


TESTS = {
    'first_random': '0:4294967295',
    'mc_pi': '0:1000 0:500',
    'walk': '0:1000 0:30',
    'mc_integral': '0:1000 -2:0 0:2',
    'stream': '0:100000',
    'arrays': '0:1000 0:6',
}
