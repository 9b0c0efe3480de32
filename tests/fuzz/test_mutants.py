"""CI's fixed-seed sample of the mutation fuzzer (the long run: `python -m tests.fuzz
--minutes 30`): every mutated corpus kernel either builds or gets a located error
(file:line:col, the line, a caret); none gives an internal error, a traceback, a crash
or a timeout, and a built one agrees with CPython where numba does."""

from __future__ import annotations

import random

import pytest

from tests.fuzz import mutants, mutate


@pytest.mark.slow
def test_mutated_corpus_kernels(tmp_path):
    counts, findings = mutants.run(seed=3, count=10, workdir=str(tmp_path), report=lambda m: None)
    assert counts["built"] + counts["located error"] >= 6, dict(counts)
    assert not any(counts[k] for k in mutants.FINDINGS), (dict(counts), findings)


def test_mutations_are_deterministic_and_change_the_source():
    text = open(mutants.kr.discover()[0]).read()
    made = [mutate.mutant(text, random.Random(seed)) for seed in range(20)]
    assert made == [mutate.mutant(text, random.Random(seed)) for seed in range(20)]
    assert sum(m is not None and m[0] != text for m in made) >= 10


def test_a_located_error_is_told_from_an_unlocated_one():
    class Proc:
        def __init__(self, rc, err):
            self.returncode, self.stderr = rc, err
    located = "k.py:3:4: error: name 'q' is not defined\n    q = 1\n    ^\n"
    assert mutants._classify_build(Proc(1, located)) == "located error"
    assert mutants._classify_build(Proc(1, "error: something\n")) == "unlocated error"
    assert mutants._classify_build(Proc(2, "aot_tool: internal compiler error")) == "internal error"
    assert mutants._classify_build(Proc(-11, "")) == "crash"
