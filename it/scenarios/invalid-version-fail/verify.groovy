// An invalid version fails with the reason, the place and the PEP 440 spelling to use.
def log = new File(basedir, 'build.log').text
assert log.contains('1 rule failed: version-pep440')
assert log.contains("version-pep440: '1.0.0-SNAPSHOT' in [project].version is not a PEP 440 version: ")
assert log.contains("  pyproject.toml:4: [project].version = '1.0.0-SNAPSHOT'")
assert log.contains('(here: 1.0.0.dev0)')
return true
