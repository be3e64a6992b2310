// A GPL-3.0-only dependency (its installed METADATA says so) fails the audit under a deny list,
// naming the package, the licence and where it is pinned; an ambiguous classifier (BSD License)
// is settled by an override. The audit still writes the SBOM of what it audited, valid CycloneDX.
def log = new File(basedir, 'build.log').text
assert log.contains('1 rule failed: licenses')
assert log.contains('licenses: gplthing 2.0 is licensed GPL-3.0-only (License-Expression), which the policy does not accept: GPL-3.0-only is denied')
assert log.contains('  requirements.txt:2: gplthing==2.0')
assert !log.contains('idna 3.10: licence unknown')
assert log =~ /PASS  project-license +the project is licensed MIT/
def sbom = new File(basedir, 'target/pyrelease/sbom.json')
assert sbom.isFile()
def errors = new org.cyclonedx.parsers.JsonParser().validate(sbom, org.cyclonedx.Version.VERSION_16)
assert errors.isEmpty() : errors
def bom = new groovy.json.JsonSlurper().parse(sbom)
assert bom.metadata.component.purl == 'pkg:pypi/licence-demo@1.0.0'
assert bom.components*.purl == ['pkg:pypi/gplthing@2.0', 'pkg:pypi/idna@3.10']
assert bom.components[0].licenses[0].expression == 'GPL-3.0-only'
return true
