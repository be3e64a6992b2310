package io.github.pyrelease.build;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.python.InstallHints;
import io.github.pyrelease.python.ProcessFailedException;
import io.github.pyrelease.python.ProcessOutput;
import io.github.pyrelease.python.ProcessResult;
import io.github.pyrelease.python.ProcessRunner;
import io.github.pyrelease.python.PythonInterpreter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands the build to the tool the user prefers: {@code python -m build} or {@code uv build}, both
 * building the sdist and then the wheel from it. Without isolation they use the interpreter's
 * installed build requirements, as pyrelease's own front end does.
 */
final class DelegatedFrontend {

  private final BuildRequest request;
  private final Map<String, String> environment;
  private final BuildLog log;

  DelegatedFrontend(BuildRequest request, Map<String, String> environment, BuildLog log) {
    this.request = request;
    this.environment = environment;
    this.log = log;
  }

  void build(PythonInterpreter python) {
    List<String> command =
        switch (request.frontend()) {
          case BUILD -> buildCommand(python);
          case UV -> uvCommand(python);
          case PYRELEASE -> throw new IllegalArgumentException("not a delegated front end");
        };
    log.info("running " + ProcessRunner.display(command));
    ProcessResult result =
        ProcessRunner.run(
            command, request.projectDir(), environment, request.timeout(), log::output);
    if (!result.succeeded()) {
      throw new ProcessFailedException(
          request.frontend().id() + " failed to build the distributions",
          result,
          result.timedOut()
              ? "raise pyrelease.buildTimeout (seconds) if the build is just slow"
              : "read its output above; pyrelease.frontend=pyrelease uses pyrelease's own front"
                  + " end instead");
    }
  }

  private List<String> buildCommand(PythonInterpreter python) {
    ProcessResult probe =
        ProcessRunner.run(
            python.command("-c", "import build"),
            null,
            Map.of(),
            Duration.ofSeconds(60),
            ProcessOutput.discard());
    if (!probe.succeeded()) {
      throw new PyreleaseException(
          "pyrelease.frontend=build needs pypa/build, which "
              + python.executable()
              + " cannot import",
          "pyrelease.frontend",
          "install it: "
              + InstallHints.install(List.of("build"), List.of("build"))
              + "; or use pyrelease's own front end (pyrelease.frontend=pyrelease)");
    }
    List<String> command =
        new ArrayList<>(
            python.command(
                "-m", "build", "--outdir", request.outDir().toAbsolutePath().toString()));
    if (!request.isolated()) {
      command.add("--no-isolation");
    }
    request.configSettings().forEach((k, v) -> command.add("--config-setting=" + k + "=" + v));
    command.add(request.projectDir().toAbsolutePath().toString());
    return command;
  }

  private List<String> uvCommand(PythonInterpreter python) {
    Path uv =
        PythonInterpreter.onPath("uv")
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        "pyrelease.frontend=uv needs uv, which is not on the PATH",
                        "pyrelease.frontend",
                        "install uv (https://docs.astral.sh/uv/getting-started/installation/),"
                            + " or use pyrelease's own front end (pyrelease.frontend=pyrelease)"));
    List<String> command =
        new ArrayList<>(
            List.of(
                uv.toString(),
                "build",
                "--out-dir",
                request.outDir().toAbsolutePath().toString(),
                "--python",
                python.executable().toString()));
    if (!request.isolated()) {
      command.add("--no-build-isolation");
    }
    request.configSettings().forEach((k, v) -> command.add("--config-setting=" + k + "=" + v));
    command.add(request.projectDir().toAbsolutePath().toString());
    return command;
  }
}
