// The monorepo committed in a fresh repository (this folder), as a team keeps it.
def shared = [new File(basedir, '../bump-example'), new File(basedir, '../../../../scenarios/bump-example')]
        .find { new File(it, 'support.groovy').isFile() }
evaluate(new File(shared, 'support.groovy'))
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git(basedir, 'init', '-q', '-b', 'main')
git(basedir, 'config', 'user.name', 'Example Releaser')
git(basedir, 'config', 'user.email', 'releaser@example.test')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'Initial commit')
return true
