package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import java.util.List;
import java.util.Objects;

/**
 * What every report shows: the evaluation, the policy it ran under, the level that fails, and the
 * tool that wrote it.
 *
 * @param evaluation the results
 * @param policy where the policy came from
 * @param failOn the least severe level that fails the check
 * @param toolVersion pyrelease's version
 */
public record Report(Evaluation evaluation, String policy, Level failOn, String toolVersion) {

  public Report {
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(failOn, "failOn");
    Objects.requireNonNull(toolVersion, "toolVersion");
  }

  public boolean failed() {
    return evaluation.fails(failOn);
  }

  /** Whether this rule's result fails the check. */
  public boolean fails(RuleResult result) {
    return result.outcome() == Outcome.FAILED
        || (failOn == Level.WARNING && result.outcome() == Outcome.WARNING);
  }

  public List<RuleResult> results() {
    return evaluation.results();
  }

  /** "acme-widgets 1.2.0", or "(unnamed project)". */
  public String project() {
    String name = evaluation.projectName() == null ? "(unnamed project)" : evaluation.projectName();
    return evaluation.projectVersion() == null ? name : name + " " + evaluation.projectVersion();
  }

  /** The counts line the console ends with: "4 rules: 1 passed, 1 failed, ...". */
  public String summary() {
    return TextReport.totals(evaluation);
  }
}
