// A Python project in a sub-folder, checked from an ordinary POM through pyrelease.projectDir.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease: nested-demo 0.9.1 in ')
assert log.contains('PASS  changelog-entry      CHANGELOG.md:3 has a section for 0.9.1')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/pyrelease/report.json').isFile()
return true
