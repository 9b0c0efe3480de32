"""Points and vectors passed as tuples (UniTuple(f8, 3)): norms, cross products,
distances and a bounding box test, as numba users pass small fixed-size vectors."""
import math
from numba.pycc import CC

cc = CC('k_tuple_args_geometry')


def dot(u, v):
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]


@cc.export('norm', 'f8(UniTuple(f8, 3))')
def norm(v):
    return math.sqrt(dot(v, v))


@cc.export('cross', 'UniTuple(f8, 3)(UniTuple(f8, 3), UniTuple(f8, 3))')
def cross(u, v):
    ux, uy, uz = u
    vx, vy, vz = v
    return uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx


@cc.export('distance', 'f8(UniTuple(f8, 3), UniTuple(f8, 3))')
def distance(p, q):
    s = 0.0
    for i in range(3):
        d = p[i] - q[i]
        s += d * d
    return math.sqrt(s)


@cc.export('inside_box', 'b1(UniTuple(f8, 3), UniTuple(f8, 3), UniTuple(f8, 3))')
def inside_box(p, lo, hi):
    for i in range(3):
        if p[i] < lo[i] or p[i] > hi[i]:
            return False
    return True


@cc.export('largest', 'f8(UniTuple(f8, 4))')
def largest(t):
    best = t[0]
    for x in t:
        if x > best:
            best = x
    return best


TESTS = {
    'norm': '(-1e3:1e3,-1e3:1e3,-1e3:1e3)',
    'cross': '(-100:100,-100:100,-100:100) (-100:100,-100:100,-100:100)',
    'distance': '(-100:100,-100:100,-100:100) (-100:100,-100:100,-100:100)',
    'inside_box': '(-2:2,-2:2,-2:2) (-2:0,-2:0,-2:0) (0:2,0:2,0:2)',
    'largest': '(*,*,*,*)',
}
