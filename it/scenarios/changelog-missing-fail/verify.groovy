// Releasing 3.0.0 without a changelog section for it fails and says which section to rename.
def log = new File(basedir, 'build.log').text
assert log.contains('1 rule failed: changelog-entry')
assert log.contains("changelog-entry: CHANGELOG.md has no section for version 3.0.0; its newest section is '[Unreleased]'")
assert log.contains("  fix: rename the Unreleased section at CHANGELOG.md:3 to '## [3.0.0] - <date>' and add a new empty Unreleased section above it")
return true
