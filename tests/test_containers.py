"""Lists, dicts, sets and str end to end: reference counts stay exact on every exit
path (returns from inside loops, IndexError/KeyError raised with temporaries alive),
argument checks at the boundary, and memory that stays flat over 10⁵ calls."""

import pytest

from conftest import build_and_load, run_python

SOURCE = '''
from numba.pycc import CC
from numba import typed, types

cc = CC('cnt')

@cc.export('words', 'DictType(unicode_type, int64)(unicode_type)')
def words(text):
    d = typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    return d

@cc.export('first_long', 'unicode_type(ListType(unicode_type), i8)')
def first_long(xs, n):
    for x in xs:
        if len(x) >= n:
            return x.upper()            # returns from inside the loop: the iterator is released
    return ""

@cc.export('pick', 'f8(ListType(f8), i8)')
def pick(xs, i):
    ys = [x * 2.0 for x in xs]
    return ys[i] + len([1, 2, 3])     # IndexError with a temporary list alive

@cc.export('lookup', 'i8(unicode_type)')
def lookup(k):
    d = {"a": 1, "b": 2}
    return d[k + ""]                   # KeyError with a temporary key alive

@cc.export('grow', 'void(reflected list(int64), i8)')
def grow(xs, n):
    ys = xs
    for i in range(n):
        ys.append(i)

@cc.export('fields', 'i8(unicode_type, unicode_type)')
def fields(s, sep=","):
    return _count(s) * 100 + len(s.split(sep))

def _count(s, sep=" "):
    return len(s.split(sep))

@cc.export('build', 'i8(i8)')
def build(n):
    s = set()
    parts = []
    for i in range(n):
        s.add(i % 7)
        parts.append(str(i))
    text = ",".join(parts)
    pairs = [(p, len(p)) for p in text.split(",")]
    total = 0
    for p, k in pairs:
        total += k
    return total + len(s) + len(f"{n}:{text[:3]}")
'''


@pytest.fixture(scope="module")
def cnt(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("containers"), "cnt", SOURCE)


def test_results_and_errors(cnt):
    assert cnt.words("a b a") == {"a": 2, "b": 1}
    assert cnt.first_long(["ab", "héllo", "xyz"], 3) == "HÉLLO"
    assert cnt.first_long([], 3) == ""
    assert cnt.pick([1.0, 2.5], -1) == 8.0
    with pytest.raises(IndexError, match="list index out of range"):
        cnt.pick([1.0], 5)
    with pytest.raises(KeyError, match="'c'"):
        cnt.lookup("c")
    xs = [1]
    cnt.grow(xs, 3)
    assert xs == [1, 0, 1, 2]   # a reflected list: the caller sees the appends
    assert cnt.fields("a b,c") == 202 and cnt.fields("a b,c", " ") == 202 and cnt.fields("a,b", sep=";") == 101
    assert cnt.build(12) == sum(len(str(i)) for i in range(12)) + 7 + len("12:0,1")


def test_boundary_checks(cnt):
    with pytest.raises(TypeError, match=r"first_long\(\) argument 1 \('xs'\) must be a list of str"):
        cnt.first_long(["a", 3], 1)
    with pytest.raises(TypeError, match=r"argument 1 \('xs'\) must be a list of float"):
        cnt.pick((1.0,), 0)
    with pytest.raises(OverflowError):
        cnt.grow([2 ** 70], 1)
    with pytest.raises(TypeError, match="must be str"):
        cnt.lookup(b"a")


def test_reference_counts_are_exact(cnt):
    """Arguments and the objects compiled code returns carry no extra references,
    also after errors and early returns."""
    import sys
    xs, word = ["ab", "héllo"], "héllo"
    before = [sys.getrefcount(x) for x in xs] + [sys.getrefcount(xs), sys.getrefcount(word)]
    for _ in range(1000):
        cnt.first_long(xs, 3)
        cnt.first_long(xs, 99)
        try:
            cnt.lookup(word)
        except KeyError:
            pass
    after = [sys.getrefcount(x) for x in xs] + [sys.getrefcount(xs), sys.getrefcount(word)]
    assert before == after
    result = cnt.words("x y")
    assert sys.getrefcount(result) == 2      # only `result` and getrefcount's argument


def test_memory_stays_flat(cnt, tmp_path):
    code = """
import cnt
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096
def calls():
    cnt.words("a b c a"); cnt.first_long(["ab", "abcd"], 3); cnt.build(5); cnt.grow([], 2)
    try:
        cnt.pick([1.0], 3)
    except IndexError:
        pass
    try:
        cnt.lookup("zz")
    except KeyError:
        pass
for _ in range(10000):
    calls()
start = rss()
for _ in range(100000):
    calls()
print(rss() - start)
"""
    directory = cnt.__file__.rsplit("/", 1)[0]
    grown = int(run_python(code, directory).stdout.strip())
    assert grown < 4 * 1024 * 1024, f"memory grew by {grown} bytes over 10^5 rounds of calls"


DISPATCH = '''
from numba.pycc import CC
from numba import typed, types
cc = CC('disp')

@cc.export('size', 'i8(unicode_type)')
@cc.export('size', 'i8(ListType(f8))')
def size(x):
    return len(x) * 10

@cc.export('size', 'i8(i8)')
def size_of_int(x):
    return x

@cc.export('count', 'i8(unicode_type)')
def count(text):
    d = typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for w in text.split():
        d[w] = 1
    return len(d)
'''


def test_dispatch_and_numba_free_build(tmp_path):
    """str and list signatures take part in dispatch; a source importing numba.typed and
    numba.types builds where numba cannot be imported."""
    (tmp_path / "src.py").write_text(DISPATCH)
    run_python("""
import runpy, sys
sys.modules['numba'] = None
sys.argv = ['aot_tool', 'build', 'src.py', '-o', 'out']
try:
    runpy.run_module('aot_tool', run_name='__main__')
except SystemExit as e:
    assert not e.code, e.code
""", tmp_path, block=False)
    out = run_python("""
import disp
print(disp.size('abc'), disp.size([1.0]), disp.size(3), disp.count('a b a'))
try:
    disp.size(b'x')
except TypeError as e:
    print('TypeError')
""", tmp_path / "out").stdout.split()
    assert out == ["30", "10", "3", "2", "TypeError"]
