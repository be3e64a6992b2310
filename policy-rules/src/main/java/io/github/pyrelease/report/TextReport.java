package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.policy.Waiver;
import io.github.pyrelease.report.ReportLine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable report: one line per rule, then each finding with its evidence and fix, then a
 * count. The same lines go to the console and to {@code report.txt}.
 */
public final class TextReport {

  private static final int ID_WIDTH =
      20; // wide enough for the longest built-in rule id, so the reasons line up

  private TextReport() {}

  public static List<ReportLine> lines(Evaluation evaluation, String policyOrigin) {
    List<ReportLine> lines = new ArrayList<>();
    lines.add(ReportLine.info(header(evaluation, policyOrigin)));
    for (RuleResult result : evaluation.results()) {
      lines.add(
          new ReportLine(
              severity(result.outcome()),
              String.format(
                  Locale.ROOT,
                  "%-5s %-" + ID_WIDTH + "s %s",
                  tag(result.outcome()),
                  result.ruleId(),
                  result.summary())));
    }
    for (RuleResult result : evaluation.results()) {
      for (LeveledFinding finding : result.findings()) {
        lines.addAll(findingLines(result, finding));
      }
    }
    lines.add(ReportLine.info(totals(evaluation)));
    return lines;
  }

  /** The report as the text file holds it. */
  public static String render(Evaluation evaluation, String policyOrigin) {
    return lines(evaluation, policyOrigin).stream()
            .map(ReportLine::text)
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  private static String header(Evaluation evaluation, String policyOrigin) {
    String project =
        (evaluation.projectName() == null ? "(unnamed project)" : evaluation.projectName())
            + (evaluation.projectVersion() == null ? "" : " " + evaluation.projectVersion());
    return "pyrelease: " + project + " in " + evaluation.projectDir() + ", " + policyOrigin;
  }

  private static List<ReportLine> findingLines(RuleResult result, LeveledFinding leveled) {
    Severity severity = leveled.waived() ? Severity.INFO : severity(leveled.level());
    String tag = leveled.waived() ? tag(Outcome.WAIVED) : tag(leveled.level());
    List<ReportLine> lines = new ArrayList<>();
    lines.add(
        new ReportLine(severity, tag + " " + result.ruleId() + ": " + leveled.finding().message()));
    for (Evidence evidence : leveled.finding().evidence()) {
      lines.add(new ReportLine(severity, "  " + evidence));
    }
    if (leveled.waived()) {
      Waiver waiver = leveled.waiver();
      lines.add(
          new ReportLine(
              severity,
              "  waived until "
                  + waiver.until()
                  + " by "
                  + waiver.location()
                  + ": "
                  + waiver.reason()));
    } else if (leveled.finding().fix() != null) {
      lines.add(new ReportLine(severity, "  fix: " + leveled.finding().fix()));
    }
    lines.add(new ReportLine(severity, "  id: " + leveled.finding().key()));
    return lines;
  }

  static String totals(Evaluation evaluation) {
    Map<Outcome, Long> counts = evaluation.counts();
    return evaluation.results().size()
        + " rules: "
        + counts.get(Outcome.PASSED)
        + " passed, "
        + counts.get(Outcome.FAILED)
        + " failed, "
        + counts.get(Outcome.WARNING)
        + " warnings, "
        + counts.get(Outcome.INFO)
        + " info, "
        + counts.get(Outcome.WAIVED)
        + " waived, "
        + counts.get(Outcome.SKIPPED)
        + " skipped";
  }

  static String tag(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case WARNING -> "WARN";
      case INFO -> "INFO";
      case WAIVED -> "WAIVE";
      case SKIPPED -> "SKIP";
    };
  }

  private static String tag(Level level) {
    return switch (level) {
      case ERROR -> "FAIL";
      case WARNING -> "WARN";
      case INFO, OFF -> "INFO";
    };
  }

  private static Severity severity(Outcome outcome) {
    return switch (outcome) {
      case FAILED -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      default -> Severity.INFO;
    };
  }

  private static Severity severity(Level level) {
    return switch (level) {
      case ERROR -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      case INFO, OFF -> Severity.INFO;
    };
  }
}
