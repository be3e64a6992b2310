package io.github.pyrelease.check;

import io.github.pyrelease.vuln.AdvisorySettings;
import io.github.pyrelease.vuln.AdvisorySource;
import java.util.Map;
import java.util.Objects;

/**
 * Where the {@code deps} rules find advisories.
 *
 * @param advisories where advisories are found when a rule names no database of its own
 * @param source an advisory source a front end opened itself, to read its answers afterwards, or
 *     {@code null} to open one from {@code advisories}
 */
public record AuditInputs(AdvisorySettings advisories, AdvisorySource source) {

  public AuditInputs {
    Objects.requireNonNull(advisories, "advisories");
  }

  /** Advisories from the OSV API, database indexes cached where the environment says. */
  public static AuditInputs defaults(Map<String, String> environment) {
    return new AuditInputs(AdvisorySettings.defaults(environment), null);
  }

  public static AuditInputs of(AdvisorySettings advisories) {
    return new AuditInputs(advisories, null);
  }
}
