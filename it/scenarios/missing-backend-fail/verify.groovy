// poetry-core is not installed for the interpreter: the build error says what to install.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease:build: [build-system] requires: the build requirements are not met by /usr/bin/python3 (Python 3.')
assert log.contains('poetry-core>=1.9 (not installed)')
assert log.contains("fix: install them: apt-get install python3-poetry-core (Debian/Ubuntu), or <python> -m pip install 'poetry-core>=1.9'")
assert log.contains('BUILD FAILURE')
return true
