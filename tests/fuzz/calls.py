"""Call-time misuse over the kernel corpus: every export of tests/kernels/, built by
`build_module`, is called with the wrong things (tests/fuzz/misuse.py) in a child
process, so a crash is counted instead of ending the run and a call that does not
finish within the timeout is killed and counted.

Outcome classes: 'returned', 'raised' (a Python exception; `exceptions` counts them by
name), and the findings, each listed with its case: 'crash' (the child died),
'SystemError', 'accepted a refused value' (misuse.must_refuse), 'hang (ours)' (CPython
returns or raises on the same call), 'hang (CPython too)' (the user's loop: it runs on
under CPython as well, see docs/dev-intro.md).
"""

from __future__ import annotations

import collections
import inspect
import os
import pickle
import random
import select
import struct
import subprocess
import sys

from . import misuse
import kernel_runner as kr   # noqa: E402  (misuse put tests/ on sys.path)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CALL_TIMEOUT = 1.5           # per call, compiled or (when the compiled one hangs) CPython
WALL_FACTOR = 20            # a call blocked without using CPU (waiting on a pipe) is a hang too
LOAD_TIMEOUT = 120.0         # starting a child and importing a module, on a loaded machine
NUMBA_TIMEOUT = 40.0         # numba.njit's compile and call of a hung call
RETRY_TIMEOUT = 15.0         # a compiled call that hung where CPython finished, once more
FINDINGS = ("crash", "SystemError", "accepted a refused value", "hang (ours)")


class Child:
    """One child process (tests/fuzz/_call_child.py), restarted after a crash or hang."""

    def __init__(self, log_path):
        self.log_path = log_path
        self.proc = None
        self.loaded = set()

    def request(self, msg, timeout):
        """The child's answer, ('timeout',) or ('crash', exit code); the module or
        kernel a call needs is loaded first under a generous timeout."""
        if msg[0] in ("call", "ref"):
            key = ("load", msg[1], msg[2]) if msg[0] == "call" else ("loadref", msg[1])
            if key not in self.loaded:
                reply = self._request(key, LOAD_TIMEOUT)
                if reply[0] != "loaded":
                    return reply
                self.loaded.add(key)
        return self._request(msg, timeout)

    def _request(self, msg, timeout):
        if self.proc is None:
            self.loaded = set()
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen([sys.executable, "-m", "tests.fuzz._call_child"], cwd=REPO,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                         env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
                                         | {"PYTHONPATH": REPO})
            log.close()
        data = pickle.dumps(msg, protocol=4)
        try:
            self.proc.stdin.write(struct.pack("<I", len(data)) + data)
            self.proc.stdin.flush()
            (n,) = struct.unpack("<I", self._read(4, timeout))
            return pickle.loads(self._read(n, timeout))
        except TimeoutError:
            self.close(kill=True)
            return ("timeout",)
        except (BrokenPipeError, EOFError):
            rc = self.close(kill=True)
            return ("crash", rc)

    def _cpu_seconds(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return float("inf")      # no /proc: wall time alone decides

    def _read(self, n, timeout):
        """n bytes of the answer; a call times out once the child has spent `timeout`
        seconds of CPU on it (a machine busy with other work does not make a hang), or
        after WALL_FACTOR times that in wall time (a call blocked without using CPU)."""
        buf, fd = b"", self.proc.stdout.fileno()
        cpu0, waited = self._cpu_seconds(), 0.0
        while len(buf) < n:
            if not select.select([fd], [], [], min(timeout, 1.0))[0]:
                waited += min(timeout, 1.0)
                if self._cpu_seconds() - cpu0 >= timeout or waited >= WALL_FACTOR * timeout:
                    raise TimeoutError
                continue
            chunk = os.read(fd, n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    def close(self, kill=False):
        rc = None
        if self.proc is not None:
            if kill:
                self.proc.kill()
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
            rc = self.proc.wait()
            self.proc.stdout.close()
        self.proc = None
        return rc


def build_corpus(paths, workdir) -> dict:
    """kernel path -> build directory (kept under workdir for the rest of the run)."""
    from aot_tool.drivers.build import build_module
    dirs = {}
    for path in paths:
        out = os.path.join(workdir, "corpus", os.path.splitext(os.path.basename(path))[0])
        if not os.path.isdir(out):
            os.makedirs(out + ".tmp", exist_ok=True)
            build_module(path, out + ".tmp")
            os.rename(out + ".tmp", out)
        dirs[path] = out
    return dirs


def _params(func):
    try:
        return [p.name for p in inspect.signature(func).parameters.values()]
    except (TypeError, ValueError):
        return []


def cases(export, rng=None, sample=None):
    """(names, shape) pairs: every variant of every argument and every call shape, or
    with `rng` a sample of `sample` calls, some with two arguments wrong at once."""
    types = list(export.sig.args)
    basic = ["base"] * len(types)
    every = [(basic, "positional")] + [(basic, s) for s in misuse.CALL_SHAPES]
    for i, t in enumerate(types):
        every += [(basic[:i] + [v] + basic[i + 1:], "positional") for v in misuse.variants(t)]
    if rng is None:
        return every
    picked = rng.sample(every, min(sample, len(every)))
    for _ in range(sample // 4 if len(types) > 1 else 0):
        names = list(basic)
        for i in rng.sample(range(len(types)), 2):
            names[i] = rng.choice(misuse.variants(types[i]))
        picked.append((names, rng.choice(["positional", "keywords"])))
    return picked


def _binds(func, types, shape) -> bool:
    """Whether CPython would bind a call of this shape to the plain function (a call
    that leaves out a parameter with a default is a fine call)."""
    params = _params(func)
    args, kwargs = misuse.call_arguments([None] * len(types), ["base"] * len(types), params, shape)
    try:
        inspect.signature(func).bind(*args, **kwargs)
    except TypeError:
        return False
    return True


def _refused(types, names, binds):
    return not binds or any(misuse.must_refuse(t, n) for t, n in zip(types, names))


def run(paths, workdir, seed=None, sample=12, report=print):
    """Counter of outcome classes, Counter of exception names, and the findings
    (kernel, export, names, shape, what happened). seed None: every case of every export."""
    dirs = build_corpus(paths, workdir)
    rng = random.Random(seed) if seed is not None else None
    counts, exceptions, findings = collections.Counter(), collections.Counter(), []
    child, ref = Child(os.path.join(workdir, "child.log")), Child(os.path.join(workdir, "ref.log"))
    try:
        for path in paths:
            kernel = kr.load_kernel(path)
            for name, export in sorted(kernel.exports.items()):
                types, params = list(export.sig.args), _params(export.func)
                binds = {s: _binds(export.func, types, s) for s in ["positional", *misuse.CALL_SHAPES]}
                for names, shape in cases(export, rng, sample):
                    reply = child.request(("call", dirs[path], export.module, name, types, names, params,
                                           shape), CALL_TIMEOUT)
                    what = _classify(reply, types, names, binds[shape], exceptions)
                    if what == "hang":
                        what, theirs = _triage_hang(child, ref, dirs[path], path, export.module, name,
                                                    (types, names, params, shape))
                        reply = reply + (theirs,)
                    counts[what] += 1
                    if what in FINDINGS or what.startswith(("hang", "slow")):
                        findings.append((os.path.basename(path), name, names, shape, reply))
                        report(f"{what}: {os.path.basename(path)} {name} {names} {shape} {reply}")
    finally:
        child.close()
        ref.close()
    return counts, exceptions, findings


def _triage_hang(child, ref, directory, path, module, name, case):
    """('hang (CPython too)' | 'slow (finished on retry)' | 'hang (numba too)' |
    'hang (ours)', CPython's outcome) for a compiled call that timed out."""
    theirs = ref.request(("ref", path, name, *case), CALL_TIMEOUT)
    if theirs[0] == "timeout":
        return "hang (CPython too)", theirs
    if child.request(("call", directory, module, name, *case), RETRY_TIMEOUT)[0] != "timeout":
        return "slow (finished on retry)", theirs
    if _numba_hangs(ref, path, name, *case):
        return "hang (numba too)", theirs
    return "hang (ours)", theirs


def _numba_hangs(ref, path, name, types, names, params, shape) -> bool:
    """numba.njit of the same function on the same call runs on too (compiling it takes
    a few seconds, hence the longer timeout)."""
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return ref.request(("numba", path, name, types, names, params, shape), NUMBA_TIMEOUT)[0] == "timeout"


def _classify(reply, types, names, binds, exceptions):
    if reply[0] == "timeout":
        return "hang"
    if reply[0] == "crash":
        return "crash"
    if reply[0] == "unbuildable":
        return "unbuildable case"
    if reply[0] == "raised":
        exceptions[reply[1]] += 1
        return "SystemError" if reply[1] == "SystemError" else "raised"
    return "accepted a refused value" if _refused(types, names, binds) else "returned"
