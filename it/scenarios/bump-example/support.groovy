// Shared by the bump scenarios (evaluated into their binding): git without the machine's
// configuration, failing with git's own message; the bundled example's folder; tree hashes.
gitEnv = ["GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME=${basedir}",
          "PATH=${System.getenv('PATH')}"]
git = { File dir, String... args ->
    def process = (["git"] + args.toList()).execute(gitEnv, dir)
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0 : "git ${args.join(' ')}: ${err}"
    return out.toString()
}
// the bundled example and this folder: cloned beside the scenarios, or in it/ itself when only
// some scenarios are cloned
itDir = [new File(basedir, '../..'), new File(basedir, '../../../..')]
        .collect { it.canonicalFile }.find { new File(it, 'example/pyproject.toml').isFile() }
// treeHashes(dir): "path sha256" of every file (.git included) but target/ and the build log.
treeHashes = { File root ->
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
return true
