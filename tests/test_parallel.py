"""prange on the runtime's thread pool (issue 13), end to end: reductions bit-identical
across thread counts, exceptions raised in worker threads, the pool reused across calls,
Python threads and separately built modules, fork after the pool started, the thread
controls, and the races refused at compile time."""

from __future__ import annotations

import os
import sys
import textwrap
import threading

import numpy as np
import pytest

from conftest import build_and_load, cli, run_python

# every region past its first block goes to the pool, however small: the tests below
# exercise the worker threads (the default lets the caller finish small loops alone)
os.environ["AOT_PARALLEL_SOLO_TICKS"] = "0"

SOURCE = textwrap.dedent('''
    import numpy as np
    from numba import njit, prange
    from numba.pycc import CC
    cc = CC('par_mod')

    @cc.export('total', 'f8(f8[:])')
    @njit(parallel=True)
    def total(x):
        s = 0.0
        for i in prange(x.shape[0]):
            s += np.sin(x[i])
        return s

    @cc.export('bits', 'Tuple((i8, i8, b1, b1))(i8[:])')
    @njit(parallel=True)
    def bits(x):
        o = 0
        a = -1
        any_neg = False
        all_small = True
        for i in prange(len(x)):
            o |= x[i]
            a &= x[i] | 1024
            any_neg |= x[i] < 0
            all_small &= x[i] < 500
        return o, a, any_neg, all_small

    @cc.export('first_error', 'f8(f8[:], i8, i8)')
    @njit(parallel=True, nogil=True)
    def first_error(x, a, b):
        s = 0.0
        for i in prange(len(x)):
            if i == a:
                raise ValueError("at a")
            if i == b:
                raise ZeroDivisionError("at b")
            s += x[i]
        return s

    @cc.export('scaled', 'f8[:](f8[:], f8)', parallel=True, nogil=True)
    def scaled(x, k):
        out = np.empty_like(x)
        for i in prange(len(x)):
            row = x[i:i + 1]          # a view: its reference counted under the GIL
            out[i] = row[0] * k
        return out

    @cc.export('row_work', 'f8(f8[:], i8)')
    @njit(parallel=True)
    def row_work(x, slow):
        s = 0.0
        for i in prange(len(x)):
            t = 0.0
            for r in range(slow if i == 0 else 1):    # only the first row is slow
                t += np.sin(x[i] + r)
            s += t
        return s

    @cc.export('allocating', 'f8(f8[:], i8)')
    @njit(parallel=True)
    def allocating(x, bad):
        s = 0.0
        for i in prange(len(x)):
            tmp = np.zeros(2)         # NumPy's C API on a pool thread, under the GIL
            tmp[0] = x[i]
            if i == bad:
                raise IndexError("bad item")
            s += tmp[0] + tmp[1]
        return s
''')


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("par")
    return d, build_and_load(d, "par_mod", SOURCE)


def test_reductions_bit_identical_across_thread_counts(built):
    d, mod = built
    code = ("import numpy as np, par_mod\n"
            "x = np.random.default_rng(5).standard_normal(100_003)\n"
            "print(repr(par_mod.total(x)), par_mod.get_num_threads())\n")
    seen = {}
    for n in ("1", "2", "4"):
        out = run_python(code, d, env=dict(os.environ, AOT_NUM_THREADS=n)).stdout.split()
        assert out[1] == n
        seen[n] = out[0]
    assert len(set(seen.values())) == 1, seen
    x = np.random.default_rng(5).standard_normal(100_003)
    assert float(seen["1"]) == pytest.approx(np.sin(x).sum(), rel=1e-12)
    size = mod.get_num_threads()
    for n in sorted({1, min(2, size), size}):    # set_num_threads, in this process
        mod.set_num_threads(n)
        assert mod.get_num_threads() == n and repr(mod.total(x)) == seen["1"]


def test_small_loops_run_alone_with_the_same_bits(built):
    """With the default solo time a small loop never wakes the pool; a large one does; the
    blocks, and so the bits, are the same as when every block after the first is handed over."""
    d, _ = built
    code = ("import numpy as np, par_mod\n"
            "for n in (8, 1000, 2_000_003):\n"
            "    x = np.random.default_rng(n).standard_normal(n)\n"
            "    print(repr(par_mod.total(x)))\n")
    env = {k: v for k, v in os.environ.items() if k != "AOT_PARALLEL_SOLO_TICKS"}
    solo = run_python(code, d, env=dict(env, AOT_NUM_THREADS="2")).stdout.split()
    handed = run_python(code, d, env=dict(env, AOT_NUM_THREADS="2", AOT_PARALLEL_SOLO_TICKS="0")).stdout.split()
    serial = run_python(code, d, env=dict(env, AOT_NUM_THREADS="1")).stdout.split()
    assert solo == handed == serial and len(solo) == 3
    threads = ("import os, numpy as np, par_mod\n"
               "count = lambda: len(os.listdir('/proc/self/task'))\n"
               "par_mod.set_num_threads(1); par_mod.total(np.ones(8))   # warm, serially\n"
               "par_mod.set_num_threads(2); before = count()\n"
               "for _ in range(20): par_mod.total(np.ones(8))\n"
               "small = count()\n"
               "par_mod.total(np.ones(2_000_003)); print(before, small, count())\n")
    before, small, large = map(int, run_python(threads, d, env=dict(env, AOT_NUM_THREADS="2")).stdout.split())
    assert before == small < large      # the pool started only for the large loop


def test_heavy_loops_wake_the_pool_at_once_with_the_same_results(built):
    """A loop that outgrew the solo time wakes the pool at its next region over a like
    trip count (runtime/aot_pool.c, aot_known_heavy), so block 0 runs on any thread:
    the bits and the exception raised are those of a serial run."""
    d, _ = built
    code = ("import numpy as np, par_mod\n"
            "x = np.random.default_rng(3).standard_normal(2_000_003)\n"
            "for _ in range(3): print(repr(par_mod.total(x)), repr(par_mod.first_error(x, -1, -1)))\n"
            "print(repr(par_mod.total(x[:1_000_001])))     # half as long: still known\n"
            "for a, b in ((0, -1), (1_999_999, 40), (5, 1_000_000), (-1, 2_000_002)):\n"
            "    try:\n"
            "        par_mod.first_error(x, a, b)\n"
            "    except (ValueError, ZeroDivisionError) as e:\n"
            "        print(type(e).__name__, e)\n"
            "print(repr(par_mod.total(x[:1000])))\n")
    env = {k: v for k, v in os.environ.items() if k != "AOT_PARALLEL_SOLO_TICKS"}
    pooled = run_python(code, d, env=dict(env, AOT_NUM_THREADS="2")).stdout.splitlines()
    serial = run_python(code, d, env=dict(env, AOT_NUM_THREADS="1")).stdout.splitlines()
    assert pooled == serial and len(pooled) == 9, (pooled, serial)
    assert pooled[4:8] == ["ValueError at a", "ZeroDivisionError at b", "ValueError at a", "ZeroDivisionError at b"]


def test_one_slow_solo_block_does_not_send_later_small_loops_to_the_pool(built):
    """A region whose slow first block outgrew the solo time notes its body as heavy; the
    next region of that body, sent to the pool at once, runs the caller's blocks within
    the solo time and the note is forgotten (aot_note_heavy), so later light calls run
    alone again: the pool's worker, asleep between them, is not woken (its voluntary
    context switches, from /proc, stay put), where a kept note would wake it at every
    call."""
    d, _ = built
    code = textwrap.dedent('''
        import os, time, numpy as np, par_mod
        def worker_switches():
            total = 0
            for task in os.listdir('/proc/self/task'):
                if int(task) == os.getpid():
                    continue
                with open(f'/proc/self/task/{task}/status') as f:
                    total += sum(int(l.split()[1]) for l in f if l.startswith('voluntary_ctxt_switches'))
            return total
        x = np.random.default_rng(2).random(64)
        want = par_mod.row_work(x, 1)
        par_mod.row_work(x, 3_000_000)               # block 0 alone outgrows the solo time
        ok = all(par_mod.row_work(x, 1) == want for _ in range(5))   # the worker still spins
        time.sleep(0.05)                             # ... and now sleeps
        before = worker_switches()
        for _ in range(40):
            ok = ok and par_mod.row_work(x, 1) == want
            time.sleep(0.002)
        print(ok, worker_switches() - before)
    ''')
    env = {k: v for k, v in os.environ.items() if k != "AOT_PARALLEL_SOLO_TICKS"}
    ok, woken = run_python(code, d, env=dict(env, AOT_NUM_THREADS="2")).stdout.split()
    assert ok == "True" and int(woken) < 10, woken


def test_bitwise_reductions(built):
    _, mod = built
    x = np.random.default_rng(6).integers(-3, 1000, 1001)
    want = (int(np.bitwise_or.reduce(x)), int(np.bitwise_and.reduce(x | 1024)),
            bool((x < 0).any()), bool((x < 500).all()))
    assert mod.bits(x) == want
    assert mod.bits(x[:0]) == (0, -1, False, True)


def test_exception_of_the_first_failing_iteration(built):
    _, mod = built
    x = np.ones(10_000)
    for a, b, exc in ((9000, 8000, ZeroDivisionError), (100, 9999, ValueError), (-1, 7000, ZeroDivisionError)):
        for _ in range(5):
            with pytest.raises(exc):
                mod.first_error(x, a, b)
    assert mod.first_error(x, -1, -1) == 10_000.0     # the pool works after failures


def test_allocation_and_exceptions_on_pool_threads(built):
    _, mod = built
    x = np.arange(4000.0)
    for _ in range(20):
        assert mod.allocating(x, -1) == x.sum()
        with pytest.raises(IndexError, match="bad item"):
            mod.allocating(x, 3999)
    refs = sys.getrefcount(x)
    for _ in range(50):
        with pytest.raises(IndexError):
            mod.allocating(x, 2500)
    assert sys.getrefcount(x) == refs


def test_pool_reused_across_calls_and_python_threads(built):
    _, mod = built
    x = np.random.default_rng(7).random(5000)
    want = mod.total(x)
    assert all(mod.total(x) == want for _ in range(300))
    got, errors = [], []

    def job():
        try:
            for _ in range(30):
                got.append(mod.total(x) == want and np.array_equal(mod.scaled(x, 2.0), x * 2.0))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=job) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(got) == 120 and all(got)


def test_two_separately_built_modules(built, tmp_path):
    d, mod = built
    other = build_and_load(tmp_path, "par_other", SOURCE.replace("par_mod", "par_other"))
    x = np.random.default_rng(8).random(20_000)
    want = mod.total(x)
    for _ in range(50):
        assert other.total(x) == want and mod.total(x) == want
    size = mod.get_num_threads()
    mod.set_num_threads(1)                  # one pool for the process: one thread count
    assert other.get_num_threads() == 1
    other.set_num_threads(size)
    assert mod.get_num_threads() == size
    proc = run_python("import par_mod, par_other, sys\n"
                      "import numpy as np\nx = np.ones(1000)\n"
                      "print(par_mod.total(x) == par_other.total(x), sys._aot_tool_pool_v1 is not None)\n",
                      d, env=dict(os.environ, PYTHONPATH=str(tmp_path)))
    assert proc.stdout.split() == ["True", "True"]


def test_fork_after_the_pool_started(built):
    d, _ = built
    proc = run_python('''
        import os, numpy as np, par_mod
        x = np.random.default_rng(9).random(50_000)
        want = par_mod.total(x)
        pid = os.fork()
        if pid == 0:
            ok = par_mod.total(x) == want and par_mod.total(x) == want
            os._exit(0 if ok else 3)
        _, status = os.waitpid(pid, 0)
        print(os.WEXITSTATUS(status), par_mod.total(x) == want)
    ''', d, env=dict(os.environ, AOT_NUM_THREADS="2"))
    assert proc.stdout.split() == ["0", "True"]


def test_waiting_workers_spin_for_the_spin_time_then_sleep(built):
    """After a region the pool's worker spins for AOT_PARALLEL_SPIN_TICKS before it
    sleeps (so back-to-back regions find it on its own CPU): with a long spin the process
    burns CPU while Python sleeps just after a region, with 0 it does not; regions before
    and after the sleep agree either way, and a fork in the spin stays safe."""
    d, _ = built
    code = textwrap.dedent('''
        import os, time, numpy as np, par_mod
        x = np.random.default_rng(4).random(40_000)
        want = par_mod.total(x)
        ok = all(par_mod.total(x) == want for _ in range(200))
        c = time.process_time()
        time.sleep(0.5)
        idle = time.process_time() - c
        pid = os.fork()
        if pid == 0:
            os._exit(0 if par_mod.total(x) == want else 3)
        _, status = os.waitpid(pid, 0)
        print(ok and par_mod.total(x) == want and os.WEXITSTATUS(status) == 0, round(idle, 3))
    ''')
    for ticks, busy in (("0", False), ("100000000000", True)):
        ok, idle = run_python(code, d, env=dict(os.environ, AOT_NUM_THREADS="2",
                                                AOT_PARALLEL_SPIN_TICKS=ticks)).stdout.split()
        assert ok == "True", ticks
        assert (float(idle) > 0.05) is busy, (ticks, idle)   # spinning, even on a loaded machine


def test_thread_controls(built):
    d, mod = built
    stub = (d / "par_mod.pyi").read_text()
    assert "def get_num_threads() -> int:" in stub and "def set_num_threads(n: int) -> None:" in stub
    size = mod.get_num_threads()
    assert size >= 1
    mod.set_num_threads(1)
    assert mod.get_num_threads() == 1
    with pytest.raises(ValueError, match="between 1 and"):
        mod.set_num_threads(0)
    with pytest.raises(TypeError):
        mod.set_num_threads(1.5)
    mod.set_num_threads(size)


RACES = [
    ("t = 0.0\nfor i in prange(len(x)):\n    t = x[i]\nreturn t",
     "5:12", "`t` is assigned inside the prange loop on line 9 and read after it"),
    ("t = 0.0\nout = np.empty(len(x))\nfor i in prange(len(x)):\n    out[i] = t\n    t = x[i]\nreturn out[0]",
     "5:18", "`t` is read before this iteration assigns it"),
    ("s = 0.0\nfor i in prange(len(x)):\n    s += x[i]\n    x[i] = s\nreturn s",
     "5:16", "`s` is a reduction variable of this prange loop"),
    ("s = 0.0\nfor i in prange(len(x)):\n    s += x[i]\n    s *= 2.0\nreturn s",
     "4:9", "different reduction operators"),
    ("s = 0.0\nfor i in prange(0, len(x), 2):\n    s += x[i]\nreturn s",
     "3:32", "only a constant step of 1"),
    ("a = np.zeros(3)\nfor i in prange(len(x)):\n    a += x[i]\nreturn a[0]",
     "4:9", "array reductions are not supported yet"),
    ("out = [0.0]\nfor i in prange(len(x)):\n    out.append(x[i])\nreturn out[0]",
     "4:9", "`out.append(...)` changes a"),
]


@pytest.mark.parametrize("body,where,message", RACES, ids=[m.split()[0] + str(k) for k, (_, _, m) in
                                                          enumerate(RACES)])
def test_races_are_located_errors(tmp_path, body, where, message):
    src = ("import numpy as np\nfrom numba import njit, prange\nfrom numba.pycc import CC\ncc = CC('m')\n"
           "@cc.export('f', 'f8(f8[:])')\n@njit(parallel=True)\ndef f(x):\n"
           + textwrap.indent(body, "    ") + "\n")
    (tmp_path / "src.py").write_text(src)
    proc = cli("build", tmp_path / "src.py", "-o", tmp_path)
    assert proc.returncode == 1, proc.stderr
    line, col = where.split(":")
    assert f"src.py:{int(line) + 6}:{col}:" in proc.stderr, proc.stderr
    assert message in proc.stderr


def test_without_parallel_objects_do_not_change(tmp_path):
    """prange in a function without parallel=True is range: the same object bytes."""
    from aot_tool import pipeline
    objects = []
    for loop in ("range", "prange"):
        (tmp_path / "src.py").write_text(
            "from numba import njit, prange\nfrom numba.pycc import CC\ncc = CC('m')\n"
            f"@cc.export('f', 'f8(f8[:])')\ndef f(x):\n    s = 0.0\n    for i in {loop}(len(x)):\n"
            "        s += x[i]\n    return s\n")
        src = pipeline.read_source(str(tmp_path / "src.py"))
        objects.append(pipeline.compile_export(src, "m", "f", 0, pipeline.Options()))
    assert objects[0] == objects[1]


@pytest.mark.skipif(sys.platform != "linux", reason="pthread pool checked on Linux")
def test_nogil_parallel_from_threads(built):
    _, mod = built
    x = np.arange(1000.0)
    results = []
    threads = [threading.Thread(target=lambda: results.append(mod.first_error(x, -1, -1))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [x.sum()] * 4


LIGHT_SOURCE = textwrap.dedent('''
    import numpy as np
    from numba import njit, prange
    from numba.pycc import CC
    cc = CC('light_mod')

    @njit
    def helper(v):
        return v * 2.0

    @cc.export('scalar_work', 'f8(f8[:])')
    @njit(parallel=True)
    def scalar_work(x):
        s = 0.0
        for i in prange(len(x)):
            s += abs(np.sin(x[i])) if x[i] > 0 else x[i] * x[i]
        return s

    @cc.export('inner_loop', 'f8(f8[:, :])')
    @njit(parallel=True)
    def inner_loop(a):
        s = 0.0
        for i in prange(a.shape[0]):
            for j in range(a.shape[1]):
                s += a[i, j]
        return s

    @cc.export('user_call', 'f8(f8[:])')
    @njit(parallel=True)
    def user_call(x):
        s = 0.0
        for i in prange(len(x)):
            s += helper(x[i])
        return s

    @cc.export('row_expression', 'f8[:, :](f8[:, :])')
    @njit(parallel=True)
    def row_expression(a):
        out = np.empty_like(a)
        for i in prange(a.shape[0]):
            out[i] = a[i] * 2.0
        return out
''')


def test_light_loops_run_as_one_block_without_the_pool(tmp_path):
    """A body of scalar work gets blocks of at least 256 iterations, so a small one runs
    in the caller as one block, even when every block after the first goes to the pool
    (AOT_PARALLEL_SOLO_TICKS=0); a body with an inner loop, a user function's call or an
    array expression keeps one block per iteration and uses the pool.  Results agree
    with the serial loop in every case, and a light loop of 300 items is two blocks."""
    build_and_load(tmp_path, "light_mod", LIGHT_SOURCE)
    code = textwrap.dedent('''
        import os, numpy as np, light_mod
        count = lambda: len(os.listdir('/proc/self/task'))
        name, n = NAME, N
        x = np.linspace(-1.0, 2.0, n)
        before = count()
        if name == 'inner_loop' or name == 'row_expression':
            x = x.reshape(n, 1)
        got = getattr(light_mod, name)(x)
        if name == 'scalar_work':
            want = 0.0
            for v in x:
                want += abs(np.sin(v)) if v > 0 else v * v
        elif name == 'inner_loop':
            want = float(np.sum(x))
        elif name == 'user_call':
            want = float(np.sum(x * 2.0))
        else:
            want = x * 2.0
        print(before, count(), np.allclose(got, want, rtol=1e-12, atol=0))
    ''')
    env = dict(os.environ, AOT_NUM_THREADS="2", AOT_PARALLEL_SOLO_TICKS="0")
    for name, n, pooled in (("scalar_work", 8, False), ("scalar_work", 256, False), ("scalar_work", 300, True),
                            ("inner_loop", 8, True), ("user_call", 8, True), ("row_expression", 8, True)):
        probe = code.replace("NAME, N", f"{name!r}, {n}")
        before, after, agrees = run_python(probe, tmp_path, env=env).stdout.split()
        assert agrees == "True", (name, n)
        assert (int(after) > int(before)) is pooled, (name, n, before, after)
