package io.github.pyrelease.policy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results of evaluating a policy on a project, in rule order.
 *
 * @param projectName the distribution name, or {@code null}
 * @param projectVersion the version the project declares, or {@code null}
 * @param projectDir the project directory as the user named it
 * @param results one result per rule of the evaluated stages
 */
public record Evaluation(
    String projectName, String projectVersion, String projectDir, List<RuleResult> results) {

  public Evaluation {
    results = List.copyOf(results);
  }

  /** How many rules ended in each outcome (every outcome present, zero when none). */
  public Map<Outcome, Long> counts() {
    Map<Outcome, Long> counts =
        results.stream().collect(Collectors.groupingBy(RuleResult::outcome, Collectors.counting()));
    return java.util.Arrays.stream(Outcome.values())
        .collect(
            Collectors.toMap(
                Function.identity(),
                o -> counts.getOrDefault(o, 0L),
                (a, b) -> a,
                () -> new java.util.EnumMap<>(Outcome.class)));
  }

  /**
   * This evaluation preceded by {@code earlier} results of rules it did not evaluate itself, in
   * {@code order} (rule ids; unknown ids go last): the view of a whole build whose goals each
   * evaluated one stage.
   */
  public Evaluation after(List<RuleResult> earlier, List<String> order) {
    if (earlier.isEmpty()) {
      return this;
    }
    java.util.Set<String> evaluated =
        results.stream().map(RuleResult::ruleId).collect(Collectors.toSet());
    List<RuleResult> merged = new java.util.ArrayList<>();
    earlier.stream().filter(r -> !evaluated.contains(r.ruleId())).forEach(merged::add);
    merged.addAll(results);
    merged.sort(
        java.util.Comparator.comparingInt(
            r -> order.contains(r.ruleId()) ? order.indexOf(r.ruleId()) : order.size()));
    return new Evaluation(projectName, projectVersion, projectDir, merged);
  }

  /** Whether the evaluation fails a build that fails on {@code failOn} (error or warning). */
  public boolean fails(Level failOn) {
    return results.stream().anyMatch(r -> failsAt(r.outcome(), failOn));
  }

  /** The results that fail a build that fails on {@code failOn}. */
  public List<RuleResult> failures(Level failOn) {
    return results.stream().filter(r -> failsAt(r.outcome(), failOn)).toList();
  }

  /**
   * Whether every failure comes from a fact that could not be obtained (the CLI's exit code 3): the
   * project may be fine, the check could not tell.
   */
  public boolean failsOnlyForUnavailableFacts(Level failOn) {
    List<RuleResult> failures = failures(failOn);
    return !failures.isEmpty()
        && failures.stream()
            .flatMap(r -> r.findings().stream())
            .filter(f -> f.counts() && failsAt(Outcome.of(f.level()), failOn))
            .allMatch(f -> f.finding().key().equals(Finding.UNAVAILABLE));
  }

  private static boolean failsAt(Outcome outcome, Level failOn) {
    return outcome == Outcome.FAILED || (failOn == Level.WARNING && outcome == Outcome.WARNING);
  }
}
