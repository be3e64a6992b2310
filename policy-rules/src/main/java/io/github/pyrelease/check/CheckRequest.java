package io.github.pyrelease.check;

import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to check and where to report it.
 *
 * @param projectDir the Python project
 * @param selection which stages and rules to evaluate
 * @param outDir where report files go
 * @param formats which report files to write (none is allowed)
 * @param failOn the least severe level that fails the check
 * @param policy the policy as the user named it: a path (relative to the current directory), {@code
 *     classpath:<resource>} or {@code https://...#sha256=<hex>}; {@code null} for {@code
 *     release-policy.yaml} in the project if it exists, else the built-in default policy
 * @param network how servers are reached (indexes, git remotes); {@link Network#none()} asks none
 */
public record CheckRequest(
    Path projectDir,
    RuleSelection selection,
    Path outDir,
    Set<ReportFormat> formats,
    Level failOn,
    String policy,
    Network network) {

  public CheckRequest {
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(network, "network");
    formats = formats.isEmpty() ? Set.of() : EnumSet.copyOf(formats);
    if (failOn != Level.ERROR && failOn != Level.WARNING) {
      throw new IllegalArgumentException("failOn must be error or warning, not " + failOn.id());
    }
  }

  /** A request that asks no server, under {@code policy}. */
  public CheckRequest(
      Path projectDir,
      RuleSelection selection,
      Path outDir,
      Set<ReportFormat> formats,
      Level failOn,
      String policy) {
    this(projectDir, selection, outDir, formats, failOn, policy, Network.none());
  }

  /**
   * A request under the project's own policy file, or the built-in default policy, that asks no
   * server: network facts are "not checked: offline".
   */
  public CheckRequest(
      Path projectDir,
      RuleSelection selection,
      Path outDir,
      Set<ReportFormat> formats,
      Level failOn) {
    this(projectDir, selection, outDir, formats, failOn, null);
  }
}
