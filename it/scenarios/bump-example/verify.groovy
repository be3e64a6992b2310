// pyrelease:bump on a copy of the bundled example: every version file, the changelog, a commit,
// an annotated tag and a push to the bare origin, checked with the git command line.
evaluate(new File(basedir, 'support.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease: bump acme-greeter 1.4.0 → 1.5.0')
assert log.contains('pushed main and v1.5.0 to origin')
assert log.contains('BUILD SUCCESS')

def python = new File(basedir, 'python')
assert new File(python, 'pyproject.toml').text.contains('version = "1.5.0"')
assert new File(python, 'src/acme_greeter/__init__.py').text.contains('__version__ = "1.5.0"')
def today = java.time.LocalDate.now().toString()
def changelog = new File(python, 'CHANGELOG.md').text
assert changelog.contains("## [Unreleased]\n\n## [1.5.0] - ${today}\n\n## [1.4.0] - 2026-11-20")
assert changelog.contains('[Unreleased]: https://github.com/acme/acme-greeter/compare/v1.5.0...HEAD\n' +
        '[1.5.0]: https://github.com/acme/acme-greeter/compare/v1.4.0...v1.5.0\n')

assert git(basedir, 'status', '--porcelain') == ''
assert git(basedir, 'log', '-1', '--format=%s|%an') == 'Release 1.5.0|Example Releaser\n'
assert git(basedir, 'show', '--name-only', '--format=', 'HEAD').readLines().sort() ==
        ['python/CHANGELOG.md', 'python/pyproject.toml', 'python/src/acme_greeter/__init__.py']
assert git(basedir, 'tag', '-n') == 'v1.5.0          Release 1.5.0\n'
assert git(basedir, 'cat-file', '-t', 'v1.5.0').trim() == 'tag'
def origin = new File(basedir, 'origin.git')
assert git(origin, 'rev-parse', 'main') == git(basedir, 'rev-parse', 'HEAD')
assert git(origin, 'cat-file', '-t', 'v1.5.0').trim() == 'tag'
return true
