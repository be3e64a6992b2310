// A loopback package index that behaves as PyPI does for the integration tests: the legacy upload
// API (multipart form, HTTP Basic with a token, digests checked, "File already exists" for a
// different file under a taken name, 200 for the identical file again), the JSON API and the simple
// API (PEP 503 HTML) over what was uploaded, and the files themselves. Every accepted upload is
// recorded, so a scenario can assert that nothing was published twice.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.concurrent.Executors

class FakePypi {

  final HttpServer server
  final String token
  /** file name -> [fields: [[name, value]...], bytes: byte[], sha256: hex] */
  final Map<String, Map> files = Collections.synchronizedMap(new LinkedHashMap())
  /** every upload request: [file, status] */
  final List<List> uploads = Collections.synchronizedList([])

  FakePypi(String token) {
    this.token = token
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    server.createContext('/') { exchange ->
      try {
        handle(exchange)
      } catch (Throwable t) {
        t.printStackTrace()
        send(exchange, 500, 'text/plain', "fake index failed: ${t}")
      }
    }
    server.executor = Executors.newFixedThreadPool(4) { r -> def t = new Thread(r); t.daemon = true; t }
    server.start()
  }

  String url() { "http://127.0.0.1:${server.address.port}/" }

  String uploadUrl() { url() + 'legacy/' }

  void stop() { server.stop(0) }

  /** How many uploads of {@code file} the index accepted as new. */
  int accepted(String file) { uploads.count { it[0] == file && it[1] == 'new' } }

  private void handle(HttpExchange exchange) {
    String path = exchange.requestURI.path
    if (exchange.requestMethod == 'POST' && path == '/legacy/') {
      upload(exchange)
    } else if (path.startsWith('/simple/')) {
      simple(exchange, path.substring('/simple/'.length()).replaceAll('/$', ''))
    } else if (path.startsWith('/pypi/') && path.endsWith('/json')) {
      json(exchange, path.split('/').findAll { it })
    } else if (path.startsWith('/files/') && files.containsKey(path.substring(7))) {
      send(exchange, 200, 'application/octet-stream', files[path.substring(7)].bytes)
    } else {
      send(exchange, 404, 'text/plain', 'Not Found')
    }
  }

  private void upload(HttpExchange exchange) {
    String expected = 'Basic ' + Base64.encoder.encodeToString("__token__:${token}".getBytes(StandardCharsets.UTF_8))
    if (exchange.requestHeaders.getFirst('Authorization') != expected) {
      reason(exchange, 403, 'Invalid or non-existent authentication information.')
      return
    }
    def form = parse(exchange)
    def content = form.find { it.name == 'content' }
    String sha256 = hex(MessageDigest.getInstance('SHA-256').digest(content.bytes))
    if (form.find { it.name == 'sha256_digest' }?.value != sha256) {
      reason(exchange, 400, 'The digest supplied does not match a digest calculated from the uploaded file.')
      return
    }
    String file = content.filename
    def existing = files[file]
    if (existing != null) {
      uploads << [file, existing.sha256 == sha256 ? 'same' : 'refused']
      if (existing.sha256 == sha256) {
        send(exchange, 200, 'text/plain', 'OK')
      } else {
        reason(exchange, 400, "File already exists ('${file}', with sha256 hash '${sha256}'). See https://pypi.org/help/#file-name-reuse for more information.")
      }
      return
    }
    files[file] = [fields: form.findAll { it.name != 'content' }.collect { [it.name, it.value] }, bytes: content.bytes, sha256: sha256,
                   name: form.find { it.name == 'name' }.value, version: form.find { it.name == 'version' }.value,
                   requiresPython: form.find { it.name == 'requires_python' }?.value]
    uploads << [file, 'new']
    send(exchange, 200, 'text/plain', 'OK')
  }

  private static String normalize(String name) { name.replaceAll('[-_.]+', '-').toLowerCase() }

  private void simple(HttpExchange exchange, String project) {
    def mine = files.findAll { k, v -> normalize(v.name) == normalize(project) }
    if (mine.isEmpty()) {
      send(exchange, 404, 'text/plain', 'Not Found')
      return
    }
    def links = mine.collect { k, v ->
      String rp = v.requiresPython ? " data-requires-python=\"${v.requiresPython.replace('<', '&lt;').replace('>', '&gt;')}\"" : ''
      "<a href=\"/files/${k}#sha256=${v.sha256}\"${rp}>${k}</a>"
    }.join('\n')
    send(exchange, 200, 'text/html', "<!DOCTYPE html><html><body>\n${links}\n</body></html>")
  }

  private void json(HttpExchange exchange, List<String> parts) {
    // /pypi/<name>/json or /pypi/<name>/<version>/json
    String project = parts[1]
    String version = parts.size() == 4 ? parts[2] : null
    def mine = files.findAll { k, v -> normalize(v.name) == normalize(project) && (version == null || v.version == version) }
    if (mine.isEmpty()) {
      send(exchange, 404, 'application/json', '{"message": "Not Found"}')
      return
    }
    def urls = mine.collect { k, v -> [filename: k, url: url() + 'files/' + k, digests: [sha256: v.sha256], yanked: false] }
    def body = [info: [name: project, version: version ?: mine.values().last().version], urls: urls,
                releases: mine.values().collect { it.version }.unique().collectEntries { [(it): urls] }]
    send(exchange, 200, 'application/json', JsonOutput.toJson(body))
  }

  /** PyPI puts its error text in the status line's reason phrase; the JDK server cannot, so the body says it too. */
  private static void reason(HttpExchange exchange, int status, String message) {
    send(exchange, status, 'text/plain', message)
  }

  private static void send(HttpExchange exchange, int status, String type, Object body) {
    byte[] bytes = body instanceof byte[] ? body : body.toString().getBytes(StandardCharsets.UTF_8)
    exchange.responseHeaders.add('Content-Type', type)
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length)
    if (bytes.length > 0) {
      exchange.responseBody.write(bytes)
    }
    exchange.close()
  }

  /** The parts of a multipart/form-data body: [name, filename, value (text), bytes]. */
  private static List<Map> parse(HttpExchange exchange) {
    String type = exchange.requestHeaders.getFirst('Content-Type')
    String boundary = (type =~ /boundary="?([^";]+)"?/)[0][1]
    byte[] body = exchange.requestBody.bytes
    String text = new String(body, StandardCharsets.ISO_8859_1)
    String delimiter = '--' + boundary
    def parts = []
    int at = text.indexOf(delimiter)
    while (at >= 0) {
      int start = at + delimiter.length()
      if (text.startsWith('--', start)) {
        break
      }
      start += 2 // CRLF
      int next = text.indexOf('\r\n' + delimiter, start)
      String part = text.substring(start, next)
      int split = part.indexOf('\r\n\r\n')
      String headers = part.substring(0, split)
      String content = part.substring(split + 4)
      def disposition = headers.readLines().find { it.toLowerCase().startsWith('content-disposition') }
      String name = (disposition =~ /name="([^"]*)"/)[0][1]
      def filename = (disposition =~ /filename="([^"]*)"/)
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1)
      parts << [name: name, filename: filename ? filename[0][1] : null,
                value: new String(bytes, StandardCharsets.UTF_8), bytes: bytes]
      at = next + 2
    }
    return parts
  }

  private static String hex(byte[] bytes) { bytes.collect { String.format('%02x', it) }.join() }
}
