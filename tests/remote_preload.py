"""Loaded into the test cluster's workers (`dask worker --preload`): exports whose names
ask a worker to misbehave, so each way a remote compile can fail is exercised for real.

    slow     sleeps 5 s first (past a 1 s deadline)
    hang     writes its pid to $AOT_TEST_MARKER_DIR/hang, then sleeps (the test kills it)
    corrupt  answers with bytes that do not match their sha256
    crash    answers as if the compiler had an internal error
"""

import os
import time

from aot_tool.remote import worker

# Dask may import this file twice (from its path and from a copy): wrap the real function once
_compile_job = getattr(worker.compile_job, "__wrapped__", worker.compile_job)


def compile_job(files, job):
    if job.name == "slow":
        time.sleep(5)
    elif job.name == "hang":
        with open(os.path.join(os.environ["AOT_TEST_MARKER_DIR"], "hang"), "w") as f:
            f.write(str(os.getpid()))
        time.sleep(120)
    elif job.name == "crash":
        return "bug", "Traceback (most recent call last):\nRuntimeError: injected by the test", ""
    status, data, digest = _compile_job(files, job)
    if job.name == "corrupt":
        data += b"\0"
    return status, data, digest


compile_job.__wrapped__ = _compile_job
worker.compile_job = compile_job   # Dask unpickles the job's function by its module and name
