"""Module-level names that are not compile-time constants: a located message saying so
and what to write instead (also through `from .helpers import W`), never "not defined";
the constants and type aliases beside them still compile."""

from __future__ import annotations

import textwrap

from conftest import build_and_load, cli

SOURCE = '''\
import numpy as np
from numba import float64
from numba.pycc import CC
from .tables import W

cc = CC('globs')
vec = float64[:]
SCALE = 2.0


@cc.export('smooth', 'f8(f8[:])')
def smooth(x):
    return W[0] * x[0]
'''

TABLES = "import numpy as np\n\nW = np.array([0.25, 0.5, 0.25])\n"


def test_imported_module_level_array_is_named_with_its_home(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "tables.py").write_text(TABLES)
    (pkg / "src.py").write_text(SOURCE)
    proc = cli("build", pkg / "src.py", "-o", tmp_path / "out", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "src.py:13:12: error: 'W' (module-level 'W' of " in proc.stderr, proc.stderr
    assert "tables.py:3) is not a compile-time constant: module-level arrays are not supported; " \
           "build the array inside the function that uses it (`W = np.array([0.25, 0.5, 0.25])`) " \
           "or pass it as an argument" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_constants_and_aliases_beside_a_module_level_array_still_compile(tmp_path):
    m = build_and_load(tmp_path, "globs2", textwrap.dedent('''\
        import numpy as np
        from numba import float64
        from numba.pycc import CC

        cc = CC('globs2')
        vec = float64[:]
        SCALE = 2.0
        UNUSED = np.ones(3)


        @cc.export('scaled', 'f8(f8)')
        def scaled(x):
            return SCALE * x
        '''))
    assert m.scaled(1.5) == 3.0
