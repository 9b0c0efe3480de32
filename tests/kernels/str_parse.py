"""Parsing with str.split: comma-separated integers (digits through ord), fields, join."""
from numba.pycc import CC

cc = CC('str_parse')


@cc.export('sum_fields', 'i8(unicode_type)')
def sum_fields(line):
    total = 0
    for field in line.split(","):
        f = field.strip()
        if len(f) > 0 and f.isdigit():
            v = 0
            for c in f:
                v = v * 10 + ord(c) - ord("0")
            total += v
    return total


@cc.export('count_fields', 'i8(unicode_type, unicode_type)')
def count_fields(line, sep):
    if len(sep) == 0:
        return -1
    return len(line.split(sep))


@cc.export('join_upper', 'unicode_type(unicode_type)')
def join_upper(line):
    parts = line.split()
    out = []
    for p in parts:
        out.append(p.upper())
    return "-".join(out)


TESTS = {
    'sum_fields': 'str:12,_a',
    'count_fields': 'str:ab, str:ab',
    'join_upper': 'str:ab_é',
}
