"""The SCons actions of the `aot` tool: compile one object, or report a read-time error.

Actions run in SCons' worker threads under `-j`, and hand the compile itself to a
Dask cluster when AOT_EXECUTOR names one (remote_settings.py), else to a pool of
worker processes (workers.py) so that it uses more than one core. Each writes its object to a
temporary file and renames it into place, so a failed or interrupted compile
never leaves a half-written object that a later run could take as built. A
CompileError prints the located message (`file:line:col: error: ...`, source line,
caret) and fails the node without a traceback; any other exception is a bug in
aot_tool and says so.
"""

from __future__ import annotations

import os
import sys
import time
import traceback

import SCons.Action
import SCons.Script

from ..frontend.errors import CompileError
from . import remote_settings, workers
from ..drivers.files import write_atomically


def build_object(target, source, env):
    """Write the bytes of the job attached to target[0] at read time."""
    node = target[0]
    job = node.attributes.aot_job
    answer = remote_settings.run_remotely(env, job)   # None: AOT_EXECUTOR unset, or build here
    if answer is None:
        pool = None
        if env.subst("$AOT_PROCESSES") != "0":
            pool = workers.pool_for(SCons.Script.GetOption("num_jobs"))
        answer = pool.run(job.spec()) if pool else _compile_here(job)
    status, payload = answer
    if status == "interrupted":   # Ctrl-C while the cluster had it: SCons reports the interruption
        return 2
    if status == "error":
        _report(payload)
        return 1
    if status == "bug":
        _report(f"aot_tool: internal error while compiling {job.describe()} "
                f"(a bug in aot_tool, please report it):\n{payload}")
        return 2
    write_atomically(node.get_abspath(), payload)
    _pause_for_tests(node)
    return 0


def _pause_for_tests(node) -> None:
    """Stop here once `node` is written when AOT_TEST_PAUSE_AFTER_WRITE names it: the
    interrupted-build tests (tests/test_scons_killed.py) kill the run at this point."""
    if os.environ.get("AOT_TEST_PAUSE_AFTER_WRITE") == str(node):
        time.sleep(600)


def _compile_here(job):
    """Compile in this process: ('ok', bytes), ('error', message) or ('bug', traceback)."""
    try:
        return "ok", job.compile()
    except CompileError as err:
        return "error", err.render()
    except Exception:  # noqa: BLE001 - anything else is our bug, reported as such
        return "bug", traceback.format_exc().rstrip()


def _describe_object(target, source, env):
    job = getattr(target[0].attributes, "aot_job", None)
    what = job.describe() if job is not None else "object"
    return f"aot: compile {what} -> {target[0]}"


build_object.strfunction = _describe_object


def report_error(target, source, env):
    """Fail a node whose source could not be read; the message is its Value source."""
    _report(source[0].read())
    return 1


def _describe_error(target, source, env):
    return f"aot: {target[0]} cannot be built"


report_error.strfunction = _describe_error


def _report(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


COMPILE = SCons.Action.Action(build_object, "$AOT_COMSTR")
ERROR = SCons.Action.Action(report_error, None)
