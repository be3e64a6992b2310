// A git repository whose last tag, v1.2.0, is 3 commits behind HEAD.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.git(basedir, 'init', '-q', '-b', 'main')
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
support.git(basedir, 'add', '-A')
support.git(basedir, 'commit', '-q', '-m', 'Release 1.2.0')
support.git(basedir, 'tag', '-a', 'v1.2.0', '-m', 'scm-demo 1.2.0')
(1..3).each { support.git(basedir, 'commit', '-q', '--allow-empty', '-m', "change ${it}") }
return true
