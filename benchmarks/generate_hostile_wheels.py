"""Hostile wheels for run-hostile-bench.sh, one per directory under OUT, each with a pyproject.

  bomb/       demo/zeros.bin: SIZE bytes of zeros deflated (about a thousandth), true CRC and sizes
              (2 GB: Python's zipfile writes zip64 from 2 GiB, a shape wheels do not have)
  oversize/   a METADATA of 50 MiB of text that barely compresses
  truncated/  a wheel cut in half
  nonutf8/    a METADATA with a byte that is not UTF-8

usage: generate_hostile_wheels.py OUT [SIZE]   (SIZE defaults to 2,000,000,000)
"""
import os
import random
import sys
import zipfile

out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000_000
META = b"Metadata-Version: 2.1\nName: demo\nVersion: 1.0.0\nSummary: A demo.\n\n"
WHEEL = b"Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def wheel(case, metadata, extra=None, cut=False):
    root = os.path.join(out, case)
    os.makedirs(os.path.join(root, "dist"), exist_ok=True)
    with open(os.path.join(root, "pyproject.toml"), "w") as f:
        f.write('[project]\nname = "demo"\nversion = "1.0.0"\n')
    path = os.path.join(root, "dist", "demo-1.0.0-py3-none-any.whl")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("demo/__init__.py", "")
        if extra:
            extra(z)
        z.writestr("demo-1.0.0.dist-info/METADATA", metadata)
        z.writestr("demo-1.0.0.dist-info/WHEEL", WHEEL)
        z.writestr("demo-1.0.0.dist-info/RECORD", "")
    if cut:
        with open(path, "rb") as f:
            data = f.read()
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])


def zeros(z):
    info = zipfile.ZipInfo("demo/zeros.bin")
    info.compress_type = zipfile.ZIP_DEFLATED
    chunk = bytes(1 << 24)
    with z.open(info, "w", force_zip64=size > 0x7FFFFFFF) as f:
        left = size
        while left:
            n = min(left, len(chunk))
            f.write(chunk[:n])
            left -= n


wheel("bomb", META + b"hi\n", extra=zeros)
text = random.Random(17)
big = " ".join(format(text.getrandbits(64), "x") for _ in range((50 << 20) // 17)).encode()
wheel("oversize", META + big)
wheel("truncated", META + b"hi\n", cut=True)
wheel("nonutf8", META + b"caf\xe9\n")
