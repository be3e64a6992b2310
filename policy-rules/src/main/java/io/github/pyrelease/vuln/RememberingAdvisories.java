package io.github.pyrelease.vuln;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source that keeps what it answered, so that a front end can show the audit's raw results (as
 * pip-audit's JSON does) after the rules asked, without asking a server twice.
 */
public final class RememberingAdvisories implements AdvisorySource {

  private final AdvisorySource source;
  private final Map<PackageVersion, AuditedPackage> answered = new LinkedHashMap<>();

  public RememberingAdvisories(AdvisorySource source) {
    this.source = source;
  }

  @Override
  public synchronized Map<PackageVersion, AuditedPackage> audit(
      Collection<PackageVersion> packages) {
    Map<PackageVersion, AuditedPackage> result = new LinkedHashMap<>();
    Map<PackageVersion, AuditedPackage> fresh =
        source.audit(packages.stream().filter(p -> !answered.containsKey(p)).distinct().toList());
    answered.putAll(fresh);
    for (PackageVersion pkg : packages) {
      result.put(pkg, answered.get(pkg));
    }
    return result;
  }

  @Override
  public String describe() {
    return source.describe();
  }

  /** Everything answered so far. */
  public synchronized Map<PackageVersion, AuditedPackage> answered() {
    return Map.copyOf(answered);
  }
}
