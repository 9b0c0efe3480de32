"""Seeded integer draws: randint, poisson, binomial (both algorithms), choice, shuffle,
permutation, bootstrapping."""
import numpy as np
from numba.pycc import CC

cc = CC('k_random_integers')


@cc.export('dice', 'i8[:](i8, i8)')
def dice(seed, n):
    np.random.seed(seed)
    counts = np.zeros(6, dtype=np.int64)
    for _ in range(n):
        counts[np.random.randint(1, 7) - 1] += 1   # the index is drawn once
    return counts


@cc.export('wide_randint', 'i8[:](i8, i8, i8)')
def wide_randint(seed, low, span):
    np.random.seed(seed)
    out = np.random.randint(low, low + span, 5)
    return out


@cc.export('poissons', 'i8[:](i8, f8)')
def poissons(seed, lam):
    np.random.seed(seed)
    return np.random.poisson(lam, 8)


@cc.export('binomials', 'i8[:](i8, i8, f8)')
def binomials(seed, n, p):
    np.random.seed(seed)
    out = np.empty(6, dtype=np.int64)
    for i in range(6):
        out[i] = np.random.binomial(n, p)
    return out


@cc.export('shuffled', 'f8[:](i8, f8[:])')
def shuffled(seed, x):
    np.random.seed(seed)
    y = x.copy()
    np.random.shuffle(y)
    return y


@cc.export('perms', 'i8[:](i8, i8)')
def perms(seed, n):
    np.random.seed(seed)
    return np.random.permutation(n)


@cc.export('perm_array', 'f8[:](i8, f8[:])')
def perm_array(seed, x):
    np.random.seed(seed)
    return np.random.permutation(x)


@cc.export('bootstrap_mean', 'f8(i8, f8[:])')
def bootstrap_mean(seed, x):
    np.random.seed(seed)
    total = 0.0
    for _ in range(20):
        sample = np.random.choice(x, len(x))
        total += sample.mean()
    return total / 20


@cc.export('choices', 'i8[:](i8, i8)')
def choices(seed, n):
    np.random.seed(seed)
    out = np.random.choice(n, 3, replace=False)
    k = np.random.choice(n)
    out[0] += 1000 * k
    return out


TESTS = {
    'dice': '0:1000 0:200',
    'wide_randint': '0:1000 -1000000:1000000 1:1000000000000000000',
    'poissons': '0:1000 0:40',
    'binomials': '0:1000 0:2000 0:1',
    'shuffled': '0:1000 [n]-5:5 n=0:20',
    'perms': '0:1000 0:20',
    'perm_array': '0:1000 [n]-5:5 n=0:20',
    'bootstrap_mean': '0:1000 [n]-5:5 n=1:20 rtol=1e-12',
    'choices': '0:1000 3:30',
}


@cc.export('shuffle_rows', 'f8[:, :](i8, f8[:, :])')
def shuffle_rows(seed, a):
    np.random.seed(seed)
    b = a.copy()
    np.random.shuffle(b)
    return b


TESTS['shuffle_rows'] = '0:1000 [n,m]-5:5 n=0:8 m=0:4'
