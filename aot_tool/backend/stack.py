"""Stack slots for values that pass through memory (runtime calls that fill a slot,
boxed items handed over as an array): always made in the function's entry block.
An alloca where a loop runs takes new stack on every iteration, and a loop of a
million appends of a tuple then overflows the stack and crashes the process."""

from __future__ import annotations


def entry_alloca(b, ty, count=None):
    """A slot of `ty` (or `count` of them) made once at the start of b's function."""
    entry = b.block.parent.entry_basic_block
    with b.goto_block(entry):
        b.position_at_start(entry)
        return b.alloca(ty, size=count)
