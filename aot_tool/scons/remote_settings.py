"""AOT_EXECUTOR and the AOT_REMOTE_* variables: whether an object goes to a Dask cluster.

Each variable is a construction variable whose default comes from the environment
variable of the same name, so CI turns remote compiles on without editing an
SConstruct. With AOT_EXECUTOR empty (the default) nothing of Dask is imported.
"""

from __future__ import annotations

import os
import threading

import SCons.Errors

# name -> (default when the environment variable is unset, documentation); docs/scons.md repeats it
VARIABLES = {
    "AOT_EXECUTOR": ("", "address of a Dask scheduler ('tls://host:8786') that compiles export "
                         "and init objects; '' compiles everything locally"),
    "AOT_REMOTE_WAIT": ("10", "seconds to wait for the scheduler to answer and for a first worker "
                              "before the run builds locally"),
    "AOT_REMOTE_TIMEOUT": ("300", "seconds one object may take on the cluster before it is "
                                  "compiled locally instead"),
    "AOT_REMOTE_MAX_FAILURES": ("5", "remote failures after which the rest of the run builds locally"),
}


def defaults() -> dict:
    """The variables' defaults as the tool sets them: the environment's value, else the table's."""
    return {name: (os.environ.get(name, value), doc) for name, (value, doc) in VARIABLES.items()}


def run_remotely(env, job):
    """('ok', bytes) or ('error', message) from the cluster, or None to build `job` here."""
    address = env.subst("$AOT_EXECUTOR").strip()
    if not address:
        return None
    remote = job.remote()
    if remote is None:
        return None
    from ..remote.client import executor_for
    executor = executor_for(address, _number(env, "AOT_REMOTE_WAIT", float), _number(env, "AOT_REMOTE_TIMEOUT", float),
                            _number(env, "AOT_REMOTE_MAX_FAILURES", int), interrupted=_interrupted())
    return executor.run(*remote, job.describe())


_INTERRUPTED = threading.Event()


def _interrupted() -> threading.Event:
    """Set when SCons is interrupted (Ctrl-C, SIGTERM), so remote waits end at once.

    SCons' signal handler stops the taskmaster and sets the jobs' InterruptState but
    lets running actions finish; an action waiting on the cluster would hold the whole
    run for as long as its object takes. InterruptState.set is the one place every
    interrupt passes through, so it also sets this event."""
    try:
        from SCons.Taskmaster.Job import InterruptState as state
    except ImportError:   # SCons before 4.5 (SCons.Job): remote waits end at their deadline
        return _INTERRUPTED
    if not getattr(state.set, "_aot_remote", False):
        plain = state.set

        def set_and_tell(self, *args, **kwargs):
            _INTERRUPTED.set()
            return plain(self, *args, **kwargs)
        set_and_tell._aot_remote = True
        state.set = set_and_tell
    return _INTERRUPTED


def _number(env, name: str, kind):
    text = env.subst(f"${name}")
    try:
        value = kind(text)
    except ValueError:
        raise SCons.Errors.UserError(f"{name} must be a number of {'seconds' if kind is float else 'failures'}, "
                                     f"not {text!r}") from None
    if value < 0:
        raise SCons.Errors.UserError(f"{name} must not be negative, got {text!r}")
    return value
