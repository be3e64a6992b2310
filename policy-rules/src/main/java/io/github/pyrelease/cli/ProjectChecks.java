package io.github.pyrelease.cli;

import io.github.pyrelease.FrontEnd;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.check.CheckResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The check of many projects (a monorepo) in one process: in parallel, each project on its own
 * facts and reports, printed in path order once all are done, then one summary line.
 */
final class ProjectChecks {

  /** One project's result, or the error that kept it from being checked. */
  record Checked(Path project, CheckResult result, PyreleaseException error) {}

  private ProjectChecks() {}

  static List<Checked> run(List<Path> projects, Function<Path, CheckResult> check, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Checked>> futures = new ArrayList<>();
      for (Path project : projects) {
        futures.add(pool.submit(() -> checked(project, check)));
      }
      List<Checked> all = new ArrayList<>();
      for (Future<Checked> future : futures) {
        all.add(future.get());
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PyreleaseException("interrupted while checking the projects", null, "run again");
    } catch (ExecutionException e) {
      // not a project's own error (those are results): a bug, shown as such by the CLI
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Checked checked(Path project, Function<Path, CheckResult> check) {
    try {
      return new Checked(project, check.apply(project), null);
    } catch (PyreleaseException e) {
      return new Checked(project, null, e);
    }
  }

  /** Prints every project's lines, then the summary; returns the exit code of them all. */
  static int print(List<Checked> all, PyreleaseCli cli, PrintWriter out, PrintWriter err) {
    int failed = 0;
    int unchecked = 0;
    int factsOnly = 0;
    List<String> failing = new ArrayList<>();
    for (Checked checked : all) {
      if (checked.error() != null) {
        unchecked++;
        failing.add(checked.project().toString());
        err.println(
            "pyrelease: " + checked.project() + ": " + checked.error().describe(FrontEnd.CLI));
        continue;
      }
      CheckOutput.print(checked.result(), cli, out);
      out.println();
      int code = CheckOutput.exitCode(checked.result());
      if (code == ExitCode.RULE_FAILED) {
        failed++;
        failing.add(checked.project().toString());
      } else if (code == ExitCode.FACT_UNAVAILABLE) {
        factsOnly++;
        failing.add(checked.project().toString());
      }
    }
    int passed = all.size() - failed - unchecked - factsOnly;
    out.println(
        all.size()
            + (all.size() == 1 ? " project: " : " projects: ")
            + passed
            + " passed, "
            + failed
            + " failed, "
            + factsOnly
            + " with facts not obtained, "
            + unchecked
            + " not checked"
            + (failing.isEmpty() ? "" : " (" + String.join(", ", failing) + ")"));
    out.flush();
    if (unchecked > 0) {
      return ExitCode.INPUT_ERROR;
    }
    if (failed > 0) {
      return ExitCode.RULE_FAILED;
    }
    return factsOnly > 0 ? ExitCode.FACT_UNAVAILABLE : ExitCode.OK;
  }
}
