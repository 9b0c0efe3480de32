"""Compile options that can change object bytes; their key goes into every build signature."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """`target_cpu`: None for the generic CPU of the architecture family (numba.pycc's
    promise), 'host' for this machine, or an LLVM CPU name such as 'skylake'."""

    target_cpu: str | None = None
    opt_level: int = 3

    def __post_init__(self):
        from .cpu_names import check_target_cpu
        check_target_cpu(self.target_cpu)

    def key(self) -> str:
        return f"cpu={self.target_cpu or 'generic'};O{self.opt_level}"
