// The example's repository (see bump-example/prebuild.groovy), then the hash of every file
// before the build, to compare after it.
def shared = [new File(basedir, '../bump-example'), new File(basedir, '../../../../scenarios/bump-example')]
        .find { new File(it, 'support.groovy').isFile() }
evaluate(new File(shared, 'prebuild.groovy'))
def hashes = new File(basedir, 'target/hashes-before.txt')
hashes.parentFile.mkdirs()
hashes.text = treeHashes(basedir)
return true
