package io.github.pyrelease.report;

/**
 * One line of the human-readable report, with the severity a console shows it at.
 *
 * @param severity how a console should show the line
 * @param text the line, without colour
 */
public record ReportLine(Severity severity, String text) {

  /** How a console shows a line. */
  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }

  static ReportLine info(String text) {
    return new ReportLine(Severity.INFO, text);
  }
}
