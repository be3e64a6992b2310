// A token committed, then deleted in the next commit: the work tree is clean, the history is not.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.git(basedir, 'init', '-q', '-b', 'main')
new File(basedir, '.gitignore').text = 'target/\nbuild.log\nrun-secrets.txt\n'
def random = new Random(13)
def alphabet = (('0'..'9') + ('A'..'Z') + ('a'..'z')).join()
def token = 'ghp_' + (1..36).collect { alphabet[random.nextInt(alphabet.length())] }.join()
// recorded where SecretSweepIT finds the secrets a scenario makes as it runs
new File(basedir, 'run-secrets.txt').text = token + '\n'
new File(basedir, 'deploy.sh').text = "#!/bin/sh\nexport GH_TOKEN=${token}\n"
support.git(basedir, 'add', '-A')
support.git(basedir, 'commit', '-q', '-m', 'deploy script')
support.git(basedir, 'rm', '-q', 'deploy.sh')
support.git(basedir, 'commit', '-q', '-m', 'remove the token')
return true
