// A loopback GitHub REST API for the integration tests: releases (create, list with drafts, get by
// tag, update, publish) and release assets (upload to the release's upload_url, list, delete,
// download at browser_download_url), with Bearer tokens checked. Enough of GitHub for a release to
// be created as a draft, given its assets and published, and for pip to download the assets.
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.concurrent.Executors

class FakeGithub {

  final HttpServer server
  final String token
  final String repository
  final List<Map> releases = Collections.synchronizedList([])
  /** every request: "METHOD path" */
  final List<String> requests = Collections.synchronizedList([])
  private int ids = 100

  FakeGithub(String token, String repository) {
    this.token = token
    this.repository = repository
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    server.createContext('/') { exchange ->
      try {
        handle(exchange)
      } catch (Throwable t) {
        t.printStackTrace()
        send(exchange, 500, [message: "fake GitHub failed: ${t}"])
      }
    }
    server.executor = Executors.newFixedThreadPool(4) { r -> def t = new Thread(r); t.daemon = true; t }
    server.start()
  }

  String url() { "http://127.0.0.1:${server.address.port}" }

  void stop() { server.stop(0) }

  private synchronized int nextId() { ++ids }

  private void handle(HttpExchange exchange) {
    String method = exchange.requestMethod
    String path = exchange.requestURI.path
    requests << "${method} ${path}".toString()
    if (method == 'GET' && path.startsWith('/download/')) {
      def (tag, name) = path.substring('/download/'.length()).split('/', 2)
      def release = releases.find { it.tag_name == tag && !it.draft }
      def asset = release?.assets?.find { it.name == name }
      if (asset == null) {
        send(exchange, 404, [message: 'Not Found'])
      } else {
        sendBytes(exchange, 200, asset.content_type, asset.bytes)
      }
      return
    }
    if (exchange.requestHeaders.getFirst('Authorization') != "Bearer ${token}".toString()) {
      send(exchange, 401, [message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest'])
      return
    }
    String repos = "/repos/${repository}"
    if (method == 'GET' && path.startsWith("${repos}/releases/tags/")) {
      String tag = path.substring("${repos}/releases/tags/".length())
      def release = releases.find { it.tag_name == tag && !it.draft }
      release == null ? send(exchange, 404, [message: 'Not Found']) : send(exchange, 200, view(release))
    } else if (method == 'GET' && path == "${repos}/releases") {
      send(exchange, 200, releases.reverse().collect { view(it) })
    } else if (method == 'POST' && path == "${repos}/releases") {
      def body = new JsonSlurper().parse(exchange.requestBody)
      if (releases.any { it.tag_name == body.tag_name && !it.draft }) {
        send(exchange, 422, [message: 'Validation Failed', errors: [[resource: 'Release', code: 'already_exists', field: 'tag_name']]])
        return
      }
      int id = nextId()
      def release = [id: id, tag_name: body.tag_name, name: body.name, body: body.body ?: '', draft: body.draft ?: false,
                     prerelease: body.prerelease ?: false, immutable: false, generate_release_notes: body.generate_release_notes ?: false,
                     assets: []]
      releases << release
      send(exchange, 201, view(release))
    } else if (method == 'PATCH' && path ==~ "${repos}/releases/\\d+") {
      def release = releases.find { it.id == path.tokenize('/').last() as int }
      def body = new JsonSlurper().parse(exchange.requestBody)
      body.each { k, v -> if (k in ['draft', 'prerelease', 'name', 'body', 'tag_name', 'make_latest']) release[k] = v }
      if (body.draft == false) {
        release.published_at = java.time.Instant.now().toString()
      }
      send(exchange, 200, view(release))
    } else if (method == 'GET' && path ==~ "${repos}/releases/\\d+/assets") {
      def release = releases.find { it.id == path.tokenize('/')[-2] as int }
      send(exchange, 200, release.assets.collect { assetView(release, it) })
    } else if (method == 'POST' && path ==~ "/uploads${repos}/releases/\\d+/assets") {
      def release = releases.find { it.id == path.tokenize('/')[-2] as int }
      String name = URLDecoder.decode((exchange.requestURI.rawQuery =~ /name=([^&]+)/)[0][1], 'UTF-8')
      if (release.assets.any { it.name == name }) {
        send(exchange, 422, [message: 'Validation Failed', errors: [[resource: 'ReleaseAsset', code: 'already_exists', field: 'name']]])
        return
      }
      byte[] bytes = exchange.requestBody.bytes
      def asset = [id: nextId(), name: name, content_type: exchange.requestHeaders.getFirst('Content-Type'), bytes: bytes,
                   sha256: MessageDigest.getInstance('SHA-256').digest(bytes).collect { String.format('%02x', it) }.join()]
      release.assets << asset
      send(exchange, 201, assetView(release, asset))
    } else if (method == 'DELETE' && path ==~ "${repos}/releases/assets/\\d+") {
      int id = path.tokenize('/').last() as int
      releases.each { r -> r.assets.removeAll { it.id == id } }
      sendBytes(exchange, 204, null, new byte[0])
    } else {
      send(exchange, 404, [message: 'Not Found', documentation_url: 'https://docs.github.com/rest'])
    }
  }

  private Map view(Map release) {
    [id: release.id, tag_name: release.tag_name, name: release.name, body: release.body, draft: release.draft,
     prerelease: release.prerelease, immutable: release.immutable, published_at: release.published_at,
     html_url: "https://github.com/${repository}/releases/tag/${release.tag_name}",
     url: "${url()}/repos/${repository}/releases/${release.id}",
     upload_url: "${url()}/uploads/repos/${repository}/releases/${release.id}/assets{?name,label}",
     assets: release.assets.collect { assetView(release, it) }]
  }

  private Map assetView(Map release, Map asset) {
    [id: asset.id, name: asset.name, state: 'uploaded', content_type: asset.content_type, size: asset.bytes.length,
     digest: "sha256:${asset.sha256}", url: "${url()}/repos/${repository}/releases/assets/${asset.id}",
     browser_download_url: "${url()}/download/${release.tag_name}/${asset.name}"]
  }

  private static void send(HttpExchange exchange, int status, Object json) {
    sendBytes(exchange, status, 'application/json; charset=utf-8', JsonOutput.toJson(json).getBytes(StandardCharsets.UTF_8))
  }

  private static void sendBytes(HttpExchange exchange, int status, String type, byte[] bytes) {
    if (type != null) {
      exchange.responseHeaders.add('Content-Type', type)
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length)
    if (bytes.length > 0) {
      exchange.responseBody.write(bytes)
    }
    exchange.close()
  }
}
