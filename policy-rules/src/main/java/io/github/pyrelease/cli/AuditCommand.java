package io.github.pyrelease.cli;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.check.AdvisorySources;
import io.github.pyrelease.check.AuditInputs;
import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.inventory.DependencyInventoryReader;
import io.github.pyrelease.inventory.InventoryOptions;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.report.ReportFormat;
import io.github.pyrelease.vuln.AdvisoryLocation;
import io.github.pyrelease.vuln.AdvisorySettings;
import io.github.pyrelease.vuln.PipAuditJson;
import io.github.pyrelease.vuln.RememberingAdvisories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pyrelease audit}: the rules of stage {@code deps} (known vulnerabilities, licences) on a
 * project's dependencies, or on the requirements or lock file given; {@code --format json} prints
 * pip-audit's JSON.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Audits the dependencies of a Python project (or the requirements or lock file given) for"
            + " known vulnerabilities and licences: the policy's rules of stage deps.")
final class AuditCommand implements Callable<Integer> {

  @ParentCommand private PyreleaseCli cli;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--path",
      paramLabel = "DIR",
      description = "the Python project (default: the current directory)")
  private Path projectDir = Path.of(".");

  @Option(
      names = "--advisories",
      paramLabel = "FILE|DIR",
      description =
          "an offline OSV database: a directory of OSV .json/.yaml records (a checkout of the PyPA"
              + " advisory database), OSV's PyPI/all.zip, or a .tar.gz of records (default: the"
              + " OSV API)")
  private Path advisories;

  @Option(
      names = {"-r", "--requirement"},
      paramLabel = "FILE",
      description = "audit this pip requirements file (repeatable) rather than the project's")
  private List<Path> requirements = List.of();

  @Option(
      names = "--lock",
      paramLabel = "FILE",
      description = "audit this lock file (pylock.toml, uv.lock, poetry.lock, Pipfile.lock)")
  private Path lock;

  @Option(
      names = "--license-index",
      paramLabel = "INDEX",
      description =
          "ask this package index's JSON API (a name such as pypi, or a URL) for the licences of"
              + " pinned dependencies no installed metadata gives (default: none; never offline)")
  private String licenseIndex;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (default: one line per rule, then the findings) or json (pip-audit's shape)")
  private String format = "text";

  @Mixin private PolicyOptions policyOptions = new PolicyOptions();

  @Mixin private NetworkOptions networkOptions = new NetworkOptions();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "also write the reports (text, json, sarif, junit, html) there")
  private Path outDir;

  @Option(
      names = "--osv-api",
      paramLabel = "URL",
      description = "the OSV API to ask without --advisories (default: ${DEFAULT-VALUE})")
  private String osvApi = AdvisorySettings.OSV_API;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "where indexes of advisory databases are kept (default: $XDG_CACHE_HOME/pyrelease/osv or"
              + " ~/.cache/pyrelease/osv)")
  private Path cacheDir;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "error (default) or warning: the least severe finding that fails the audit")
  private String failOn = "error";

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be text or json, not '" + format + "'");
    }
    Map<String, String> environment = cli.environment();
    Network network = networkOptions.network(environment, "pyrelease audit");
    AdvisorySettings settings =
        AdvisorySettings.defaults(environment).withDatabase(advisories).withApi(osvApi);
    if (cacheDir != null) {
      settings = new AdvisorySettings(settings.database(), settings.api(), cacheDir);
    }
    RememberingAdvisories source;
    try {
      source =
          new RememberingAdvisories(
              AdvisorySources.open(AdvisoryLocation.configured(), settings, network, projectDir));
    } catch (FactUnavailableException e) {
      source = null; // the rule says "not checked: offline" itself
    }
    InventoryOptions inventory = InventoryOptions.defaults().withVariables(environment);
    if (!requirements.isEmpty()) {
      inventory = inventory.withRequirementsFiles(requirements);
    }
    if (lock != null) {
      inventory = inventory.withLockFile(lock);
    }
    if (licenseIndex != null) {
      inventory = inventory.withLicenseIndex(licenseIndex);
    }
    CheckRequest request =
        new CheckRequest(
                projectDir,
                RuleSelection.stage(Stage.DEPS),
                outDir != null ? outDir : projectDir.resolve("target/pyrelease"),
                outDir != null ? EnumSet.allOf(ReportFormat.class) : Set.of(),
                CliChoices.failOn(spec, failOn),
                policyOptions.policy,
                network,
                null,
                null)
            .withInventory(inventory)
            .withAudit(new AuditInputs(settings, source));
    PolicySources sources = policyOptions.sources(environment, networkOptions.offline);
    CheckResult result = new PolicyCheck(BuiltInRules.registry(), sources).run(request);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(
          PipAuditJson.render(
              new DependencyInventoryReader().read(projectDir, inventory).dependencies(),
              source == null ? Map.of() : source.answered(),
              waived(result)));
    } else {
      CheckOutput.print(result, cli, out);
    }
    out.flush();
    return CheckOutput.exitCode(result);
  }

  /** The ids the policy's waivers accept in this run. */
  private static Set<String> waived(CheckResult result) {
    Set<String> ids = new HashSet<>();
    for (RuleResult rule : result.evaluation().results()) {
      for (RuleResult.LeveledFinding finding : rule.findings()) {
        if (finding.waived()) {
          ids.add(finding.finding().key());
          ids.addAll(finding.finding().aliases());
        }
      }
    }
    return ids;
  }
}
