"""Cold build of the seed example: `python src.py` (cc.compile()) from process start to
module written, for aot_tool and for numba.pycc, in the same run; module sizes.

    python bench/cold_build.py
The first aot_tool build on a machine also compiles the C runtime (then cached in
~/.cache/aot_tool, see README); both figures are printed.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

from _common import SEED


def timed_build(directory: str, env=None) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "src.py"], cwd=directory, check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def prepare(root: str, name: str, import_line: str) -> str:
    d = os.path.join(root, name)
    os.makedirs(d)
    text = open(SEED).read().replace("from numba.pycc import CC", import_line)
    with open(os.path.join(d, "src.py"), "w") as f:
        f.write(text)
    return d


def size(directory: str) -> int:
    return os.path.getsize(glob.glob(os.path.join(directory, "my_module*.so"))[0])


root = tempfile.mkdtemp(prefix="aot-cold-")
try:
    runs = []
    env_nocache = dict(os.environ, AOT_TOOL_CACHE=os.path.join(root, "fresh-cache"))
    first = timed_build(prepare(root, "first", "from aot_tool import CC"), env_nocache)
    for i in range(5):
        runs.append(timed_build(prepare(root, f"ours{i}", "from aot_tool import CC")))
    ours = min(runs)
    print(f"aot_tool, first build on a machine (compiles the runtime): {first:.3f} s")
    print(f"aot_tool, cold build of the module (best of 5):            {ours:.3f} s, "
          f"{size(os.path.join(root, 'ours0')) / 1024:.1f} KB")
    try:
        import numba.pycc  # noqa: F401
        pycc = timed_build(prepare(root, "pycc", "from numba.pycc import CC"))
        print(f"numba.pycc:                                                {pycc:.3f} s, "
              f"{size(os.path.join(root, 'pycc')) / 1024:.1f} KB")
        print(f"ratio aot_tool / numba.pycc: {ours / pycc:.3f} (first build {first / pycc:.3f}; goal <= 0.10)")
    except ImportError:
        print("numba not installed: pip install -e '.[bench]' to compare")
finally:
    shutil.rmtree(root, ignore_errors=True)
