"""Keyword arguments between compiled functions: out-of-order keywords, keywords
mixed with positional arguments and with defaults, as in `clip(x, hi=1.0)`."""
from numba.pycc import CC

cc = CC('k_kwargs_calls')


def clip(x, lo=0.0, hi=1.0):
    return min(max(x, lo), hi)


def lerp(a, b, t=0.5):
    return a + (b - a) * t


def poly(x, c0=0.0, c1=0.0, c2=0.0, c3=0.0):
    return ((c3 * x + c2) * x + c1) * x + c0


@cc.export('clips', 'f8(f8)')
def clips(x):
    return clip(x) + clip(x, hi=2.0) + clip(x, lo=-1.0) + clip(hi=0.5, x=x, lo=-0.5) + clip(x, -3.0, hi=3.0)


@cc.export('lerps', 'f8(f8, f8, f8)')
def lerps(a, b, t):
    return lerp(a, b) + lerp(a, b, t=t) + lerp(b=b, a=a) + lerp(t=t, b=a, a=b)


@cc.export('cubic', 'f8(f8)')
def cubic(x):
    return poly(x, c3=1.0, c0=-2.0) + poly(x, 1.0, c2=0.5)


@cc.export('smooth', 'f8[:](f8[:], f8)')
def smooth(a, t):
    out = a.copy()
    for i in range(1, len(a)):
        out[i] = lerp(out[i - 1], a[i], t=clip(t, hi=1.0, lo=0.0))
    return out


TESTS = {
    'clips': '-5:5',
    'lerps': '-100:100 -100:100 -2:2',
    'cubic': '-10:10',
    'smooth': '[n]-10:10 -1:2 n=0:12',
}
