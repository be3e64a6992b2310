// mvn install carries the wheel (the main artifact of packaging python) and the attached sdist
// into the local repository, byte for byte.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def repo = new File(localRepositoryPath, 'org/example/it/install-artifacts/1')
def wheel = new File(repo, 'install-artifacts-1.whl')
def sdist = new File(repo, 'install-artifacts-1.tar.gz')
assert wheel.isFile() : "no wheel in ${repo}: ${repo.list()}"
assert sdist.isFile() : "no sdist in ${repo}: ${repo.list()}"
assert wheel.bytes == new File(basedir, 'target/dist/shipped_widget-3.1.0-py3-none-any.whl').bytes
assert sdist.bytes == new File(basedir, 'target/dist/shipped_widget-3.1.0.tar.gz').bytes
assert new File(repo, 'install-artifacts-1.pom').isFile()
return true
