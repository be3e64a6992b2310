// No poetry-core release satisfies >=99, whether or not the machine has one installed (CI's does):
// the build error says which requirement is unmet, and the fix is one that can work in each case.
def log = new File(basedir, 'build.log').text
assert log.contains('pyrelease:build: [build-system] requires: the build requirements are not met by /usr/bin/python3 (Python 3.')
def unmet = log =~ /poetry-core>=99 \((not installed|version ([0-9][^ )]*) is installed)\)/
assert unmet.find()
def isolated = '; or build in a fresh virtual environment (-Dpyrelease.isolated=true; needs a package index)'
if (unmet.group(2) == null) {
  // Missing: Debian's package or pip.
  assert log.contains("fix: install them: apt-get install python3-poetry-core (Debian/Ubuntu), or <python> -m pip install 'poetry-core>=99'" + isolated)
} else {
  // Installed but too old: a package command cannot help, pip in a virtual environment can.
  def installed = unmet.group(2)
  assert log =~ ("fix: poetry-core " + java.util.regex.Pattern.quote(installed) + /
    is installed, too old for poetry-core>=99 \(a system package cannot change that\): install the build requirements
    into a virtual environment: \/usr\/bin\/python3 -m venv (\S+\/)?\.venv && (\S+\/)?\.venv\/bin\/python -m pip install
    'poetry-core>=99', then build with it \(-Dpyrelease\.python=(\S+\/)?\.venv\/bin\/python\)/.replaceAll(/\n\s+/, ' ')
    + java.util.regex.Pattern.quote(isolated))
  assert !log.contains('apt-get install python3-poetry-core')
}
assert log.contains('BUILD FAILURE')
return true
