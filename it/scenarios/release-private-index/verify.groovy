// The policy names a private index; its credentials come from the environment by server id, are
// sent (the index answers nothing without them) and appear nowhere in the log.
def load = { name -> new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, name)) }
def support = load('ReleaseRepository.groovy')
def token = load('ScenarioSecrets.groovy').of(basedir, 'PYRELEASE_ACME_TOKEN')
support.stop(context)
def log = new File(basedir, 'build.log').text
assert context.authorized > 0
assert log.contains("PASS  version-unpublished  acme-private 1.1.0 is not on ${context.indexUrl}simple/ yet")
assert log.contains('PASS  version-increases    1.1.0 > 1.0.0 (v1.0.0)')
assert log.contains('BUILD SUCCESS')
assert !log.contains(token)
new File(basedir, 'target/pyrelease').eachFile { report -> assert !report.text.contains(token) }
return true
