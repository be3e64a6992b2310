// Two builds in one log: the enforcer's failure at level ERROR, then its warning at level WARN.
def log = new File(basedir, 'build.log').text
assert log.contains('PASS  version-pep440')
assert log.contains('[ERROR] FAIL  version-consistent')
assert log.contains('[ERROR] Rule 0: io.github.pyrelease.maven.PyreleasePolicyRule(pyreleasePolicy) failed with message:')
assert log.contains('1 rule failed: version-consistent')
assert log.contains('version-consistent: __version__ declares 2.0.3 but [project].version declares 2.1.0')
assert log.contains("  fix: change src/enforced_demo/__init__.py:3 to '2.1.0'")
assert log.contains('BUILD FAILURE')
assert log.contains('[WARNING] FAIL  version-consistent')
assert log.contains('[WARNING] Rule 0: io.github.pyrelease.maven.PyreleasePolicyRule(pyreleasePolicy) warned with message:')
assert log.contains('BUILD SUCCESS')
return true
