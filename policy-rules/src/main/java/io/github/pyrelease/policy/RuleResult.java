package io.github.pyrelease.policy;

import java.util.List;

/**
 * A rule's result in one evaluation.
 *
 * @param ruleId the rule
 * @param stage the rule's stage
 * @param description what the rule checks
 * @param level the level the policy gave the rule
 * @param outcome what became of it
 * @param summary one line saying why
 * @param findings what it found, each with its level under this policy
 */
public record RuleResult(
    String ruleId,
    Stage stage,
    String description,
    Level level,
    Outcome outcome,
    String summary,
    List<LeveledFinding> findings) {

  public RuleResult {
    findings = List.copyOf(findings);
  }

  /**
   * A finding with the level it has under the policy.
   *
   * @param waiver the policy's waiver that accepts this finding, or {@code null}; a waived finding
   *     keeps the level it would have, for reports, but fails nothing
   */
  public record LeveledFinding(Finding finding, Level level, Waiver waiver) {

    public LeveledFinding(Finding finding, Level level) {
      this(finding, level, null);
    }

    public boolean waived() {
      return waiver != null;
    }

    /** Whether this finding counts towards the rule's outcome: it is not waived. */
    public boolean counts() {
      return waiver == null;
    }
  }
}
