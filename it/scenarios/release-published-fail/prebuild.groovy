// A clean repository whose version the (loopback) index already has.
def support = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ReleaseRepository.groovy'))
support.commitAndPush(basedir, support.serveIndex(basedir, context))
return true
