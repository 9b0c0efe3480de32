"""CI's fixed-seed sample of the call-time misuse fuzzer (the long run:
`python -m tests.fuzz --minutes 30`): no crash, no SystemError, no refused value
accepted, no hang where CPython finishes; and the harness itself counts a crash and a
hang instead of dying with them."""

from __future__ import annotations

import random

import pytest

from tests.fuzz import calls, misuse
import kernel_runner as kr


@pytest.mark.slow
def test_misuse_of_a_corpus_sample(tmp_path):
    paths = random.Random(5).sample(kr.discover(), 5)
    counts, raised, findings = calls.run(paths, str(tmp_path), seed=5, sample=30, report=lambda m: None)
    assert counts["raised"] > 100 and counts["returned"] > 10, dict(counts)
    assert not any(counts[k] for k in calls.FINDINGS), (dict(counts), findings)


def test_a_crash_and_a_hang_are_counted(tmp_path):
    (tmp_path / "hostile.py").write_text(
        "import ctypes\n"
        "def crash():\n    ctypes.string_at(0)\n"
        "def spin():\n    while True:\n        pass\n"
        "def fine():\n    return 1.5\n")
    child = calls.Child(str(tmp_path / "log"))
    try:
        ask = lambda name, timeout=30: child.request(("call", str(tmp_path), "hostile", name, [], [], [],
                                                      "positional"), timeout)
        assert ask("crash")[0] == "crash"
        assert ask("spin", timeout=1.0) == ("timeout",)
        assert ask("fine") == ("returned", "float", 1.5)     # a fresh child after each
    finally:
        child.close()


def test_every_variant_builds_a_value():
    types = [kr.parse_signature(s).args for s in
             ("f8(f8[:], i8[:, ::1], UniTuple(f8, 2), unicode_type, ListType(i8), optional(f8), u1)",)][0]
    for t in types:
        for name in misuse.variants(t):
            misuse.argument(t, name)
    assert misuse.must_refuse(types[0], "byteswapped") and not misuse.must_refuse(types[0], "negstride")
    assert misuse.must_refuse(types[1], "negstride") and not misuse.must_refuse(types[5], "none")


@pytest.mark.slow
def test_the_three_reported_hangs_are_the_programs(tmp_path):
    """Issue 16's call-time hangs (a swap kernel, a while loop with break, a zero-division
    kernel), every case of every export: the only hangs left run on under CPython too
    (`pingpong` and `pick_buffer` with 2**63 - 1 steps)."""
    paths = [p for p in kr.discover() if p.endswith(("swap_arrays.py", "while_break.py", "zerodiv.py"))]
    counts, _, findings = calls.run(paths, str(tmp_path), report=lambda m: None)
    assert len(paths) == 3 and not any(counts[k] for k in calls.FINDINGS), (dict(counts), findings)
    hangs = sorted((f[1], tuple(f[2])) for f in findings if f[4][0] == "timeout")
    assert all(name in ("pingpong", "pick_buffer") for name, _ in hangs), hangs
    assert counts["hang (CPython too)"] == len(hangs) >= 2, (dict(counts), hangs)
