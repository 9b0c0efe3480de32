"""Compile options that can change object bytes; their key goes into every build signature."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """`target_cpu`: None for the generic CPU of the architecture family (numba.pycc's
    promise), 'host' for this machine, or an LLVM CPU name such as 'skylake'.
    `isa_clones`: for the generic target, the ISA levels loop kernels are also compiled
    for, picked at import by the CPU (backend/isa_clones.py); None for the default
    (x86-64-v3 and x86-64-v4 on x86-64), () for none. A named target_cpu means one clone.
    `clone_part`: which part of an export's object a build system wants, when each clone
    is its own object (SCons): "" everything in one object, "main" the export without
    its clones (it calls them by symbol), or one level's clone alone."""

    target_cpu: str | None = None
    opt_level: int = 3
    isa_clones: tuple | None = None
    clone_part: str = ""
    nogil: bool = False          # every export as if @njit(nogil=True) (--nogil, AOT_NOGIL)

    def __post_init__(self):
        from .cpu_names import check_target_cpu
        check_target_cpu(self.target_cpu)
        if self.isa_clones is not None:
            from .backend.isa_clones import check_clone_names
            object.__setattr__(self, "isa_clones", check_clone_names(self.isa_clones))

    def clones(self) -> tuple:
        """The extra ISA levels every clonable export is compiled for (baseline aside)."""
        from .backend.isa_clones import extra_clones
        return extra_clones(self)

    def key(self) -> str:
        """The clone set is part of the target (emit.target_description), so of every key."""
        return f"cpu={self.target_cpu or 'generic'};O{self.opt_level}" + (f";part={self.clone_part}"
                                                                         if self.clone_part else "") \
            + (";nogil" if self.nogil else "")
