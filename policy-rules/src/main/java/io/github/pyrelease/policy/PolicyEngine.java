package io.github.pyrelease.policy;

import io.github.pyrelease.FactUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Evaluates the selected rules of a registry under a policy. */
public final class PolicyEngine {

  /** The key of the finding an expired waiver becomes, followed by the waived id. */
  public static final String WAIVER_EXPIRED = "waiver-expired:";

  private final RuleRegistry registry;
  private final Clock clock;

  public PolicyEngine(RuleRegistry registry) {
    this(registry, Clock.systemDefaultZone());
  }

  /**
   * @param clock decides which waivers have expired (a waiver holds through its {@code until} day
   *     in the clock's time zone)
   */
  public PolicyEngine(RuleRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Evaluates every rule of the selected stages, in registry order. Rules turned off or not named
   * by the selection are reported as skipped, so reports show the whole policy; an opt-in rule (off
   * by default) that the policy does not name is left out.
   */
  public List<RuleResult> evaluate(Policy policy, Facts facts, RuleSelection selection) {
    LocalDate today = LocalDate.now(clock);
    List<RuleResult> results = new ArrayList<>();
    for (Rule defaults : registry.all()) {
      Rule rule = registry.configure(defaults.id(), policy.optionsOf(defaults));
      if (!selection.inStage(rule)) {
        continue;
      }
      Level level = policy.levelOf(rule);
      if (level == Level.OFF && rule.defaultLevel() == Level.OFF && !policy.setsLevelOf(rule)) {
        continue; // an opt-in rule the policy does not turn on is no part of it
      }
      if (level == Level.OFF) {
        results.add(skipped(rule, level, "turned off by the " + policy.origin()));
      } else if (!selection.named(rule)) {
        results.add(skipped(rule, level, "not among the rules selected for this run"));
      } else {
        results.add(evaluate(rule, level, policy, facts, today));
      }
    }
    return results;
  }

  private static RuleResult evaluate(
      Rule rule, Level level, Policy policy, Facts facts, LocalDate today) {
    Verdict verdict;
    try {
      verdict = rule.evaluate(facts);
    } catch (FactUnavailableException e) {
      verdict =
          Verdict.of(
              "not checked: " + e.getMessage(), List.of(unavailable(e, policy.unavailable())));
    }
    List<Waiver> waivers = policy.waiversOf(rule.id());
    List<Waiver> expired = waivers.stream().filter(w -> !w.activeOn(today)).toList();
    if (!verdict.applicable() && expired.isEmpty()) {
      return skipped(rule, level, verdict.summary());
    }
    List<RuleResult.LeveledFinding> findings = new ArrayList<>();
    for (Finding finding : verdict.findings()) {
      Waiver waiver =
          waivers.stream()
              .filter(w -> w.activeOn(today) && finding.knownAs(w.id()))
              .findFirst()
              .orElse(null);
      findings.add(new RuleResult.LeveledFinding(finding, finding.levelUnder(level), waiver));
    }
    for (Waiver waiver : expired) {
      boolean stillFound = verdict.findings().stream().anyMatch(f -> f.knownAs(waiver.id()));
      findings.add(new RuleResult.LeveledFinding(expiredWaiver(waiver, stillFound), Level.ERROR));
    }
    return new RuleResult(
        rule.id(),
        rule.stage(),
        rule.description(),
        level,
        outcome(findings),
        summary(verdict.summary(), findings, expired.size()),
        findings);
  }

  private static Outcome outcome(List<RuleResult.LeveledFinding> findings) {
    return findings.stream()
        .filter(RuleResult.LeveledFinding::counts)
        .map(RuleResult.LeveledFinding::level)
        .min(Comparator.naturalOrder())
        .map(Outcome::of)
        .orElse(
            findings.stream().anyMatch(RuleResult.LeveledFinding::waived)
                ? Outcome.WAIVED
                : Outcome.PASSED);
  }

  private static String summary(
      String verdict, List<RuleResult.LeveledFinding> findings, int expired) {
    long waived = findings.stream().filter(RuleResult.LeveledFinding::waived).count();
    StringBuilder summary = new StringBuilder(verdict);
    if (waived > 0) {
      summary.append(" (").append(waived).append(waived == 1 ? " finding" : " findings");
      summary.append(" waived)");
    }
    if (expired > 0) {
      summary.append("; ").append(expired).append(expired == 1 ? " waiver has" : " waivers have");
      summary.append(" expired");
    }
    return summary.toString();
  }

  private static Finding expiredWaiver(Waiver waiver, boolean stillFound) {
    String fix =
        stillFound
            ? "fix what the finding reports; or, after a new review, set a later 'until' at "
                + waiver.location()
            : "the finding it waived is gone: delete the waiver at " + waiver.location();
    return new Finding(
        WAIVER_EXPIRED + waiver.id(),
        "the waiver for '"
            + waiver.id()
            + "' expired after "
            + waiver.until()
            + " (its reason: "
            + waiver.reason()
            + ")",
        List.of(
            new Evidence(
                waiver.file(),
                waiver.line(),
                "ignore: { id: " + waiver.id() + ", until: " + waiver.until() + " }")),
        fix,
        Level.ERROR);
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
