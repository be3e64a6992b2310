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
 * @param distDir the built distributions the {@code dist} rules check; {@code null} looks in {@code
 *     target/dist}, then {@code dist/}, under the project
 * @param python the interpreter that may run readme_renderer for markup pyrelease cannot decide
 *     itself, or {@code null} for none
 * @param audit what the {@code deps} rules audit and where advisories come from
 */
public record CheckRequest(
    Path projectDir,
    RuleSelection selection,
    Path outDir,
    Set<ReportFormat> formats,
    Level failOn,
    String policy,
    Network network,
    Path distDir,
    String python,
    AuditInputs audit) {

  public CheckRequest {
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(network, "network");
    formats = formats.isEmpty() ? Set.of() : EnumSet.copyOf(formats);
    if (failOn != Level.ERROR && failOn != Level.WARNING) {
      throw new IllegalArgumentException("failOn must be error or warning, not " + failOn.id());
    }
  }

  /** A request that finds advisories as the environment's defaults say (the OSV API). */
  public CheckRequest(
      Path projectDir,
      RuleSelection selection,
      Path outDir,
      Set<ReportFormat> formats,
      Level failOn,
      String policy,
      Network network,
      Path distDir,
      String python) {
    this(
        projectDir,
        selection,
        outDir,
        formats,
        failOn,
        policy,
        network,
        distDir,
        python,
        AuditInputs.defaults(System.getenv()));
  }

  /** This request auditing as {@code inputs} say. */
  public CheckRequest withAudit(AuditInputs inputs) {
    return new CheckRequest(
        projectDir, selection, outDir, formats, failOn, policy, network, distDir, python, inputs);
  }

  /** A request with the default dist directory and no interpreter for readme_renderer. */
  public CheckRequest(
      Path projectDir,
      RuleSelection selection,
      Path outDir,
      Set<ReportFormat> formats,
      Level failOn,
      String policy,
      Network network) {
    this(projectDir, selection, outDir, formats, failOn, policy, network, null, null);
  }

  /** A request that asks no server, with the given distributions and interpreter. */
  public CheckRequest(
      Path projectDir,
      RuleSelection selection,
      Path outDir,
      Set<ReportFormat> formats,
      Level failOn,
      String policy,
      Path distDir,
      String python) {
    this(projectDir, selection, outDir, formats, failOn, policy, Network.none(), distDir, python);
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

  /** The dist directory to read: the one given, else target/dist, else dist/ if it exists. */
  public Path distributions() {
    if (distDir != null) {
      return distDir;
    }
    Path target = projectDir.resolve("target").resolve("dist");
    Path plain = projectDir.resolve("dist");
    return java.nio.file.Files.isDirectory(target) || !java.nio.file.Files.isDirectory(plain)
        ? target
        : plain;
  }
}
