#!/usr/bin/env python3
"""Generates the secret-scanning benchmark inputs.

    benchmarks/generate_secrets_tree.py [DIR] [MEGABYTES]   (default: benchmarks/target/secrets-bench, 200)

DIR/tree: a mixed text tree of about MEGABYTES MB (Python modules, Markdown, YAML, JSON, INI and
.env-like files of 4 KB to 256 KB, in nested folders) made of code and prose whose vocabulary
includes the words secret rules look for ("token", "password", "key", URLs), so the keyword
prefilter lets some files through to the regexes, as in a real project. 100 synthetic secrets
of 10 kinds are planted at known places (DIR/planted.txt lists them), and a few binary files.
DIR/tree is its own git repository with nothing committed: everything is untracked and not
ignored, so the scan goes through git's view of the work tree.

DIR/rules-10x.toml: the built-in rules ten times over ([extend] useDefault = true, then nine
copies of every rule under new ids and new keywords), for the prefilter's scaling run.
Deterministic (seeded).
"""
import os
import random
import subprocess
import sys
import tomllib
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "policy-rules", "src", "main", "resources", "io", "github",
                     "pyrelease", "secrets", "default-rules.toml")
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
WORDS = ("the release build wheel version package module import return value config option "
         "request response client server user name path file folder token handler cache index "
         "session password policy rule check report stage commit branch tag remote upload key "
         "secret api url https http json yaml default error warning info debug test case data "
         "object list map string integer boolean parse read write open close stream buffer").split()


def ident(r):
    return "_".join(r.choice(WORDS) for _ in range(r.randint(1, 3)))


def python_file(r, size):
    out = ['"""%s."""' % " ".join(r.choice(WORDS) for _ in range(8)), "import os", "import sys", ""]
    while sum(len(l) + 1 for l in out) < size:
        name = ident(r)
        out.append("def %s(%s, %s=None):" % (name, ident(r), ident(r)))
        out.append('    """%s."""' % " ".join(r.choice(WORDS) for _ in range(10)))
        for _ in range(r.randint(2, 8)):
            out.append("    %s = %s(%s, %d)" % (ident(r), ident(r), ident(r), r.randint(0, 9999)))
        out.append("    return %s" % ident(r))
        out.append("")
    return "\n".join(out) + "\n"


def markdown_file(r, size):
    out = ["# " + " ".join(r.choice(WORDS) for _ in range(4)).title(), ""]
    while sum(len(l) + 1 for l in out) < size:
        sentence = " ".join(r.choice(WORDS) for _ in range(r.randint(8, 20)))
        if r.random() < 0.05:
            sentence += " See https://docs.example.org/%s/%s.html." % (ident(r), ident(r))
        out.append(sentence.capitalize() + ".")
        if r.random() < 0.2:
            out.append("")
    return "\n".join(out) + "\n"


def yaml_file(r, size):
    out = []
    while sum(len(l) + 1 for l in out) < size:
        out.append("%s:" % ident(r))
        for _ in range(r.randint(2, 6)):
            out.append("  %s: %s" % (ident(r), r.choice([str(r.randint(0, 99)), ident(r), "true", "${%s}" % ident(r).upper()])))
    return "\n".join(out) + "\n"


def json_file(r, size):
    out = ["["]
    while sum(len(l) + 1 for l in out) < size:
        out.append('  {"%s": %d, "%s": "%s", "%s": [%s]},' % (
            ident(r), r.randint(0, 10**6), ident(r), ident(r), ident(r),
            ", ".join(str(r.randint(0, 999)) for _ in range(8))))
    out.append("  {}")
    out.append("]")
    return "\n".join(out) + "\n"


KINDS = [(".py", python_file, 5), (".md", markdown_file, 3), (".yaml", yaml_file, 1), (".json", json_file, 1)]


def github(r, prefix):
    body = "".join(r.choice(BASE62) for _ in range(30))
    value = zlib.crc32(body.encode())
    check = ""
    while value:
        check = BASE62[value % 62] + check
        value //= 62
    return prefix + body + check.rjust(6, "0")


def secret(r, n):
    u = BASE62 + "-_"
    kinds = [
        lambda: github(r, "ghp_"),
        lambda: "pypi-AgEIcHlwaS5vcmc" + "".join(r.choice(u) for _ in range(150)),
        lambda: "AKIA" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
        lambda: "glpat-" + "".join(r.choice(u) for _ in range(20)),
        lambda: "xoxb-%d-%d-%s" % (r.randint(10**11, 10**12 - 1), r.randint(10**12, 10**13 - 1), "".join(r.choice(BASE62) for _ in range(24))),
        lambda: "sk_live_" + "".join(r.choice(BASE62) for _ in range(24)),
        lambda: "AIza" + "".join(r.choice(u) for _ in range(35)),
        lambda: "npm_" + "".join(r.choice(BASE62) for _ in range(36)),
        lambda: github(r, "gho_"),
        lambda: "pypi-AgENdGVzdC5weXBpLm9yZw" + "".join(r.choice(u) for _ in range(150)),
    ]
    return kinds[n % len(kinds)]()


def tree(root, megabytes, r):
    target = megabytes * 1_000_000
    written = 0
    files = []
    i = 0
    while written < target:
        ext, make, _ = r.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        size = int(min(256_000, max(4_000, r.lognormvariate(10.3, 0.9))))
        rel = "pkg%02d/sub%02d/%s_%05d%s" % (i % 40, (i // 40) % 25, ident(r), i, ext)
        text = make(r, size)
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        files.append(rel)
        written += len(text)
        i += 1
    planted = []
    for n in range(100):
        rel = files[r.randrange(len(files))]
        path = os.path.join(root, rel)
        with open(path) as f:
            lines = f.read().split("\n")
        at = r.randrange(len(lines))
        value = secret(r, n)
        lines.insert(at, "%s = \"%s\"" % ("deploy_value", value))
        with open(path, "w") as f:
            f.write("\n".join(lines))
        planted.append("%s:%d" % (rel, at + 1))
    for n in range(20):
        with open(os.path.join(root, "pkg00", "blob%02d.bin" % n), "wb") as f:
            f.write(bytes(r.randrange(256) for _ in range(50_000)))
    return written, i, planted


def rules_10x(path):
    with open(RULES, "rb") as f:
        rules = tomllib.load(f)["rules"]
    lit = lambda s: "'''%s'''" % s
    out = ["# the built-in rules ten times over: nine copies under new ids and keywords", "[extend]", "useDefault = true", ""]
    for copy in range(1, 10):
        for rule in rules:
            out.append("[[rules]]")
            out.append('id = "%s-copy%d"' % (rule["id"], copy))
            for key in ("regex", "path"):
                if key in rule:
                    out.append("%s = %s" % (key, lit(rule[key])))
            for key in ("secretGroup", "entropy"):
                if key in rule:
                    out.append("%s = %s" % (key, rule[key]))
            if "keywords" in rule:
                out.append("keywords = [%s]" % ", ".join('"%sq%d"' % (k, copy) for k in rule["keywords"]))
            out.append("")
    with open(path, "w") as f:
        f.write("\n".join(out))
    return len(rules) * 10


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "target", "secrets-bench")
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    root = os.path.join(out, "tree")
    os.makedirs(root, exist_ok=True)
    r = random.Random(13)
    written, count, planted = tree(root, megabytes, r)
    subprocess.run(["git", "init", "-q", root], check=True)
    with open(os.path.join(out, "planted.txt"), "w") as f:
        f.write("\n".join(planted) + "\n")
    n = rules_10x(os.path.join(out, "rules-10x.toml"))
    print("%s: %d files, %.1f MB of text, 100 secrets planted; rules-10x.toml: %d rules" % (root, count, written / 1e6, n))


if __name__ == "__main__":
    main()
