#!/usr/bin/env python3
"""The Python side of the version benchmark: str(packaging.version.Version(s)) over the strings of
src/main/resources/versions.txt (invalid ones raise InvalidVersion, which is caught), timed with
timeit. Prints the best of several runs in strings per second, and a last line
"ops_per_s=<number>" for run-version-bench.sh.
"""

import pathlib
import sys
import timeit

import packaging
from packaging.version import InvalidVersion, Version

VERSIONS = pathlib.Path(__file__).resolve().parent / "src" / "main" / "resources" / "versions.txt"


def main():
    versions = VERSIONS.read_text(encoding="ascii").split("\n")[:-1]

    def work():
        for text in versions:
            try:
                str(Version(text))
            except InvalidVersion:
                pass

    timer = timeit.Timer(work)
    loops, _ = timer.autorange()  # enough loops for at least 0.2 s
    best = min(timer.repeat(repeat=5, number=loops)) / loops
    ops = len(versions) / best
    print(f"packaging {packaging.__version__} on Python {sys.version.split()[0]}: {ops:,.0f} ops/s")
    print(f"ops_per_s={ops:.0f}")


main()
