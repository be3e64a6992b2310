"""Imports an installed distribution's top-level modules and prints its version.

Run by pyrelease's verify-install gate, in isolated mode (-I) from an empty directory, with the
interpreter of the fresh virtual environment the distribution was installed into.
Prints one line: the installed version, a tab, the modules imported (comma-separated).
"""
import importlib
import importlib.metadata
import sys


def top_level_modules(dist):
    names = set()
    text = dist.read_text("top_level.txt")
    if text:
        names.update(line.strip() for line in text.splitlines() if line.strip())
    for path in dist.files or []:
        parts = path.parts
        if not parts or parts[0] == ".." or parts[0].endswith((".dist-info", ".data")):
            continue
        if len(parts) == 1 and parts[0].endswith(".py"):
            names.add(parts[0][:-3])
        elif len(parts) == 2 and parts[1] == "__init__.py":
            names.add(parts[0])
    return sorted(n for n in names if n.isidentifier())


def main():
    name = sys.argv[1]
    dist = importlib.metadata.distribution(name)
    modules = top_level_modules(dist)
    for module in modules:
        importlib.import_module(module)
    print(dist.version + "\t" + ",".join(modules))


main()
