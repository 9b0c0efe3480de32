"""The runtime object: runtime/aot_runtime.c compiled with the C compiler.

It is the same for every module built by one aot_tool, Python and C compiler, so
build systems build it once and share it.  It is compiled from its own directory
with a relative file name so the object holds no absolute path.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sysconfig
import tempfile

RUNTIME_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "runtime")
RUNTIME_SOURCE = "aot_runtime.c"
CFLAGS = ["-Os", "-fPIC", "-fvisibility=hidden", "-fno-ident", "-w", "-ffunction-sections", "-fdata-sections",
          "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fno-stack-protector"]


def runtime_source_path() -> str:
    return os.path.join(RUNTIME_DIR, RUNTIME_SOURCE)


def c_compiler() -> list:
    """The C compiler: $CC, else the one Python was built with, else cc."""
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shlex.split(cc)[:1]


def python_include() -> str:
    return sysconfig.get_paths()["include"]


def compile_command(output: str, compiler=None, include=None) -> list:
    return (compiler or c_compiler()) + CFLAGS + ["-I", include or python_include(), "-c", RUNTIME_SOURCE,
                                                  "-o", output]


def start_runtime_compile(output: str) -> subprocess.Popen:
    """Start compiling the runtime object into `output` (so it overlaps LLVM's work)."""
    return subprocess.Popen(compile_command(output), cwd=RUNTIME_DIR, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


def finish(proc: subprocess.Popen) -> None:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError("compiling the aot_tool runtime failed:\n" + out.decode(errors="replace"))


def build_runtime_object() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "aot_runtime.o")
        finish(start_runtime_compile(path))
        with open(path, "rb") as f:
            return f.read()


