"""Reads {"requirements": [...], "environments": [{...}]} on stdin; prints, for each requirement,
what packaging parses from it and how its marker evaluates in each environment, for the extras
"" and "Test_Extra" ("error" when packaging cannot evaluate it)."""
import json
import sys

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion

request = json.load(sys.stdin)
out = []
for text in request["requirements"]:
    try:
        req = Requirement(text)
    except (InvalidRequirement, InvalidSpecifier):  # packaging 23 lets the latter escape
        out.append({"valid": False})
        continue
    evaluations = []
    if req.marker is not None:
        for env in request["environments"]:
            for extra in ("", "Test_Extra"):
                try:
                    evaluations.append(req.marker.evaluate(dict(env, extra=extra)))
                except (UndefinedComparison, UndefinedEnvironmentName, InvalidVersion, ValueError, KeyError):
                    evaluations.append("error")
    out.append({
        "valid": True,
        "name": req.name,
        "canonical": canonicalize_name(req.name),
        "extras": sorted(req.extras),
        "specifiers": sorted(str(s) for s in req.specifier),
        "url": req.url,
        "evaluations": evaluations,
    })
json.dump({"packaging": __import__("packaging").__version__, "results": out}, sys.stdout)
