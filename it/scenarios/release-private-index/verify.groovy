// The policy names a private index; its credentials come from the environment by server id, are
// sent (the index answers nothing without them) and appear nowhere in the log.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.stop(context)
def log = new File(basedir, 'build.log').text
assert context.authorized > 0
assert log.contains("PASS  version-unpublished  acme-private 1.1.0 is not on ${context.indexUrl}simple/ yet")
assert log.contains('PASS  version-increases    1.1.0 > 1.0.0 (v1.0.0)')
assert log.contains('BUILD SUCCESS')
assert !log.contains('acme-FAKE-TOKEN-7f3a9c')
new File(basedir, 'target/pyrelease').eachFile { report -> assert !report.text.contains('acme-FAKE-TOKEN-7f3a9c') }
return true
