// A version mismatch fails the build, naming both files, lines and values, and the fix.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] FAIL  version-consistent   1 of 2 version sources disagree with [project].version (2.1.0)')
assert log.contains('1 rule failed: version-consistent')
assert log.contains('version-consistent: __version__ declares 2.0.3 but [project].version declares 2.1.0')
assert log.contains("  pyproject.toml:7: [project].version = '2.1.0'")
assert log.contains("  src/mismatch_demo/__init__.py:3: __version__ = '2.0.3'")
assert log.contains("  fix: change src/mismatch_demo/__init__.py:3 to '2.1.0'")
assert log.contains('BUILD FAILURE')
return true
