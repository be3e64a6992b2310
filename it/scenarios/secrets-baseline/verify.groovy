// The wheel, the sdist and the work tree still carry the revoked token, but the baseline accepts
// it by fingerprint: the build passes, and says so, without ever printing the token.
def log = new File(basedir, 'build.log').text
assert log =~ /PASS  secrets-source +no secrets in the work tree \(tracked files, and untracked ones not ignored\), \d+ files \(1 accepted by the baseline\)/
assert log =~ /PASS  secrets +no secrets in 2 distributions in target\/dist, \d+ files \(2 accepted by the baseline\)/
assert !log.contains('AgEIcHlwaS5vcmc2avhlvrUU8')
assert log.contains('BUILD SUCCESS')
return true
