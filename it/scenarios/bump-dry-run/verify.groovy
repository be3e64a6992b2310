// -Dpyrelease.dryRun=true prints the diff and the git actions and changes nothing: the hash of
// every file (outside target/ and the build log) is the same as before the build.
def env = ["GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME=${basedir}",
           "PATH=${System.getenv('PATH')}"]
def git = { File dir, String... args ->
    def process = (["git"] + args.toList()).execute(env, dir)
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0 : "git ${args.join(' ')}: ${err}"
    return out.toString()
}
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease: bump acme-greeter 1.4.0 → 2.0.0 (dry run: nothing is changed)')
assert log.contains('-version = "1.4.0"')
assert log.contains('+version = "2.0.0"')
assert log.contains('would create the annotated tag v2.0.0')
assert log.contains('BUILD SUCCESS')
assert git(basedir, 'status', '--porcelain') == ''
assert git(basedir, 'tag') == ''
assert git(basedir, 'log', '--format=%s') == 'Initial commit\n'
// the hash of every file, .git included, is what it was before the build
def lines = []
basedir.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def path = basedir.toPath().relativize(f.toPath()).toString()
    if (!path.startsWith('target/') && path != 'build.log') {
        def digest = java.security.MessageDigest.getInstance('SHA-256').digest(f.bytes)
        lines << path + ' ' + digest.encodeHex()
    }
}
assert lines.sort().join('\n') == new File(basedir, 'target/hashes-before.txt').text
return true
