"""Renders reStructuredText long descriptions with readme_renderer, as PyPI and twine do.

pyrelease runs this only for descriptions its own check cannot decide:
    python render_rst.py descriptions.json verdicts.json   (or stdin to stdout)
Input: a JSON list of {"text": ..., "params": {...}} (params from Description-Content-Type).
Output: {"renderer": "readme_renderer X.Y", "verdicts": [{"ok": bool, "messages": [...]}, ...]},
messages formatted like twine's ("line 3: Warning: Title underline too short.").
Exit code 3 with {"error": "missing", "message": ...} when readme_renderer cannot be imported.
"""
import io
import json
import re
import sys

REPORT = re.compile(r"^<string>:(?P<line>(?:\d+)?): \((?P<level>DEBUG|INFO|WARNING|ERROR|SEVERE)/"
                    r"(\d+)?\) (?P<message>.*)", re.DOTALL | re.MULTILINE)


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    target = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout
    try:
        import readme_renderer
        import readme_renderer.rst
    except ImportError as error:
        json.dump({"error": "missing", "message": str(error)}, target)
        target.close()
        sys.exit(3)
    version = getattr(readme_renderer, "__version__", None)
    if version is None:
        try:
            from importlib.metadata import version as dist_version
            version = dist_version("readme_renderer")
        except Exception:  # noqa: BLE001
            version = "?"
    requests = json.load(source)
    verdicts = []
    for request in requests:
        stream = io.StringIO()
        params = request.get("params") or {}
        try:
            rendered = readme_renderer.rst.render(request["text"], stream=stream, **params)
        except Exception as error:  # noqa: BLE001 - a crash in docutils is a failure too
            rendered = None
            stream.write("docutils failed: %r" % (error,))
        messages = []
        for match in REPORT.finditer(stream.getvalue()):
            messages.append("line %s: %s: %s" % (match.group("line"), match.group("level").capitalize(),
                                                 match.group("message").strip().splitlines()[0]))
        if rendered is None and not messages:
            messages = [stream.getvalue().strip() or "No content rendered from RST source."]
        verdicts.append({"ok": rendered is not None, "messages": messages if rendered is None else []})
    json.dump({"renderer": "readme_renderer " + version, "verdicts": verdicts}, target)
    target.close()


if __name__ == "__main__":
    main()
