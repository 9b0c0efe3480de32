"""Exported functions whose parameters have defaults (numba.pycc signatures list
every parameter; Python callers may omit the trailing ones or pass them by keyword):
a relaxation solver and a tolerance-controlled series."""
from numba.pycc import CC

cc = CC('k_defaults_exports')


@cc.export('jacobi_1d', 'f8[:](f8[:], i8, f8)')
def jacobi_1d(u, sweeps=10, omega=1.0):
    v = u.copy()
    for _ in range(sweeps):
        for i in range(1, len(v) - 1):
            v[i] = (1.0 - omega) * v[i] + omega * 0.5 * (v[i - 1] + v[i + 1])
    return v


@cc.export('exp_series', 'Tuple((f8, i8))(f8, f8, i8)')
def exp_series(x, tol=1e-12, maxterms=200):
    s = 0.0
    term = 1.0
    n = 0
    while n < maxterms and abs(term) > tol:
        s += term
        n += 1
        term *= x / n
    return s, n


@cc.export('bump', 'f8(f8, optional(f8))')
def bump(x, width=None):
    if width is None:
        return x
    return x / width if width != 0.0 else 0.0


TESTS = {
    'jacobi_1d': '[n]-10:10 0:20 0.5:1.5 n=0:10',
    'exp_series': '-5:5 1e-15:1e-3 0:300',
    'bump': '-10:10 -3:3?',
}
