package io.github.pyrelease.check;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a check.
 *
 * @param evaluation this run's results: they decide whether the check failed
 * @param reported what the reports show: this run's results after those of earlier goals of the
 *     same build
 * @param policyOrigin where the policy came from
 * @param failOn the level that fails the check
 * @param reports the report files written
 */
public record CheckResult(
    Evaluation evaluation,
    Evaluation reported,
    String policyOrigin,
    Level failOn,
    List<Path> reports) {

  public CheckResult {
    reports = List.copyOf(reports);
  }

  public boolean failed() {
    return evaluation.fails(failOn);
  }

  /** The rules that failed the check. */
  public List<RuleResult> failures() {
    return evaluation.failures(failOn);
  }
}
