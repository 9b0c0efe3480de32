"""Per-ISA clones (issue 12): one portable module carries baseline, x86-64-v3 and
x86-64-v4 kernels and runs the best the CPU supports; AOT_TOOL_ISA forces a clone
(clamped, with a warning). Every clone this machine can run goes through a subset of
the kernel corpus and the boundary checks; which ones exist is read from
/proc/cpuinfo here, never assumed."""

import os
import re
import sys

import pytest

import kernel_runner as kr
from conftest import cli, run_python
from scons_support import scons, sconstruct, write

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or os.uname().machine != "x86_64",
                                reason="ISA clones are built for x86-64")

CORPUS = ["stencil_2d", "reduce_minmax", "insertion_sort", "prefix_sum", "bool_mask", "matmul",
          "red_histogram", "primes", "helpers_njit", "complex_ops"]

V3 = {"avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "xsave", "sse4_2", "popcnt"}
V4 = V3 | {"avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"}


def _cpu_info() -> dict:
    """The first processor's fields of /proc/cpuinfo."""
    info = {}
    with open("/proc/cpuinfo") as f:
        for line in f:
            if not line.strip():
                break
            key, _, value = line.partition(":")
            info[key.strip()] = value.strip()
    return info


INFO = _cpu_info()
FLAGS = set(INFO.get("flags", "").split())
SUPPORTED = ["baseline"] + (["x86-64-v3"] if V3 <= FLAGS else []) + (["x86-64-v4"] if V4 <= FLAGS else [])
# Skylake-SP cores (Intel family 6 model 85) clock down on 512-bit vectors: v3 by default
SLOW_512 = INFO.get("vendor_id") == "GenuineIntel" and INFO.get("cpu family") == "6" and INFO.get("model") == "85"
BEST = SUPPORTED[-2] if SUPPORTED[-1] == "x86-64-v4" and SLOW_512 else SUPPORTED[-1]

SOURCE = """
from aot_tool import CC
import numpy as np
cc = CC('clones')

@cc.export('scale', 'f8[:](f8[:], f8)')
def scale(a, k):
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = a[i] * k + 1.0
    return out

@cc.export('count_pos', 'i8(f8[:])')
def count_pos(a):
    n = 0
    for x in a:
        if x > 0:
            n += 1
    return n

@cc.export('mul', 'f8(f8, f8)')
def mul(a, b):
    return a * b

@cc.export('primes', 'i8(i8)')
def primes(n):
    flags = np.ones(n, dtype=np.bool_)
    for i in range(2, n):
        if flags[i]:
            for j in range(i * i, n, i):
                flags[j] = False
    return np.sum(flags[2:])
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("clones")
    (directory / "src.py").write_text(SOURCE)
    proc = cli("build", directory / "src.py", "-o", directory)
    assert proc.returncode == 0, proc.stderr
    return directory


def _run(directory, code, isa=None):
    env = {k: v for k, v in os.environ.items() if k not in ("AOT_TOOL_ISA", "PYTHONPATH")}
    if isa is not None:
        env["AOT_TOOL_ISA"] = isa
    return run_python(code, directory, env=env)


CALLS = """
import warnings, numpy as np
warnings.simplefilter("error")
import clones
a = np.linspace(-3, 3, 1001)
assert np.array_equal(clones.scale(a, 0.5), a * 0.5 + 1.0)
assert clones.count_pos(a) == int((a > 0).sum())
assert clones.mul(1.5, 4.0) == 6.0
assert clones.primes(100) == 25 and clones.primes(2) == 0
print(clones.__aot_isa__)
"""


def test_the_best_clone_runs_by_default(built):
    assert _run(built, CALLS).stdout.split()[-1] == BEST


@pytest.mark.parametrize("isa", SUPPORTED)
def test_each_supported_clone_can_be_forced(built, isa):
    assert _run(built, CALLS, isa).stdout.split()[-1] == isa


@pytest.mark.parametrize("isa", ["x86-64-v4", "no-such-level"])
def test_a_level_the_cpu_lacks_is_clamped_with_a_warning(built, isa):
    if isa in SUPPORTED:
        pytest.skip("this CPU runs x86-64-v4")
    if "x86-64-v4" in SUPPORTED and SLOW_512:
        pytest.skip("a CPU whose best default is not its best level")
    proc = _run(built, "import clones\nprint(clones.__aot_isa__)\n", isa)
    assert proc.stdout.split()[-1] == BEST
    assert "RuntimeWarning: AOT_TOOL_ISA" in proc.stderr and BEST in proc.stderr


def test_scalar_exports_and_wrappers_are_not_cloned(built):
    ir = cli("show", built / "src.py", "scale", "--stage", "ir").stdout
    full = cli("show", built / "src.py", "mul", "--stage", "ir").stdout
    assert "target-cpu" not in ir and "target-cpu" not in full      # --isa baseline shows no clones
    v3 = cli("show", built / "src.py", "scale", "--stage", "opt", "--isa", "x86-64-v3").stdout
    assert "__aot_wrap" not in v3 and '"target-cpu"="x86-64-v3"' in v3


def test_a_scalar_signature_with_a_loop_is_cloned(built):
    """A sieve takes an `i8` and makes its own array: its loops gain from vectors too
    (the direct build's object names every clone; a loop-free `mul` has none)."""
    from aot_tool import pipeline
    from aot_tool.frontend.source import read_source
    from aot_tool.options import Options
    obj = pipeline.compile_module(read_source(str(built / "src.py")), "clones", Options())
    cloned = set(re.findall(rb"\.(primes|mul)\.[\w]+\.(v[34])\b", obj))
    assert cloned == {(b"primes", b"v3"), (b"primes", b"v4")}


PARALLEL = """
from aot_tool import CC
from numba import njit, prange
import numpy as np
cc = CC('pclones')

@cc.export('shifted', 'f8[:](f8[:], f8)')
@njit(parallel=True)
def shifted(a, k):
    out = np.empty_like(a)
    for i in prange(len(a)):
        out[i] = a[i] * k + 1.0
    return out
"""


def test_a_parallel_export_is_cloned_with_its_outlined_loop(tmp_path):
    """A prange loop is outlined into a block function of its own, which leaves the
    export's kernel loop-free: the clone rule reads the outlined body too (its loops ran
    baseline SSE2 code on every CPU before), and every clone gives the same results, from
    a direct build and from SCons (which also failed on a parallel module: the method
    table's get_num_threads/set_num_threads have no object of their own)."""
    from aot_tool import pipeline
    from aot_tool.frontend.source import read_source
    from aot_tool.options import Options
    (tmp_path / "src.py").write_text(PARALLEL)
    obj = pipeline.compile_module(read_source(str(tmp_path / "src.py")), "pclones", Options())
    assert set(re.findall(rb"\.shifted\.[\w]+\.(v[34])\.prange\d", obj)) == {b"v3", b"v4"}
    assert cli("build", tmp_path / "src.py", "-o", tmp_path).returncode == 0
    code = ("import numpy as np, pclones\na = np.linspace(-3, 3, 100001)\n"
            "assert np.array_equal(pclones.shifted(a, 0.5), a * 0.5 + 1.0)\nprint(pclones.__aot_isa__)\n")
    for isa in SUPPORTED:
        assert _run(tmp_path, code, isa).stdout.split()[-1] == isa
    # SCons: each clone its own object, and the export's object dispatches to them
    (tmp_path / "src.py").unlink()
    for built_module in tmp_path.glob("pclones*.so"):
        built_module.unlink()
    write(tmp_path, {"src.py": PARALLEL, "SConstruct": sconstruct("env.AOTModule('pclones', 'src.py')\n")})
    scons(tmp_path, "-Q")
    assert sorted(p.name for p in (tmp_path / "pclones.aot").iterdir()) == [
        "init.os", "shifted.0.os", "shifted.0.v3.os", "shifted.0.v4.os"]
    for isa in SUPPORTED:
        assert _run(tmp_path, code, isa).stdout.split()[-1] == isa


@pytest.mark.parametrize("export", ["scale", "count_pos"])
def test_baseline_assembly_has_no_avx_registers(built, export):
    asm = cli("show", built / "src.py", export, "--stage", "asm").stdout
    assert "__aot_wrap" in asm
    assert not re.search(r"%[yz]mm\d", asm)
    v3 = cli("show", built / "src.py", export, "--stage", "asm", "--isa", "x86-64-v3").stdout
    assert re.search(r"%ymm\d", v3) or export == "count_pos"


def test_v4_clone_vectorises_512_bits_wide(built):
    """LLVM's x86-64-v4 tuning alone would keep 256-bit vectors (numba on a Zen 4/5
    host uses 512); a scalar export and the baseline stay free of AVX-512 registers."""
    v4 = cli("show", built / "src.py", "scale", "--stage", "asm", "--isa", "x86-64-v4").stdout
    v3 = cli("show", built / "src.py", "scale", "--stage", "asm", "--isa", "x86-64-v3").stdout
    assert re.search(r"%zmm\d", v4) and not re.search(r"%zmm\d", v3)
    assert '"prefer-vector-width"="512"' in cli("show", built / "src.py", "scale", "--stage", "ir",
                                                "--isa", "x86-64-v4").stdout


def test_target_cpu_means_one_clone(tmp_path):
    if "x86-64-v3" not in SUPPORTED:
        pytest.skip("needs an x86-64-v3 CPU to run")
    (tmp_path / "src.py").write_text(SOURCE)
    proc = cli("build", tmp_path / "src.py", "-o", tmp_path, "--target-cpu", "x86-64-v3")
    assert proc.returncode == 0, proc.stderr
    assert _run(tmp_path, CALLS, "baseline").stdout.split()[-1] == "x86-64-v3"


def test_clone_set_option(tmp_path):
    (tmp_path / "src.py").write_text(SOURCE)
    proc = cli("build", tmp_path / "src.py", "-o", tmp_path, "--isa-clones", "baseline")
    assert proc.returncode == 0, proc.stderr
    assert _run(tmp_path, CALLS).stdout.split()[-1] == "baseline"
    bad = cli("build", tmp_path / "src.py", "-o", tmp_path, "--isa-clones", "x86-64-v9")
    assert bad.returncode == 1 and "x86-64-v9" in bad.stderr


def test_scons_builds_each_clone_as_its_own_object(tmp_path):
    body = ("if 'clones' in ARGUMENTS:\n    env['AOT_ISA_CLONES'] = ARGUMENTS['clones']\n"
            "env.AOTModule('clones', 'src.py')\n")
    write(tmp_path, {"src.py": SOURCE, "SConstruct": sconstruct(body)})
    scons(tmp_path, "-Q")
    objects = sorted(p.name for p in (tmp_path / "clones.aot").iterdir())
    assert objects == ["count_pos.0.os", "count_pos.0.v3.os", "count_pos.0.v4.os", "init.os", "mul.0.os",
                       "primes.0.os", "primes.0.v3.os", "primes.0.v4.os",
                       "scale.0.os", "scale.0.v3.os", "scale.0.v4.os"]
    for isa in SUPPORTED:
        assert _run(tmp_path, CALLS, isa).stdout.split()[-1] == isa
    # the clone set is part of every signature: a new set rebuilds, without the clones' objects
    out = scons(tmp_path, "-Q", "clones=x86-64-v3").stdout
    assert "clones.aot/scale.0.os" in out and "scale.0.v3" in out and "scale.0.v4" not in out
    assert "mul.0.os" in out          # every export's key holds the set
    assert _run(tmp_path, CALLS).stdout.split()[-1] == SUPPORTED[min(len(SUPPORTED) - 1, 1)]


# ------------------------------------------------------- the corpus under each clone

class _IsaWorker(kr.Worker):
    def __init__(self, dirs, isa):
        super().__init__(dirs)
        self.isa = isa

    def _start(self):
        saved = os.environ.get("AOT_TOOL_ISA")
        os.environ["AOT_TOOL_ISA"] = self.isa
        try:
            super()._start()
        finally:
            if saved is None:
                del os.environ["AOT_TOOL_ISA"]
            else:
                os.environ["AOT_TOOL_ISA"] = saved


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from aot_tool.drivers.build import build_module
    root = tmp_path_factory.mktemp("corpus")
    dirs = {}
    for stem in CORPUS:
        out = root / stem
        build_module(os.path.join(kr.HERE, "kernels", stem + ".py"), str(out))
        dirs[stem] = str(out)
    workers = {}
    yield dirs, workers
    for w in workers.values():
        w.close()


CORPUS_CASES = [(stem, isa) for stem in CORPUS for isa in SUPPORTED]


@pytest.mark.parametrize("stem,isa", CORPUS_CASES, ids=[f"{s}-{i}" for s, i in CORPUS_CASES])
def test_corpus_kernels_under_each_clone(corpus, stem, isa):
    dirs, workers = corpus
    worker = workers.setdefault((stem, isa), _IsaWorker([dirs[stem]], isa))
    kernel = kr.load_kernel(os.path.join(kr.HERE, "kernels", stem + ".py"))
    for name, export in kernel.exports.items():
        kr.check_export(export, lambda argdesc: worker.call(export.module, name, argdesc), examples=8)
