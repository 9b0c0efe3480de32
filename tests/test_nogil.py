"""nogil=True (issue 13): exports that release the GIL, called from several Python
threads at once; what inside needs the interpreter takes the GIL for that moment."""

from __future__ import annotations

import textwrap
import threading

import numpy as np
import pytest

from conftest import build_and_load, cli

SOURCE = textwrap.dedent('''
    import numpy as np
    from numba import njit
    from numba.pycc import CC
    cc = CC('nogil_mod')

    @cc.export('work', 'f8(f8[:], i8)')
    @njit(nogil=True)
    def work(x, reps):
        s = 0.0
        for r in range(reps):
            for i in range(x.shape[0]):
                s += np.sqrt(x[i] * r + 1.0)
        return s

    @cc.export('arrays', 'f8[:](i8)', nogil=True)
    def arrays(n):
        a = np.zeros(n)
        for i in range(n):
            a[i] = i
        b = a[1:]
        return b * 2.0 + np.sum(b)

    @cc.export('objects', 'i8(i8)')
    @njit(nogil=True)
    def objects(n):
        seen = {}
        items = []
        for i in range(n):
            items.append(i % 7)
            seen[i % 5] = i
        return len(items) + len(seen) + sum(items)

    @cc.export('solve', 'f8[:](f8[:, :], f8[:])')
    @njit(nogil=True)
    def solve(a, b):
        return np.linalg.solve(a, b)

    @cc.export('pick', 'f8(f8[:], i8)', nogil=True)
    def pick(x, i):
        if i == -1:
            raise ValueError("no such item")
        return x[i]
''')


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return build_and_load(tmp_path_factory.mktemp("nogil"), "nogil_mod", SOURCE)


def in_threads(fn, count=4):
    """fn(k) in `count` threads started together; the results in order."""
    results, errors = [None] * count, []
    start = threading.Barrier(count)

    def run(k):
        start.wait()
        try:
            results[k] = fn(k)
        except BaseException as e:   # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=run, args=(k,)) for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def test_results_from_four_threads(mod):
    x = np.random.default_rng(1).random(20_000)
    serial = mod.work(x, 20)
    assert in_threads(lambda k: mod.work(x, 20)) == [serial] * 4


def test_interpreter_work_inside_takes_the_gil(mod):
    """Allocation, lists, dicts and the NumPy bridge, from many threads at once."""
    want_arrays = np.arange(1, 500) * 2.0 + np.arange(1, 500).sum()
    want_objects = mod.objects(3000)
    a = np.array([[4.0, 1.0], [2.0, 3.0]])
    b = np.array([1.0, 2.0])

    def job(k):
        for _ in range(50):
            assert np.array_equal(mod.arrays(500), want_arrays)
            assert mod.objects(3000) == want_objects
            assert np.allclose(mod.solve(a, b), np.linalg.solve(a, b))
        return k
    assert in_threads(job) == [0, 1, 2, 3]


def test_exceptions_from_threads(mod):
    x = np.arange(3.0)

    def job(k):
        caught = []
        for i in (-1, 5, 1):
            try:
                caught.append(mod.pick(x, i))
            except (ValueError, IndexError) as e:
                caught.append(type(e).__name__ + ": " + str(e))
        return caught
    got = in_threads(job)
    assert got[0] == ["ValueError: no such item",
                      "IndexError: index 5 is out of bounds for axis 0 with size 3 (in pick())", 1.0]
    assert got == [got[0]] * 4


def test_the_gil_is_released(mod):
    """While a nogil call runs in another thread, this thread's Python keeps running."""
    x = np.random.default_rng(2).random(50_000)
    done = threading.Event()
    ticks = 0

    def call():
        mod.work(x, 100)
        done.set()
    t = threading.Thread(target=call)
    t.start()
    while not done.is_set():
        ticks += 1
    t.join()
    assert ticks > 0


def test_nogil_flag_is_read_statically(tmp_path):
    (tmp_path / "src.py").write_text(textwrap.dedent('''
        from numba import njit
        from numba.pycc import CC
        cc = CC('m')
        def flag():
            return True

        @cc.export('f', 'f8(f8)')
        @njit(nogil=flag())
        def f(x):
            return x
    '''))
    proc = cli("build", tmp_path / "src.py", "-o", tmp_path)
    assert proc.returncode == 1
    assert "src.py:9:13" in proc.stderr and "cannot follow nogil=flag()" in proc.stderr


def test_nogil_is_part_of_the_build_key(tmp_path):
    from aot_tool import pipeline
    keys = []
    for deco in ("@njit", "@njit(nogil=True)", "@njit(nogil=False)"):
        (tmp_path / "src.py").write_text(f"from numba import njit\nfrom numba.pycc import CC\ncc = CC('m')\n"
                                         f"@cc.export('f', 'f8(f8)')\n{deco}\ndef f(x):\n    return x\n")
        src = pipeline.read_source(str(tmp_path / "src.py"))
        keys.append(pipeline.export_key(src, "m", "f", 0, pipeline.Options()))
    assert keys[0] != keys[1] and keys[0] == keys[2]


def test_nogil_build_option(tmp_path):
    """--nogil (Options.nogil) releases the GIL in every export and keys the objects."""
    from aot_tool import pipeline
    (tmp_path / "src.py").write_text("from numba.pycc import CC\ncc = CC('m')\n"
                                     "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x * 2.0\n")
    src = pipeline.read_source(str(tmp_path / "src.py"))
    plain, nogil = pipeline.Options(), pipeline.Options(nogil=True)
    assert pipeline.export_key(src, "m", "f", 0, plain) != pipeline.export_key(src, "m", "f", 0, nogil)
    assert b"PyEval_SaveThread" in pipeline.compile_export(src, "m", "f", 0, nogil)
    assert b"PyEval_SaveThread" not in pipeline.compile_export(src, "m", "f", 0, plain)
    proc = cli("build", tmp_path / "src.py", "-o", tmp_path, "--nogil")
    assert proc.returncode == 0, proc.stderr


def test_scons_nogil_variable(tmp_path):
    """AOT_NOGIL=1 in SCons: the exports release the GIL, and setting it rebuilds them."""
    from scons_support import scons, sconstruct, write
    body = ("if 'nogil' in ARGUMENTS:\n    env['AOT_NOGIL'] = ARGUMENTS['nogil']\n"
            "env.AOTModule('sm', 'src.py')\n")
    src = ("from numba.pycc import CC\ncc = CC('sm')\n"
           "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x * 2.0\n")
    write(tmp_path, {"src.py": src, "SConstruct": sconstruct(body)})
    scons(tmp_path, "-Q")
    obj = next(p for p in (tmp_path / "sm.aot").iterdir() if p.name.startswith("f.0"))
    assert b"PyEval_SaveThread" not in obj.read_bytes()
    out = scons(tmp_path, "-Q", "nogil=1").stdout
    assert "f.0" in out
    assert b"PyEval_SaveThread" in obj.read_bytes()
