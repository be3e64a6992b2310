// history: true finds the token in the blob of the deleted deploy.sh, names the commit, and the
// build fails at validate; the token itself is never printed.
def log = new File(basedir, 'build.log').text
def token = new File(basedir, 'run-secrets.txt').text.strip()
assert log =~ /secrets-source: deploy\.sh:2 in commit [0-9a-f]{12} holds a GitHub personal access token \(classic\) \(github-pat\): ghp_\*\*\*/
assert log.contains('the git history (2 commits, ')
assert !log.contains(token.substring(4))
assert log.contains('BUILD FAILURE')
return true
