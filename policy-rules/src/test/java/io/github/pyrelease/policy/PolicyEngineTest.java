package io.github.pyrelease.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.FactUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  private static final Finding BROKEN =
      Finding.of("k", "broken", List.of(new Evidence("a.py", 2, "x = 1")), "fix it");
  private static final Finding STYLE = Finding.styleOnly("s", "ugly", List.of(), "tidy it");

  private final Rule passing = rule("passing", Stage.SOURCE, f -> Verdict.pass("fine"));
  private final Rule failing =
      rule("failing", Stage.SOURCE, f -> Verdict.of("bad", List.of(BROKEN)));
  private final Rule styling =
      rule("styling", Stage.SOURCE, f -> Verdict.of("meh", List.of(STYLE)));
  private final Rule distRule =
      rule("dist-rule", Stage.DIST, f -> Verdict.of("bad", List.of(BROKEN)));
  private final PolicyEngine engine =
      new PolicyEngine(RuleRegistry.of(List.of(passing, failing, styling, distRule)));

  @Test
  void outcomesFollowTheWorstFindingUnderThePolicyLevel() {
    List<RuleResult> results =
        engine.evaluate(Policy.defaults(), StubFacts.create(), RuleSelection.stage(Stage.SOURCE));

    assertThat(results)
        .extracting(RuleResult::ruleId, RuleResult::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("passing", Outcome.PASSED),
            org.assertj.core.groups.Tuple.tuple("failing", Outcome.FAILED),
            org.assertj.core.groups.Tuple.tuple("styling", Outcome.WARNING));
  }

  @Test
  void aLowerLevelTurnsErrorsIntoWarningsOrInfo() {
    Policy policy =
        Policy.ofLevels(Map.of("failing", Level.WARNING, "styling", Level.INFO), "test");

    List<RuleResult> results =
        engine.evaluate(policy, StubFacts.create(), RuleSelection.stage(Stage.SOURCE));

    assertThat(results.get(1).outcome()).isEqualTo(Outcome.WARNING);
    assertThat(results.get(1).findings().get(0).level()).isEqualTo(Level.WARNING);
    assertThat(results.get(2).outcome()).isEqualTo(Outcome.INFO);
  }

  @Test
  void offRulesAreSkippedNotEvaluated() {
    Rule exploding =
        rule(
            "exploding",
            Stage.SOURCE,
            f -> {
              throw new AssertionError("an off rule must not run");
            });
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(exploding)));

    List<RuleResult> results =
        engine.evaluate(
            Policy.ofLevels(Map.of("exploding", Level.OFF), "release-policy.yaml"),
            StubFacts.create(),
            RuleSelection.all());

    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
              assertThat(r.summary()).isEqualTo("turned off by the release-policy.yaml");
            });
  }

  @Test
  void onlyTheSelectedStageIsEvaluatedAndNamedRulesRun() {
    List<RuleResult> results =
        engine.evaluate(
            Policy.defaults(),
            StubFacts.create(),
            new RuleSelection(Set.of(Stage.SOURCE), Set.of("failing")));

    assertThat(results).extracting(RuleResult::ruleId).doesNotContain("dist-rule");
    assertThat(results)
        .filteredOn(r -> r.outcome() == Outcome.SKIPPED)
        .extracting(RuleResult::ruleId)
        .containsExactly("passing", "styling");
  }

  @Test
  void anUnobtainableFactIsANotCheckedWarningByDefault() {
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(offline())));

    RuleResult result =
        engine.evaluate(Policy.defaults(), StubFacts.create(), RuleSelection.all()).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(result.summary()).isEqualTo("not checked: offline mode");
    assertThat(result.findings().get(0).finding().key()).isEqualTo(Finding.UNAVAILABLE);
    assertThat(result.findings().get(0).finding().fix()).isEqualTo("drop -o");
  }

  @Test
  void aPolicyCanMakeAnUnobtainableFactFatal() {
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(offline(), failing)));
    Policy strict = new Policy(Map.of(), Level.ERROR, "strict");

    Evaluation onlyOffline =
        new Evaluation(
            "p",
            "1",
            ".",
            engine.evaluate(
                strict, StubFacts.create(), new RuleSelection(Set.of(), Set.of("offline"))));
    Evaluation both =
        new Evaluation(
            "p", "1", ".", engine.evaluate(strict, StubFacts.create(), RuleSelection.all()));

    assertThat(onlyOffline.results().get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(onlyOffline.failsOnlyForUnavailableFacts(Level.ERROR)).isTrue();
    assertThat(both.failsOnlyForUnavailableFacts(Level.ERROR)).isFalse();
  }

  private static Rule offline() {
    return rule(
        "offline",
        Stage.RELEASE,
        f -> {
          throw new FactUnavailableException("offline mode", "https://pypi.org", "drop -o", null);
        });
  }

  @Test
  void warningsFailOnlyWhenAskedTo() {
    Evaluation evaluation =
        new Evaluation(
            "p",
            "1",
            ".",
            engine.evaluate(
                Policy.ofLevels(Map.of("failing", Level.OFF), "test"),
                StubFacts.create(),
                RuleSelection.stage(Stage.SOURCE)));

    assertThat(evaluation.fails(Level.ERROR)).isFalse();
    assertThat(evaluation.fails(Level.WARNING)).isTrue();
    assertThat(evaluation.failures(Level.WARNING))
        .extracting(RuleResult::ruleId)
        .containsExactly("styling");
    assertThat(evaluation.counts())
        .containsEntry(Outcome.PASSED, 1L)
        .containsEntry(Outcome.WARNING, 1L)
        .containsEntry(Outcome.SKIPPED, 1L)
        .containsEntry(Outcome.FAILED, 0L);
  }

  @Test
  void twoRulesMayNotShareAnId() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RuleRegistry.of(List.of(passing, passing)))
        .hasMessage("two rules have the id passing");
  }

  static Rule rule(String id, Stage stage, Function<Facts, Verdict> body) {
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Stage stage() {
        return stage;
      }

      @Override
      public Level defaultLevel() {
        return Level.ERROR;
      }

      @Override
      public String description() {
        return "test rule " + id;
      }

      @Override
      public Verdict evaluate(Facts facts) {
        return body.apply(facts);
      }
    };
  }
}
