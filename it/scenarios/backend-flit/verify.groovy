// flit_core builds both distributions; they pass every dist rule.
def log = new File(basedir, 'build.log').text
assert log.contains('backend flit_core.buildapi, front end pyrelease')
assert log.contains('built quickmath-0.4.1.tar.gz and quickmath-0.4.1-py3-none-any.whl')
assert log.contains('PASS  dist-metadata        core metadata of 2 distributions are valid')
assert log.contains('PASS  dist-record          RECORD files of quickmath-0.4.1-py3-none-any.whl are valid')
assert log.contains('PASS  dist-contents        contents of 2 distributions are valid')
assert log.contains('BUILD SUCCESS')
return true
