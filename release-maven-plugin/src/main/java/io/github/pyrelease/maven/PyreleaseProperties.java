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
  static final String PYTHON = "pyrelease.python";
  static final String DIST_DIRECTORY = "pyrelease.distDirectory";
  static final String FRONTEND = "pyrelease.frontend";
  static final String ISOLATED = "pyrelease.isolated";
  static final String BUILD_TIMEOUT = "pyrelease.buildTimeout";
  static final String ATTACH = "pyrelease.attach";
  static final String POLICY = "pyrelease.policy";
  static final String POLICY_CACHE = "pyrelease.policyCache";
  static final String CONNECT_TIMEOUT = "pyrelease.connectTimeout";
  static final String READ_TIMEOUT = "pyrelease.readTimeout";
  static final String HTTP_ATTEMPTS = "pyrelease.httpAttempts";
  static final String INDEXES = "pyrelease.indexes";
  static final String PUBLISH_SKIP = "pyrelease.publish.skip";
  static final String AUDIT_SKIP = "pyrelease.audit.skip";
  static final String ADVISORIES = "pyrelease.advisories";
  static final String OSV_API = "pyrelease.osvApi";
  static final String ADVISORY_CACHE = "pyrelease.advisoryCache";
  static final String LICENSE_INDEX = "pyrelease.licenseIndex";
  static final String APPROVE = "pyrelease.approve";
  static final String PYPIRC = "pyrelease.pypirc";
  static final String BUMP = "pyrelease.bump";
  static final String BUMP_CHANGED_ONLY = "pyrelease.bump.changedOnly";
  static final String NEW_VERSION = "pyrelease.newVersion";
  static final String PRE_KIND = "pyrelease.preKind";
  static final String FORCE = "pyrelease.force";
  static final String COMMIT = "pyrelease.commit";
  static final String TAG = "pyrelease.tag";
  static final String PUSH = "pyrelease.push";
  static final String DRY_RUN = "pyrelease.dryRun";
  static final String CREATE_CHANGELOG = "pyrelease.createChangelog";
  static final String ALLOW_DIRTY = "pyrelease.allowDirty";
  static final String TAG_FORMAT = "pyrelease.tagFormat";
  static final String COMMIT_MESSAGE = "pyrelease.commitMessage";
  static final String PUSH_SERVER = "pyrelease.pushServer";

  private PyreleaseProperties() {}

  /** The property that skips one goal, such as {@code pyrelease.check.skip}. */
  static String goalSkip(String goal) {
    return PREFIX + goal + ".skip";
  }
}
