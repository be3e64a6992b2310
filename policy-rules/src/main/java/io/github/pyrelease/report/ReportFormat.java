package io.github.pyrelease.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report files an evaluation can write. */
public enum ReportFormat {
  TEXT("report.txt"),
  JSON("report.json"),
  /** SARIF 2.1.0, for code scanning (GitHub, GitLab, IDEs). */
  SARIF("report.sarif"),
  /** JUnit XML, one testcase per rule, for CI dashboards. */
  JUNIT("report.xml"),
  /** One self-contained page for people. */
  HTML("report.html");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The name users write in {@code --format} and {@code pyrelease.reportFormats}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String fileName() {
    return fileName;
  }

  public static Optional<ReportFormat> fromId(String text) {
    return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(text.trim())).findFirst();
  }

  public static String choices() {
    return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
  }
}
