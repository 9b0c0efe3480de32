"""CI's fixed-seed sample of the generated-program fuzzer (the long run:
`python -m tests.fuzz --minutes 30`): every call agrees with CPython, or with numba
where numba differs from CPython the same way."""

from __future__ import annotations

from tests.fuzz.programs import same
from tests.fuzz.runner import run


def test_generated_scalar_programs_agree(tmp_path):
    counts, diffs, text = run(seed=1, count=30, workdir=str(tmp_path))
    assert counts["agrees"] > 1000
    unexplained = [d for d in diffs if d[0] == "build" or d[4] is None or not same(d[3], d[4])]
    assert not counts["differs"] and "build error" not in counts and "internal error" not in counts, \
        (dict(counts), unexplained[:10], text)


def test_the_generator_is_deterministic():
    from tests.fuzz.programs import generate
    assert generate(7, 10) == generate(7, 10) and generate(7, 10) != generate(8, 10)
