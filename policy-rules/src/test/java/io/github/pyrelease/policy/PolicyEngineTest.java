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
  void anOptInRuleIsNoPartOfAPolicyThatDoesNotNameItAndRunsWhenTurnedOn() {
    Rule optIn =
        new Rule() {
          @Override
          public String id() {
            return "opt-in";
          }

          @Override
          public Stage stage() {
            return Stage.SOURCE;
          }

          @Override
          public Level defaultLevel() {
            return Level.OFF;
          }

          @Override
          public String description() {
            return "an opt-in rule";
          }

          @Override
          public Verdict evaluate(Facts facts) {
            return Verdict.of("bad", List.of(BROKEN));
          }
        };
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(passing, optIn)));

    assertThat(engine.evaluate(Policy.defaults(), StubFacts.create(), RuleSelection.all()))
        .extracting(RuleResult::ruleId)
        .containsExactly("passing");
    assertThat(
            engine.evaluate(
                Policy.ofLevels(Map.of("opt-in", Level.OFF), "release-policy.yaml"),
                StubFacts.create(),
                RuleSelection.all()))
        .extracting(RuleResult::ruleId, RuleResult::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("passing", Outcome.PASSED),
            org.assertj.core.groups.Tuple.tuple("opt-in", Outcome.SKIPPED));
    assertThat(
            engine.evaluate(
                Policy.ofLevels(Map.of("opt-in", Level.ERROR), "release-policy.yaml"),
                StubFacts.create(),
                RuleSelection.all()))
        .extracting(RuleResult::ruleId, RuleResult::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("passing", Outcome.PASSED),
            org.assertj.core.groups.Tuple.tuple("opt-in", Outcome.FAILED));
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

  private static final java.time.Clock JAN_2027 =
      java.time.Clock.fixed(
          java.time.Instant.parse("2027-01-31T12:00:00Z"), java.time.ZoneOffset.UTC);

  private static Policy waiving(String ruleId, Waiver... waivers) {
    return new Policy(
        Map.of(ruleId, new RuleSetting(null, Map.of(), List.of(waivers))),
        Level.WARNING,
        "policy release-policy.yaml");
  }

  private static Waiver waiver(String id, String until) {
    return new Waiver(id, java.time.LocalDate.parse(until), "accepted", "release-policy.yaml", 7);
  }

  @Test
  void aWaivedFindingIsReportedButFailsNothingThroughItsLastDay() {
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(failing)), JAN_2027);

    RuleResult result =
        engine
            .evaluate(
                waiving("failing", waiver("k", "2027-01-31")),
                StubFacts.create(),
                RuleSelection.all())
            .get(0);
    Evaluation evaluation = new Evaluation("p", "1", ".", List.of(result));

    assertThat(result.outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(result.summary()).isEqualTo("bad (1 finding waived)");
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.waived()).isTrue();
              assertThat(f.level()).isEqualTo(Level.ERROR);
              assertThat(f.counts()).isFalse();
            });
    assertThat(evaluation.fails(Level.WARNING)).isFalse();
    assertThat(evaluation.counts()).containsEntry(Outcome.WAIVED, 1L);
  }

  @Test
  void aWaiverForAnotherKeyWaivesNothing() {
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(failing)), JAN_2027);

    RuleResult result =
        engine
            .evaluate(
                waiving("failing", waiver("other", "2030-01-01")),
                StubFacts.create(),
                RuleSelection.all())
            .get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.findings().get(0).waived()).isFalse();
  }

  @Test
  void anExpiredWaiverStopsWaivingAndIsAnErrorAtItsPlace() {
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(styling, passing)), JAN_2027);
    Policy policy =
        new Policy(
            Map.of(
                "styling", new RuleSetting(null, Map.of(), List.of(waiver("s", "2027-01-30"))),
                "passing", new RuleSetting(null, Map.of(), List.of(waiver("gone", "2026-12-31")))),
            Level.WARNING,
            "policy release-policy.yaml");

    List<RuleResult> results = engine.evaluate(policy, StubFacts.create(), RuleSelection.all());

    RuleResult styled = results.get(0);
    assertThat(styled.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(styled.summary()).isEqualTo("meh; 1 waiver has expired");
    assertThat(styled.findings())
        .extracting(f -> f.finding().key(), RuleResult.LeveledFinding::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s", Level.WARNING),
            org.assertj.core.groups.Tuple.tuple("waiver-expired:s", Level.ERROR));
    Finding expired = styled.findings().get(1).finding();
    assertThat(expired.message())
        .isEqualTo("the waiver for 's' expired after 2027-01-30 (its reason: accepted)");
    assertThat(expired.evidence())
        .containsExactly(
            new Evidence("release-policy.yaml", 7, "ignore: { id: s, until: 2027-01-30 }"));
    assertThat(expired.fix()).startsWith("fix what the finding reports");
    RuleResult passed = results.get(1);
    assertThat(passed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(passed.findings().get(0).finding().fix())
        .isEqualTo("the finding it waived is gone: delete the waiver at release-policy.yaml:7");
  }

  @Test
  void anUnobtainableFactCanBeWaivedLikeAnyFinding() {
    PolicyEngine engine = new PolicyEngine(RuleRegistry.of(List.of(offline())), JAN_2027);
    Policy strict =
        new Policy(
            Map.of(
                "offline",
                new RuleSetting(
                    null, Map.of(), List.of(waiver(Finding.UNAVAILABLE, "2027-02-01")))),
            Level.ERROR,
            "strict");

    Evaluation evaluation =
        new Evaluation(
            "p", "1", ".", engine.evaluate(strict, StubFacts.create(), RuleSelection.all()));

    assertThat(evaluation.results().get(0).outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(evaluation.fails(Level.ERROR)).isFalse();
    assertThat(evaluation.failsOnlyForUnavailableFacts(Level.ERROR)).isFalse();
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
