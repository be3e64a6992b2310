// No poetry-core release satisfies >=99, whether or not the machine has one installed (CI's does):
// the build error says which requirement is unmet and what to install.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease:build: [build-system] requires: the build requirements are not met by /usr/bin/python3 (Python 3.')
assert log =~ /poetry-core>=99 \((not installed|version [0-9][^ )]* is installed)\)/
assert log.contains("fix: install them: apt-get install python3-poetry-core (Debian/Ubuntu), or <python> -m pip install 'poetry-core>=99'")
assert log.contains('BUILD FAILURE')
return true
