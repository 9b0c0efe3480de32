"""Plain-Python helper file imported by shapes_import.py (not a kernel itself:
files starting with '_' are skipped by the runner)."""
import math


def tri_area(a, b, c):
    s = 0.5 * (a + b + c)
    return math.sqrt(max(s * (s - a) * (s - b) * (s - c), 0.0))


def poly_area(xs, ys):
    n = len(xs)
    acc = 0.0
    for i in range(n):
        j = (i + 1) % n
        acc += xs[i] * ys[j] - xs[j] * ys[i]
    return 0.5 * abs(acc)
