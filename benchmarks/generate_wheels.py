"""Writes N realistic, valid wheels for the check-dist benchmark (seeded, so runs compare).

Each wheel holds a package of a dozen modules (a few KB each), METADATA with a long description
of README size (3 to 9 KB: several sections of prose, lists, code and links, different in every
wheel; half reStructuredText, half Markdown), WHEEL and a correct RECORD.
Usage: generate_wheels.py N OUTDIR
"""
import base64
import hashlib
import os
import random
import sys
import zipfile

RST = """{title}
{underline}

{summary} It is fast, small and documented: see the `documentation <https://{name}.example/docs>`_
and the changelog_.

{rst_sections}

Installation
------------

* ``pip install {name}``
* or from a checkout::

      python -m build

Usage
-----

.. code-block:: python

   import {module}
   {module}.run(level={n})

.. note::

   Version {n} needs *Python 3.8* or newer and **no** compiler.

.. _changelog: https://{name}.example/changes
"""

MD = """# {title}

{summary}

{md_sections}

## Installation

```sh
pip install {name}
```

See the [documentation](https://{name}.example/docs). Level **{n}**.
"""


TOPICS = ["Features", "Configuration", "Command line", "Logging", "Performance", "Testing",
          "Contributing", "Security", "Compatibility", "Examples", "Design", "Roadmap"]


def sentence(rnd, i):
    words = ["the", "parser", "reads", "each", "record", "and", "returns", "a", "tidy", "result",
             "with", "options", "for", "width", "colour", "and", "encoding", "when", "asked"]
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 16))).capitalize() + " (%d)." % i


def sections(rnd, module, i, rst):
    out = []
    for t, topic in enumerate(rnd.sample(TOPICS, rnd.randint(5, 9))):
        para = " ".join(sentence(rnd, i + t) for _ in range(rnd.randint(3, 6)))
        items = [sentence(rnd, k) for k in range(rnd.randint(3, 6))]
        if rst:
            out.append("%s\n%s\n\n%s Use ``%s.%s()`` or *see* `%s <https://%s.example/%d>`_.\n\n%s\n\n"
                       ".. code-block:: python\n\n   from %s import tidy\n   tidy(width=%d)\n"
                       % (topic, "-" * len(topic), para, module, topic.lower().replace(" ", "_"), topic,
                          module, t, "\n".join("* " + it for it in items), module, 40 + t))
        else:
            out.append("## %s\n\n%s Use `%s.%s()` or *see* [%s](https://%s.example/%d).\n\n%s\n\n"
                       "```python\nfrom %s import tidy\ntidy(width=%d)\n```\n"
                       % (topic, para, module, topic.lower().replace(" ", "_"), topic, module, t,
                          "\n".join("- " + it for it in items), module, 40 + t))
    return "\n".join(out)


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(200)
    for i in range(count):
        name = "bench-pkg-%03d" % i
        module = name.replace("-", "_")
        version = "1.%d.%d" % (i % 7, i)
        words = " ".join(rnd.choice(["fast", "tidy", "small", "robust", "simple", "clear"]) for _ in range(6))
        summary = "A %s library number %d." % (words, i)
        rst = i % 2 == 0
        text = sections(rnd, module, i, rst)
        body = (RST if rst else MD).format(title=name, underline="=" * len(name), summary=summary,
                                           name=name, module=module, n=i, rst_sections=text,
                                           md_sections=text)
        files = {}
        for m in range(12):
            lines = ["def f%d(x):\n    return x * %d + %d\n" % (k, k, rnd.randint(0, 999)) for k in range(60)]
            files["%s/mod%02d.py" % (module, m)] = "".join(lines).encode()
        files["%s/__init__.py" % module] = ('__version__ = "%s"\n' % version).encode()
        info = "%s-%s.dist-info" % (module, version)
        files[info + "/METADATA"] = (
            "Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\nRequires-Python: >=3.8\n"
            "Requires-Dist: requests>=2.0; python_version >= \"3.8\"\nDescription-Content-Type: %s\n\n%s"
            % (name, version, summary, "text/x-rst" if rst else "text/markdown", body)).encode()
        files[info + "/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: generate_wheels.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        record = "\n".join(record_line(p, d) for p, d in files.items()) + "\n%s/RECORD,,\n" % info
        files[info + "/RECORD"] = record.encode()
        path = os.path.join(out, "%s-%s-py3-none-any.whl" % (module, version))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for p, d in files.items():
                zf.writestr(p, d)


if __name__ == "__main__":
    main()
