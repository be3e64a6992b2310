// A version computed from git tags is computed as setuptools_scm computes it (3 commits after
// v1.2.0: 1.2.1.dev3+g<node>), and the source rules check it.
def log = new File(basedir, 'build.log').text
assert log =~ /PASS  version-pep440 +the version source holds a normalised PEP 440 version/
assert log =~ /PASS  version-consistent +one version source: setuptools_scm \(version from git tags: v1\.2\.0-3-g[0-9a-f]{7}\) = 1\.2\.1\.dev3\+g[0-9a-f]{7}/
assert log =~ /PASS  changelog-entry +CHANGELOG\.md:3 has an Unreleased section for the development version 1\.2\.1\.dev3\+g[0-9a-f]{7}/
assert log.contains('BUILD SUCCESS')
return true
