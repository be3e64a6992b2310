package io.github.pyrelease.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void laterGoalsAddTheirStageToWhatEarlierGoalsReported() {
    RuleResult source = result("version-pep440", Stage.SOURCE, Outcome.PASSED);
    RuleResult oldDist = result("dist-record", Stage.DIST, Outcome.FAILED);
    RuleResult newDist = result("dist-record", Stage.DIST, Outcome.PASSED);
    RuleResult release = result("clean-tree", Stage.RELEASE, Outcome.PASSED);
    Evaluation now = new Evaluation("p", "1", ".", List.of(release, newDist));

    Evaluation reported =
        now.after(List.of(oldDist, source), List.of("version-pep440", "dist-record", "clean-tree"));

    assertThat(reported.results()).containsExactly(source, newDist, release);
    assertThat(reported.fails(Level.ERROR)).isFalse();
    assertThat(now.after(List.of(), List.of())).isSameAs(now);
  }

  @Test
  void rulesTheRegistryDoesNotKnowGoLast() {
    RuleResult known = result("a", Stage.SOURCE, Outcome.PASSED);
    RuleResult stranger = result("z", Stage.SOURCE, Outcome.PASSED);

    Evaluation reported =
        new Evaluation("p", "1", ".", List.of(known)).after(List.of(stranger), List.of("a"));

    assertThat(reported.results()).containsExactly(known, stranger);
  }

  private static RuleResult result(String id, Stage stage, Outcome outcome) {
    return new RuleResult(id, stage, "d", Level.ERROR, outcome, "s", List.of());
  }
}
