// A clean, tagged, synced repository whose version the index lacks passes the preconditions.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('PASS  clean-tree           the work tree is clean')
assert log.contains('PASS  branch               on branch main')
assert log.contains('PASS  upstream-synced      main is in sync with origin/main (fetched)')
assert log.contains("PASS  tag-free             v1.0.0 points at HEAD: this release's own tag")
assert log.contains("PASS  tag-matches          HEAD is tagged v1.0.0, the project's version 1.0.0")
assert log.contains('PASS  version-increases    no earlier release tag (v{version}): a first release')
assert log.contains('PASS  version-unpublished  acme-ready is not on ' + context.indexUrl + ' yet: a first release')
assert log.contains('PASS  description-checked  long descriptions of 2 distributions are valid')
assert log.contains('8 rules: 8 passed, 0 failed, 0 warnings, 0 info, 0 waived, 0 skipped')
assert log.contains('The release preconditions passed.')
assert log.contains('The policy has no publish section: nothing was published (the built-in default policy).')
assert log.contains('BUILD SUCCESS')
// After the preconditions, maven-deploy-plugin deploys the wheel and the sdist.
def repo = new File(basedir, 'target/maven-repo/org/example/it/release-ready/1')
assert new File(repo, 'release-ready-1.whl').bytes == new File(basedir, 'target/dist/acme_ready-1.0.0-py2.py3-none-any.whl').bytes
assert new File(repo, 'release-ready-1.tar.gz').bytes == new File(basedir, 'target/dist/acme_ready-1.0.0.tar.gz').bytes
assert log.indexOf('The release preconditions passed') < log.indexOf('--- deploy:')
return true
