#!/usr/bin/env python3
"""Writes a lockstep monorepo of N Python packages that share one version, the shape a
bump-my-version user keeps: a root project whose [tool.bumpversion] globs cover every package's
pyproject.toml and __init__.py, a CHANGELOG.md and a uv.lock. Committed in a fresh git
repository with a bare origin, so the benchmark can commit, tag and push for real.

    generate_monorepo.py DIR [N]     (N defaults to 200)
"""
import os
import subprocess
import sys

ROOT_PYPROJECT = """\
[project]
name = "mono-root"
version = "1.0.0"
requires-python = ">=3.9"

[tool.bumpversion]
current_version = "1.0.0"

[[tool.bumpversion.files]]
glob = "packages/*/pyproject.toml"
search = 'version = "{current_version}"'
replace = 'version = "{new_version}"'

[[tool.bumpversion.files]]
glob = "packages/*/src/*/__init__.py"
"""

PACKAGE_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "mono-{i:03d}"
version = "1.0.0"
description = "Package {i} of the benchmark monorepo."
dependencies = ["requests>=2.31"]
"""

PACKAGE_INIT = '''\
"""Package {i} of the benchmark monorepo."""

__version__ = "1.0.0"


def hello() -> str:
    return "hello from {i}"
'''


def git(cwd, *args):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", HOME=cwd)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)


def main():
    root = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    repo = os.path.join(root, "repo")
    os.makedirs(repo)
    with open(os.path.join(repo, "pyproject.toml"), "w") as f:
        f.write(ROOT_PYPROJECT)
    with open(os.path.join(repo, "CHANGELOG.md"), "w") as f:
        f.write("# Changelog\n\n## [Unreleased]\n\n- every package greets\n\n"
                "## [1.0.0] - 2026-01-01\n\n- first\n\n"
                "[Unreleased]: https://example.test/mono/compare/v1.0.0...HEAD\n")
    lock = ['version = 1\nrequires-python = ">=3.9"\n\n'
            '[[package]]\nname = "mono-root"\nversion = "1.0.0"\nsource = { virtual = "." }\n']
    for i in range(count):
        pkg = os.path.join(repo, "packages", f"mono-{i:03d}")
        src = os.path.join(pkg, "src", f"mono_{i:03d}")
        os.makedirs(src)
        with open(os.path.join(pkg, "pyproject.toml"), "w") as f:
            f.write(PACKAGE_PYPROJECT.format(i=i))
        with open(os.path.join(src, "__init__.py"), "w") as f:
            f.write(PACKAGE_INIT.format(i=i))
        lock.append(f'\n[[package]]\nname = "mono-{i:03d}"\nversion = "1.0.0"\n'
                    f'source = {{ editable = "packages/mono-{i:03d}" }}\n')
    with open(os.path.join(repo, "uv.lock"), "w") as f:
        f.write("".join(lock))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Bench Releaser")
    git(repo, "config", "user.email", "bench@example.test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Initial commit")
    git(root, "init", "-q", "--bare", "-b", "main", "origin.git")
    git(repo, "remote", "add", "origin", os.path.join(root, "origin.git"))
    git(repo, "push", "-q", "-u", "origin", "main")
    print(repo)


if __name__ == "__main__":
    main()
