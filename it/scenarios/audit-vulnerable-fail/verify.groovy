// A pinned Jinja2 2.10 has two real advisories of the PyPA database (it/support/osv): the audit
// fails, naming each advisory with its aliases, where it is pinned, the fixed version and the
// smallest upgrade that fixes both.
def log = new File(basedir, 'build.log').text
assert log.contains('1 rule failed: vulnerabilities')
assert log.contains('vulnerabilities: jinja2 2.10 has PYSEC-2019-217 (CVE-2019-10906, GHSA-462w-v97r-4m45): In Pallets Jinja before 2.10.1, str.format_map allows a sandbox escape.')
assert log.contains('vulnerabilities: jinja2 2.10 has PYSEC-2021-66 (CVE-2020-28493, GHSA-g3rq-g295-4j3m, SNYK-PYTHON-JINJA2-1012994)')
assert log.contains('  severity not stated; fixed in 2.10.1')
assert log.contains('  requirements.txt:2: Jinja2==2.10')
assert log.contains('  fix: upgrade jinja2 to 2.11.3 or later (the smallest version that fixes every known advisory of jinja2)')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pyrelease/report.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId.containsAll(['PYSEC-2019-217', 'PYSEC-2021-66'])
def rules = sarif.runs[0].tool.driver.rules
assert results.every { rules[it.ruleIndex].id == it.ruleId }
return true
