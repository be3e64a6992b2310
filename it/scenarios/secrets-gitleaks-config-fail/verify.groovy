// The project's .gitleaks.toml adds a rule to the built-in ones: its token in a packaged file
// fails the build under that rule's id, ahead of the generic assignment rule.
def log = new File(basedir, 'build.log').text
assert log.contains('secrets: target/dist/team_rules-0.1.0-py3-none-any.whl!team_rules/deploy.cfg:3 holds an ACME deploy token (acme-deploy-token): acme***')
assert !log.contains('generic-')
assert log.contains('BUILD FAILURE')
return true
