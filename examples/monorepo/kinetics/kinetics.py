"""Kinetic energy of point masses: a package that does not use the shared helpers."""
from numba.pycc import CC

cc = CC('kinetics')


@cc.export('energy', 'f8(f8, f8)')
def energy(m, v):
    return 0.5 * m * v * v


@cc.export('total_energy', 'f8(f8[:], f8[:])')
def total_energy(m, v):
    total = 0.0
    for i in range(len(m)):
        total += energy(m[i], v[i])
    return total
