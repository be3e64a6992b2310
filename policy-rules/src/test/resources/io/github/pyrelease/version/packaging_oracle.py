"""Answers for VersionDifferentialTest from packaging.version.Version.

Reads JSON strings, one per line, on stdin. Writes a header line, then one line per input,
then the sort order of the valid ones as [index, rank] pairs (equal versions share a rank).
Exit code 3 with {"missing": ...} when packaging cannot be imported.
"""

import json
import sys

try:
    import packaging
    from packaging.utils import canonicalize_version
    from packaging.version import InvalidVersion, Version
except ImportError as error:
    print(json.dumps({"missing": str(error)}))
    sys.exit(3)


def facts(v):
    pre = "".join(map(str, v.pre)) if v.pre else None
    return "|".join(
        str(x)
        for x in (
            v.epoch,
            ".".join(map(str, v.release)),
            f"{v.major}.{v.minor}.{v.micro}",
            pre,
            v.post,
            v.dev,
            v.local,
            f"{int(v.is_prerelease)}{int(v.is_postrelease)}{int(v.is_devrelease)}",
            v.public,
            v.base_version,
            canonicalize_version(v),
        )
    )


def main():
    inputs = [json.loads(line) for line in sys.stdin.buffer.read().decode("ascii").split("\n") if line]
    print(json.dumps({"packaging": packaging.__version__, "python": sys.version.split()[0]}))
    valid = []
    for index, text in enumerate(inputs):
        try:
            version = Version(text)
        except InvalidVersion:
            print(json.dumps({"ok": False}))
            continue
        except ValueError as error:  # int() refuses more than 4300 digits
            print(json.dumps({"ok": False, "error": str(error)[:120]}))
            continue
        valid.append((version, index))
        print(json.dumps({"ok": True, "text": str(version), "facts": facts(version)}))
    valid.sort(key=lambda pair: pair[0])
    order, rank, previous = [], -1, None
    for version, index in valid:
        if previous is None or previous < version:
            rank += 1
        previous = version
        order.append([index, rank])
    print(json.dumps({"order": order}))


main()
