package io.github.pyrelease.policy;

import io.github.pyrelease.FactUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Evaluates the selected rules of a registry under a policy. */
public final class PolicyEngine {

  private final RuleRegistry registry;

  public PolicyEngine(RuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * Evaluates every rule of the selected stages, in registry order. Rules turned off or not named
   * by the selection are reported as skipped, so reports show the whole policy.
   */
  public List<RuleResult> evaluate(Policy policy, Facts facts, RuleSelection selection) {
    List<RuleResult> results = new ArrayList<>();
    for (Rule defaults : registry.all()) {
      Rule rule = registry.configure(defaults.id(), policy.optionsOf(defaults));
      if (!selection.inStage(rule)) {
        continue;
      }
      Level level = policy.levelOf(rule);
      if (level == Level.OFF) {
        results.add(skipped(rule, level, "turned off by the " + policy.origin()));
      } else if (!selection.named(rule)) {
        results.add(skipped(rule, level, "not among the rules selected for this run"));
      } else {
        results.add(evaluate(rule, level, policy.unavailable(), facts));
      }
    }
    return results;
  }

  private static RuleResult evaluate(Rule rule, Level level, Level unavailable, Facts facts) {
    Verdict verdict;
    try {
      verdict = rule.evaluate(facts);
    } catch (FactUnavailableException e) {
      verdict = Verdict.of("not checked: " + e.getMessage(), List.of(unavailable(e, unavailable)));
    }
    if (!verdict.applicable()) {
      return skipped(rule, level, verdict.summary());
    }
    List<RuleResult.LeveledFinding> findings =
        verdict.findings().stream()
            .map(f -> new RuleResult.LeveledFinding(f, f.levelUnder(level)))
            .toList();
    Outcome outcome =
        findings.stream()
            .map(RuleResult.LeveledFinding::level)
            .min(Comparator.naturalOrder())
            .map(Outcome::of)
            .orElse(Outcome.PASSED);
    return new RuleResult(
        rule.id(), rule.stage(), rule.description(), level, outcome, verdict.summary(), findings);
  }

  private static Finding unavailable(FactUnavailableException e, Level ceiling) {
    List<Evidence> evidence =
        e.where() == null ? List.of() : List.of(new Evidence(null, 0, e.where()));
    return new Finding(
        Finding.UNAVAILABLE, "not checked: " + e.getMessage(), evidence, e.fix(), ceiling);
  }

  private static RuleResult skipped(Rule rule, Level level, String reason) {
    return new RuleResult(
        rule.id(), rule.stage(), rule.description(), level, Outcome.SKIPPED, reason, List.of());
  }
}
