"""A loopback package index for the upload benchmark, which checks what it receives.

Usage: upload_sink.py PORTFILE LOGFILE  (writes its port to PORTFILE, serves until killed)

POST (an upload): refuses a body without Content-Length (411) or shorter than it announced (400);
reads the multipart body in 1 MiB chunks, counting its bytes and hashing the part named "content"
(the file) as it streams by; answers 200 only when the part's sha256 equals the form's
sha256_digest field. Appends one line per upload to LOGFILE:
    <status> <body bytes> <file part bytes> <file part sha256> <sha256_digest field> <digest fields>
(the last: the names of the form's *_digest fields, comma-separated).
GET: 404 (no project is published yet), for clients that ask before uploading.
"""
import hashlib
import http.server
import re
import sys

CHUNK = 1 << 20


class Multipart:
    """Splits a streamed multipart/form-data body; hashes the file part, keeps small fields."""

    def __init__(self, boundary):
        self.delimiter = b"\r\n--" + boundary
        self.buffer = b"\r\n"  # the first delimiter has no CRLF before it
        self.in_headers = False
        self.name = None
        self.fields = {}
        self.value = b""
        self.file_bytes = 0
        self.file_hash = hashlib.sha256()

    def feed(self, data):
        self.buffer += data
        while True:
            if self.in_headers:
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    return
                headers = self.buffer[:end].decode("latin-1")
                found = re.search(r'name="([^"]*)"', headers)
                self.name = found.group(1) if found else None
                self.value = b""
                self.buffer = self.buffer[end + 4 :]
                self.in_headers = False
            at = self.buffer.find(self.delimiter)
            if at < 0:
                keep = len(self.delimiter)  # a delimiter may straddle two chunks
                self.data(self.buffer[:-keep])
                self.buffer = self.buffer[-keep:]
                return
            self.data(self.buffer[:at])
            self.end_part()
            self.buffer = self.buffer[at + len(self.delimiter) :]
            if self.buffer.startswith(b"--"):  # the closing delimiter
                self.buffer = b""
                return
            self.in_headers = True

    def data(self, data):
        if self.name == "content":
            self.file_bytes += len(data)
            self.file_hash.update(data)
        elif self.name is not None and len(self.value) < 4096:
            self.value += data

    def end_part(self):
        if self.name not in (None, "content"):
            self.fields[self.name] = self.value.decode("utf-8", "replace")
        self.name = None


class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log_path = None

    def do_GET(self):
        self.answer(404, b"not found")

    def do_POST(self):
        length = self.headers.get("Content-Length")
        if length is None:
            self.answer(411, b"Content-Length required", close=True)
            return
        found = re.search(r"boundary=\"?([^\";]+)", self.headers.get("Content-Type", ""))
        if not found:
            self.answer(400, b"not multipart/form-data", close=True)
            return
        parts = Multipart(found.group(1).encode("latin-1"))
        remaining = int(length)
        received = 0
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, CHUNK))
            if not chunk:
                break
            received += len(chunk)
            remaining -= len(chunk)
            parts.feed(chunk)
        digest = parts.file_hash.hexdigest()
        announced = parts.fields.get("sha256_digest", "-")
        if received != int(length):
            status = 400
        else:
            status = 200 if parts.file_bytes > 0 and digest == announced else 400
        with open(self.log_path, "a") as log:
            names = ",".join(sorted(n for n in parts.fields if n.endswith("_digest")))
            log.write(f"{status} {received} {parts.file_bytes} {digest} {announced} {names}\n")
        self.answer(status, b"OK" if status == 200 else b"refused", close=status != 200)

    def answer(self, status, body, close=False):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    Sink.log_path = sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    with open(sys.argv[1], "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
