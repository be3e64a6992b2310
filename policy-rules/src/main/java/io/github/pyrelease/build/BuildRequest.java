package io.github.pyrelease.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What to build and how.
 *
 * @param projectDir the Python project (holding pyproject.toml)
 * @param outDir where the sdist and the wheel go
 * @param python the interpreter: a command on the PATH or a path; {@code null} (or blank) chooses
 *     one: the project's virtual environment, python3 on the PATH or the system's, the first that
 *     has the build requirements
 * @param pythonProperty the setting that chose the interpreter, named in errors
 * @param frontend which tool drives the backend
 * @param isolated build in a fresh virtual environment, installing the build requirements with pip
 *     (needs a package index)
 * @param timeout how long each build step may take
 * @param clean delete the wheels and sdists already in {@code outDir} first (Maven's target/dist is
 *     pyrelease's own; a user's dist/ is not cleaned)
 * @param configSettings PEP 517 config settings passed to the backend
 */
public record BuildRequest(
    Path projectDir,
    Path outDir,
    String python,
    String pythonProperty,
    Frontend frontend,
    boolean isolated,
    Duration timeout,
    boolean clean,
    Map<String, String> configSettings) {

  public BuildRequest {
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(outDir, "outDir");
    python = python == null || python.isBlank() ? null : python;
    Objects.requireNonNull(frontend, "frontend");
    Objects.requireNonNull(timeout, "timeout");
    configSettings = Map.copyOf(configSettings);
  }
}
