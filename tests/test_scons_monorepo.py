"""The repository's own SConstruct builds every example; the monorepo shares helpers/stats.py."""

import re
import shutil

import pytest

from scons_support import EXT, REPO, SITE_DIR, call, compiled, edit, linked, scons

MONO = "build/monorepo"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo") / "r"
    shutil.copytree(REPO / "examples", root / "examples",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "build", "*.egg-info"))
    shutil.copy(REPO / "SConstruct", root / "SConstruct")
    out = scons(root, f"--site-dir={SITE_DIR}", "-j", "2").stdout
    return root, out


@pytest.fixture
def repo(built, tmp_path):
    root = tmp_path / "r"
    shutil.copytree(built[0], root, symlinks=True)
    return root


def test_every_example_is_built(built):
    root, out = built
    for module in ("seed/my_module", "centdiff/centdiff", f"{MONO[6:]}/summary/summary",
                   f"{MONO[6:]}/normalize/normalize", f"{MONO[6:]}/kinetics/kinetics"):
        assert f"build/{module}{EXT}" in linked(out)
    assert not list((root / "examples").rglob("*.os")), "objects leaked into the source tree"


def test_monorepo_modules_compute(built):
    root = built[0]
    x = "np.array([1.0, 2.0, 4.0, 9.0])"
    assert call(root / MONO / "summary" / f"summary{EXT}",
                f"m.mean({x}), m.variance({x}), round(m.std({x}), 12), m.count_above({x}, 3.0)") \
        == f"(4.0, 9.5, {round(9.5 ** 0.5, 12)}, 2)"
    assert call(root / MONO / "normalize" / f"normalize{EXT}",
                f"np.allclose(m.zscore({x}), ({x} - 4.0) / np.sqrt(9.5)), m.center({x}).tolist(), "
                f"m.clip({x}, 2.0, 5.0).tolist()") \
        == "(True, [-3.0, -2.0, 0.0, 5.0], [2.0, 2.0, 4.0, 5.0])"
    assert call(root / MONO / "kinetics" / f"kinetics{EXT}",
                "m.energy(2.0, 3.0), m.total_energy(np.array([2.0, 4.0]), np.array([3.0, 1.0]))") \
        == "(9.0, 11.0)"


def test_no_op(repo):
    assert scons(repo, f"--site-dir={SITE_DIR}", "-q", check=False).returncode == 0


def test_shared_helper_edit_rebuilds_only_its_callers(repo):
    edit(repo / "examples/monorepo/helpers/stats.py", "        total += d * d", "        total += d ** 2")
    out = scons(repo, f"--site-dir={SITE_DIR}").stdout
    # an export's per-ISA clone objects (name.0.v3.os, ...) are rebuilt with it
    assert {re.sub(r"\.v\d+\.os$", ".os", path) for path in compiled(out)} == {
                             f"{MONO}/summary/summary.aot/variance.0.os",
                             f"{MONO}/summary/summary.aot/std.0.os",
                             f"{MONO}/normalize/normalize.aot/zscore.0.os"}
    # relinked only where an object's bytes changed; never a module that does not call variance
    assert linked(out) <= {f"{MONO}/summary/summary{EXT}", f"{MONO}/normalize/normalize{EXT}"}


def test_helper_comment_edit_rebuilds_nothing(repo):
    edit(repo / "examples/monorepo/helpers/stats.py", "def mean(x):", "# the mean\ndef mean(x):  # of x")
    assert scons(repo, f"--site-dir={SITE_DIR}", "-q", check=False).returncode == 0
