// With no interpreter named, the build chose the project's .venv, said which and why, and built;
// named, python3 (the PATH's, bare) was used as given and its build failed with what it lacks.
def log = new File(basedir, 'build.log').text
def first = log.substring(0, log.indexOf('BUILD SUCCESS'))
assert first =~ /\[INFO\] Python: \.venv\/bin\/python \(3\.\d+\.\d+\): has flit_core \S+, meets requires-python >=3\.8/
assert first.contains("at ${basedir}/.venv/bin/python, backend flit_core.buildapi, front end pyrelease")
assert first.contains('built quickmath-0.4.1.tar.gz and quickmath-0.4.1-py3-none-any.whl')
def second = log.substring(log.indexOf('BUILD SUCCESS'))
assert !second.contains('Python: .venv')
assert second.contains("[build-system] requires: the build requirements are not met by ${basedir}/target/path-bin/python3 (Python 3.")
assert second.contains("flit_core >=3.2,<4 (not installed)")
assert second.contains('BUILD FAILURE')
return true
