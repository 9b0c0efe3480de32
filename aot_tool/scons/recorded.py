"""Rebuild an AOT target whose bytes are not the ones .sconsign recorded for it.

SCons saves .sconsign once, at the end of a run. A run killed after it rewrote some
objects (or the module) leaves files that no record describes; undo the edit and
every recorded input matches again, so SCons would call those files up to date and
link the abandoned edit's objects (issue 17). SCons decides whether to rebuild a
target from its sources alone; this also looks at the target's own bytes, for the
objects and modules of AOTModule: one whose content signature differs from the
recorded one is built again (AlwaysBuild for this run), so a link takes only objects
made from the current keys and `scons -q` reports the tree out of date until then.

The check runs as the target scanner of the objects and the stub: at build time, just
before SCons decides whether the node is up to date (at SConscript-read time .sconsign
may not be opened yet, and opening it then would open it relative to the SConscript's
directory). An object's scan also checks the module it is linked into
(`node.attributes.aot_linked`), which is decided after its objects. The content
signature is the one SCons computes anyway when it checks the module's sources
(memoized on the node), so objects cost no extra hashing; the module costs one.
Under `--implicit-cache` SCons skips the scan of a node whose sources are unchanged,
and with it this check.
"""

from __future__ import annotations

import os

import SCons.Scanner


def _check(node, env, path):
    for target in (node, getattr(node.attributes, "aot_linked", None)):
        if target is not None and _differs_from_record(target):
            target.set_always_build()
    return []


def _differs_from_record(node) -> bool:
    if not os.path.isfile(node.get_abspath()):
        return False   # absent: SCons builds it anyway
    ninfo = getattr(node.get_stored_info(), "ninfo", None)
    recorded = getattr(ninfo, "csig", None)
    if recorded is None:
        return False   # no record (a first run, or a decider that stores none): SCons decides
    return node.get_csig() != recorded


SCANNER = SCons.Scanner.Scanner(function=_check, name="aot-recorded")
