// mvn deploy on a dirty tree fails in the release preconditions, listing the files, before
// anything is published.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] FAIL  clean-tree           2 files are not committed')
assert log.contains('1 rule failed: clean-tree')
assert log.contains('clean-tree: 2 files are not committed, so the release would not match its commit')
assert log.contains('  modified: README.md')
assert log.contains('  untracked: notes.txt')
assert log.contains("  fix: commit them, or set them aside with 'git stash --include-untracked'")
assert log.contains('PASS  branch               on branch main')
assert log.contains('PASS  upstream-synced      main is in sync with origin/main (fetched)')
assert log.contains('PASS  version-unpublished  acme-dirty is not on ' + context.indexUrl + ' yet: a first release')
assert !log.contains('nothing was published')
assert log.contains('BUILD FAILURE')
return true
