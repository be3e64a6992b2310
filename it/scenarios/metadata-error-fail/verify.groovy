// Debian's hatchling 1.12 writes a PEP 639 License-Expression into Metadata-Version 2.1
// metadata, which PyPI refuses; check-dist says so for both files, with the field's line.
def log = new File(basedir, 'build.log').text
assert log.contains('FAIL  dist-metadata')
assert log.contains('dist-metadata: License-Expression was introduced in metadata version 2.4, not 2.1')
assert log =~ /target\/dist\/early_license-1\.0\.0-py3-none-any\.whl!early_license-1\.0\.0\.dist-info\/METADATA:\d+: License-Expression: MIT/
assert log =~ /target\/dist\/early_license-1\.0\.0\.tar\.gz!early_license-1\.0\.0\/PKG-INFO:\d+: License-Expression: MIT/
assert log.contains('BUILD FAILURE')
return true
