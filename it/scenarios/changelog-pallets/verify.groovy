// A dev version is covered by its release's section marked "Unreleased", the Pallets layout.
def log = new File(basedir, 'build.log').text
assert log.contains('PASS  changelog-entry      CHANGES.md:3 has the section of 8.5.0, marked unreleased (line 5), for the development version 8.5.0.dev0')
assert log.contains('BUILD SUCCESS')
return true
