"""The runtime object: runtime/aot_runtime.c compiled with the C compiler.

It is the same for every module built by one aot_tool and C compiler, so build
systems build it once and share it, and the direct build keeps it in a small
content-addressed cache (key: runtime sources, compiler command and executable) so
that building a new module does not recompile it: numba.pycc's builds spend most
of their time recompiling its C helpers.  It is compiled from its own directory with
a relative file name so the object holds no absolute path.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import shlex
import subprocess
import sysconfig
import tempfile

RUNTIME_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "runtime")
RUNTIME_SOURCE = "aot_runtime.c"
CFLAGS = ["-Os", "-fPIC", "-fvisibility=hidden", "-fno-ident", "-w", "-ffunction-sections", "-fdata-sections",
          "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fno-stack-protector", "-fno-plt"]


def runtime_source_path() -> str:
    return os.path.join(RUNTIME_DIR, RUNTIME_SOURCE)


def c_compiler() -> list:
    """The C compiler: $CC, else the one Python was built with, else cc; every word of it
    (`ccache gcc`, `gcc -m32`), which the runtime's cache key includes."""
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shlex.split(cc)


def compile_command(output: str, compiler=None) -> list:
    """No include directories: the runtime needs no Python or NumPy headers."""
    return list(compiler or c_compiler()) + CFLAGS + ["-c", RUNTIME_SOURCE, "-o", output]


def start_runtime_compile(output: str, compiler=None) -> subprocess.Popen:
    """Start compiling the runtime object into `output` (so it overlaps LLVM's work)."""
    return subprocess.Popen(compile_command(output, compiler), cwd=RUNTIME_DIR, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


def finish(proc: subprocess.Popen) -> None:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError("compiling the aot_tool runtime failed:\n" + out.decode(errors="replace"))


@functools.lru_cache(maxsize=None)
def compiler_version(compiler: tuple) -> str:
    """The first line of `cc --version`: which compiler, not where it is installed."""
    try:
        out = subprocess.run(list(compiler) + ["--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=60).stdout
    except OSError as e:
        return f"unavailable: {e}"
    return out.decode(errors="replace").splitlines()[0] if out else "?"


def runtime_key(compiler=None) -> str:
    """What decides the runtime object's bytes: its sources, the flags, the compiler."""
    compiler = tuple(compiler or c_compiler())
    h = hashlib.sha256()
    for name in sorted(os.listdir(RUNTIME_DIR)):
        if name.endswith((".c", ".h")):
            with open(os.path.join(RUNTIME_DIR, name), "rb") as f:
                h.update(name.encode() + b"\0" + f.read() + b"\0")
    h.update(" ".join(compile_command("OUT", compiler)).encode() + b"\0")
    h.update(compiler_version(compiler).encode())
    return h.hexdigest()[:32]


def cache_dir() -> str:
    base = os.environ.get("AOT_TOOL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "aot_tool")
    return base


class RuntimeObject:
    """The runtime object for a direct build: from the cache, or compiled alongside."""

    def __init__(self, workdir: str):
        self.path = os.path.join(workdir, "aot_runtime.o")
        self.proc = None
        # where this runtime lives in the cache (None: caching is off); keyed once per build
        self.cache_entry = None
        if os.environ.get("AOT_TOOL_CACHE") != "off":
            self.cache_entry = os.path.join(cache_dir(), f"runtime-{runtime_key()}.o")
        if self.cache_entry is not None:
            try:
                # a private copy: another process may clear the cache before we link
                shutil.copyfile(self.cache_entry, self.path)
                return
            except OSError:
                pass
        self.proc = start_runtime_compile(self.path)

    def finish(self) -> str:
        if self.proc is None:
            return self.path
        finish(self.proc)
        if self.cache_entry is not None:
            try:
                os.makedirs(os.path.dirname(self.cache_entry), exist_ok=True)
                tmp = f"{self.cache_entry}.{os.getpid()}.tmp"
                shutil.copyfile(self.path, tmp)
                os.replace(tmp, self.cache_entry)
            except OSError:
                pass  # a read-only home only costs the next build a compile
        return self.path


def build_runtime_object(compiler=None) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "aot_runtime.o")
        finish(start_runtime_compile(path, compiler))
        with open(path, "rb") as f:
            return f.read()


