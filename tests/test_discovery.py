"""Sources laid out as real projects lay them out: CC objects in main blocks, `if`
blocks and functions; exports written as calls, for imported functions, with names
and signatures in constants and literal loops.  Each layout is built for real
(CLI, `python3 src.py`, scons, setup.py), imported and called.

Layouts that cannot be followed without running the source are compile errors with
locations: see tests/errors/discovery_*.py.
"""

import sys
import textwrap

import pytest

from conftest import cli, run_python
from scons_support import EXT, call, compiled, scons, sconstruct, write

KERNELS = '''\
import numpy as np
from numba import njit

SCALE = 3.0


@njit
def helper(x):
    return x * SCALE


def affine(x):
    return helper(x) + 1.0


def total(a):
    return np.sum(a)
'''

PROJECT = {"mypkg/__init__.py": "", "mypkg/kernels.py": KERNELS}


def _build(root, source: str, files=None, module_check: str = "", name: str = "src.py"):
    """Write source (and files) under root, build with the CLI into root/out, run check there."""
    write(root, {**(files or {}), name: textwrap.dedent(source)})
    proc = cli("build", name, "-o", "out", cwd=root)
    assert proc.returncode == 0, proc.stderr
    if module_check:
        return run_python(module_check, root / "out").stdout.strip()
    return proc


MAIN_BLOCK = '''\
    import numpy as np
    from numba import njit

    def square(x):
        return x * x

    @njit
    def norm2(a):
        s = 0.0
        for v in a:
            s += v * v
        return s

    if __name__ == "__main__":
        from numba.pycc import CC
        cc = CC('main_block')
        cc.verbose = True
        cc.export('square', 'f8(f8)')(square)
        cc.export('norm2', 'f8(f8[:])')(norm2)
        cc.compile()
'''


def test_cc_in_main_block(tmp_path):
    proc = _build(tmp_path, MAIN_BLOCK)
    assert "compiled norm2 [f8(f8[:])]" in proc.stderr      # cc.verbose set in the main block
    out = run_python("import numpy as np, main_block as m\n"
                     "print(m.square(1.5), m.norm2(np.arange(3.0)))", tmp_path / "out").stdout
    assert out.split() == ["2.25", "5.0"]


def test_main_block_script_runs_cc_compile(tmp_path):
    """`python3 src.py` with `from aot_tool import CC` and cc.compile() under the main block."""
    text = textwrap.dedent(MAIN_BLOCK).replace("from numba.pycc import CC", "from aot_tool import CC")
    text = text.replace("    cc.compile()", "    cc.output_dir = 'built'\n    cc.compile()")
    write(tmp_path, {"src.py": text})
    proc = run_python("import runpy, sys\nsys.argv = ['src.py']\nrunpy.run_path('src.py', run_name='__main__')",
                      tmp_path, block=False)
    assert "compiled square [f8(f8)]" in proc.stderr
    assert run_python("import main_block as m\nprint(m.square(4.0))", tmp_path / "built").stdout.strip() == "16.0"


BUILDER = '''\
    from numba.pycc import CC
    from mypkg.kernels import affine, total

    NAME = 'built_in_function'
    SIG = 'f8(f8)'
    SIGS = ('i8(i8)', 'f4(f4)')

    def square(x):
        return x * x

    def build(out='.'):
        cc = CC(NAME)
        cc.output_dir = out
        cc.target_cpu = 'host'
        cc.export('square', SIG)(square)
        for sig in SIGS:
            cc.export('square', sig)(square)
        cc.export('affine', 'f8(f8)')(affine)
        cc.export('total', 'f8(f8[:])')(total)

        @cc.export('minus_one', SIG)
        def minus_one(x):
            return x - 1.0

        cc.compile()
{call}'''

CHECK_BUILDER = """
import numpy as np, built_in_function as m
print(m.square(1.5), m.square(3), type(m.square(3)).__name__, m.square(np.float32(0.5)),
      m.affine(2.0), m.total(np.ones(4)), m.minus_one(1.0))
"""


@pytest.mark.parametrize("call", ["\nif __name__ == '__main__':\n    build('out')\n", "\nbuild()\n", ""],
                         ids=["called_from_main", "called_at_module_level", "never_called"])
def test_cc_in_function(tmp_path, call):
    out = _build(tmp_path, BUILDER.format(call=textwrap.indent(call, "    ")), PROJECT, CHECK_BUILDER)
    assert out.split() == ["2.25", "9", "int", "0.25", "7.0", "4.0", "0.0"]


def test_settings_in_function_reach_the_build():
    from aot_tool import pipeline
    from aot_tool.frontend.source import read_source_text
    text = textwrap.dedent(BUILDER.format(call="")).replace("from mypkg.kernels import affine, total\n", "")
    text = text.replace("    cc.export('affine', 'f8(f8)')(affine)\n", "")
    text = text.replace("    cc.export('total', 'f8(f8[:])')(total)\n", "")
    source = read_source_text(text, "src.py")
    spec = source.modules["built_in_function"]
    assert spec.settings["target_cpu"] == "host" and spec.settings["output_dir"] == "."
    assert sorted(spec.exports) == ["minus_one", "square"]
    assert [e.signature_text for e in spec.exports["square"]] == ["f8(f8)", "i8(i8)", "f4(f4)"]
    assert pipeline.init_exports(source, "built_in_function") == [("minus_one", 1), ("square", 3)]


CALL_FORMS = '''\
    import numba
    from numba import njit
    from numba.pycc import CC
    from mypkg import kernels
    import mypkg.kernels as K

    BASE = 'calls'
    cc = CC(f'{BASE}_forms')

    def mult(a, b):
        return a * b

    def half(x):
        return 0.5 * x

    cc.export('multi', 'i4(i4, i4)')(cc.export('multf', 'f8(f8, f8)')(mult))
    cc.export('mult_any', 'f8(f8, f8)')(mult)
    cc.export('mult_any', 'i8(i8, i8)')(mult)
    cc.export('half_jit', 'f8(f8)')(njit(half))
    cc.export('half_cached', 'f8(f8)')(njit(cache=True)(half))
    cc.export('half_nb', 'f8(f8)')(numba.njit('f8(f8)')(half))
    cc.export('affine', 'f8(f8)')(kernels.affine)
    cc.export('total', 'f8(f8[:])')(K.total)
    exporter = cc.export('half_later', 'f8(f8)')
    exporter(half)
    for name, sig in [('twice_f', 'f8(f8, f8)'), ('twice_i', 'i8(i8, i8)')]:
        cc.export(name, sig)(mult)
    TABLE = {'half_a': half, 'half_b': half}
    for name, func in TABLE.items():
        cc.export(name, 'f8(f8)')(func)
    for func, sig in ((half, 'f8(f8)'), (kernels.affine, 'f8(f8)')):
        cc.export(func.__name__ + '_named', sig)(func)
    TABLE_OF_CCS = {'main': cc}
    TABLE_OF_CCS['main'].export('from_table', 'f8(f8)')(half)
    EXTRA = ['f4(f4, f4)']
    EXTRA.append('u1(u1, u1)')
    for sig in EXTRA:
        cc.export('mult_small', sig)(mult)
'''


def test_exports_written_as_calls(tmp_path):
    out = _build(tmp_path, CALL_FORMS, PROJECT, """
import numpy as np, calls_forms as m
print(m.multi(3, 4), m.multf(1.5, 2.0), m.mult_any(2, 3), m.mult_any(2.5, 2.0), m.half_jit(3.0),
      m.half_cached(1.0), m.half_nb(4.0), m.affine(1.0), m.total(np.arange(4.0)), m.half_later(2.0),
      m.twice_f(2.0, 2.0), m.twice_i(5, 5), m.half_a(1.0), m.half_b(3.0),
      m.mult_small(np.float32(1.5), np.float32(2.0)), m.mult_small(200, 2), m.half_named(5.0),
      m.affine_named(0.0), m.from_table(1.0))
""")
    assert out.split() == ["12", "3.0", "6", "5.0", "1.5", "0.5", "2.0", "4.0", "6.0", "1.0",
                           "4.0", "25", "0.5", "1.5", "3.0", "144", "2.5", "1.0", "0.5"]


JIT_ALIASES = '''\
    from numba import njit
    from numba.pycc import CC

    def g(x):
        return 2.0 * x

    fast_g = njit(g)

    def use(x):
        return fast_g(x) + 1.0

    cc = CC('jit_aliases')
    cc.export('use', 'f8(f8)')(use)
    cc.export('g', 'f8(f8)')(fast_g.py_func)
    cc.export('fast_g', 'f8(f8)')(fast_g)

    class Writer:                  # not a CC: self.export is some other export
        def save(self):
            self.export('table.csv')
'''


def test_jitted_aliases_and_py_func(tmp_path):
    """`fast_g = njit(g)` called from a kernel and exported, `fast_g.py_func` (valid numba)."""
    out = _build(tmp_path, JIT_ALIASES, module_check="import jit_aliases as m\n"
                                                    "print(m.use(1.0), m.g(2.0), m.fast_g(3.0))")
    assert out.split() == ["3.0", "4.0", "6.0"]


IF_BLOCKS = '''\
    import sys
    from numba.pycc import CC

    FAST = True

    if FAST:
        cc = CC('fast_variant')
    else:
        cc = CC('slow_variant')

    def inc(x):
        return x + 1

    if sys.platform.startswith('win'):     # decided only when run: both branches are read
        @cc.export('inc_win', 'i8(i8)')
        def inc_win(x):
            return x + 1
    else:
        @cc.export('inc_other', 'i8(i8)')
        def inc_other(x):
            return x + 2

    if not FAST:
        cc.export('never', 'i8(i8)')(inc)

    try:
        import scipy
    except ImportError:
        scipy = None
    else:
        cc.export('inc_try', 'i8(i8)')(inc)
'''


def test_cc_in_if_blocks(tmp_path):
    from aot_tool.frontend.source import read_source_text
    source = read_source_text(textwrap.dedent(IF_BLOCKS), "src.py")
    assert sorted(source.modules) == ["fast_variant"]
    assert sorted(source.modules["fast_variant"].exports) == ["inc_other", "inc_try", "inc_win"]
    out = _build(tmp_path, IF_BLOCKS, module_check="import fast_variant as m\n"
                                                   "print(m.inc_win(1), m.inc_other(1), m.inc_try(1))")
    assert out.split() == ["2", "3", "2"]


FACTORY = {
    "pkg/__init__.py": "",
    "pkg/kernels.py": KERNELS,
    "pkg/build.py": textwrap.dedent('''\
        from numba.pycc import CC
        from .kernels import affine
        from . import kernels

        if True:
            def plus_ten(x):
                return x + 10.0

        def register(cc, prefix='p'):
            cc.export(prefix + '_affine', 'f8(f8)')(affine)
            cc.export(f'{prefix}_total', 'f8(f8[:])')(kernels.total)

        def make(name):
            cc = CC(name)

            @cc.export('ten_more', 'f8(f8)')
            def ten_more(x):
                return plus_ten(x)
            register(cc)
            register(cc, prefix='q')
            return cc

        first = make('made_first')
        second = make('made_second')
        '''),
}


def test_cc_made_twice_by_a_factory_with_relative_imports(tmp_path):
    write(tmp_path, FACTORY)
    proc = cli("build", "pkg/build.py", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = run_python("import numpy as np, made_first as a, made_second as b\n"
                     "print(a.ten_more(1.0), a.p_affine(1.0), b.q_total(np.ones(2)), "
                     "sorted(n for n in dir(b) if not n.startswith('_')))", tmp_path / "out").stdout
    assert out.strip() == "11.0 4.0 2.0 ['p_affine', 'p_total', 'q_affine', 'q_total', 'ten_more']"


def test_run_subcommand_builds_a_cc_made_in_a_function(tmp_path):
    """`python3 -m aot_tool run src.py`: the script runs, its build() calls cc.compile()."""
    write(tmp_path, {**PROJECT, "src.py": textwrap.dedent(BUILDER.format(
        call="    if __name__ == '__main__':\n        build()\n"))})
    proc = cli("run", "src.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert run_python("import built_in_function as m\nprint(m.affine(0.0))", tmp_path).stdout.strip() == "1.0"


EXPORT_TABLE = {
    "optim/__init__.py": "",
    "optim/numba_optim_src.py": textwrap.dedent('''\
        import numpy as np

        def rosen(x):
            return (1.0 - x) ** 2

        def norm(a):
            return np.sqrt(np.sum(a * a))

        implementations = [
            ('rosen', 'f8(f8)'),
            ('norm', 'f8(f8[:])'),
        ]
        EXPORTS = (('rosen_again', rosen, 'f8(f8)'),)
        SIG = 'f8(f8)'
        '''),
    "optim/numba_optim_build.py": textwrap.dedent('''\
        import numba.pycc
        from . import numba_optim_src
        from .numba_optim_src import EXPORTS, SIG, rosen

        cc = numba.pycc.CC('numba_optim_bin')

        for name, sig in numba_optim_src.implementations:
            cc.export(name, sig)(getattr(numba_optim_src, name))
        for name, func, sig in EXPORTS:
            cc.export(name, sig)(func)
        cc.export('rosen_sig', SIG)(rosen)

        if __name__ == "__main__":
            cc.compile()
        '''),
}


def test_export_table_kept_in_the_kernels_file(tmp_path):
    """A layout from a real project: names and signatures listed next to the kernels."""
    write(tmp_path, EXPORT_TABLE)
    proc = cli("build", "optim/numba_optim_build.py", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = run_python("import numpy as np, numba_optim_bin as m\n"
                     "print(m.rosen(3.0), m.norm(np.ones(4)), m.rosen_again(2.0), m.rosen_sig(0.0))",
                     tmp_path / "out").stdout
    assert out.split() == ["4.0", "2.0", "1.0", "1.0"]


SCONS_PROJECT = {
    **PROJECT,
    "build_script.py": textwrap.dedent(BUILDER.format(call="    if __name__ == '__main__':\n"
                                                           "        build()\n")),
    "main_block.py": textwrap.dedent(MAIN_BLOCK),
    "SConstruct": sconstruct("env.AOTModule('built_in_function', 'build_script.py')\n"
                             "env.AOTModule('main_block', 'main_block.py')\n"),
}


def test_scons_builds_the_layouts(tmp_path):
    root = write(tmp_path / "p", SCONS_PROJECT)
    scons(root)
    assert call(root / ("built_in_function" + EXT), "(m.square(3), m.affine(2.0), m.minus_one(0.5))") \
        == "(9, 7.0, -0.5)"
    assert call(root / ("main_block" + EXT), "m.norm2(np.ones(3))") == "3.0"
    # editing the imported kernel file rebuilds the export that uses it
    kernels = root / "mypkg" / "kernels.py"
    kernels.write_text(kernels.read_text().replace("SCALE = 3.0", "SCALE = 4.0"))
    rebuilt = compiled(scons(root).stdout)
    assert any("affine" in obj for obj in rebuilt) and not any("square" in obj for obj in rebuilt), rebuilt
    assert call(root / ("built_in_function" + EXT), "m.affine(2.0)") == "9.0"


SETUP_PKG = {
    "pkg/__init__.py": "",
    "pkg/kernels.py": KERNELS,
    "pkg/build.py": textwrap.dedent('''\
        from aot_tool import CC
        from pkg.kernels import affine

        def make_cc():
            cc = CC('setup_made')
            cc.export('affine', 'f8(f8)')(affine)
            return cc

        cc = make_cc()
        '''),
    "setup.py": textwrap.dedent('''\
        from setuptools import setup
        from aot_tool.drivers.setuptools_ext import build_ext
        from pkg.build import cc

        setup(name='setup-made', version='1.0', packages=['pkg'],
              ext_modules=[cc.distutils_extension()], cmdclass={'build_ext': build_ext})
        '''),
}


def test_setup_py_with_cc_made_in_a_function(tmp_path):
    root = write(tmp_path / "p", SETUP_PKG)
    proc = run_python("import runpy, sys\nsys.argv = ['setup.py', 'build_ext', '--inplace']\n"
                      "sys.path.insert(0, '.')\nrunpy.run_path('setup.py', run_name='__main__')",
                      root, block=False)
    assert "Traceback" not in proc.stderr
    assert run_python("from pkg import setup_made\nprint(setup_made.affine(1.0))", root).stdout.strip() == "4.0"


def test_compile_reports_an_export_that_ran_but_was_not_found(tmp_path):
    """The live CC of `python3 src.py` checks its exports against what the build reads."""
    write(tmp_path, {"src.py": textwrap.dedent('''\
        from aot_tool import CC
        cc = CC('live_check')

        def f(x):
            return x + 1.0

        cc.export('f', 'f8(f8)')(f)
        getattr(globals()['cc'], 'export')('g', 'f8(f8)')(f)
        cc.compile()
        ''')})
    proc = run_python("import runpy\nrunpy.run_path('src.py', run_name='__main__')", tmp_path, block=False,
                      check=False)
    assert proc.returncode == 1
    assert "src.py:8:1: error: cc.export('g', 'f8(f8)') ran here" in proc.stderr
    assert "getattr(globals()['cc'], 'export')('g', 'f8(f8)')(f)" in proc.stderr
    assert "Traceback" not in proc.stderr and not list(tmp_path.glob("live_check*"))


def test_cc_passed_to_a_function_of_another_file_is_an_error(tmp_path):
    files = {"registry.py": "def register_all(cc):\n    pass\n",
             "src.py": "from numba.pycc import CC\nfrom registry import register_all\n\n"
                       "cc = CC('m')\nregister_all(cc)\n"}
    write(tmp_path, files)
    proc = cli("build", "src.py", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1
    assert "src.py:5:1: error: cannot follow `register_all(cc)`" in proc.stderr


def test_numba_test_module_layout_is_found():
    """numba's own AOT test module: several CCs, `(float32, float32)`, an export under `if has_blas:`."""
    from aot_tool.frontend.source import read_source_text
    text = textwrap.dedent('''\
        import numpy as np
        from numba import float32
        from numba.pycc import CC, exportmany, export
        from numba.tests.support import has_blas

        cc = CC('pycc_test_simple')
        cc.use_nrt = False

        @cc.export('multf', (float32, float32))
        @cc.export('multi', 'i4(i4, i4)')
        def mult(a, b):
            return a * b

        cc_nrt = CC('pycc_test_nrt')

        if has_blas:
            @cc_nrt.export('vector_dot', 'f8(i4)')
            def vector_dot(n):
                a = np.linspace(1, n, n)
                return np.dot(a, a)

        @cc_nrt.export('zeros', 'f8[:](i4)')
        def zeros(n):
            return np.zeros(n)

        exportmany(['multf f4(f4,f4)', 'multi i4(i4,i4)'])(mult)
        export('mult f8(f8, f8)')(mult)
        ''')
    source = read_source_text(text, "compile_with_pycc.py")
    assert {name: sorted(spec.exports) for name, spec in source.modules.items()} == {
        "pycc_test_simple": ["multf", "multi"], "pycc_test_nrt": ["vector_dot", "zeros"]}
    assert source.modules["pycc_test_simple"].exports["multf"][0].signature_text == "(float32, float32)"


def test_uncalled_caller_runs_before_the_builder_it_calls():
    """Neither is called: main() is walked first, so build() gets its argument."""
    from aot_tool.frontend.source import read_source_text
    text = textwrap.dedent('''\
        from numba.pycc import CC

        def twice(x):
            return 2.0 * x

        def build(name):
            cc = CC(name)
            cc.export('twice', 'f8(f8)')(twice)
            cc.compile()

        def main():
            build('ordered')
        ''')
    assert list(read_source_text(text, "src.py").modules) == ["ordered"]


def test_deeply_nested_module_level_expression_is_skipped_unless_it_registers():
    from aot_tool.frontend.errors import CompileError
    from aot_tool.frontend.source import read_source_text
    deep = " + ".join(["'x'"] * 1500)
    head = "from numba.pycc import CC\ncc = CC('deep')\n\ndef f(x):\n    return x\n\n"
    source = read_source_text(head + f"DOC = {deep}\ncc.export('f', 'f8(f8)')(f)\n", "src.py")
    assert list(source.modules["deep"].exports) == ["f"]
    with pytest.raises(CompileError) as err:
        read_source_text(head + f"cc.export('f' + {deep}, 'f8(f8)')(f)\n", "src.py")
    assert (err.value.line, err.value.col) == (7, 0) and "nest too deeply" in err.value.message


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
