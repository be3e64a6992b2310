#!/usr/bin/env python3
"""Writes src/main/resources/versions.txt: 1024 version strings, one per line, that both the JMH
benchmark and version_parse_packaging.py parse. A fixed seed keeps the file reproducible; run this
again only to change the mix (and commit the result).

The mix is what a release tool meets: mostly plain X.Y.Z, then pre-, dev-, post-releases, local
labels, calendar versions, a few odd spellings, and about 7% that are not PEP 440 at all.
"""

import pathlib
import random

COUNT = 1024  # a power of two: the benchmark cycles through the strings with a mask
rng = random.Random(440)


def n(high):
    return str(rng.randint(0, high))


def xyz():
    return f"{n(9)}.{n(30)}.{n(40)}"


INVALID = [
    "1.0.0-SNAPSHOT", "2.3.4.RELEASE", "latest", "1.0.x", "v1.2-foo", "dev", "1.0final",
    "1..2", "1.0+", "1.0a1b2", "release-1.2", "1.2.3-beta-2", "1.0.post1.post2", "1.0_1",
    "*", "1.0-", "1.2.3.4-alpha+", "main", "0.1.0 preview", "4.0.0-M1",
]


def version():
    kind = rng.randint(1, 100)
    if kind <= 55:
        return xyz()
    if kind <= 65:
        return f"{n(9)}.{n(30)}"
    if kind <= 72:
        return xyz() + rng.choice(["a", "b", "rc"]) + n(5)
    if kind <= 74:
        return xyz() + rng.choice(["-alpha.", "-beta.", "-rc.", ".pre", "c"]) + n(3)
    if kind <= 80:
        return xyz() + ".dev" + n(20)
    if kind <= 84:
        return xyz() + rng.choice([".post", "-"]) + n(3)
    if kind <= 88:
        return xyz() + "+" + rng.choice(["cu118", "cpu", "ubuntu1", "g1a2b3c4", "local.7", "rocm5.6"])
    if kind <= 90:
        return f"20{rng.randint(18, 26)}.{n(12)}.{n(28)}"
    if kind <= 92:
        return rng.choice(["v", "V", " ", "1!", "0!"]) + xyz() + rng.choice(["", " ", "RC1", ".DEV2"])
    return rng.choice(INVALID)


def main():
    out = pathlib.Path(__file__).resolve().parent / "src" / "main" / "resources" / "versions.txt"
    lines = [version() for _ in range(COUNT)]
    out.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"wrote {len(lines)} versions to {out}")


main()
