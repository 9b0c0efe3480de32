"""What the index-proof tests share (test_index_descent.py, test_index_running.py): the
same kernels under CPython, their outcome with IndexError as a value, one array seen
through several layouts, whether a kernel's optimised IR still checks an index, and a
kernel of the corpus (tests/kernels/) as source text."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np


def python_kernels(source: str, module: str) -> dict:
    """The namespace of `source` run by CPython, with its CC and exports taken out."""
    ns: dict = {}
    exec(compile(source.replace("from aot_tool import CC", "").replace(f"cc = CC('{module}')", "")
                 .replace("@cc.export", "# export"), f"<{module}>", "exec"), ns)
    return ns


def outcome(fn, *args):
    try:
        return fn(*args)
    except IndexError:
        return IndexError


def view(values, layout):
    """`values` as a C array, a strided view or a reversed view."""
    a = np.asarray(values, dtype=float)
    if layout == "strided":
        b = np.zeros(2 * len(a))
        b[::2] = a
        return b[::2]
    if layout == "reversed":
        return a[::-1].copy()[::-1]
    return a


def checks_an_index(tmp_path, source: str, export: str) -> bool:
    """Whether the kernel of `export` (not its wrapper) calls the index error after -O3."""
    src = tmp_path / "src.py"
    src.write_text(source)
    ir = subprocess.run([sys.executable, "-m", "aot_tool", "show", str(src), export, "--stage", "opt"],
                        check=True, capture_output=True, text=True).stdout
    body = ir.split(f".{export}.", 1)[1].split("\n}\n", 1)[0]
    return "aot_rt_index_error" in body


def corpus_kernel(file: str, name: str) -> str:
    """Function `name` of tests/kernels/`file`, decorated with its own export, as source
    text: read by bench/_corpus.py, the one reader the benchmarks use too."""
    path = Path(__file__).resolve().parents[1] / "bench" / "_corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    reader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reader)
    return reader.kernel(file, name)
