package io.github.pyrelease.cli;

import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.report.GithubAnnotations;
import io.github.pyrelease.report.TextReport;
import java.io.PrintWriter;

/** An evaluation as the console shows it: the report's lines, annotations in CI, the files. */
final class CheckOutput {

  private CheckOutput() {}

  static void print(CheckResult result, PyreleaseCli cli, PrintWriter out) {
    ConsoleStyle style = new ConsoleStyle(cli.colour());
    TextReport.lines(result.evaluation(), result.policyOrigin())
        .forEach(line -> out.println(style.apply(line)));
    if (GithubAnnotations.enabled(cli.environment())) {
      GithubAnnotations.lines(result.evaluation(), result.evaluation().projectDir())
          .forEach(out::println);
    }
    result.reports().forEach(report -> out.println("report: " + report));
    out.flush();
  }

  /** The exit code of a finished evaluation. */
  static int exitCode(CheckResult result) {
    if (!result.failed()) {
      return ExitCode.OK;
    }
    return result.evaluation().failsOnlyForUnavailableFacts(result.failOn())
        ? ExitCode.FACT_UNAVAILABLE
        : ExitCode.RULE_FAILED;
  }
}
