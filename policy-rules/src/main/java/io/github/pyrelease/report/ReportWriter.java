package io.github.pyrelease.report;

import io.github.pyrelease.io.AtomicFiles;
import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the chosen report files of an evaluation into one directory. */
public final class ReportWriter {

  private final String toolVersion;

  public ReportWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /** Writes each format atomically for a check that fails on errors. */
  public List<Path> write(
      Evaluation evaluation, String policyOrigin, Path outDir, Set<ReportFormat> formats) {
    return write(evaluation, policyOrigin, Level.ERROR, outDir, formats);
  }

  /** Writes each format atomically and returns the files written, in format order. */
  public List<Path> write(
      Evaluation evaluation,
      String policyOrigin,
      Level failOn,
      Path outDir,
      Set<ReportFormat> formats) {
    Report report = new Report(evaluation, policyOrigin, failOn, toolVersion);
    List<Path> written = new ArrayList<>();
    for (ReportFormat format : ReportFormat.values()) {
      if (!formats.contains(format)) {
        continue;
      }
      Path file = outDir.resolve(format.fileName());
      AtomicFiles.writeString(file, render(format, report));
      written.add(file);
    }
    return written;
  }

  /** The content of one report file. */
  public static String render(ReportFormat format, Report report) {
    return switch (format) {
      case TEXT -> TextReport.render(report.evaluation(), report.policy());
      case JSON -> JsonReport.render(report);
      case SARIF -> SarifReport.render(report);
      case JUNIT -> JunitReport.render(report);
      case HTML -> HtmlReport.render(report);
    };
  }
}
