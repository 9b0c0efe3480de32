"""The pool of compile worker processes that `-j N` builds hand their objects to.

Started lazily by the first object action that runs with more than one SCons job,
sized by `-j` (at most the CPU count), and shut down with SCons. An action's
thread waits on its worker's pipe without holding the GIL, so N objects compile
at once. With `-j 1`, or AOT_PROCESSES=0, objects compile in the SCons process.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import subprocess
import sys
import threading

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_START = ("import sys; sys.path.insert(0, sys.argv[1]); "
          "from aot_tool.scons.worker import main\ntry: main()\nexcept KeyboardInterrupt: pass")


class _Worker:
    """One `python -c ... worker.main()` process and its two pipes."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", _START, _ROOT],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, spec):
        pickle.dump(spec, self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        self.proc.stdin.flush()
        return pickle.load(self.proc.stdout)

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except Exception:  # noqa: BLE001 - shutting down anyway
            self.proc.kill()


class Pool:
    """At most `size` workers; a caller borrows an idle one or starts a new one."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.idle: queue.Queue = queue.Queue()
        self.started = 0
        self.all: list = []
        self.lock = threading.Lock()

    def run(self, spec):
        worker = self._borrow()
        try:
            result = worker.run(spec)
        except (EOFError, OSError, pickle.UnpicklingError) as err:
            with self.lock:
                self.started -= 1
                self.all.remove(worker)
            return "bug", f"compile worker {worker.proc.pid} died: {err!r}"
        self.idle.put(worker)
        return result

    def _borrow(self) -> _Worker:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if self.started < self.size:
                self.started += 1
                worker = _Worker()
                self.all.append(worker)
                return worker
        return self.idle.get()

    def close(self) -> None:
        for worker in list(self.all):
            worker.close()


_pool: Pool | None = None
_pool_lock = threading.Lock()


def pool_for(jobs: int) -> Pool | None:
    """The shared pool when `jobs` > 1, else None (compile in this process)."""
    global _pool
    if jobs <= 1:
        return None
    with _pool_lock:
        if _pool is None:
            _pool = Pool(min(jobs, os.cpu_count() or jobs))
            atexit.register(_pool.close)
        return _pool
