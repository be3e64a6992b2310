"""Broken distributions for run-all.sh, one of each kind that twine check and pyrelease must both
refuse; prints "<file> <what is wrong>" for each.

Usage: generate_broken_dists.py OUTDIR
"""
import base64
import hashlib
import io
import os
import sys
import tarfile
import zipfile

GOOD_RST = "Demo\n====\n\nA demo package.\n"
BAD_RST = "Demo\n====\n\nSee `the docs <https://demo.example/docs>`_ and :unknown-role:`x`.\n\n.. unknown-directive:: y\n"


def metadata(name, description, content_type="text/x-rst"):
    return (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0.0\nSummary: A demo.\n"
        f"Description-Content-Type: {content_type}\n\n{description}"
    ).encode()


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}\n"


def wheel(out, name, meta, drop_metadata=False):
    module = name.replace("-", "_")
    path = os.path.join(out, f"{module}-1.0.0-py3-none-any.whl")
    info = f"{module}-1.0.0.dist-info"
    members = {
        f"{module}/__init__.py": b"",
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    if not drop_metadata:
        members[f"{info}/METADATA"] = meta
    record = "".join(record_line(p, d) for p, d in members.items()) + f"{info}/RECORD,,\n"
    members[f"{info}/RECORD"] = record.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in members.items():
            z.writestr(member, data)
    return path


def sdist(out, name, meta):
    module = name.replace("-", "_")
    path = os.path.join(out, f"{module}-1.0.0.tar.gz")
    with tarfile.open(path, "w:gz") as tar:
        files = {f"{module}-1.0.0/pyproject.toml": f'[project]\nname = "{name}"\nversion = "1.0.0"\n'.encode()}
        if meta is not None:
            files[f"{module}-1.0.0/PKG-INFO"] = meta
        for member, data in files.items():
            entry = tarfile.TarInfo(member)
            entry.size = len(data)
            tar.addfile(entry, io.BytesIO(data))
    return path


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cases = []
    path = wheel(out, "bad-rst-wheel", metadata("bad-rst-wheel", BAD_RST))
    cases.append((path, "reStructuredText description with an unknown role and directive"))
    path = wheel(out, "no-metadata", None, drop_metadata=True)
    cases.append((path, "wheel without METADATA"))
    path = wheel(out, "truncated", metadata("truncated", GOOD_RST + "x" * 20000))
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)
    cases.append((path, "wheel cut in half"))
    path = sdist(out, "bad-rst-sdist", metadata("bad-rst-sdist", BAD_RST))
    cases.append((path, "sdist whose reStructuredText description does not render"))
    path = sdist(out, "no-pkg-info", None)
    cases.append((path, "sdist without PKG-INFO"))
    for path, why in cases:
        print(os.path.basename(path), why)


if __name__ == "__main__":
    main()
