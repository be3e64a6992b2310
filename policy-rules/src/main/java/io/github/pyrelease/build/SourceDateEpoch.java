package io.github.pyrelease.build;

import io.github.pyrelease.python.ProcessOutput;
import io.github.pyrelease.python.ProcessResult;
import io.github.pyrelease.python.ProcessRunner;
import io.github.pyrelease.python.PythonInterpreter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timestamp reproducible builds use (reproducible-builds.org's SOURCE_DATE_EPOCH): the one the
 * environment already sets, else the time of the last commit, read with the {@code git} command
 * line, so that building the same commit twice gives the same files where the backend honours it.
 */
final class SourceDateEpoch {

  static final String VARIABLE = "SOURCE_DATE_EPOCH";

  private SourceDateEpoch() {}

  /** The epoch seconds and where they came from; empty outside a git work tree. */
  static Optional<Long> find(Path projectDir, Map<String, String> environment, BuildLog log) {
    String preset = environment.get(VARIABLE);
    if (preset != null && preset.matches("\\d{1,12}")) {
      log.info(VARIABLE + "=" + preset + " (from the environment)");
      return Optional.of(Long.parseLong(preset));
    }
    if (PythonInterpreter.onPath("git").isEmpty()) {
      log.info(VARIABLE + " not set: git is not on the PATH, so the build is not reproducible");
      return Optional.empty();
    }
    ProcessResult result =
        ProcessRunner.run(
            List.of("git", "-C", projectDir.toString(), "log", "-1", "--format=%ct"),
            null,
            Map.of(),
            Duration.ofSeconds(30),
            ProcessOutput.discard());
    String last = result.tail().isEmpty() ? "" : result.tail().get(result.tail().size() - 1);
    if (!result.succeeded() || !last.matches("\\d{1,12}")) {
      log.info(
          VARIABLE
              + " not set: "
              + projectDir
              + " is not in a git repository with commits, so the build is not reproducible");
      return Optional.empty();
    }
    log.info(VARIABLE + "=" + last + " (the last commit's time)");
    return Optional.of(Long.parseLong(last));
  }
}
