// The whole release of the example, in two builds: the first published to TestPyPI, verified the
// install from it, and stopped at PyPI's approval gate; the second, approved, skipped TestPyPI and
// published to PyPI, the GitHub Release, the Pages index and, through maven-deploy-plugin, the Maven
// repository. Nothing was published twice, pip installs from the Pages index, and no token shows.
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurper
import java.security.MessageDigest

def testpypi = context.get('testpypi')
def pypi = context.get('pypi')
def github = context.get('github')
try {
  def sdist = 'acme_greeter-1.4.0.tar.gz'
  def wheel = 'acme_greeter-1.4.0-py3-none-any.whl'
  def log = new File(basedir, 'build.log').text

  // The dry run: every request described, nothing sent (the counts below include it), no deploy.
  def dry = log.substring(0, log.indexOf('BUILD SUCCESS'))
  assert dry.contains('Dry run: publishing acme-greeter 1.4.0 would run 4 stages; nothing is sent or written')
  assert dry.contains("[testpypi] POST ${testpypi.uploadUrl()} (multipart/form-data, HTTP/1.1, redirects not followed)")
  assert dry.contains('[testpypi] would then install acme-greeter==1.4.0 from the index into a fresh virtual environment and import it')
  assert dry.contains('[pypi] would stop for approval unless approved (mvn deploy -Dpyrelease.approve=pypi)')
  assert dry.contains('Dry run: nothing was published, and maven-deploy-plugin skips (maven.deploy.skip).')
  assert dry.contains('Skipping artifact deployment')

  // First build: TestPyPI, verify-install, then the approval gate.
  assert log.contains("[testpypi] ${sdist}: uploaded ${testpypi.url()}simple/acme-greeter/")
  assert log.contains('[testpypi] verify-install passed: acme-greeter 1.4.0 installed from ' + testpypi.url() + 'simple/, imported acme_greeter')
  assert log.contains("stage 'pypi' waits for approval before it publishes acme-greeter 1.4.0 to ${pypi.uploadUrl()}; the stages before it are done (testpypi)")
  assert log.contains('fix: approve it and run again: mvn deploy -Dpyrelease.approve=pypi')
  // Second build: the files TestPyPI got are kept, not rebuilt; TestPyPI skipped, the rest in order.
  assert log.contains("Publishing of this version has begun (${basedir}/target/pyrelease/publish-state.json): keeping the files it published, [${sdist}, ${wheel}]")
  assert log.contains('PASS  version-unpublished  acme-greeter is not on ' + pypi.url() + ' yet: a first release')
  assert log.contains('[testpypi] done earlier')
  assert log.contains('[pypi] approved by pyrelease.approve')
  assert log.indexOf('[pypi] done') < log.indexOf('[github] done')
  assert log.indexOf('[github] done') < log.indexOf('[pages] done')
  assert log.lastIndexOf('[pages] done') < log.lastIndexOf('--- deploy:')
  assert log.contains('BUILD SUCCESS')

  // Each index got each file once, and the bytes that were built.
  def dist = new File(basedir, 'target/dist')
  [testpypi, pypi].each { index ->
    assert index.files.keySet() == [sdist, wheel] as Set
    assert index.accepted(sdist) == 1 && index.accepted(wheel) == 1
    assert index.uploads.size() == 2
    assert index.files[wheel].bytes == new File(dist, wheel).bytes
    def fields = index.files[wheel].fields.collectEntries { it }
    assert fields.name == 'acme-greeter' && fields.version == '1.4.0' && fields.filetype == 'bdist_wheel'
    assert fields.pyversion == 'py3' && fields[':action'] == 'file_upload'
  }
  // verify-install downloaded the wheel from TestPyPI into its fresh environment
  assert log.contains("Downloading ${testpypi.url()}files/${wheel}")

  // The GitHub Release: a draft, its three assets, then published, with the changelog's notes.
  assert github.releases.size() == 1
  def release = github.releases[0]
  assert release.tag_name == 'v1.4.0' && !release.draft && !release.prerelease
  assert release.name == '1.4.0 - 2026-11-20'
  assert release.body == '### Added\n- `acme-greet` takes the name to greet as its first argument.'
  assert release.assets*.name as Set == [sdist, wheel, 'SHA256SUMS'] as Set
  def sums = new String(release.assets.find { it.name == 'SHA256SUMS' }.bytes, 'UTF-8')
  [sdist, wheel].each { name ->
    def hex = MessageDigest.getInstance('SHA-256').digest(new File(dist, name).bytes).collect { String.format('%02x', it) }.join()
    assert sums.contains("${hex}  ${name}\n")
  }
  def posts = github.requests.findAll { it.startsWith('POST ') || it.startsWith('PATCH ') }
  assert posts[0] == 'POST /repos/acme/acme-greeter/releases'
  assert posts.count { it.startsWith('POST /uploads/') } == 3
  assert posts.last().startsWith('PATCH /repos/acme/acme-greeter/releases/')

  // The record says every stage is done, with each file's sha256.
  def state = new JsonSlurper().parse(new File(basedir, 'target/pyrelease/publish-state.json'))
  assert state.project == 'acme-greeter' && state.version == '1.4.0'
  assert state.stages*.name == ['testpypi', 'pypi', 'github', 'pages']
  assert state.stages*.status == ['done'] * 4
  assert state.stages[0].gates.'verify-install'.status == 'passed'
  assert state.stages[1].gates.approval.by == 'pyrelease.approve'

  // published.json: every stage with the URL that now serves it, the same URLs the record holds.
  def published = new JsonSlurper().parse(new File(basedir, 'target/pyrelease/published.json'))
  assert published.project == 'acme-greeter' && published.version == '1.4.0'
  assert published.stages*.name == ['testpypi', 'pypi', 'github', 'pages']
  assert published.stages*.url == state.stages*.url
  assert published.stages.every { it.url }
  assert published.urls.containsAll(state.stages*.url)
  assert log.contains("published [github] https://github.com/acme/acme-greeter/releases/tag/v1.4.0 (2 files)")

  // The Pages index, served as GitHub Pages would, installs with a real pip from the release assets.
  def pages = new File(basedir, 'target/pages')
  assert new File(pages, 'simple/acme-greeter/index.html').text.contains("${github.url()}/download/v1.4.0/${wheel}#sha256=")
  def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
  server.createContext('/') { exchange ->
    def file = new File(pages, exchange.requestURI.path)
    if (file.isDirectory()) file = new File(file, 'index.html')
    if (file.isFile()) {
      exchange.responseHeaders.add('Content-Type', 'text/html')
      exchange.sendResponseHeaders(200, file.length())
      exchange.responseBody.write(file.bytes)
    } else {
      exchange.sendResponseHeaders(404, -1)
    }
    exchange.close()
  }
  server.start()
  try {
    def venv = new File(basedir, 'target/pip-check')
    def run = { List<String> command ->
      def builder = new ProcessBuilder(command).redirectErrorStream(true)
      builder.environment().keySet().removeAll { it.startsWith('PIP_') }
      def process = builder.start()
      def out = process.inputStream.text
      assert process.waitFor() == 0 : "${command.join(' ')}:\n${out}"
      return out
    }
    run([python, '-m', 'venv', venv.path])
    run(["${venv}/bin/pip".toString(), 'install', '--no-deps', '--no-cache-dir', '--disable-pip-version-check',
         '--index-url', "http://127.0.0.1:${server.address.port}/simple/".toString(), 'acme-greeter'])
    assert run(["${venv}/bin/python".toString(), '-c', 'import importlib.metadata as m; print(m.version("acme-greeter"))']).trim() == '1.4.0'
  } finally {
    server.stop(0)
  }

  // maven-deploy-plugin put the wheel and sdist in the Maven repository with their checksums.
  def repository = new File(basedir, 'target/maven-repo/org/example/it/acme-greeter/1.4.0')
  [['acme-greeter-1.4.0.whl', wheel], ['acme-greeter-1.4.0.tar.gz', sdist]].each { deployed, built ->
    def bytes = new File(repository, deployed).bytes
    assert bytes == new File(dist, built).bytes
    ['sha1': 'SHA-1', 'md5': 'MD5'].each { ext, algorithm ->
      def hex = MessageDigest.getInstance(algorithm).digest(bytes).collect { String.format('%02x', it) }.join()
      assert new File(repository, "${deployed}.${ext}").text.trim() == hex
    }
  }

  // No token anywhere: the log, the record, the reports.
  def outputs = [log] + new File(basedir, 'target/pyrelease').listFiles().findAll { it.isFile() }.collect { it.text }
  def secrets = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ScenarioSecrets.groovy'))
  def tokens = ['PYRELEASE_TESTPYPI_TOKEN', 'PYRELEASE_PYPI_TOKEN', 'GITHUB_TOKEN'].collect { secrets.of(basedir, it) }
  tokens.each { token ->
    outputs.each { assert !it.contains(token) }
  }
  return true
} finally {
  testpypi?.stop()
  pypi?.stop()
  github?.stop()
}
