// A .env file inside the package is built into the wheel and the sdist; dist-contents names it
// in both, with the pattern it matched, and never prints its content.
def log = new File(basedir, 'build.log').text
assert log.contains("dist-contents: leaky_config/.env in leaky_config-0.2.0-py3-none-any.whl matches the forbidden pattern '**/.env' (dist-contents option forbid)")
assert log.contains("dist-contents: leaky_config-0.2.0/src/leaky_config/.env in leaky_config-0.2.0.tar.gz matches the forbidden pattern '**/.env' (dist-contents option forbid)")
assert !log.contains('EXAMPLE_SETTING')
assert log.contains('BUILD FAILURE')
return true
