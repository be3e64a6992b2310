// The project's own release-policy.yaml applies: a lowered level and a rule option.
def log = new File(basedir, 'build.log').text
assert log =~ /pyrelease: local-demo 0\.3\.0 in .*, policy release-policy\.yaml/
assert log.contains('[WARNING] WARN  version-consistent   1 of 2 version sources disagree with [project].version (0.3.0)')
assert log.contains('PASS  changelog-entry      docs/CHANGES.md:3 has a section for 0.3.0')
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.json'))
assert report.policy == 'policy release-policy.yaml'
assert report.results.find { it.rule == 'version-consistent' }.level == 'warning'
return true
