"""Compile time against source size: a function of 2k..20k lines, a tuple constant of
1k..10k items, statements made of long `+` chains.  Prints the seconds for each size
and the ratio of each size's time to the previous one's (near-linear: about the ratio
of the sizes).

    python bench/compile_scaling.py            # every family
    python bench/compile_scaling.py lines      # one family: lines, tuple, chain
"""

import os
import sys
import tempfile
import time

HEADER = "from aot_tool import CC\ncc = CC('scaling')\n\n"


def long_function(lines: int) -> str:
    body = ["    s = 0.0", "    t = x"]
    for i in range(lines - 3):
        k = i % 4
        body.append(["    s = s + t * 1.5", "    t = t - s / 3.0",
                     "    if s > 100.0:\n        s = s - 1.0", "    s = s + float(i)"][k].replace("i)", f"{i})"))
    body.append("    return s + t")
    return HEADER + "@cc.export('f', 'f8(f8)')\ndef f(x):\n" + "\n".join(body) + "\n"


def tuple_constant(items: int) -> str:
    values = ", ".join(f"{i}.5" for i in range(items))
    return (HEADER + f"T = ({values})\n\n@cc.export('f', 'f8(i8)')\ndef f(i):\n"
            "    s = 0.0\n    for v in T:\n        s += v\n    return s + T[i]\n")


def plus_chains(statements: int) -> str:
    chain = " + ".join(["x"] * 150)
    body = "\n".join(f"    s = s + {chain}" for _ in range(statements))
    return HEADER + f"@cc.export('f', 'f8(f8)')\ndef f(x):\n    s = 0.0\n{body}\n    return s\n"


FAMILIES = {
    "lines": (long_function, [2_000, 5_000, 10_000, 20_000]),
    "tuple": (tuple_constant, [1_000, 2_000, 5_000, 10_000]),
    "chain": (plus_chains, [25, 50, 100, 200]),
}


def build_seconds(text: str) -> float:
    from aot_tool.drivers.build import build_module
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "scaling_src.py")
        with open(src, "w") as f:
            f.write(text)
        start = time.perf_counter()
        build_module(src, tmp)
        return time.perf_counter() - start


def main(names):
    build_seconds(long_function(10))      # imports and the runtime object, outside the figures
    for name in names:
        make, sizes = FAMILIES[name]
        previous = None
        for size in sizes:
            seconds = build_seconds(make(size))
            ratio = f"  x{seconds / previous[1]:.2f} for x{size / previous[0]:.1f} the size" if previous else ""
            print(f"{name:6} {size:>7,}: {seconds:6.2f} s{ratio}", flush=True)
            previous = (size, seconds)


if __name__ == "__main__":
    main(sys.argv[1:] or list(FAMILIES))
