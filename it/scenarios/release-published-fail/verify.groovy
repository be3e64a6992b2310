// A version the index already has fails the release with the index URL and its files.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.stop(context)
def log = new File(basedir, 'build.log').text
def url = context.indexUrl
assert log.contains('1 rule failed: version-unpublished')
assert log.contains("version-unpublished: acme-published 2.0.0 is already published on ${url}")
assert log.contains("  JSON API: ${url}pypi/acme-published/2.0.0/json")
assert log.contains('  file acme_published-2.0.0.tar.gz')
assert log.contains('  fix: release a new version: mvn pyrelease:bump -Dpyrelease.bump=patch')
assert log.contains('PASS  clean-tree           the work tree is clean')
assert !log.contains('nothing was published')
assert log.contains('BUILD FAILURE')
return true
