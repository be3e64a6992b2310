package io.github.pyrelease.maven;

import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failed evaluation as Maven shows it: which rules failed, each failure's message, evidence and
 * fix, then the report people open first; for goals and the enforcer rule alike.
 */
final class FailureMessage {

  private FailureMessage() {}

  static String of(CheckResult result) {
    List<RuleResult> failures = result.failures();
    StringBuilder message =
        new StringBuilder()
            .append(failures.size())
            .append(failures.size() == 1 ? " rule" : " rules")
            .append(" failed: ")
            .append(failures.stream().map(RuleResult::ruleId).collect(Collectors.joining(", ")));
    for (RuleResult failure : failures) {
      for (LeveledFinding finding : failure.findings()) {
        if (finding.counts() && !finding.level().equals(Level.INFO)) {
          message.append(System.lineSeparator()).append(failure.ruleId()).append(": ");
          message.append(finding.finding().message());
          finding
              .finding()
              .evidence()
              .forEach(e -> message.append(System.lineSeparator()).append("  ").append(e));
          if (finding.finding().fix() != null) {
            message
                .append(System.lineSeparator())
                .append("  fix: ")
                .append(finding.finding().fix());
          }
        }
      }
    }
    if (!result.reports().isEmpty()) {
      Path report =
          result.reports().stream()
              .filter(p -> p.getFileName().toString().equals(ReportFormat.HTML.fileName()))
              .findFirst()
              .orElse(result.reports().get(0));
      message.append(System.lineSeparator()).append("report: ").append(report);
    }
    return message.toString();
  }
}
