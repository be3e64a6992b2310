// Every mistake in the policy is reported at once with file, line, column and the nearest choice.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease:check: 3 problems in the release policy:')
assert log.contains("release-policy.yaml:2:3: unknown rule 'version-consistant'; did you mean 'version-consistent'?")
assert log.contains("release-policy.yaml:3:29: 'eror' is not a level for rule 'changelog-entry'; did you mean 'error'?")
assert log.contains("release-policy.yaml:3:35: rule 'changelog-entry' has no option 'fille'; did you mean 'file'?")
assert !log.contains('Exception:')
return true
