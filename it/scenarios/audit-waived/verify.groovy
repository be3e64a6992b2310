// Waivers until a future date, each naming an alias of the advisory (GHSA, CVE): the audit
// passes, and the console shows each waived finding with its date, place and reason.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('vulnerabilities: jinja2 2.10 has PYSEC-2019-217 (CVE-2019-10906, GHSA-462w-v97r-4m45)')
assert log.contains('waived until 2099-12-31 by release-policy.yaml:4: templates come from our own repository only')
assert log.contains('waived until 2099-12-31 by release-policy.yaml:7: no untrusted input reaches the urlize filter')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.json'))
assert !report.failed
return true
