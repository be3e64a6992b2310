package io.github.pyrelease.cli;

import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.project.ProjectFinder;
import io.github.pyrelease.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pyrelease check}: evaluates the policy on a project. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Evaluates the release policy on a Python project and writes the reports.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand private PyreleaseCli cli;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "the Python project (default: the current directory)")
  private Path projectDir = Path.of(".");

  @Option(
      names = "--stage",
      split = ",",
      paramLabel = "STAGE",
      description =
          "only rules of these stages: source, dist, deps, release (default: all but release,"
              + " whose rules read the git remote and the package index just before publishing;"
              + " --rules may name release rules)")
  private List<String> stages = List.of();

  @Option(
      names = "--rules",
      split = ",",
      paramLabel = "ID",
      description = "only these rules (ids as listed by 'pyrelease rules')")
  private List<String> rules = List.of();

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description = "report files to write: text, json, sarif, junit, html (default: all)")
  private List<String> formats = List.of();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write the reports (default: DIR/target/pyrelease)")
  private Path outDir;

  @Option(
      names = "--dist",
      paramLabel = "DIR",
      description =
          "the built distributions the dist rules check (default: DIR/target/dist, then DIR/dist)")
  private Path distDir;

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description =
          "the interpreter that runs readme_renderer for markup pyrelease cannot decide itself"
              + " (default: the first of the project's .venv, $VIRTUAL_ENV, python3 on the PATH"
              + " and the system's python3 that has readme_renderer)")
  private String python;

  @Mixin private PolicyOptions policyOptions = new PolicyOptions();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "error (default) or warning: the least severe finding that fails the check")
  private String failOn = "error";

  @Mixin private NetworkOptions networkOptions = new NetworkOptions();

  @Option(
      names = "--recursive",
      description =
          "check every Python project below DIR (a monorepo: each directory with a"
              + " pyproject.toml, setup.cfg or setup.py) in one process, in parallel; each writes"
              + " its reports to its own target/pyrelease, or to --out/<its path>")
  private boolean recursive;

  @Override
  public Integer call() {
    Map<String, String> environment = cli.environment();
    if (!recursive) {
      CheckResult result = check(projectDir, outDir, distDir, environment);
      CheckOutput.print(result, cli, spec.commandLine().getOut());
      return CheckOutput.exitCode(result);
    }
    if (distDir != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--dist names one project's distributions; with --recursive each project's own"
              + " target/dist (or dist/) is checked");
    }
    List<Path> projects = ProjectFinder.find(projectDir);
    if (projects.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "no Python project below "
              + projectDir
              + " (no pyproject.toml, setup.cfg or setup.py outside hidden directories,"
              + " virtual environments, node_modules, target, build and dist)");
    }
    List<ProjectChecks.Checked> all =
        ProjectChecks.run(
            projects,
            project ->
                check(
                    project,
                    outDir == null ? null : outDir.resolve(projectDir.relativize(project)),
                    null,
                    environment),
            Runtime.getRuntime().availableProcessors());
    return ProjectChecks.print(all, cli, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** One project's check, on its own facts (so that projects can be checked in parallel). */
  private CheckResult check(Path project, Path out, Path dist, Map<String, String> environment) {
    CheckRequest request =
        new CheckRequest(
            project,
            new RuleSelection(stages(), CliChoices.ruleIds(rules)),
            out != null ? out : project.resolve("target/pyrelease"),
            formats.isEmpty()
                ? EnumSet.allOf(ReportFormat.class)
                : CliChoices.formats(spec, formats),
            CliChoices.failOn(spec, failOn),
            policyOptions.policy,
            networkOptions.network(environment, "pyrelease check"),
            dist,
            python);
    PolicySources sources = policyOptions.sources(environment, networkOptions.offline);
    return new PolicyCheck(BuiltInRules.registry(), sources).run(request);
  }

  /**
   * The stages asked for; without --stage or --rules, every stage but release, which is the
   * publishing goal's: a developer's check should not fetch, nor fail on a feature branch.
   */
  private Set<Stage> stages() {
    Set<Stage> chosen = CliChoices.stages(spec, stages);
    if (chosen.isEmpty() && rules.isEmpty()) {
      return EnumSet.complementOf(EnumSet.of(Stage.RELEASE));
    }
    return chosen;
  }
}
