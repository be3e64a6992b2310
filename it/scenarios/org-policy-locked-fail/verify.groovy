// An organisation policy from a jar among the plugin's dependencies locks a rule; lowering it is
// a configuration error that names both files, not a silent override.
def log = new File(basedir, 'build.log').text
assert log.contains("pyrelease:check: release-policy.yaml:3:23: rule 'version-consistent' is locked at level error by classpath:org/acme/release-policy.yaml:5:47; release-policy.yaml may raise its level but not lower it to warning")
assert log.contains("fix: remove 'version-consistent: warning' from release-policy.yaml, or ask the owners of classpath:org/acme/release-policy.yaml to change it there")
assert !log.contains('rule failed')
assert !log.contains('Exception:')
assert !new File(basedir, 'target/pyrelease').exists()
return true
