// A repository with the .pypirc committed: the work tree scan (secrets-source) reads it too.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.git(basedir, 'init', '-q', '-b', 'main')
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
support.git(basedir, 'add', '-A')
support.git(basedir, 'commit', '-q', '-m', 'accepted token')
return true
