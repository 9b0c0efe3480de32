"""The `.pyi` stub node of an AOT module: `<dir>/<module>.pyi`, beside the module.

Its only source is a Value of its exports' job signatures (which cover the signature
text, the reached code and so the parameter names, defaults and inferred result), so
the stub is rewritten exactly when an export changes. It is built after the export
objects (a source that does not compile fails there, with the located message, and the
stub is skipped), and the module depends on it, so building the module writes it.
"""

from __future__ import annotations

import os

import SCons.Action
import SCons.Builder

from ..drivers.files import write_atomically
from ..drivers.stubs import stub_text
from . import recorded
from .jobs import _source_lock


def _write_stub(target, source, env):
    summary, module = target[0].attributes.aot_stub
    source_file = summary.source()
    with _source_lock(source_file):
        text = stub_text(source_file, module)
    write_atomically(target[0].get_abspath(), text.encode())
    return 0


def _describe(target, source, env):
    return f"aot: stub {target[0]}"


# a stub a killed run rewrote is written again, as objects are (recorded.py)
_STUB = SCons.Builder.Builder(action=SCons.Action.Action(_write_stub, _describe), single_source=True,
                              target_scanner=recorded.SCANNER)


def stub_node(env, directory: str, name: str, src, cc: str, jobs, objects):
    """The stub `<directory>/<name>.pyi` of CC `cc` of `src` (a summaries.Summary, parsed
    only when the stub is written); `jobs` are its export jobs."""
    key = f"aot stub {name} of {cc}\n" + "\n".join(job.signature() for job in jobs)
    node = _STUB(env, [os.path.join(directory, name + ".pyi")], [env.Value(key)])[0]
    node.attributes.aot_stub = (src, cc)
    env.Depends(node, objects)
    return node
