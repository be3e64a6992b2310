"""The OSV schema's evaluation of affected versions, with packaging as the PEP 440 oracle.

argv: the zip of OSV JSON records, a file of cases "record-id<TAB>package<TAB>version";
prints one line per case: 1 (affected) or 0 (not affected); a version that is no PEP 440
version is affected only when a versions list has it as written.
"""
import json
import sys
import zipfile

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

records = {}
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.endswith(".json"):
            record = json.loads(z.read(name))
            records[record["id"]] = record


def in_range(events, v):
    def key(e):
        kind, value = next(iter(e.items()))
        return (0, Version("0")) if kind == "introduced" and value == "0" else (1, Version(value))

    affected = False
    for e in sorted((e for e in events if "limit" not in e), key=key):
        kind, value = next(iter(e.items()))
        if kind == "introduced" and (value == "0" or v >= Version(value)):
            affected = True
        elif kind == "fixed" and v >= Version(value):
            affected = False
        elif kind == "last_affected" and v > Version(value):
            affected = False
    return affected


_listed = {}


def listed_versions(record, index, a):
    key = (record["id"], index)
    if key not in _listed:
        parsed, raw = set(), set()
        for text in a.get("versions", []):
            raw.add(text)
            try:
                parsed.add(Version(text))
            except InvalidVersion:
                pass
        _listed[key] = (parsed, raw)
    return _listed[key]


def affects(record, package, text):
    try:
        v = Version(text)
    except InvalidVersion:
        v = None
    for index, a in enumerate(record["affected"]):
        p = a["package"]
        if p["ecosystem"] != "PyPI" or canonicalize_name(p["name"]) != package:
            continue
        parsed, raw = listed_versions(record, index, a)
        if text in raw or v is not None and v in parsed:
            return "1"
        if v is None:
            continue
        for r in a.get("ranges", []):
            if r["type"] in ("ECOSYSTEM", "SEMVER") and in_range(r["events"], v):
                return "1"
    return "0"


out = []
with open(sys.argv[2], encoding="utf-8") as cases:
    for line in cases:
        rid, package, version = line.rstrip("\n").split("\t")
        out.append(affects(records[rid], package, version))
sys.stdout.write("\n".join(out) + "\n")
