"""The build's side of remote compiles: one Dask client per run, and every way back to local.

`RemoteExecutor.run(job)` returns the object bytes a worker made, a rendered compile
error, or None, which tells the caller to compile the object itself. Nothing is lost
when the cluster fails:

- scheduler unreachable, or no worker within `wait` seconds: one warning, the whole
  run builds locally;
- a job past its `deadline`, a worker killed under it, a refused identity, a digest
  that does not match the bytes, an internal error on the worker: a warning naming
  the object, which then compiles locally; after `max_failures` of those, remote
  compiles are off for the rest of the run;
- a job that needs a file the build did not ship compiles locally (no warning).

At most as many jobs are in flight as the cluster has worker threads (slots.py: the
count follows workers that join or leave during the run), so the deadline measures a
compile, not a wait in the scheduler's queue.
Each file a job reads is scattered once per build (shipping.py), and again only
after a worker died.
"""

from __future__ import annotations

import atexit
import hashlib
import itertools
import logging
import sys
import threading
import time

from .shipping import Shipper
from .slots import ClusterSlots
from .worker import Job, compile_job


class Unavailable(Exception):
    """The scheduler cannot be reached, or has no workers: the run builds locally."""


class RemoteExecutor:
    """The run's Dask client: sends jobs, checks their answers, counts the failures."""

    def __init__(self, address: str, wait: float, deadline: float, max_failures: int, warn=None,
                 interrupted: threading.Event | None = None) -> None:
        self.address, self.wait, self.deadline, self.max_failures = address, wait, deadline, max_failures
        self.warn = warn or _warn
        self.interrupted = interrupted or threading.Event()
        self.client = None
        self.off = False
        self.failures = 0
        self.remote = 0                  # objects built on the cluster
        self.fallbacks = 0               # objects sent back to be built locally
        self._slots = None
        self._shipper = None             # shipping.Shipper once connected
        self._lock = threading.Lock()
        self._ids = itertools.count()

    # -- the one entry point ---------------------------------------------------------
    def run(self, job: Job, source, what: str):
        """('ok', bytes) or ('error', message) from the cluster, None: compile locally, or
        ('interrupted', '') once `interrupted` is set (Ctrl-C: give up at once).
        `source` is the parsed Source of an export job (None for init jobs)."""
        if not self._connected():
            return None
        with self._slots:
            if self.interrupted.is_set():
                return "interrupted", ""
            if self.off:
                return self._fallback()
            try:
                shipped = self._shipper.files_for(source) if source is not None else None
                if source is not None and shipped is None:
                    return self._fallback()    # a file outside the tree: this machine only
                future = self.client.submit(compile_job, shipped, job, pure=False,
                                            key=f"aot-{job.kind}-{job.module}.{job.name}-{next(self._ids)}")
            except Exception as err:  # noqa: BLE001 - the cluster went away: local from now on
                return self._failed(what, f"could not submit it ({_short(err)})")
            started = time.monotonic()
            while not future.done():     # in slices, so that Ctrl-C need not wait for the cluster
                if self.interrupted.is_set():
                    future.cancel()
                    return "interrupted", ""
                if time.monotonic() - started > self.deadline:
                    future.cancel()
                    return self._failed(what, f"no answer within {self.deadline:g} s")
                self.interrupted.wait(0.2)
            try:
                status, payload, digest = future.result()
            except Exception as err:  # noqa: BLE001 - killed worker, lost connection, lost data
                self._shipper.forget()   # a dead worker may have held the last copy: scatter again
                return self._failed(what, _short(err))
        if status == "ok":
            if not isinstance(payload, bytes) or hashlib.sha256(payload).hexdigest() != digest:
                return self._failed(what, "its bytes do not match the sha256 the worker sent")
            with self._lock:
                self.remote += 1
            return "ok", payload
        if status == "error":
            with self._lock:
                self.remote += 1
            return "error", payload
        if status == "unshipped":
            return self._fallback()
        return self._failed(what, f"the worker {status} it:\n{payload}" if status == "refused"
                            else f"internal error on the worker:\n{payload}")

    # -- connection ------------------------------------------------------------------
    def _connected(self) -> bool:
        with self._lock:
            if self.off:
                self.fallbacks += 1
                return False
            if self.client is not None:
                return True
            try:
                self._connect()
            except Exception as err:  # noqa: BLE001 - any failure to connect means local
                self.off = True
                self.fallbacks += 1
                self.warn(f"remote compiles off: {err if isinstance(err, Unavailable) else _short(err)}; "
                          "building locally")
                return False
            return True

    def _connect(self) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise Unavailable("AOT_EXECUTOR is set but Dask distributed is not installed "
                              "(pip install 'aot_tool[remote]')") from None
        logging.getLogger("distributed").setLevel(logging.CRITICAL)   # our warnings say it once
        try:
            client = Client(self.address, timeout=max(self.wait, 1), set_as_default=False)
        except Exception as err:  # noqa: BLE001
            raise Unavailable(f"cannot reach the Dask scheduler at {self.address} ({_short(err)})") from None
        try:
            client.wait_for_workers(1, timeout=self.wait)
            slots = ClusterSlots(lambda: sum(client.nthreads().values()))
        except Exception:  # noqa: BLE001 - includes dask's TimeoutError
            _close(client)
            raise Unavailable(f"the Dask scheduler at {self.address} has no workers after "
                               f"{self.wait:g} s") from None
        self.client = client
        self._shipper = Shipper(client)
        self._slots = slots
        atexit.register(self.close)

    # -- failures --------------------------------------------------------------------
    def _fallback(self):
        with self._lock:
            self.fallbacks += 1
        return None

    def _failed(self, what: str, why: str):
        with self._lock:
            self.failures += 1
            self.fallbacks += 1
            stop = self.failures > self.max_failures and not self.off
            if stop:
                self.off = True
        self.warn(f"remote compile of {what} failed: {why}; compiling it locally")
        if stop:
            self.warn(f"{self.failures} remote compiles failed (AOT_REMOTE_MAX_FAILURES is "
                      f"{self.max_failures}); remote compiles off for the rest of this run")
        return None

    def close(self) -> None:
        """Close the client (at exit, also after Ctrl-C); print what ran where."""
        with self._lock:
            client, self.client, self.off = self.client, None, True
        if client is not None:
            _close(client)
            print(f"aot: remote compiles: {self.remote} on the cluster, {self.fallbacks} locally", flush=True)


def _close(client) -> None:
    try:
        client.close(timeout=5)
    except Exception:  # noqa: BLE001 - shutting down anyway
        pass


def _short(err) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def _warn(message: str) -> None:
    sys.stderr.write(f"aot: warning: {message}\n")
    sys.stderr.flush()


_executors: dict = {}
_executors_lock = threading.Lock()


def executor_for(address: str, wait: float, deadline: float, max_failures: int,
                 interrupted: threading.Event | None = None) -> RemoteExecutor:
    """The run's executor for these settings (one client per scheduler and settings)."""
    key = (address, wait, deadline, max_failures)
    with _executors_lock:
        if key not in _executors:
            _executors[key] = RemoteExecutor(address, wait, deadline, max_failures, interrupted=interrupted)
        return _executors[key]
