// -Dpyrelease.frontend=build hands the build to python -m build; its output streams into the log.
def log = new File(basedir, 'build.log').text
assert log.contains('front end build')
assert log =~ /running \/usr\/bin\/python3 -m build --outdir \S+target\/dist --no-isolation/
assert log.contains('Successfully built hellobuild-1.0.0.tar.gz and hellobuild-1.0.0-py3-none-any.whl')
assert log.contains('PASS  dist-metadata        core metadata of 2 distributions are valid')
assert log.contains('BUILD SUCCESS')
return true
