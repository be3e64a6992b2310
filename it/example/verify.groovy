// The bundled example passes the gate: every version source agrees and the changelog has 1.4.0.
def log = new File(basedir, 'build.log').text
assert log.contains('PASS  version-pep440       both version sources hold normalised PEP 440 versions')
assert log.contains('PASS  version-consistent   both version sources declare 1.4.0')
assert log.contains('PASS  changelog-entry      CHANGELOG.md:9 has a section for 1.4.0')
assert log.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.json'))
assert report.project.name == 'acme-greeter'
assert report.project.version == '1.4.0'
assert report.summary.failed == 0
assert report.summary.passed == 3
assert new File(basedir, 'target/pyrelease/report.txt').text.contains('3 rules: 3 passed')
return true
