"""Linking objects into a CPython extension module with the C compiler."""

from __future__ import annotations

import os
import subprocess
import sysconfig

from ..backend.runtime_unit import c_compiler

LINK_FLAGS = ["-shared", "-s", "-Wl,--hash-style=gnu", "-Wl,-O1", "-Wl,--as-needed", "-Wl,-z,noseparate-code",
              "-Wl,--build-id=none", "-Wl,--gc-sections", "-Wl,-z,norelro", "-Wl,--no-eh-frame-hdr"]


def extension_suffix() -> str:
    return sysconfig.get_config_var("EXT_SUFFIX") or ".so"


def link(object_paths, output_path: str, extra_flags=()) -> None:
    """Link into `output_path` atomically: a failed link leaves no module behind."""
    tmp = output_path + ".tmp-link"
    cmd = c_compiler() + LINK_FLAGS + ["-o", tmp] + list(object_paths) + ["-lm"] + list(extra_flags)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise RuntimeError("linking failed:\n" + " ".join(cmd) + "\n" + proc.stdout.decode(errors="replace"))
    os.replace(tmp, output_path)
