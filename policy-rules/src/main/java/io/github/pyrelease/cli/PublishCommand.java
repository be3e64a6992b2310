package io.github.pyrelease.cli;

import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.publish.ApprovalRequiredException;
import io.github.pyrelease.publish.Approvals;
import io.github.pyrelease.publish.PublishLog;
import io.github.pyrelease.publish.ReleasePublishing;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.report.ReportFormat;
import io.github.pyrelease.scm.ScmVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pyrelease publish}: what {@code pyrelease:publish} does, without Maven: the rules of stage
 * release, then the policy's publish stages with their gates, resuming from the same state file.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the release preconditions (the policy's rules of stage release), then publishes the"
          + " built distributions through the policy's publish stages in order, with their gates,"
          + " resuming from DIR/target/pyrelease/publish-state.json.",
      "Credentials come from the environment (PYRELEASE_<SERVER>_TOKEN, Trusted Publishing in"
          + " GitHub Actions) or ~/.pypirc, a notify stage's webhook URL from"
          + " PYRELEASE_NOTIFY_WEBHOOK (or the variable its webhook-env names); they are never"
          + " printed."
    })
final class PublishCommand implements Callable<Integer> {

  @ParentCommand private PyreleaseCli cli;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "the Python project (default: the current directory)")
  private Path projectDir = Path.of(".");

  @Option(
      names = "--dist",
      paramLabel = "DIR",
      description = "the built distributions (default: DIR/target/dist, then DIR/dist)")
  private Path distDir;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the reports and the publish state go (default: DIR/target/pyrelease)")
  private Path outDir;

  @Option(
      names = "--approve",
      paramLabel = "STAGE",
      description =
          "stages whose approval gate is passed beforehand: comma-separated names, or all."
              + " Without it, a terminal asks; otherwise the release stops before the stage")
  private String approve;

  @Option(
      names = "--dry-run",
      description = "run every check and print each request it would send; send and write nothing")
  private boolean dryRun;

  @Option(
      names = "--pypirc",
      paramLabel = "FILE",
      description = "the .pypirc index credentials may come from (default: ~/.pypirc)")
  private Path pypirc;

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description =
          "the interpreter for the verify-install gate (default: python3 on the PATH) and"
              + " readme_renderer (default: the first that has it: the project's .venv,"
              + " $VIRTUAL_ENV, python3 on the PATH, the system's python3)")
  private String python;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description = "report files to write: text, json, sarif, junit, html (default: all)")
  private List<String> formats = List.of();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "error (default) or warning: the least severe finding that stops the release")
  private String failOn = "error";

  @Mixin private PolicyOptions policyOptions = new PolicyOptions();

  @Mixin private NetworkOptions networkOptions = new NetworkOptions();

  @Override
  public Integer call() {
    Map<String, String> environment = cli.environment();
    Network network = networkOptions.network(environment, "pyrelease publish");
    Path out = outDir != null ? outDir : projectDir.resolve("target/pyrelease");
    CheckRequest request =
        new CheckRequest(
            projectDir,
            new RuleSelection(Set.of(Stage.RELEASE), Set.of()),
            out,
            formats.isEmpty()
                ? EnumSet.allOf(ReportFormat.class)
                : CliChoices.formats(spec, formats),
            CliChoices.failOn(spec, failOn),
            policyOptions.policy,
            network,
            distDir,
            python);
    PolicyCheck check =
        new PolicyCheck(
            BuiltInRules.registry(), policyOptions.sources(environment, networkOptions.offline));
    PrintWriter console = spec.commandLine().getOut();
    // A mistake in the publish section is found before anything is asked of a server.
    PublishPlan plan = ReleasePublishing.plan(check.loadPolicy(request));
    CheckResult result = check.run(request);
    CheckOutput.print(result, cli, console);
    if (result.failed()) {
      return CheckOutput.exitCode(result);
    }
    long warned = result.evaluation().counts().get(Outcome.WARNING);
    console.println(
        "The release preconditions passed"
            + (warned == 0 ? "." : " (" + warned + " with warnings)."));
    if (plan.isEmpty()) {
      console.println(
          "The policy has no publish section: nothing was published (" + plan.origin() + ").");
      return ExitCode.OK;
    }
    PrintWriter errors = spec.commandLine().getErr();
    ReleasePublishing publishing =
        new ReleasePublishing(
            new ReleasePublishing.Settings(
                projectDir,
                request.distributions(),
                out,
                network,
                pypirc,
                python != null ? python : "python3",
                "--python",
                approve,
                prompter(console),
                "pyrelease publish --approve {stage}",
                console::println),
            PublishLog.of(console::println, line -> errors.println("warning: " + line)));
    var project = ScmVersions.read(projectDir);
    if (dryRun) {
      publishing.simulate(plan, project);
      console.println("Dry run: nothing was published.");
      return ExitCode.OK;
    }
    try {
      publishing.publish(plan, project);
      return ExitCode.OK;
    } catch (ApprovalRequiredException e) {
      errors.println("pyrelease: " + e.getMessage());
      errors.println("  fix: " + e.fix());
      return ExitCode.RULE_FAILED;
    }
  }

  /** A person at the terminal answers approval questions; nobody, when input is not one. */
  private Approvals.Prompter prompter(PrintWriter console) {
    if (!cli.interactive()) {
      return Approvals.Prompter.NONE;
    }
    BufferedReader answers =
        new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
    return question -> {
      console.print(question);
      console.flush();
      try {
        return Optional.ofNullable(answers.readLine());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
