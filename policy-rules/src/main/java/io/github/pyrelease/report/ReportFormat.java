package io.github.pyrelease.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report files an evaluation can write. */
public enum ReportFormat {
  TEXT("report.txt"),
  JSON("report.json");

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
