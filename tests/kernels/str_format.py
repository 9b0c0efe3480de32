"""Building text: f-strings of ints and str, str(int), concatenation in a loop, join of a list."""
from numba.pycc import CC

cc = CC('str_format')


@cc.export('report', 'unicode_type(i8, i8)')
def report(a, b):
    return f"{a} + {b} = {a + b}"


@cc.export('ladder', 'unicode_type(i8)')
def ladder(n):
    out = ""
    for i in range(n):
        out += str(i) + ("," if i < n - 1 else "")
    return out


@cc.export('padded', 'unicode_type(unicode_type, i8)')
def padded(s, k):
    parts = ["-"]
    for i in range(k):
        parts.append(s[:i % 3] + s)
    return "|".join(parts) + f"<{s}>"


TESTS = {
    'report': '-1000:1000 -1000:1000',
    'ladder': '-2:12',
    'padded': 'str:aé 0:6',
}
