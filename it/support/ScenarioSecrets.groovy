// The secrets a scenario uses are declared in one place, its invoker.properties: the environment
// variables it gives the build (invoker.environmentVariables.<NAME>). Its scripts read them here
// rather than repeating them, and SecretSweepIT, after every scenario ran, searches all outputs
// for each of them: a secret a new scenario declares is swept without being listed anywhere else.
class ScenarioSecrets {

  /** The environment variables the scenario in {@code basedir} gives its build, by name. */
  static Map<String, String> environment(File basedir) {
    def properties = new Properties()
    new File(basedir, 'invoker.properties').withInputStream { properties.load(it) }
    def prefix = 'invoker.environmentVariables.'
    properties.stringPropertyNames().findAll { it.startsWith(prefix) }
        .collectEntries { [(it.substring(prefix.length())): properties.getProperty(it)] }
  }

  /** The value of environment variable {@code name}, which the scenario must declare. */
  static String of(File basedir, String name) {
    def value = environment(basedir)[name]
    if (value == null) {
      throw new IllegalStateException("${basedir.name}/invoker.properties declares no ${name}")
    }
    value
  }
}
