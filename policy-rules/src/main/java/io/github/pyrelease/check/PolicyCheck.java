package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.ReadDepth;
import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.PolicyEngine;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.LoadedPolicy;
import io.github.pyrelease.policyfile.PolicyLoader;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.publish.plan.PublishPlanReader;
import io.github.pyrelease.report.ReportWriter;
import io.github.pyrelease.text.Suggestions;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Loads the policy, evaluates it on a project and writes the reports: the one entry point the CLI
 * and the Maven goals share.
 */
public final class PolicyCheck {

  private final RuleRegistry registry;
  private final PolicySources sources;
  private final Clock clock;

  public PolicyCheck() {
    this(BuiltInRules.registry());
  }

  public PolicyCheck(RuleRegistry registry) {
    this(registry, PolicySources.defaults(System.getenv()));
  }

  /**
   * @param sources where {@code classpath:} policies and pinned URLs are read from
   */
  public PolicyCheck(RuleRegistry registry, PolicySources sources) {
    this(registry, sources, Clock.systemDefaultZone());
  }

  /**
   * @param clock decides which waivers have expired
   */
  public PolicyCheck(RuleRegistry registry, PolicySources sources, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs the check.
   *
   * @throws io.github.pyrelease.PyreleaseException when the project or the policy cannot be read
   */
  public CheckResult run(CheckRequest request) {
    return run(request, List.of());
  }

  /**
   * Runs the check, with the reports also showing what earlier goals of the same build evaluated
   * (the sources at validate, the distributions at verify, ...), so the last report of a build is
   * the whole gate. Only this run's results decide the returned outcome.
   *
   * @param earlier results reported earlier in this build; a rule evaluated again replaces them
   * @throws io.github.pyrelease.PyreleaseException when the project or the policy cannot be read
   */
  public CheckResult run(CheckRequest request, List<RuleResult> earlier) {
    requireKnown(request.selection());
    Path distDir = request.distributions();
    BuiltDistributions distributions =
        new BuiltDistributions(
            distDir,
            display(distDir),
            request.python(),
            new BuiltDistributions.Wanted(
                readDepth(request.selection()), selects(request.selection(), "dist-metadata")),
            request.projectDir());
    if (selectsStage(request.selection(), Stage.DIST)) {
      // the files are read on the other cores while this thread reads the policy and the project
      distributions.prefetch();
    }
    LoadedPolicy policy = loadPolicy(request);
    // A mistake in the publish section shows at the first check, not only when publishing.
    PublishPlanReader.read(policy.publish());
    PythonProject project;
    List<RuleResult> results;
    try (ProjectFacts facts =
        new ProjectFacts(
            request.projectDir(),
            request.outDir(),
            request.network(),
            distributions,
            request.inventoryOptions(),
            request.audit())) {
      project = facts.project();
      results =
          new PolicyEngine(registry, clock).evaluate(policy.policy(), facts, request.selection());
    }
    Evaluation evaluation =
        new Evaluation(
            project.name(), declaredVersion(project), display(request.projectDir()), results);
    String origin = policy.policy().origin();
    Evaluation reported = evaluation.after(earlier, registryOrder());
    List<Path> reports =
        new ReportWriter(ToolVersion.get())
            .write(reported, origin, request.failOn(), request.outDir(), request.formats());
    return new CheckResult(evaluation, reported, origin, request.failOn(), reports);
  }

  /**
   * The policy the request names (or the project's, or the built-in one), merged with what it
   * extends; the publishing goal reads its {@code publish} section from here.
   *
   * @throws io.github.pyrelease.policyfile.PolicyFileException listing every problem in the policy
   */
  public LoadedPolicy loadPolicy(CheckRequest request) {
    return new PolicyLoader(registry, sources)
        .load(request.policy(), Path.of("").toAbsolutePath(), request.projectDir());
  }

  /**
   * How much of each wheel the selected rules look at: the RECORD check compares every member's
   * digest, the contents check reads every member, the others read only the metadata files.
   */
  private ReadDepth readDepth(RuleSelection selection) {
    if (selects(selection, "dist-record")) {
      return ReadDepth.DIGESTS;
    }
    return selects(selection, "dist-contents") ? ReadDepth.CONTENTS : ReadDepth.METADATA;
  }

  /** Whether the selection would run this rule (its policy may still turn it off). */
  private boolean selects(RuleSelection selection, String ruleId) {
    return registry.all().stream()
        .anyMatch(
            r ->
                r.id().equals(ruleId)
                    && selection.stages().contains(r.stage())
                    && (selection.ruleIds().isEmpty() || selection.ruleIds().contains(ruleId)));
  }

  /** Whether the selection would run a rule of this stage (its policy may still turn it off). */
  private boolean selectsStage(RuleSelection selection, Stage stage) {
    return registry.all().stream().anyMatch(r -> r.stage() == stage && selects(selection, r.id()));
  }

  private List<String> registryOrder() {
    return registry.all().stream().map(Rule::id).toList();
  }

  private void requireKnown(RuleSelection selection) {
    List<String> known = registry.all().stream().map(Rule::id).toList();
    for (String id : selection.ruleIds()) {
      if (!known.contains(id)) {
        throw new PyreleaseException(
            "unknown rule '" + id + "'" + Suggestions.didYouMean(id, known),
            null,
            "name rules as 'pyrelease rules' lists them: " + String.join(", ", known));
      }
    }
  }

  /** The version the build would ship, normalised when valid, as written otherwise. */
  public static String declaredVersion(PythonProject project) {
    return project
        .declaredSource()
        .map(s -> Version.tryParse(s.text()).map(Version::toString).orElse(s.text()))
        .orElse(null);
  }

  private static String display(Path dir) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = dir.toAbsolutePath().normalize();
    if (absolute.startsWith(cwd)) {
      String relative = cwd.relativize(absolute).toString();
      return relative.isEmpty() ? "." : relative;
    }
    return absolute.toString();
  }
}
