// A private index that answers only with the token: Basic base64("__token__:<token>").
def load = { name -> new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, name)) }
def support = load('ReleaseRepository.groovy')
def token = load('ScenarioSecrets.groovy').of(basedir, 'PYRELEASE_ACME_TOKEN')
def expected = 'Basic ' + "__token__:${token}".toString().bytes.encodeBase64().toString()
def url = support.serveIndex(basedir, context, expected)
support.commitAndPush(basedir, url + 'simple/', 'acme')
support.git(basedir, 'tag', 'v1.0.0', 'HEAD')
support.git(basedir, 'commit', '-q', '--allow-empty', '-m', 'towards 1.1.0')
support.git(basedir, 'push', '-q', 'origin', 'main', 'v1.0.0')
return true
