// A project that never kept a changelog gets a warning saying how to start one, not a failure.
def log = new File(basedir, 'build.log').text
assert log =~ /WARN  changelog-entry +no changelog/
assert log.contains("start CHANGELOG.md with '# Changelog' and a section '## [4.0.0] - <date>' listing the changes")
assert log.contains('BUILD SUCCESS')
return true
