// A copy of the bundled example in python/, committed in a fresh repository whose origin is a
// bare repository (origin.git) on the file system. Git runs without the machine's configuration.
def env = ["GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME=${basedir}",
           "PATH=${System.getenv('PATH')}"]
def git = { File dir, String... args ->
    def process = (["git"] + args.toList()).execute(env, dir)
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0 : "git ${args.join(' ')}: ${err}"
    return out.toString()
}
def treeHashes(File root) {
    def lines = []
    root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def path = root.toPath().relativize(f.toPath()).toString()
        if (!path.startsWith('target/') && path != 'build.log') {
            def digest = java.security.MessageDigest.getInstance('SHA-256').digest(f.bytes)
            lines << path + ' ' + digest.encodeHex()
        }
    }
    return lines.sort().join('\n')
}
// the bundled example: cloned beside the scenarios, or in it/ itself when only some are cloned
def example = [new File(basedir, '../../example'), new File(basedir, '../../../../example')]
        .collect { it.canonicalFile }.find { new File(it, 'pyproject.toml').isFile() }
def python = new File(basedir, 'python')
['pyproject.toml', 'README.md', 'CHANGELOG.md', 'src/acme_greeter/__init__.py'].each { name ->
    def target = new File(python, name)
    target.parentFile.mkdirs()
    target.bytes = new File(example, name).bytes
}
new File(basedir, '.gitignore').text = 'target/\nbuild.log\norigin.git/\n'
git(basedir, 'init', '-q', '-b', 'main')
git(basedir, 'config', 'user.name', 'Example Releaser')
git(basedir, 'config', 'user.email', 'releaser@example.test')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'Initial commit')
git(basedir, 'init', '-q', '--bare', '-b', 'main', 'origin.git')
git(basedir, 'remote', 'add', 'origin', new File(basedir, 'origin.git').path)
git(basedir, 'push', '-q', '-u', 'origin', 'main')
// the hash of every file before the build, to compare after it
def hashes = new File(basedir, 'target/hashes-before.txt')
hashes.parentFile.mkdirs()
hashes.text = treeHashes(basedir)
return true
