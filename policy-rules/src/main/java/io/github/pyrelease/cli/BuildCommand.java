package io.github.pyrelease.cli;

import io.github.pyrelease.build.BuildLog;
import io.github.pyrelease.build.BuildRequest;
import io.github.pyrelease.build.BuildResult;
import io.github.pyrelease.build.DistributionBuilder;
import io.github.pyrelease.build.Frontend;
import io.github.pyrelease.python.InterpreterCandidates;
import io.github.pyrelease.python.InterpreterProbe;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pyrelease build}: builds the sdist and the wheel with the project's backend. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description =
        "Builds the sdist, then the wheel from it, with the project's PEP 517 build backend.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:both distributions were built",
      "1:the build backend (or the delegated front end) failed",
      "2:usage or environment error (no interpreter, missing backend or requirements)"
    })
final class BuildCommand implements Callable<Integer> {

  @ParentCommand private PyreleaseCli cli;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "the Python project (default: the current directory)")
  private Path projectDir = Path.of(".");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the distributions go (default: DIR/dist)")
  private Path outDir;

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description =
          "the interpreter that runs the backend (default: the first of DIR/.venv, DIR/venv,"
              + " $VIRTUAL_ENV, python3 on the PATH and /usr/bin/python3 that has the build"
              + " requirements)")
  private String python;

  @Option(
      names = "--frontend",
      paramLabel = "FRONTEND",
      description = "pyrelease (default), build (python -m build) or uv (uv build)")
  private String frontend = "pyrelease";

  @Option(
      names = "--isolated",
      description =
          "build in a fresh virtual environment, installing the build requirements with pip"
              + " (needs a package index)")
  private boolean isolated;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "how long each build step may take (default: 600)")
  private long timeout = 600;

  @Option(
      names = "--clean",
      description = "delete the wheels and sdists already in the output directory first")
  private boolean clean;

  @Override
  public Integer call() {
    Frontend chosen =
        Frontend.fromId(frontend)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown front end '" + frontend + "'; choose from " + Frontend.choices()));
    if (timeout <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--timeout must be a positive number of seconds");
    }
    PrintWriter out = spec.commandLine().getOut();
    BuildLog log =
        new BuildLog() {
          @Override
          public void info(String message) {
            out.println("pyrelease: " + message);
            out.flush();
          }

          @Override
          public void warn(String message) {
            out.println("pyrelease: warning: " + message);
            out.flush();
          }

          @Override
          public void output(String line) {
            out.println("  " + line);
            out.flush();
          }
        };
    boolean windows = File.separatorChar == '\\';
    InterpreterCandidates candidates =
        new InterpreterCandidates(
            cli.environment(), windows, windows ? List.of() : InterpreterCandidates.SYSTEM);
    BuildResult result =
        new DistributionBuilder(cli.environment(), candidates, new InterpreterProbe())
            .build(
                new BuildRequest(
                    projectDir,
                    outDir != null ? outDir : projectDir.resolve("dist"),
                    python,
                    "--python",
                    chosen,
                    isolated,
                    Duration.ofSeconds(timeout),
                    clean,
                    Map.of()),
                log);
    out.println(result.sdist());
    out.println(result.wheel());
    out.flush();
    return ExitCode.OK;
  }
}
