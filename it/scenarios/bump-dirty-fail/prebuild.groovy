// The example's repository (see bump-example/prebuild.groovy), then an uncommitted change to a
// file the bump would not change.
def shared = [new File(basedir, '../bump-example'), new File(basedir, '../../../../scenarios/bump-example')]
        .find { new File(it, 'support.groovy').isFile() }
evaluate(new File(shared, 'prebuild.groovy'))
new File(basedir, 'python/README.md').text += '\nLocal notes.\n'
return true
