#!/usr/bin/env python3
"""Writes a Maven reactor of N Python packages: an aggregator POM whose modules each use
<packaging>python</packaging> with one pyproject.toml (hatchling), a CHANGELOG.md and a package
whose __version__ matches. Every package but the first depends on the first (rx-000>=1.0), the
shape of a monorepo whose libraries share a core; the reactor's release-policy.yaml turns on
monorepo-pins for every module.

    generate_reactor.py DIR N PLUGIN_VERSION
"""
import os
import sys

AGGREGATOR = """\
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.reactor</groupId>
  <artifactId>reactor</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <properties>
    <pyrelease.policy>../release-policy.yaml</pyrelease.policy>
  </properties>
  <modules>
{modules}
  </modules>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.pyrelease</groupId>
        <artifactId>release-maven-plugin</artifactId>
        <version>{plugin}</version>
        <extensions>true</extensions>
      </plugin>
    </plugins>
  </build>
</project>
"""

MODULE = """\
<project>
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.example.reactor</groupId>
    <artifactId>reactor</artifactId>
    <version>1</version>
  </parent>
  <artifactId>{name}</artifactId>
  <version>1.0.0</version>
  <packaging>python</packaging>
</project>
"""

PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.10"]
build-backend = "hatchling.build"

[project]
name = "{name}"
version = "1.0.0"
description = "Package {i} of the generated reactor."
requires-python = ">=3.9"
license = {{ text = "MIT" }}
classifiers = ["License :: OSI Approved :: MIT License"]
dependencies = [{deps}]

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]
"""

CHANGELOG = """\
# Changelog

## [Unreleased]

## [1.0.0] - 2026-01-01

- first release of {name}
"""

INIT = '''\
"""Package {i} of the generated reactor."""

__version__ = "1.0.0"
'''


POLICY = """\
# Requirements between the packages admit the versions they declare; they are not pinned (no lock
# file pins a package of the same repository), so the audit lists them rather than failing.
rules:
  monorepo-pins: { level: error, root: .. }
  vulnerabilities: { level: error, unpinned: false }
"""


def main():
    root = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2])
    plugin = sys.argv[3]
    names = [f"rx-{i:03d}" for i in range(count)]
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "pom.xml"), "w") as f:
        modules = "\n".join(f"    <module>{n}</module>" for n in names)
        f.write(AGGREGATOR.format(modules=modules, plugin=plugin))
    with open(os.path.join(root, "release-policy.yaml"), "w") as f:
        f.write(POLICY)
    for i, name in enumerate(names):
        module = name.replace("-", "_")
        src = os.path.join(root, name, "src", module)
        os.makedirs(src)
        deps = "" if i == 0 else '"rx-000>=1.0"'
        files = {
            "pom.xml": MODULE.format(name=name),
            "pyproject.toml": PYPROJECT.format(name=name, i=i, deps=deps, module=module),
            "CHANGELOG.md": CHANGELOG.format(name=name),
            os.path.join("src", module, "__init__.py"): INIT.format(i=i),
        }
        for path, text in files.items():
            with open(os.path.join(root, name, path), "w") as f:
                f.write(text)
    print(root)


if __name__ == "__main__":
    main()
