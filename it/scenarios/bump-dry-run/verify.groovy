// -Dpyrelease.dryRun=true prints the diff and the git actions and changes nothing: the hash of
// every file (outside target/ and the build log) is the same as before the build.
def shared = [new File(basedir, '../bump-example'), new File(basedir, '../../../../scenarios/bump-example')]
        .find { new File(it, 'support.groovy').isFile() }
evaluate(new File(shared, 'support.groovy'))
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
assert treeHashes(basedir) == new File(basedir, 'target/hashes-before.txt').text
return true
