package io.github.pyrelease.report;

import io.github.pyrelease.io.AtomicFiles;
import io.github.pyrelease.policy.Evaluation;
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

  /** Writes each format atomically and returns the files written, in format order. */
  public List<Path> write(
      Evaluation evaluation, String policyOrigin, Path outDir, Set<ReportFormat> formats) {
    List<Path> written = new ArrayList<>();
    for (ReportFormat format : ReportFormat.values()) {
      if (!formats.contains(format)) {
        continue;
      }
      Path file = outDir.resolve(format.fileName());
      AtomicFiles.writeString(file, render(format, evaluation, policyOrigin));
      written.add(file);
    }
    return written;
  }

  private String render(ReportFormat format, Evaluation evaluation, String policyOrigin) {
    return switch (format) {
      case TEXT -> TextReport.render(evaluation, policyOrigin);
      case JSON -> JsonReport.render(evaluation, policyOrigin, toolVersion);
    };
  }
}
