// A copy of the bundled example in python/, committed in a fresh repository (this folder) whose
// origin is a bare repository (origin.git) on the file system. Other bump scenarios run it too.
def shared = [new File(basedir, '../bump-example'), new File(basedir, '../../../../scenarios/bump-example')]
        .find { new File(it, 'support.groovy').isFile() }
evaluate(new File(shared, 'support.groovy'))
def example = new File(itDir, 'example')
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
return true
