"""String operations: len, ==/</in, indexing and slicing by code point (IndexError),
concatenation, repetition, startswith/endswith/find/strip/lower, hash (CPython's)."""
from numba.pycc import CC

cc = CC('str_ops')


@cc.export('char_at', 'unicode_type(unicode_type, i8)')
def char_at(s, i):
    return s[i]


@cc.export('slices', 'unicode_type(unicode_type, i8, i8)')
def slices(s, a, b):
    return s[a:b] + "|" + s[::-1] + "|" + s[a:] * 2


@cc.export('compare', 'i8(unicode_type, unicode_type)')
def compare(s, t):
    r = 0
    if s == t:
        r += 1
    if s < t:
        r += 2
    if t in s:
        r += 4
    if s.startswith(t):
        r += 8
    if s.endswith(t):
        r += 16
    return r * 100 + s.find(t)


@cc.export('clean', 'unicode_type(unicode_type)')
def clean(s):
    t = s.strip().lower()
    return t.replace("a", "o") + str(len(t))


@cc.export('hashes', 'b1(unicode_type)')
def hashes(s):
    return hash(s) == hash(s + "") and hash(s) != hash(s + "x")


@cc.export('fmt', 'unicode_type(i8, unicode_type)')
def fmt(n, s):
    return f"n={n}, s={s}!"


@cc.export('caesar', 'unicode_type(unicode_type, i8)')
def caesar(s, k):
    out = ""
    for c in s:
        if "a" <= c <= "z":
            out += chr((ord(c) - ord("a") + k) % 26 + ord("a"))
        else:
            out += c
    return out


TESTS = {
    'caesar': 'str:abyz_é -30:30',
    'char_at': 'str:abé -6:6',
    'slices': 'str:abcé -5:5 -5:5',
    'compare': 'str:ab str:ab',
    'clean': 'str:aB_c',
    'hashes': 'str',
    'fmt': '-100:100 str',
}
