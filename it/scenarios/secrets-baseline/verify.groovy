// The wheel and the sdist still carry the revoked token, but the baseline accepts it by
// fingerprint: the build passes, and says so, without ever printing the token.
def log = new File(basedir, 'build.log').text
assert log.contains('secrets: no secrets in ')
assert log.contains('(2 accepted by the baseline)')
assert !log.contains('AgEIcHlwaS5vcmc2avhlvrUU8')
assert log.contains('BUILD SUCCESS')
return true
