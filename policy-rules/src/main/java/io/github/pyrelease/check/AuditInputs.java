package io.github.pyrelease.check;

import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.vuln.AdvisorySettings;
import io.github.pyrelease.vuln.AdvisorySource;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code deps} rules audit and against what.
 *
 * @param advisories where advisories are found when a rule names no database of its own
 * @param inventory the dependencies a front end has read itself (such as {@code pyrelease audit -r
 *     FILE}), or {@code null} for the project's own inventory
 * @param source an advisory source a front end opened itself, to read its answers afterwards, or
 *     {@code null} to open one from {@code advisories}
 */
public record AuditInputs(
    AdvisorySettings advisories, DependencyInventory inventory, AdvisorySource source) {

  public AuditInputs {
    Objects.requireNonNull(advisories, "advisories");
  }

  /** The project's own inventory, advisories from the OSV API. */
  public static AuditInputs defaults(Map<String, String> environment) {
    return new AuditInputs(AdvisorySettings.defaults(environment), null, null);
  }

  public static AuditInputs of(AdvisorySettings advisories) {
    return new AuditInputs(advisories, null, null);
  }
}
