package io.github.pyrelease.policy;

import java.util.List;
import java.util.Objects;

/**
 * What a rule concluded: a one-line summary and its findings (none when the rule passed).
 *
 * @param applicable false when the rule has nothing to check in this project
 */
public record Verdict(String summary, List<Finding> findings, boolean applicable) {

  public Verdict {
    Objects.requireNonNull(summary, "summary");
    findings = List.copyOf(findings);
  }

  public static Verdict pass(String summary) {
    return new Verdict(summary, List.of(), true);
  }

  /** The rule's verdict from its findings: passed when there are none. */
  public static Verdict of(String summary, List<Finding> findings) {
    return new Verdict(summary, findings, true);
  }

  public static Verdict notApplicable(String reason) {
    return new Verdict(reason, List.of(), false);
  }
}
