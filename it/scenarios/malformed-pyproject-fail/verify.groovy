// Malformed TOML is a build error (not a rule failure) that names the file and line.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease:check: pyproject.toml:3:17: pyproject.toml is not valid TOML')
assert log.contains('fix: correct the TOML syntax at that line')
assert !log.contains('rule failed')
assert !log.contains('Exception:')  // no stack trace, only the explanation
return true
