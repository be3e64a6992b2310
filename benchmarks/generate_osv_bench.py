"""Inputs of the audit benchmark, from the real PyPA snapshot (OSV's PyPI zip).

  generate_osv_bench.py SNAPSHOT.zip OUT_DIR [DEPS] [COPIES]

OUT_DIR/requirements.txt: DEPS (500) pins of packages the database knows, at versions its records
list (some vulnerable, some not: every fourth pin is a version past all the package's fixes);
OUT_DIR/osv-10x.zip: every record COPIES (10) times under new ids and aliases, for the same
packages, so each package has COPIES times its advisories (26,610 records).
"""
import json
import random
import sys
import zipfile

from packaging.version import InvalidVersion, Version

snapshot, out = sys.argv[1], sys.argv[2]
deps = int(sys.argv[3]) if len(sys.argv) > 3 else 500
copies = int(sys.argv[4]) if len(sys.argv) > 4 else 10
rng = random.Random(12)

records = []
with zipfile.ZipFile(snapshot) as z:
    for name in z.namelist():
        if name.endswith(".json"):
            records.append(json.loads(z.read(name)))

versions = {}
for record in records:
    for affected in record.get("affected", []):
        package = affected["package"]["name"]
        for v in affected.get("versions", []):
            try:
                Version(v)
            except InvalidVersion:
                continue
            versions.setdefault(package, set()).add(v)

packages = sorted(p for p in versions if versions[p])
rng.shuffle(packages)
lines = []
for k, package in enumerate(packages[:deps]):
    listed = sorted(versions[package], key=Version)
    version = Version(listed[-1]).base_version + ".post999" if k % 4 == 3 else rng.choice(listed)
    lines.append(f"{package}=={version}")
k = 0
while len(lines) < deps:  # fewer packages than asked: names the database does not know
    lines.append(f"unknown-package-{k}==1.0")
    k += 1
with open(f"{out}/requirements.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

with zipfile.ZipFile(f"{out}/osv-10x.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for record in records:
        for copy in range(copies):
            clone = dict(record)
            if copy:
                clone["id"] = f"{record['id']}-X{copy}"
                clone["aliases"] = [f"{a}-X{copy}" for a in record.get("aliases", [])]
            z.writestr(f"{clone['id']}.json", json.dumps(clone))
print(f"{len(lines)} pins, {len(records) * copies} records")
