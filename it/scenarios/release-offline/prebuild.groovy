// A clean repository released with mvn -o: remotes and the index are left alone.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.commitAndPush(basedir, support.serveIndex(basedir, context))
return true
