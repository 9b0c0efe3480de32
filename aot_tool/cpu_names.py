"""Checks a target CPU name before it reaches LLVM.

LLVM answers an unknown CPU name with a warning and then, for x86-64, a fatal error
that kills the process ("64-bit code requested on a subtarget that doesn't support
it!"). So a named CPU is first tried in a throw-away interpreter that creates a
target machine for it and emits a one-instruction object; the answer is remembered
for the rest of the process.
"""

from __future__ import annotations

import difflib
import subprocess
import sys

# Spelled out only for suggestions; the probe, not this list, decides what is valid.
WELL_KNOWN = ("x86-64", "x86-64-v2", "x86-64-v3", "x86-64-v4", "haswell", "broadwell", "skylake",
              "skylake-avx512", "cascadelake", "icelake-server", "sapphirerapids", "alderlake",
              "znver1", "znver2", "znver3", "znver4", "neoverse-n1", "apple-m1")

_PROBE = """
import sys
import llvmlite.binding as llvm
llvm.initialize_native_target()
llvm.initialize_native_asmprinter()
tm = llvm.Target.from_default_triple().create_target_machine(cpu=sys.argv[1], features="", reloc="pic")
tm.emit_object(llvm.parse_assembly("define i32 @f(i32 %x) {\\n  ret i32 %x\\n}"))
"""

_known: dict = {}


class TargetCPUError(ValueError):
    """A user's target CPU name that LLVM does not know: reported as the user's mistake."""


def check_target_cpu(cpu) -> None:
    """Raise TargetCPUError unless `cpu` is None, 'generic', 'host' or a CPU LLVM knows."""
    if cpu in (None, "", "generic", "host"):
        return
    if not isinstance(cpu, str) or not cpu.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise TargetCPUError(f"target CPU must be a CPU name such as 'x86-64-v3', not {cpu!r}")
    if cpu not in _known:
        proc = subprocess.run([sys.executable, "-c", _PROBE, cpu], capture_output=True, text=True, timeout=120)
        _known[cpu] = proc.returncode == 0 and "not a recognized processor" not in proc.stderr
    if not _known[cpu]:
        close = difflib.get_close_matches(cpu, WELL_KNOWN, n=3)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise TargetCPUError(
            f"unknown target CPU {cpu!r}{hint}: use None for the generic CPU of the architecture family, "
            "'host' for this machine, or an LLVM CPU name such as 'x86-64-v3', 'skylake' or 'znver3'")
