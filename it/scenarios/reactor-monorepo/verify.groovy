// A reactor of three Python packages built with -T 2: every module is checked and built in its own
// directory, with its own reports and distributions, and no goal is flagged as unsafe in parallel.
def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert !log.contains('not marked as thread-safe')
assert log.contains('BUILD SUCCESS')

def modules = [core: ['acme-core', '1.2.0'], util: ['acme-util', '0.4.0'], app: ['acme-app', '2.0.0']]
modules.each { dir, nameAndVersion ->
  def (name, version) = nameAndVersion
  def file = name.replace('-', '_')
  def report = new groovy.json.JsonSlurper().parse(new File(basedir, "$dir/target/pyrelease/report.json"))
  assert report.project.name == name
  assert report.project.version == version
  assert report.summary.failed == 0
  assert report.results*.rule.containsAll(['version-pep440', 'version-consistent', 'changelog-entry',
      'monorepo-pins', 'dist-filename', 'dist-metadata', 'dist-record', 'dist-contents', 'vulnerabilities'])
  assert new File(basedir, "$dir/target/dist").list().sort() ==
      ["${file}-${version}-py3-none-any.whl", "${file}-${version}.tar.gz"]*.toString()
  assert log.contains("built ${file}-${version}.tar.gz and ${file}-${version}-py3-none-any.whl")
  assert log =~ /(?m)^\[INFO\] $name \Q$version\E \.+ SUCCESS/
}
def pins = { dir -> new groovy.json.JsonSlurper().parse(new File(basedir, "$dir/target/pyrelease/report.json")).results.find { it.rule == 'monorepo-pins' } }
assert pins('app').summary == '2 requirements on siblings admit their declared versions: acme-core>=1.2,<2, acme-util~=0.4'
assert pins('util').outcome == 'passed'
assert pins('core').outcome == 'skipped'
return true
