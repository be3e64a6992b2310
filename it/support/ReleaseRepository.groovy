// Shared by the release scenarios' prebuild.groovy (pre-build hook): makes the cloned scenario a git
// repository with a bare origin it is pushed to, and serves a loopback package index whose answers
// are the files under the scenario's index/ folder (anything else is 404). The server is kept in
// the invoker's context so that verify.groovy can stop it; its URL goes to test.properties as
// pyrelease.indexes, so the build asks it and never the internet.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.Executors

class ReleaseRepository {

  static String git(File dir, String... args) {
    def command = ['git', '-c', 'user.name=pyrelease it', '-c', 'user.email=it@example.invalid',
                   '-c', 'init.defaultBranch=main', '-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false']
    command.addAll(args)
    def builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    builder.environment().put('GIT_CONFIG_NOSYSTEM', '1')
    def process = builder.start()
    def out = process.inputStream.text
    if (process.waitFor() != 0) {
      throw new IllegalStateException("git ${args.join(' ')} failed in ${dir}: ${out}")
    }
    return out
  }

  /**
   * Serves basedir/index/<path> on 127.0.0.1, a free port (a folder answers with its index.json as
   * a PEP 691 page); with {@code authorization}, any request without that header gets 401.
   * Returns the index root URL.
   */
  static String serveIndex(File basedir, Map context, String authorization = null) {
    def root = new File(basedir, 'index')
    def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    context.put('authorized', 0)
    server.createContext('/') { exchange ->
      if (authorization != null) {
        if (exchange.requestHeaders.getFirst('Authorization') != authorization) {
          exchange.sendResponseHeaders(401, -1)
          exchange.close()
          return
        }
        context.put('authorized', context.get('authorized') + 1)
      }
      def file = new File(root, exchange.requestURI.path)
      def type = 'application/json'
      if (file.isDirectory()) {
        file = new File(file, 'index.json')
        type = 'application/vnd.pypi.simple.v1+json'
      }
      if (file.isFile()) {
        def bytes = file.bytes
        exchange.responseHeaders.add('Content-Type', type)
        exchange.sendResponseHeaders(200, bytes.length)
        exchange.responseBody.write(bytes)
      } else {
        exchange.sendResponseHeaders(404, -1)
      }
      exchange.close()
    }
    server.executor = Executors.newSingleThreadExecutor { r -> def t = new Thread(r); t.daemon = true; t }
    server.start()
    context.put('indexServer', server)
    def url = "http://127.0.0.1:${server.address.port}/"
    context.put('indexUrl', url)
    return url
  }

  /** Commits everything in basedir on main and pushes it to a new bare origin beside it. */
  static void commitAndPush(File basedir, String indexUrl, String indexName = 'pypi') {
    new File(basedir, 'test.properties') << "pyrelease.indexes = ${indexName}=${indexUrl}\n"
    new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
    def origin = new File(basedir.parentFile, basedir.name + '-origin.git')
    origin.deleteDir()
    origin.mkdirs()
    git(origin, 'init', '-q', '--bare', '-b', 'main')
    git(basedir, 'init', '-q', '-b', 'main')
    git(basedir, 'add', '-A')
    git(basedir, 'commit', '-q', '-m', 'release candidate')
    git(basedir, 'remote', 'add', 'origin', origin.absolutePath)
    git(basedir, 'push', '-q', '-u', 'origin', 'main')
  }

  static void stop(Map context) {
    context.get('indexServer')?.stop(0)
  }
}
