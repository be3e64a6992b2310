"""Reads requirements (JSON list) on stdin; prints a JSON list: true when packaging accepts each."""
import json
import sys

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet

mode = sys.argv[1]
out = []
for text in json.load(sys.stdin):
    try:
        Requirement(text) if mode == "requirement" else SpecifierSet(text)
        out.append(True)
    except (InvalidRequirement, InvalidSpecifier):
        out.append(False)
json.dump(out, sys.stdout)
