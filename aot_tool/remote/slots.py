"""How many remote jobs may be in flight: as many as the cluster has worker threads now.

A job past its deadline is given up, so jobs must not wait in the scheduler's queue
behind each other: the client holds them back itself, one slot per worker thread.
The thread count is read again at most every `refresh` seconds while jobs wait for a
slot, so workers that join during a run take jobs, and threads of workers that left
stop counting. A failed read keeps the last count."""

from __future__ import annotations

import threading
import time
from typing import Callable


class ClusterSlots:
    def __init__(self, threads_now: Callable[[], int], refresh: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._threads_now, self.refresh, self._clock = threads_now, refresh, clock
        self._cond = threading.Condition()
        self.busy = 0
        self.peak = 0                    # the most jobs in flight at once (the run's report)
        self.capacity = max(1, threads_now())
        self._read_at = clock()

    def __enter__(self) -> "ClusterSlots":
        with self._cond:
            while True:
                self._reread()
                if self.busy < self.capacity:
                    self.busy += 1
                    self.peak = max(self.peak, self.busy)
                    return self
                self._cond.wait(timeout=self.refresh)

    def __exit__(self, *exc) -> None:
        with self._cond:
            self.busy -= 1
            self._cond.notify()

    def _reread(self) -> None:
        """Called with the lock held, and only while a job is asking for a slot."""
        if self._clock() - self._read_at < self.refresh:
            return
        self._read_at = self._clock()
        try:
            threads = self._threads_now()
        except Exception:  # noqa: BLE001 - the scheduler is busy or gone: the jobs will say so
            return
        grown = threads > self.capacity
        self.capacity = max(1, threads)
        if grown:
            self._cond.notify_all()
