// With -o the network facts are "not checked: offline" warnings (the default policy's level for
// facts that cannot be had); the index is never asked.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] WARN  upstream-synced      not checked: offline')
assert log.contains('[WARNING] WARN  tag-free             not checked: offline')
assert log.contains('[WARNING] WARN  version-unpublished  not checked: offline')
assert log.contains("  fix: run without Maven's -o (CLI: --offline) to ask the index whether acme-offline 1.1.0 is published")
assert log.contains('PASS  clean-tree           the work tree is clean')
assert log.contains('The release preconditions passed (3 with warnings).')
assert log.contains('The policy has no publish section: nothing was published (the built-in default policy).')
assert log.contains('BUILD SUCCESS')
return true
