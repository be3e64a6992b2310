package io.github.pyrelease.maven;

/** Every user property the goals read, in one place so names never drift apart. */
final class PyreleaseProperties {

  static final String PREFIX = "pyrelease.";
  static final String SKIP = "pyrelease.skip";
  static final String PROJECT_DIR = "pyrelease.projectDir";
  static final String REPORT_FORMATS = "pyrelease.reportFormats";
  static final String FAIL_ON = "pyrelease.failOn";
  static final String RULES = "pyrelease.rules";
  static final String OUTPUT_DIRECTORY = "pyrelease.outputDirectory";
  static final String POLICY = "pyrelease.policy";
  static final String POLICY_CACHE = "pyrelease.policyCache";
  static final String CONNECT_TIMEOUT = "pyrelease.connectTimeout";
  static final String READ_TIMEOUT = "pyrelease.readTimeout";
  static final String HTTP_ATTEMPTS = "pyrelease.httpAttempts";
  static final String INDEXES = "pyrelease.indexes";
  static final String PUBLISH_SKIP = "pyrelease.publish.skip";

  private PyreleaseProperties() {}

  /** The property that skips one goal, such as {@code pyrelease.check.skip}. */
  static String goalSkip(String goal) {
    return PREFIX + goal + ".skip";
  }
}
