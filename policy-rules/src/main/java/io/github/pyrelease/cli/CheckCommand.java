package io.github.pyrelease.cli;

import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.ProxySettings;
import io.github.pyrelease.http.ResponseCache;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.policyfile.RemotePolicies;
import io.github.pyrelease.report.GithubAnnotations;
import io.github.pyrelease.report.ReportFormat;
import io.github.pyrelease.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
              + " (default: python3 on the PATH)")
  private String python = "python3";

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description =
          "the policy: a YAML file, classpath:<resource> or https://<url>#sha256=<hex>"
              + " (default: DIR/release-policy.yaml if it exists, else the built-in default policy)")
  private String policy;

  @Option(
      names = "--policy-cache",
      paramLabel = "DIR",
      description =
          "where policies fetched from URLs are cached (default: $XDG_CACHE_HOME/pyrelease/policies"
              + " or ~/.cache/pyrelease/policies)")
  private Path policyCache;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "error (default) or warning: the least severe finding that fails the check")
  private String failOn = "error";

  @Option(
      names = "--offline",
      description =
          "ask no server: git remotes and package indexes are left alone and their rules report"
              + " 'not checked: offline'")
  private boolean offline;

  @Option(
      names = "--index",
      paramLabel = "NAME=URL",
      description =
          "define or redefine a package index name for version-unpublished, such as"
              + " pypi=https://mirror.example/ (repeatable)")
  private Map<String, String> indexes = new LinkedHashMap<>();

  @Option(
      names = "--connect-timeout",
      paramLabel = "SECONDS",
      description = "the longest wait for a connection (default: ${DEFAULT-VALUE})")
  private long connectTimeout = HttpSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();

  @Option(
      names = "--read-timeout",
      paramLabel = "SECONDS",
      description = "the longest silence of a server or git remote (default: ${DEFAULT-VALUE})")
  private long readTimeout = HttpSettings.DEFAULT_READ_TIMEOUT.toSeconds();

  @Option(
      names = "--http-attempts",
      paramLabel = "N",
      description = "attempts per request, retries included (default: ${DEFAULT-VALUE})")
  private int httpAttempts = RetryPolicy.defaults().maxAttempts();

  @Override
  public Integer call() {
    Map<String, String> environment = cli.environment();
    Network network =
        Network.of(
            offline,
            Duration.ofSeconds(connectTimeout),
            Duration.ofSeconds(readTimeout),
            httpAttempts,
            ProxySettings.fromEnvironment(environment),
            new CredentialLookup(ServerCredentials.none(), environment),
            indexes,
            new ResponseCache(),
            "pyrelease check");
    CheckRequest request =
        new CheckRequest(
            projectDir,
            new RuleSelection(stages(), CliChoices.ruleIds(rules)),
            outDir != null ? outDir : projectDir.resolve("target/pyrelease"),
            formats.isEmpty()
                ? EnumSet.allOf(ReportFormat.class)
                : CliChoices.formats(spec, formats),
            CliChoices.failOn(spec, failOn),
            policy,
            network,
            distDir,
            python);
    Path cache =
        policyCache != null ? policyCache : RemotePolicies.defaultCacheDir(cli.environment());
    PolicySources sources =
        new PolicySources(CheckCommand.class.getClassLoader(), new RemotePolicies(cache, offline));
    CheckResult result = new PolicyCheck(BuiltInRules.registry(), sources).run(request);
    print(result);
    if (!result.failed()) {
      return ExitCode.OK;
    }
    return result.evaluation().failsOnlyForUnavailableFacts(result.failOn())
        ? ExitCode.FACT_UNAVAILABLE
        : ExitCode.RULE_FAILED;
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

  private void print(CheckResult result) {
    PrintWriter out = spec.commandLine().getOut();
    ConsoleStyle style = new ConsoleStyle(cli.colour());
    TextReport.lines(result.evaluation(), result.policyOrigin())
        .forEach(line -> out.println(style.apply(line)));
    if (GithubAnnotations.enabled(cli.environment())) {
      GithubAnnotations.lines(result.evaluation(), result.evaluation().projectDir())
          .forEach(out::println);
    }
    result.reports().forEach(report -> out.println("report: " + report));
    out.flush();
  }
}
