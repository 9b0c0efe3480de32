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
        self._reading = False            # a job is asking the scheduler now

    def __enter__(self) -> "ClusterSlots":
        asked = False                    # this job asked already: it now takes a slot or waits
        while True:
            with self._cond:
                due = not (asked or self._reading) and self._clock() - self._read_at >= self.refresh
                if due:
                    self._reading, self._read_at = True, self._clock()
                elif self.busy < self.capacity:
                    self.busy += 1
                    self.peak = max(self.peak, self.busy)
                    return self
                else:
                    self._cond.wait(timeout=self.refresh)
                    asked = False
                    continue
            self._reread()
            asked = True

    def __exit__(self, *exc) -> None:
        with self._cond:
            self.busy -= 1
            self._cond.notify()

    def _reread(self) -> None:
        """Asks the scheduler without holding the lock (a slow answer must not keep
        finished jobs from giving their slots back); one job asks at a time."""
        try:
            threads = self._threads_now()
        except Exception:  # noqa: BLE001 - the scheduler is busy or gone: the jobs will say so
            threads = None
        with self._cond:
            self._reading = False
            if threads is not None:
                grown = threads > self.capacity
                self.capacity = max(1, threads)
                if grown:
                    self._cond.notify_all()
