// setuptools builds the sdist, then the wheel from it; both pass every dist rule, the
// reStructuredText README included (decided by pyrelease's own check, no Python needed).
def log = new File(basedir, 'build.log').text
assert log.contains('backend setuptools.build_meta, front end pyrelease')
assert log.contains('built tidytables-2.3.0.tar.gz and tidytables-2.3.0-py3-none-any.whl')
assert log.contains('PASS  dist-filename        file names of 2 distributions are valid')
assert log.contains('PASS  dist-metadata        core metadata of 2 distributions are valid')
assert log.contains('PASS  dist-record          RECORD files of tidytables-2.3.0-py3-none-any.whl are valid')
assert log.contains('PASS  dist-contents        contents of 2 distributions are valid')
assert new File(basedir, 'target/dist/tidytables-2.3.0-py3-none-any.whl').isFile()
assert new File(basedir, 'target/dist/tidytables-2.3.0.tar.gz').isFile()
assert log.contains('BUILD SUCCESS')
return true
