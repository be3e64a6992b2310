# The oracle of ScmVersionDifferentialTest: the real setuptools_scm computes each case's version.
# Reads one JSON case a line: {"dir": ..., "kind": "scm" | "hatch", "hatch": {...}}; prints one
# JSON answer a line: {"version": "..."} or {"error": "<exception type>: <message>"}.
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
import setuptools_scm
from setuptools_scm.config import Configuration

for line in sys.stdin:
    case = json.loads(line)
    os.chdir(case["dir"])  # a build runs in the project, where the fallbacks look
    try:
        if case["kind"] == "scm":
            config = Configuration.from_file(os.path.join(case["dir"], "pyproject.toml"))
            version = setuptools_scm._get_version(config)
            if version is None:
                raise LookupError("no version")
        else:
            # hatch-vcs: raw-options, then root, then tag-pattern, then a non-empty fallback-version
            hatch = case["hatch"]
            options = dict(hatch.get("raw-options", {}))
            options["root"] = os.path.join(case["dir"], options.get("root", "."))
            options.setdefault("tag_regex", hatch.get("tag-pattern", ""))
            if hatch.get("fallback-version"):
                options["fallback_version"] = hatch["fallback-version"]
            version = setuptools_scm.get_version(**options)
        print(json.dumps({"version": version}), flush=True)
    except BaseException as e:  # AssertionError and LookupError are how it fails
        print(json.dumps({"error": type(e).__name__ + ": " + str(e).splitlines()[0] if str(e) else type(e).__name__}), flush=True)
