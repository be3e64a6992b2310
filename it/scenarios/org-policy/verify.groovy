// pyrelease.policy names the organisation's policy in a jar among the plugin's dependencies.
def log = new File(basedir, 'build.log').text
assert log =~ /pyrelease: org-ok 1\.1\.0 in .*, policy classpath:org\/acme\/release-policy\.yaml/
assert log.contains('PASS  version-consistent   both version sources declare 1.1.0')
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.json'))
assert report.policy == 'policy classpath:org/acme/release-policy.yaml'
return true
