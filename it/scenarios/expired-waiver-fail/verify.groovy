// A waiver past its date stops waiving, and is itself an error at its place in the policy.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] FAIL  version-consistent   1 of 2 version sources disagree with [project].version (2.0.0); 1 waiver has expired')
assert log.contains('1 rule failed: version-consistent')
assert log.contains("version-consistent: __version__ declares 1.9.0 but [project].version declares 2.0.0")
assert log.contains("version-consistent: the waiver for 'src/waiver_demo/__init__.py:1' expired after 2025-06-30 (its reason: the module version is generated at release time)")
assert log.contains('  release-policy.yaml:4: ignore: { id: src/waiver_demo/__init__.py:1, until: 2025-06-30 }')
assert log.contains("  fix: fix what the finding reports; or, after a new review, set a later 'until' at release-policy.yaml:4")
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.json'))
assert report.failed
assert report.results.find { it.rule == 'version-consistent' }.findings*.key == ['src/waiver_demo/__init__.py:1', 'waiver-expired:src/waiver_demo/__init__.py:1']
return true
