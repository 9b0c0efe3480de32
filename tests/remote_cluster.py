"""A real Dask cluster on loopback for the remote-compile tests.

Every server listens on 127.0.0.1 only (`--host 127.0.0.1`, dashboards on
127.0.0.1:0), `listeners()` lists what the started processes listen on so tests
can assert it, and `close()` ends exactly the processes started here, by pid.
Workers run without a nanny, so a test can kill one mid-job by its pid, and end
themselves 30 s after losing the scheduler (should a test run be killed before teardown).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PRELOAD = Path(__file__).with_name("remote_preload.py")


class Cluster:
    def __init__(self, directory: Path, workers: int = 2) -> None:
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        self.procs: list = []
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
                        AOT_TEST_MARKER_DIR=str(self.dir),
                        DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="0")   # a killed worker fails its task
        self.scheduler_file = self.dir / "scheduler.json"
        self._start("scheduler", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                    "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(self.scheduler_file))
        self.address = self._wait_for_address()
        self.workers = 0
        for _ in range(workers):
            self._start_worker()
        if workers:
            self._wait_for_workers(workers)

    def add_worker(self) -> None:
        """One more worker, joining the running cluster (returns once the scheduler has it)."""
        self._start_worker()
        self._wait_for_workers(self.workers)

    def _start_worker(self) -> None:
        i = self.workers
        self._start(f"worker{i}", "distributed.cli.dask_worker", "--scheduler-file", str(self.scheduler_file),
                    "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny", "--death-timeout", "30",
                    "--dashboard-address", "127.0.0.1:0", "--local-directory", str(self.dir / f"w{i}"),
                    "--preload", str(PRELOAD))
        self.workers += 1

    def _start(self, name: str, module: str, *args: str) -> None:
        log = open(self.dir / f"{name}.log", "w")
        self.procs.append(subprocess.Popen([sys.executable, "-m", module, *args], env=self.env,
                                           stdout=log, stderr=subprocess.STDOUT, cwd=self.dir))
        log.close()

    def _wait_for_address(self) -> str:
        for _ in range(240):
            if self.scheduler_file.is_file() and self.scheduler_file.stat().st_size:
                try:
                    return json.loads(self.scheduler_file.read_text())["address"]
                except (ValueError, KeyError):
                    pass
            self._check_running()
            time.sleep(0.25)
        raise AssertionError("the Dask scheduler did not start:\n" + self.log("scheduler"))

    def _wait_for_workers(self, n: int) -> None:
        from distributed import Client
        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(n, timeout=120)

    def _check_running(self) -> None:
        for proc in self.procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args} exited with {proc.returncode}")

    def log(self, name: str) -> str:
        path = self.dir / f"{name}.log"
        return path.read_text() if path.exists() else ""

    def worker_pids(self) -> list:
        return [p.pid for p in self.procs[1:]]

    def listeners(self) -> list:
        """(ip, port) of every listening TCP socket of the started processes and their children."""
        import psutil
        found = []
        for proc in self.procs:
            try:
                top = psutil.Process(proc.pid)
                for p in [top, *top.children(recursive=True)]:
                    found += [c.laddr for c in p.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
            except psutil.NoSuchProcess:
                continue
        return [(a.ip, a.port) for a in found]

    def tasks_run(self) -> int:
        """Transitions the scheduler made (grows with every task it ran)."""
        from distributed import Client
        with Client(self.address, timeout=30, set_as_default=False) as client:
            return client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def free_port() -> int:
    """A loopback port nothing listens on (bound and released)."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
