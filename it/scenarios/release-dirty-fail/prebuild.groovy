// A repository with uncommitted work: a modified README and an untracked file.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
new File(basedir, 'README.md').text = 'acme-dirty\n'
support.commitAndPush(basedir, support.serveIndex(basedir, context))
new File(basedir, 'README.md').text = 'acme-dirty, edited after the commit\n'
new File(basedir, 'notes.txt').text = 'not committed\n'
return true
