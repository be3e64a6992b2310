// The edited module no longer matches RECORD: dist-record names the file, both hashes and sizes.
def log = new File(basedir, 'build.log').text
assert log.contains('FAIL  dist-record')
assert log =~ /dist-record: tampered\/__init__\.py does not match its RECORD hash: RECORD says sha256=\S+, the file has sha256=\S+/
assert log.contains("dist-record: tampered/__init__.py is 35 bytes but RECORD says '22'")
assert log.contains('BUILD FAILURE')
return true
