"""Prints, as JSON, every distribution importlib.metadata finds for this interpreter: where it
is, its name and version, and the licence fields of its metadata."""
import importlib.metadata
import json
import sys

out = []
for dist in importlib.metadata.distributions():
    meta = dist.metadata
    out.append({
        "path": str(dist._path),
        "name": meta["Name"],
        "version": meta["Version"],
        "expression": meta.get("License-Expression"),
        "license": meta.get("License"),
        "classifiers": meta.get_all("Classifier") or [],
    })
json.dump({"python": sys.version, "distributions": out}, sys.stdout)
