// 1.0 and 1.0.0 are the same version spelled differently: a warning, not a failure.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] WARN  version-consistent')
assert log.contains("spells the version '1.0' and [project].version spells it '1.0.0'")
assert log.contains('BUILD SUCCESS')
return true
