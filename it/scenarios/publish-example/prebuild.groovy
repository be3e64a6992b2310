// The bundled example in a git repository with a bare origin and its release tag pushed; a loopback
// TestPyPI, PyPI and GitHub; a release policy whose publish section names them.
def load = { name -> new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, name)) }
def repo = load('ReleaseRepository.groovy')
def FakePypi = load('FakePypi.groovy')
def FakeGithub = load('FakeGithub.groovy')
def secrets = load('ScenarioSecrets.groovy')

def example = new File(itSupport, '../example')
['pyproject.toml', 'README.md', 'CHANGELOG.md'].each { new File(basedir, it).bytes = new File(example, it).bytes }
new File(example, 'src').eachFileRecurse(groovy.io.FileType.FILES) { file ->
  def target = new File(basedir, 'src/' + new File(example, 'src').toPath().relativize(file.toPath()))
  target.parentFile.mkdirs()
  target.bytes = file.bytes
}

def testpypi = FakePypi.newInstance(secrets.of(basedir, 'PYRELEASE_TESTPYPI_TOKEN'))
def pypi = FakePypi.newInstance(secrets.of(basedir, 'PYRELEASE_PYPI_TOKEN'))
def github = FakeGithub.newInstance(secrets.of(basedir, 'GITHUB_TOKEN'), 'acme/acme-greeter')
context.put('testpypi', testpypi)
context.put('pypi', pypi)
context.put('github', github)

new File(basedir, 'release-policy.yaml').text = """\
rules:
  version-unpublished: { level: error, index: pypi }
publish:
  - { name: testpypi, type: index, url: "${testpypi.uploadUrl()}", gate: verify-install }
  - { name: pypi, type: index, url: "${pypi.uploadUrl()}", gate: approval }
  - { name: github, type: github-release, repository: acme/acme-greeter, api-url: "${github.url()}" }
  - name: pages
    type: pages-index
    output: target/pages
    files-url: "${github.url()}/download/{tag}/{file}"
"""
repo.commitAndPush(basedir, pypi.url())
repo.git(basedir, 'tag', '-a', 'v1.4.0', '-m', 'acme-greeter 1.4.0')
repo.git(basedir, 'push', '-q', 'origin', 'v1.4.0')
return true
