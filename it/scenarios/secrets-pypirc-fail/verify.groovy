// A .pypirc with an upload token is built into the wheel: the secrets rule names the member, the
// line and the rule, and shows only the token's first characters.
def log = new File(basedir, 'build.log').text
assert log.contains('secrets: target/dist/leaky_token-0.1.0-py3-none-any.whl!leaky_token/.pypirc:3 holds a PyPI API token (upload token for pypi.org) (pypi-token): pypi***')
assert log.contains('secrets: target/dist/leaky_token-0.1.0.tar.gz!leaky_token-0.1.0/src/leaky_token/.pypirc:3 holds a PyPI API token')
assert !log.contains('AgEIcHlwaS5vcmc2avhlvrUU8')
assert log.contains('BUILD FAILURE')
return true
