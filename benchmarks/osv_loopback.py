"""A loopback OSV API over an OSV zip, counting requests, for the audit benchmark's online mode.

  osv_loopback.py SNAPSHOT.zip PORT_FILE

Serves POST /v1/querybatch (at most 1,000 queries, positional results of ids) and
GET /v1/vulns/{id}, on 127.0.0.1 at a free port written to PORT_FILE; GET /counts answers the
numbers of batch and record requests. Matching: the version is listed, or inside an ECOSYSTEM
range (packaging's ordering). Stops after 10 minutes whatever happens.
"""
import json
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

records, by_package = {}, {}
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.endswith(".json"):
            r = json.loads(z.read(name))
            if r.get("withdrawn"):
                continue
            records[r["id"]] = r
            for a in r.get("affected", []):
                by_package.setdefault(canonicalize_name(a["package"]["name"]), []).append((r["id"], a))


def version(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


def affected(a, v, text):
    if text in a.get("versions", []):
        return True
    if v is None:
        return False
    for r in a.get("ranges", []):
        if r["type"] != "ECOSYSTEM":
            continue
        events = []
        for e in r["events"]:
            kind, value = next(iter(e.items()))
            if kind != "limit":
                ev = Version("0") if value == "0" else version(value)
                if ev is None:
                    break
                events.append((ev, kind))
        else:
            hit = False
            for ev, kind in sorted(events, key=lambda x: x[0]):
                if kind == "introduced" and v >= ev:
                    hit = True
                elif kind == "fixed" and v >= ev:
                    hit = False
                elif kind == "last_affected" and v > ev:
                    hit = False
            if hit:
                return True
    return False


counts = {"querybatch": 0, "vulns": 0, "queries": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the OSV API's servers do

    def log_message(self, *args):
        pass

    def answer(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        queries = body["queries"]
        counts["querybatch"] += 1
        counts["queries"] += len(queries)
        if len(queries) > 1000:
            return self.answer(400, {"message": "Too many queries."})
        results = []
        for q in queries:
            name, text = canonicalize_name(q["package"]["name"]), q["version"]
            v = version(text)
            ids = sorted({i for i, a in by_package.get(name, []) if affected(a, v, text)})
            results.append({"vulns": [{"id": i, "modified": records[i]["modified"]} for i in ids]} if ids else {})
        self.answer(200, {"results": results})

    def do_GET(self):
        if self.path == "/counts":
            return self.answer(200, counts)
        if self.path.startswith("/v1/vulns/") and self.path[10:] in records:
            counts["vulns"] += 1
            return self.answer(200, records[self.path[10:]])
        self.answer(404, {})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
threading.Timer(600, server.shutdown).start()
server.serve_forever()
