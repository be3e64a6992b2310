#!/usr/bin/env python3
"""Generates the git benchmark repository: 50,000 files and 10,000 release tags.

    benchmarks/generate_git_repo.py [DIR]      (default: benchmarks/target/git-bench)

DIR/repo is a work tree on main whose upstream is DIR/origin.git (a bare clone, so fetch and
ls-remote run against a real remote, through the file transport). History: one commit with
50,000 files in 500 folders, then 10,000 commits that each change CHANGELOG.md and carry a tag
v0.<i>.<j> (every other one annotated), then the untagged release commit. pyproject.toml
declares 1.0.0, greater than every tag.
git fast-import writes it in seconds; refs are packed as git gc would; the index is refreshed
after the file times settle, as a developer's own `git status` would have done.
"""
import os
import shutil
import subprocess
import sys
import time

FILES = 50_000
FOLDERS = 500
TAGS = 10_000
IDENTITY = "Bench <bench@example.invalid> 1700000000 +0000"

ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")


def git(cwd, *args, **kwargs):
    return subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.invalid", *args],
                          cwd=cwd, env=ENV, check=True, **kwargs)


def data(text):
    raw = text.encode()
    return b"data %d\n%s\n" % (len(raw), raw)


def stream():
    out = bytearray()
    out += b"commit refs/heads/main\nmark :1\ncommitter " + IDENTITY.encode() + b"\n" + data("50,000 files")
    out += b"M 644 inline pyproject.toml\n" + data('[project]\nname = "bench"\nversion = "1.0.0"\n')
    out += b"M 644 inline .gitignore\n" + data("target/\n*.pyc\n")
    for i in range(FILES):
        out += b"M 644 inline src/pkg%03d/mod%05d.py\n" % (i % FOLDERS, i) + data("VALUE = %d\n" % i)
    for n in range(TAGS):
        mark = n + 2
        out += b"commit refs/heads/main\nmark :%d\ncommitter %s\n" % (mark, IDENTITY.encode())
        out += data("release %d" % n) + b"from :%d\n" % (mark - 1)
        out += b"M 644 inline CHANGELOG.md\n" + data("release %d\n" % n)
        name = b"v0.%d.%d" % (n // 100, n % 100)
        if n % 2:
            out += b"tag " + name + b"\nfrom :%d\ntagger %s\n" % (mark, IDENTITY.encode()) + data("annotated")
        else:
            out += b"reset refs/tags/" + name + b"\nfrom :%d\n\n" % mark
    # the release commit: version 1.0.0, not tagged yet (tagging is the release's job)
    out += b"commit refs/heads/main\nmark :%d\ncommitter %s\n" % (TAGS + 2, IDENTITY.encode())
    out += data("release 1.0.0") + b"from :%d\n" % (TAGS + 1)
    out += b"M 644 inline CHANGELOG.md\n" + data("## 1.0.0\n")
    return bytes(out)


def main():
    base = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), "target", "git-bench"))
    shutil.rmtree(base, ignore_errors=True)
    repo = os.path.join(base, "repo")
    os.makedirs(repo)
    started = time.time()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "fast-import", "--quiet", input=stream())
    git(repo, "pack-refs", "--all")
    git(repo, "checkout", "-q", "-f", "main")
    git(base, "clone", "-q", "--bare", repo, os.path.join(base, "origin.git"))
    git(repo, "remote", "add", "origin", os.path.join(base, "origin.git"))
    git(repo, "fetch", "-q", "origin")
    git(repo, "branch", "-q", "--set-upstream-to=origin/main", "main")
    time.sleep(2)  # past the racy-git window, then refresh the index as `git status` does
    git(repo, "status", "--porcelain", stdout=subprocess.DEVNULL)
    files = len(git(repo, "ls-files", "-z", capture_output=True).stdout.split(b"\0")) - 1
    print(f"{repo}: {files} files in the work tree, "
          f"{TAGS} tags, upstream origin/main ({time.time() - started:.1f} s)")


if __name__ == "__main__":
    main()
