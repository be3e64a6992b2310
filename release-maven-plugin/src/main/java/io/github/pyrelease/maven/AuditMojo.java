package io.github.pyrelease.maven;

import io.github.pyrelease.check.AuditInputs;
import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.vuln.AdvisorySettings;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates the policy's rules of stage {@code deps} on the project's dependencies (its lock file,
 * requirements files, environment or declared dependencies): known vulnerabilities, licences.
 */
@Mojo(
    name = "audit",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresProject = false,
    threadSafe = true)
public class AuditMojo extends AbstractPolicyMojo {

  /** Skips this goal only. */
  @Parameter(property = PyreleaseProperties.AUDIT_SKIP, defaultValue = "false")
  private boolean auditSkip;

  /**
   * An offline OSV database: a directory of OSV .json/.yaml records (a checkout of the PyPA
   * advisory database), OSV's PyPI/all.zip, or a .tar.gz of records. Unset: the OSV API (with
   * {@code -o}: "not checked: offline").
   */
  @Parameter(property = PyreleaseProperties.ADVISORIES)
  private File advisories;

  /** The OSV API asked when no database is given. */
  @Parameter(property = PyreleaseProperties.OSV_API, defaultValue = AdvisorySettings.OSV_API)
  private String osvApi;

  /** Where indexes of advisory databases are kept (default: ~/.cache/pyrelease/osv). */
  @Parameter(property = PyreleaseProperties.ADVISORY_CACHE)
  private File advisoryCache;

  /**
   * The package index whose JSON API is asked for the licences of pinned dependencies that no
   * installed metadata or lock file gives: an index name of {@code pyrelease.indexes} (such as
   * {@code pypi}) or a URL. Unset: none is asked; never asked offline ({@code -o}).
   */
  @Parameter(property = PyreleaseProperties.LICENSE_INDEX)
  private String licenseIndex;

  @Override
  protected String goal() {
    return "audit";
  }

  @Override
  protected boolean goalSkipped() {
    return auditSkip;
  }

  @Override
  protected CheckRequest request(CheckRequest base) {
    AdvisorySettings settings =
        AdvisorySettings.defaults(System.getenv())
            .withApi(osvApi)
            .withDatabase(advisories == null ? null : advisories.toPath());
    if (advisoryCache != null) {
      settings = new AdvisorySettings(settings.database(), settings.api(), advisoryCache.toPath());
    }
    CheckRequest request = base.withAudit(AuditInputs.of(settings));
    return licenseIndex == null || licenseIndex.isBlank()
        ? request
        : request.withInventory(request.inventoryOptions().withLicenseIndex(licenseIndex.strip()));
  }

  @Override
  protected void run() throws RulesFailedException {
    CheckResult result = evaluate(Stage.DEPS);
    failIfBroken(result);
  }
}
