package io.github.pyrelease.benchmarks;

import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.PolicyEngine;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.LoadedPolicy;
import io.github.pyrelease.policyfile.PolicyLoader;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.policyfile.RemotePolicies;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating a 40-rule policy on the example project (it/example), in process. Only three real
 * rules exist so far, so the registry holds each of them under 13 or 14 ids ({@code
 * version-pep440-01} ...), and release-policy.yaml configures all 40: levels, the changelog option,
 * a waiver on some. Every copy does the full work of the real rule.
 *
 * <ul>
 *   <li>{@code check}: what {@code pyrelease check} and the check goal do per run, without report
 *       files: read and validate the policy YAML, read the project (pyproject.toml, version
 *       sources, changelog), evaluate the 40 rules.
 *   <li>{@code checkWithAllReports}: the same, writing all five report files.
 *   <li>{@code evaluateOnly}: the engine alone on a policy and project read once (facts cached as a
 *       real Facts implementation caches them).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {

  static final int RULES = 40;

  private Path work;
  private Path project;
  private RuleRegistry registry;
  private PolicyCheck check;
  private CheckRequest request;
  private CheckRequest requestWithReports;
  private LoadedPolicy policy;
  private Facts facts;

  @Setup
  public void setUp() throws IOException {
    work = Files.createTempDirectory("pyrelease-bench");
    project = work.resolve("example");
    copy(Path.of(System.getProperty("pyrelease.example", "it/example")), project);
    Files.writeString(project.resolve("release-policy.yaml"), policyYaml());
    registry = registry();
    PolicySources sources =
        new PolicySources(
            getClass().getClassLoader(), new RemotePolicies(work.resolve("cache"), true));
    check = new PolicyCheck(registry, sources);
    request =
        new CheckRequest(
            project,
            RuleSelection.all(),
            work.resolve("reports"),
            Set.of(),
            io.github.pyrelease.policy.Level.ERROR);
    requestWithReports =
        new CheckRequest(
            project,
            RuleSelection.all(),
            work.resolve("reports"),
            EnumSet.allOf(ReportFormat.class),
            io.github.pyrelease.policy.Level.ERROR);
    CheckResult first = check.run(request);
    if (first.evaluation().results().size() != RULES || first.failed()) {
      throw new IllegalStateException("the benchmark policy must pass 40 rules: " + first);
    }
    policy = new PolicyLoader(registry, sources).load(null, project, project);
    facts = new CachedFacts(project);
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(work)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public CheckResult check() {
    return check.run(request);
  }

  @Benchmark
  public CheckResult checkWithAllReports() {
    return check.run(requestWithReports);
  }

  @Benchmark
  public List<RuleResult> evaluateOnly() {
    return new PolicyEngine(registry).evaluate(policy.policy(), facts, RuleSelection.all());
  }

  /** The built-in rules, each under ids {@code <id>-01} ... until there are 40. */
  static RuleRegistry registry() {
    List<Rule> real = sourceRules();
    List<Function<RuleOptions, Rule>> factories = new ArrayList<>();
    for (int i = 0; i < RULES; i++) {
      String realId = real.get(i % real.size()).id();
      String id = copyId(realId, i);
      factories.add(
          options -> new RenamedRule(id, BuiltInRules.registry().configure(realId, options)));
    }
    return new RuleRegistry(factories);
  }

  /**
   * The rules of stage source, the ones this benchmark was written for: the release rules need a
   * git repository and the network, the dist rules built distributions (they have benchmarks of
   * their own).
   */
  static List<Rule> sourceRules() {
    return BuiltInRules.registry().all().stream().filter(r -> r.stage() == Stage.SOURCE).toList();
  }

  static String copyId(String realId, int index) {
    return String.format("%s-%02d", realId, index / 3 + 1);
  }

  /** Every copy configured: levels, the changelog option, and a waiver every fifth rule. */
  static String policyYaml() {
    List<Rule> real = sourceRules();
    StringBuilder yaml = new StringBuilder("unavailable: warning\nrules:\n");
    for (int i = 0; i < RULES; i++) {
      String realId = real.get(i % real.size()).id();
      yaml.append("  ").append(copyId(realId, i)).append(":\n    level: error\n");
      if (realId.equals("changelog-entry")) {
        yaml.append("    file: CHANGELOG.md\n");
      }
      if (i % 5 == 0) {
        yaml.append("    ignore:\n")
            .append(
                "      - { id: \"missing-section:0.0.0\", until: 2999-12-31, reason: \"bench\" }\n");
      }
    }
    return yaml.toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!source.toString().contains("/target/")) {
          Files.copy(source, target);
        }
      }
    }
  }

  /** Facts read once, as a check reads them once per run. */
  private static final class CachedFacts implements Facts {
    private final PythonProject project;
    private final Map<String, Optional<Changelog>> changelogs = new HashMap<>();
    private final Path dir;

    CachedFacts(Path dir) {
      this.dir = dir;
      this.project = new PythonProjectReader().read(dir);
    }

    @Override
    public PythonProject project() {
      return project;
    }

    @Override
    public Optional<Changelog> changelog(String file) {
      if (file == null) {
        return project.changelogIfPresent();
      }
      return changelogs.computeIfAbsent(file, f -> new PythonProjectReader().readChangelog(dir, f));
    }
  }
}
