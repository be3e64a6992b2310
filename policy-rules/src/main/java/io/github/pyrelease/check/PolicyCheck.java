package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Policy;
import io.github.pyrelease.policy.PolicyEngine;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.report.ReportWriter;
import io.github.pyrelease.text.Suggestions;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates the policy on a project and writes the reports: the one entry point the CLI and the
 * Maven goals share.
 */
public final class PolicyCheck {

  private final RuleRegistry registry;

  public PolicyCheck() {
    this(BuiltInRules.registry());
  }

  public PolicyCheck(RuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * Runs the check.
   *
   * @throws io.github.pyrelease.PyreleaseException when the project or the policy cannot be read
   */
  public CheckResult run(CheckRequest request) {
    requireKnown(request.selection());
    Path distDir = request.distributions();
    ProjectFacts facts =
        new ProjectFacts(
            request.projectDir(),
            new BuiltDistributions(distDir, display(distDir), request.python()));
    PythonProject project = facts.project();
    Policy policy = Policy.defaults();
    List<RuleResult> results =
        new PolicyEngine(registry).evaluate(policy, facts, request.selection());
    Evaluation evaluation =
        new Evaluation(
            project.name(), declaredVersion(project), display(request.projectDir()), results);
    List<Path> reports =
        new ReportWriter(ToolVersion.get())
            .write(evaluation, policy.origin(), request.outDir(), request.formats());
    return new CheckResult(evaluation, policy.origin(), request.failOn(), reports);
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
