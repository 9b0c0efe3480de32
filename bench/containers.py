"""Lists, dicts and str against numba njit and CPython, one process: building a list of
10**5 floats and summing it, a word count with a typed Dict over 10**5 words, and
splitting/joining a 10**4-field line.

    python bench/containers.py
"""

import os
import subprocess
import sys
import tempfile

from _common import best

SOURCE = '''
from aot_tool import CC
from numba import typed, types
cc = CC('contbench')

@cc.export('build_sum', 'f8(i8)')
def build_sum(n):
    xs = []
    for i in range(n):
        xs.append(i * 0.5)
    s = 0.0
    for x in xs:
        s += x
    return s

@cc.export('word_count', 'i8(unicode_type)')
def word_count(text):
    d = typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    best = 0
    for k in d:
        if d[k] > best:
            best = d[k]
    return best

@cc.export('split_join', 'i8(unicode_type)')
def split_join(line):
    parts = line.split(",")
    return len("-".join(parts))
'''

out = tempfile.mkdtemp(prefix="aot-bench-")
with open(os.path.join(out, "contbench_src.py"), "w") as f:
    f.write(SOURCE)
subprocess.run([sys.executable, "-m", "aot_tool", "build", os.path.join(out, "contbench_src.py"), "-o", out],
               check=True, stdout=subprocess.DEVNULL)
sys.path.insert(0, out)
import contbench  # noqa: E402

ns: dict = {}
try:
    import numba
    exec(SOURCE.replace("from aot_tool import CC", "").replace("cc = CC('contbench')", "")
         .replace("@cc.export", "# "), ns)
    jit = {name: numba.njit(ns[name]) for name in ("build_sum", "word_count", "split_join")}
except ImportError:
    jit = {}
    print("numba not installed: pip install -e '.[bench]' to compare")
    exec(SOURCE.replace("from aot_tool import CC", "").replace("from numba import typed, types", "")
         .replace("cc = CC('contbench')", "").replace("@cc.export", "# ")
         .replace("typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)", "{}"), ns)

words = " ".join(f"w{i % 997}" for i in range(100_000))
line = ",".join(str(i) for i in range(10_000))
cases = [("build_sum", (100_000,), 5), ("word_count", (words,), 3), ("split_join", (line,), 20)]
python = {"build_sum": ns.get("build_sum"), "word_count": ns.get("word_count"), "split_join": ns.get("split_join")}
for name, args, number in cases:
    ours = best("f(*args)", number, repeat=5, f=getattr(contbench, name), args=args)
    text = f"{name:12s} aot_tool {ours * 1e3:7.2f} ms"
    if name in jit:
        jit[name](*args)   # compile outside the timing
        theirs = best("f(*args)", number, repeat=5, f=jit[name], args=args)
        text += f" | numba njit {theirs * 1e3:7.2f} ms (ratio {ours / theirs:.2f})"
    print(text)
