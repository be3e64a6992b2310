// A dirty work tree is refused before anything changes, with the files and the fix.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease:bump: ')
assert log.contains('the work tree has uncommitted changes in files the bump does not change: python/README.md')
assert log.contains('fix: commit or stash them first, or allow it (-Dpyrelease.allowDirty=true)')
assert new File(basedir, 'python/pyproject.toml').text.contains('version = "1.4.0"')
return true
