// The bundled example passes the gate: every version source agrees, the changelog has 1.4.0, and
// the wheel and sdist hatchling builds pass every dist rule.
def log = new File(basedir, 'build.log').text
assert log.contains('PASS  version-pep440       both version sources hold normalised PEP 440 versions')
assert log.contains('PASS  version-consistent   both version sources declare 1.4.0')
assert log.contains('PASS  changelog-entry      CHANGELOG.md:9 has a section for 1.4.0')
assert log.contains('backend hatchling.build, front end pyrelease')
assert log.contains('built acme_greeter-1.4.0.tar.gz and acme_greeter-1.4.0-py3-none-any.whl')
assert log.contains('PASS  dist-filename        file names of 2 distributions are valid')
assert log.contains('PASS  dist-metadata        core metadata of 2 distributions are valid')
assert log.contains('PASS  dist-record          RECORD files of acme_greeter-1.4.0-py3-none-any.whl are valid')
assert log.contains('PASS  dist-contents        contents of 2 distributions are valid')
assert log.contains('BUILD SUCCESS')

assert new File(basedir, 'target/dist/acme_greeter-1.4.0-py3-none-any.whl').isFile()
assert new File(basedir, 'target/dist/acme_greeter-1.4.0.tar.gz').isFile()

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.json'))
assert report.project.name == 'acme-greeter'
assert report.project.version == '1.4.0'
assert report.summary.failed == 0
assert report.summary.passed == 4
return true
