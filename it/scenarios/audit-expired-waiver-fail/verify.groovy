// A waiver past its date waives nothing and is an error itself; the other, still valid, holds.
def log = new File(basedir, 'build.log').text
assert log.contains('1 rule failed: vulnerabilities')
assert log.contains("vulnerabilities: the waiver for 'PYSEC-2019-217' expired after 2025-01-31 (its reason: templates come from our own repository only)")
assert log.contains('vulnerabilities: jinja2 2.10 has PYSEC-2019-217 (CVE-2019-10906, GHSA-462w-v97r-4m45)')
assert log.contains('waived until 2099-12-31 by release-policy.yaml:7: no untrusted input reaches the urlize filter')
return true
