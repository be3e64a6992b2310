package io.github.pyrelease.check;

import io.github.pyrelease.inventory.InventoryOptions;
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
 * @param inventory where the {@code deps} rules read the dependencies from, or {@code null} to look
 *     in the project (and the environment of {@code python} when it is a virtual environment's)
 * @param audit where the {@code deps} rules find advisories
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
    InventoryOptions inventory,
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

  /**
   * A request whose dependencies are looked for in the project, with advisories found as the
   * environment's defaults say (the OSV API).
   */
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
        null,
        AuditInputs.defaults(System.getenv()));
  }

  /** This request with the dependencies read as {@code options} say. */
  public CheckRequest withInventory(InventoryOptions options) {
    return new CheckRequest(
        projectDir,
        selection,
        outDir,
        formats,
        failOn,
        policy,
        network,
        distDir,
        python,
        options,
        audit);
  }

  /** This request finding advisories as {@code inputs} say. */
  public CheckRequest withAudit(AuditInputs inputs) {
    return new CheckRequest(
        projectDir,
        selection,
        outDir,
        formats,
        failOn,
        policy,
        network,
        distDir,
        python,
        inventory,
        inputs);
  }

  /** Where the dependencies are read: as asked, else the project and the interpreter's venv. */
  public InventoryOptions inventoryOptions() {
    if (inventory != null) {
      return inventory;
    }
    InventoryOptions defaults = InventoryOptions.defaults().withVariables(System.getenv());
    return python == null ? defaults : defaults.withInterpreter(Path.of(python));
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
