// With pyrelease.failOn=warning the same spelling difference fails the build.
def log = new File(basedir, 'build.log').text
assert log.contains('1 rule failed: version-consistent')
assert log.contains('BUILD FAILURE')
return true
