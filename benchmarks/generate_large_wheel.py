"""Writes one large valid wheel (about SIZE MiB, default 1024) of mostly incompressible data.

The data files are random bytes stored without compression (so writing is quick and the check
reads every byte); RECORD holds their real hashes, computed while writing.
Usage: generate_large_wheel.py OUTDIR [SIZE_MIB]
"""
import base64
import hashlib
import os
import sys
import zipfile

CHUNK = 8 << 20


def main():
    out = sys.argv[1]
    size_mib = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "big_data-1.0.0-py3-none-any.whl")
    info = "big_data-1.0.0.dist-info"
    rows = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        def add(name, data, compress=zipfile.ZIP_DEFLATED):
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
            rows.append("%s,sha256=%s,%d" % (name, b64(hashlib.sha256(data).digest()), len(data)))
        add("big_data/__init__.py", b'__version__ = "1.0.0"\n')
        remaining = size_mib << 20
        part = 0
        while remaining > 0:
            name = "big_data/blobs/part%03d.bin" % part
            digest = hashlib.sha256()
            length = min(64 << 20, remaining)
            with zf.open(zipfile.ZipInfo(name), "w", force_zip64=True) as member:
                written = 0
                while written < length:
                    data = os.urandom(min(CHUNK, length - written))
                    member.write(data)
                    digest.update(data)
                    written += len(data)
            rows.append("%s,sha256=%s,%d" % (name, b64(digest.digest()), length))
            remaining -= length
            part += 1
        add(info + "/METADATA", b"Metadata-Version: 2.1\nName: big-data\nVersion: 1.0.0\nSummary: Large.\n"
                                b"Description-Content-Type: text/markdown\n\n# big-data\n")
        add(info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: generate_large_wheel.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        record = ("\n".join(rows) + "\n%s/RECORD,,\n" % info).encode()
        zf.writestr(zipfile.ZipInfo(info + "/RECORD"), record, compress_type=zipfile.ZIP_DEFLATED)
    print(path)


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


if __name__ == "__main__":
    main()
