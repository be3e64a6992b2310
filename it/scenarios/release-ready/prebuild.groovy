// A clean repository on main, synced with origin, with the release tag on HEAD pushed too.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.commitAndPush(basedir, support.serveIndex(basedir, context))
support.git(basedir, 'tag', '-a', 'v1.0.0', '-m', 'acme-ready 1.0.0')
support.git(basedir, 'push', '-q', 'origin', 'v1.0.0')
return true
