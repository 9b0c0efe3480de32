"""Linking objects into a CPython extension module with the C compiler."""

from __future__ import annotations

import os
import subprocess
import sysconfig

from ..backend.runtime_unit import c_compiler

# GNU toolchains (ELF): strip, drop unused runtime functions and the unwinding index,
# pack code and read-only data into one segment, no build id (bytes depend only on the
# inputs), no C start files (the crtbegin/crtend pair registers C++ destructors and
# transactional-memory clones, which nothing in a module has: 0.7 KB).  Only
# PyInit_<module> is exported and calls into CPython go through the GOT, bound at
# load (backend/emit.py; the runtime is compiled with -fno-plt): there is no PLT.
# No RELRO: it makes the linker end the GOT's segment on a page boundary, so a module
# is 12 KB plus its data while code, tables and GOT stay under 12 KB and 16 KB plus
# its data past that (the seed example crossed it: 18 KB, 14 KB without).  In a CPython
# process it protects little: the interpreter's static type objects, whose slots are
# function pointers, are writable data anyway.  The seed module is then ~14 KB.
ELF_SIZE_FLAGS = ["-s", "-nostartfiles", "-Wl,--hash-style=gnu", "-Wl,-O1", "-Wl,--as-needed",
                  "-Wl,-z,noseparate-code", "-Wl,--build-id=none", "-Wl,--gc-sections", "-Wl,--no-eh-frame-hdr",
                  "-Wl,-z,norelro", "-Wl,-z,now"]
LINK_FLAGS = ["-shared"] + ELF_SIZE_FLAGS


class LinkError(OSError):
    """The linker failed: in practice the environment (a read-only or full directory, no
    compiler), reported as the user's problem with the linker's own words."""


def extension_suffix() -> str:
    return sysconfig.get_config_var("EXT_SUFFIX") or ".so"


def link(object_paths, output_path: str, extra_flags=()) -> None:
    """Link into `output_path` atomically: a failed link leaves no module behind."""
    tmp = f"{output_path}.tmp-link-{os.getpid()}"   # unique: concurrent builds into one directory
    cmd = c_compiler() + LINK_FLAGS + ["-o", tmp] + list(object_paths) + ["-lm"] + list(extra_flags)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise LinkError(f"cannot write {output_path}: linking failed:\n" + " ".join(cmd) + "\n"
                        + proc.stdout.decode(errors="replace"))
    os.replace(tmp, output_path)
