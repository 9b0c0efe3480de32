"""Remote compiles against a real Dask cluster on loopback (tests/remote_cluster.py).

A real `scons` run with AOT_EXECUTOR gives objects byte-identical to a local build and
the same compile-error text; every failure mode falls back to a local compile: an
unreachable scheduler, no workers, a deadline, a worker killed mid-job, bad bytes, an
internal error on a worker, and too many failures. Skipped where distributed is not
installed (the `remote` extra)."""

from __future__ import annotations

import os
import re
import signal
import threading
import time

import pytest

pytest.importorskip("distributed")

from aot_tool import pipeline  # noqa: E402
from aot_tool.frontend.file_set import DiskFiles  # noqa: E402
from aot_tool.options import Options  # noqa: E402
from aot_tool.remote.client import RemoteExecutor  # noqa: E402
from aot_tool.remote.worker import Job  # noqa: E402
from remote_cluster import Cluster, free_port  # noqa: E402
from scons_support import SEED, objects, scons, sconstruct, write  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("remote_dask")]

BAD = ("from aot_tool import CC\ncc = CC('bad')\n"
       "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return x + undefined_name\n")
HELPED = ("from aot_tool import CC\nfrom helpers.stats import twice\ncc = CC('kern')\n"
          "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return twice(x) + 1.0\n")
STATS = "SCALE = 2.0\n\n\ndef twice(x):\n    return x * SCALE\n"
MISBEHAVING = "".join(f"@cc.export('{name}', 'f8(f8)')\ndef {name}(x):\n    return x * {i}.5\n"
                      for i, name in enumerate(("f", "slow", "hang", "corrupt", "crash")))
MISBEHAVING = "from aot_tool import CC\ncc = CC('m')\n" + MISBEHAVING
OPTIONS = Options()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("dask"), workers=2)
    yield c
    c.close()


@pytest.fixture(scope="module")
def misbehaving(tmp_path_factory):
    """An executor's input: a parsed source whose exports misbehave on the workers."""
    root = tmp_path_factory.mktemp("tree")
    (root / "m.py").write_text(MISBEHAVING)
    return pipeline.read_source_text(MISBEHAVING, str(root / "m.py"), "m.py", files=DiskFiles(str(root)))


def _job(name, identity=None):
    return Job("export", OPTIONS, identity or pipeline.compiler_identity(OPTIONS), "m.py", "m.py", "m", name, 0)


@pytest.fixture
def executor():
    """A factory of executors whose warnings are collected; each is closed at teardown."""
    made = []

    def make(address, wait=30, deadline=60, max_failures=5):
        warnings = []
        made.append(RemoteExecutor(address, wait, deadline, max_failures, warn=warnings.append))
        return made[-1], warnings
    yield make
    for e in made:
        e.close()


def test_every_server_listens_on_loopback_only(cluster):
    listening = cluster.listeners()
    assert listening, "the cluster's processes listen on nothing?"
    assert {ip for ip, _ in listening} == {"127.0.0.1"}, listening


def test_scons_objects_and_errors_are_those_of_a_local_build(cluster, tmp_path):
    body = "env.AOTModule('my_module', 'src.py')\nenv.AOTModule('bad', 'bad.py')\n" \
           "env.AOTModule('kern/kern', 'kern/src.py')\n"
    runs = {}
    for mode, address in (("local", ""), ("remote", cluster.address)):
        root = write(tmp_path / mode, {"src.py": SEED, "bad.py": BAD, "kern/src.py": HELPED, "helpers/__init__.py": "",
                                       "helpers/stats.py": STATS, "SConstruct": sconstruct(body)})
        before = cluster.tasks_run()
        proc = scons(root, "-Q", "-k", "-j4", check=False, env={"AOT_EXECUTOR": address})
        assert proc.returncode != 0 and "bad.py:5:" in proc.stdout, proc.stdout
        runs[mode] = (root, proc.stdout, cluster.tasks_run() - before)
    (local_root, local_out, local_tasks), (remote_root, remote_out, remote_tasks) = runs["local"], runs["remote"]
    built = objects(local_root)
    # runtimes (top, kern/); my_module's init and 4 exports; bad's init; kern's init and export
    assert len(built) == 10 and objects(remote_root) == built
    module = next(local_root.glob("my_module*.so")).read_bytes()
    assert next(remote_root.glob("my_module*.so")).read_bytes() == module
    assert _error_block(remote_out) == _error_block(local_out) and _error_block(local_out)
    assert local_tasks == 0 and remote_tasks > 0
    # my_module's init and 4 exports, bad's init and its failing export, kern's two; the runtimes are local
    assert "aot: remote compiles: 9 on the cluster, 0 locally" in remote_out, remote_out
    assert next(remote_root.glob("kern/kern*.so")).read_bytes() == next(local_root.glob("kern/kern*.so")).read_bytes()


def _error_block(output: str) -> list:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("bad.py:"))
    return lines[start:start + 3]


def test_an_unreachable_scheduler_builds_locally_with_one_warning(tmp_path):
    # set as construction variables this time (the other runs use the environment variable)
    body = f"env.AOTModule('my_module', 'src.py', AOT_EXECUTOR='tcp://127.0.0.1:{free_port()}', AOT_REMOTE_WAIT=2)\n"
    root = write(tmp_path, {"src.py": SEED, "SConstruct": sconstruct(body)})
    proc = scons(root, "-Q", "-j2", env={"AOT_EXECUTOR": ""})
    assert proc.stdout.count("aot: warning: remote compiles off: cannot reach the Dask scheduler") == 1, proc.stdout
    assert len(objects(root)) == 6 and "remote compiles:" not in proc.stdout


def test_no_workers_waits_then_builds_locally(tmp_path, misbehaving, executor):
    lonely = Cluster(tmp_path / "lonely", workers=0)
    try:
        assert {ip for ip, _ in lonely.listeners()} == {"127.0.0.1"}
        remote, warnings = executor(lonely.address, wait=1)
        assert remote.run(_job("f"), misbehaving, "m.f") is None
        assert remote.run(_job("f"), misbehaving, "m.f") is None
        assert len(warnings) == 1 and "has no workers after 1 s" in warnings[0]
    finally:
        lonely.close()


def test_a_worker_that_joins_during_the_run_takes_jobs(tmp_path, misbehaving, executor):
    growing = Cluster(tmp_path / "growing", workers=1)
    try:
        remote, warnings = executor(growing.address)
        assert remote.run(_job("f"), misbehaving, "m.f")[0] == "ok"
        assert remote._slots.capacity == 1
        growing.add_worker()
        remote._slots.refresh = 0          # read the thread count at the next job (2 s in a run)
        answers = []
        jobs = [threading.Thread(target=lambda: answers.append(remote.run(_job("slow"), misbehaving, "m.slow")))
                for _ in range(2)]
        for job in jobs:
            job.start()
        for job in jobs:
            job.join(timeout=120)
        assert [a[0] for a in answers] == ["ok", "ok"], warnings
        assert remote._slots.capacity == 2 and remote._slots.peak == 2   # both workers at once
        assert {ip for ip, _ in growing.listeners()} == {"127.0.0.1"}
    finally:
        growing.close()


def test_bad_bytes_internal_errors_refusals_then_remote_off(cluster, misbehaving, executor):
    remote, warnings = executor(cluster.address, max_failures=2)
    status, data = remote.run(_job("f"), misbehaving, "m.f")
    assert status == "ok" and data[:4] == b"\x7fELF"
    assert remote.run(_job("corrupt"), misbehaving, "m.corrupt") is None
    assert "do not match the sha256" in warnings[-1]
    assert remote.run(_job("crash"), misbehaving, "m.crash") is None
    assert "internal error on the worker" in warnings[-1] and "injected by the test" in warnings[-1]
    assert not remote.off
    assert remote.run(_job("f", identity="aot_tool 0.0.0"), misbehaving, "m.f") is None
    assert "refused" in warnings[-2] and "another compiler" in warnings[-2]
    assert "remote compiles off for the rest of this run" in warnings[-1] and remote.off
    count = len(warnings)
    assert remote.run(_job("f"), misbehaving, "m.f") is None and len(warnings) == count
    assert (remote.remote, remote.fallbacks) == (1, 4)


def test_a_job_past_its_deadline_compiles_locally(cluster, misbehaving, executor):
    remote, warnings = executor(cluster.address, deadline=1)
    assert remote.run(_job("slow"), misbehaving, "m.slow") is None
    assert warnings == ["remote compile of m.slow failed: no answer within 1 s; compiling it locally"]
    assert not remote.off and (remote.failures, remote.fallbacks) == (1, 1)


def test_a_worker_killed_mid_job_leaves_the_object_to_build_locally(cluster, misbehaving, executor):
    marker = cluster.dir / "hang"
    remote, warnings = executor(cluster.address)
    answer = []
    thread = threading.Thread(target=lambda: answer.append(remote.run(_job("hang"), misbehaving, "m.hang")))
    thread.start()
    for _ in range(240):
        if marker.is_file() and marker.read_text():
            break
        time.sleep(0.25)
    pid = int(marker.read_text())
    assert pid in cluster.worker_pids()
    os.kill(pid, signal.SIGKILL)
    thread.join(timeout=60)
    assert answer == [None]
    assert len(warnings) == 1 and re.search(r"remote compile of m\.hang failed: .*(KilledWorker|lost)", warnings[0])
    assert remote.run(_job("f"), misbehaving, "m.f") is not None, warnings   # the surviving worker goes on


def test_ctrl_c_while_the_cluster_compiles_ends_the_run_and_closes_the_client(tmp_path):
    import subprocess
    import sys
    solo = Cluster(tmp_path / "solo", workers=1)
    try:
        assert {ip for ip, _ in solo.listeners()} == {"127.0.0.1"}
        root = write(tmp_path / "p", {"m.py": MISBEHAVING.replace("cc.export('f'", "cc.export('g'"),
                                      "SConstruct": sconstruct("env.AOTModule('m', 'm.py')\n")})
        proc = subprocess.Popen([sys.executable, "-m", "SCons", "-Q", "-j2", "m.aot/hang.0.os"], cwd=root,
                                env=dict(os.environ, AOT_EXECUTOR=solo.address), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        marker = solo.dir / "hang"
        for _ in range(480):
            if marker.is_file() or proc.poll() is not None:
                break
            time.sleep(0.25)
        assert marker.is_file(), proc.communicate()[0]
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=90)   # the worker sleeps 120 s: the run does not wait for it
        assert proc.returncode == 2 and "Build interrupted" in out, out
        assert not (root / "m.aot" / "hang.0.os").exists()
        assert "aot: remote compiles: 0 on the cluster" in out       # the client was closed at exit
    finally:
        solo.close()
