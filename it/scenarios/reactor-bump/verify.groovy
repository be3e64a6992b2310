// One commit holds every module's release; each package has its own tag on it; the second,
// changed-only bump found nothing changed since those tags and changed nothing.
def shared = [new File(basedir, '../bump-example'), new File(basedir, '../../../../scenarios/bump-example')]
        .find { new File(it, 'support.groovy').isFile() }
evaluate(new File(shared, 'support.groovy'))
def log = new File(basedir, 'build.log').text
assert git(basedir, 'log', '--format=%s') ==
    'Release acme-core 1.3.0, acme-util 0.5.0, acme-app 2.1.0\nInitial commit\n'
assert git(basedir, 'show', '--name-only', '--format=', 'HEAD').readLines().sort() == [
    'app/CHANGELOG.md', 'app/pyproject.toml', 'app/src/acme_app/__init__.py',
    'core/CHANGELOG.md', 'core/pyproject.toml', 'core/src/acme_core/__init__.py',
    'util/CHANGELOG.md', 'util/pyproject.toml', 'util/src/acme_util/__init__.py']
assert git(basedir, 'tag', '--points-at', 'HEAD').readLines() ==
    ['acme-app-v2.1.0', 'acme-core-v1.3.0', 'acme-util-v0.5.0']
assert git(basedir, 'status', '--porcelain') == ''
assert new File(basedir, 'util/pyproject.toml').text.contains('version = "0.5.0"')
assert new File(basedir, 'util/src/acme_util/__init__.py').text.contains('__version__ = "0.5.0"')
assert log.contains('pyrelease: bump 3 package(s) in one commit')
assert log.contains('no package to bump: acme-core (unchanged since acme-core-v1.3.0), acme-util' +
    ' (unchanged since acme-util-v0.5.0), acme-app (unchanged since acme-app-v2.1.0)')
return true
