// After acme-core's bump to 2.0.0, the dependant that pins acme-core<2 fails monorepo-pins with
// both places named, the one whose requirement admits 2.0.0 passes, and acme-core itself, which
// requires no sibling, has nothing to check.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'core/pyproject.toml').text.contains('version = "2.0.0"')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.contains("FAIL  monorepo-pins        1 of 2 requirements on siblings refuse the version the sibling declares")
assert log.contains("'acme-core>=1.2,<2' does not admit acme-core 2.0.0, the version ../core/pyproject.toml declares")
assert log.contains("pyproject.toml:12: requires 'acme-core>=1.2,<2'")
assert log.contains('../core/pyproject.toml: acme-core declares 2.0.0')
assert log.contains('BUILD FAILURE')

def report = { dir -> new groovy.json.JsonSlurper().parse(new File(basedir, "$dir/target/pyrelease/report.json")) }
def pins = { dir -> report(dir).results.find { it.rule == 'monorepo-pins' } }
assert pins('app').outcome == 'failed'
assert pins('util').outcome == 'passed'
assert pins('util').summary == '1 requirement on a sibling admits its declared version: acme-core>=1.2'
assert pins('core').outcome == 'skipped'
return true
