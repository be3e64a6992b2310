package io.github.pyrelease.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.python.InterpreterCandidates.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which interpreters a project may mean, in which order: read from files, nothing is run. */
class InterpreterCandidatesTest {

  @TempDir Path dir;

  private Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** A directory laid out as a venv (pyvenv.cfg, bin/python or Scripts/python.exe). */
  private Path venv(Path venv, boolean windows) throws IOException {
    Files.createDirectories(venv);
    Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");
    executable(venv.resolve(windows ? "Scripts/python.exe" : "bin/python"));
    return venv;
  }

  private static List<String> labels(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::label).toList();
  }

  @Test
  void projectEnvironmentsFirstThenTheActiveOneThenPathThenSystem() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    venv(project.resolve(".venv"), false);
    venv(project.resolve("venv"), false);
    Path active = venv(dir.resolve("active"), false);
    Path pathPython = executable(dir.resolve("path/python3"));
    Path system = executable(dir.resolve("usr/bin/python3"));
    List<Candidate> candidates =
        new InterpreterCandidates(
                Map.of("PATH", dir.resolve("path").toString(), "VIRTUAL_ENV", active.toString()),
                false,
                List.of(system))
            .of(project);
    assertThat(labels(candidates))
        .containsExactly(
            ".venv/bin/python",
            "venv/bin/python",
            "$VIRTUAL_ENV (" + active.resolve("bin/python") + ")",
            "python3 on PATH (" + pathPython + ")",
            system.toString());
    assertThat(candidates.get(0).launcher())
        .containsExactly(project.resolve(".venv/bin/python").toString());
  }

  @Test
  void aDirectoryWithoutPyvenvCfgIsNoEnvironmentAndEachInterpreterComesOnce() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    executable(project.resolve("venv/bin/python")); // no pyvenv.cfg: not a virtual environment
    venv(project.resolve(".venv"), false);
    Path system = executable(dir.resolve("bin/python3"));
    List<Candidate> candidates =
        new InterpreterCandidates(
                Map.of(
                    "PATH",
                    dir.resolve("bin") + ":" + dir.resolve("missing"),
                    "VIRTUAL_ENV",
                    project.resolve(".venv").toString()),
                false,
                List.of(system, dir.resolve("no/such/python3")))
            .of(project);
    assertThat(labels(candidates))
        .containsExactly(".venv/bin/python", "python3 on PATH (" + system + ")");
  }

  @Test
  void poetryInProjectSettingNamesTheProjectEnvironment() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    venv(project.resolve(".venv"), false);
    Files.writeString(project.resolve("poetry.toml"), "[virtualenvs]\nin-project = true\n");
    Map<String, String> env = Map.of("HOME", dir.toString());
    assertThat(labels(new InterpreterCandidates(env, false, List.of()).of(project)))
        .containsExactly(".venv/bin/python (poetry: virtualenvs.in-project)");
  }

  @Test
  void poetryGlobalConfigAndItsVariableCountTooTheVariableWinning() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    venv(project.resolve(".venv"), false);
    Path config = dir.resolve("config/pypoetry/config.toml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "[virtualenvs]\nin-project = true\n");
    Map<String, String> global = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
    assertThat(labels(new InterpreterCandidates(global, false, List.of()).of(project)))
        .containsExactly(".venv/bin/python (poetry: virtualenvs.in-project)");
    Map<String, String> overridden =
        Map.of(
            "XDG_CONFIG_HOME",
            dir.resolve("config").toString(),
            "POETRY_VIRTUALENVS_IN_PROJECT",
            "false");
    assertThat(labels(new InterpreterCandidates(overridden, false, List.of()).of(project)))
        .containsExactly(".venv/bin/python");
  }

  @Test
  void aBrokenPoetryConfigIsIgnored() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    venv(project.resolve(".venv"), false);
    Files.writeString(project.resolve("poetry.toml"), "[virtualenvs\nin-project = = \n");
    assertThat(
            labels(
                new InterpreterCandidates(Map.of("HOME", dir.toString()), false, List.of())
                    .of(project)))
        .containsExactly(".venv/bin/python");
  }

  @Test
  void pipenvInProjectVariableNamesTheProjectEnvironment() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    venv(project.resolve(".venv"), false);
    Map<String, String> env = Map.of("HOME", dir.toString(), "PIPENV_VENV_IN_PROJECT", "1");
    assertThat(labels(new InterpreterCandidates(env, false, List.of()).of(project)))
        .containsExactly(".venv/bin/python (pipenv: PIPENV_VENV_IN_PROJECT)");
  }

  @Test
  void windowsLayoutAndThePyLauncher() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    venv(project.resolve(".venv"), true);
    Path python = executable(dir.resolve("bin/python.exe"));
    Path py = executable(dir.resolve("bin/py.exe"));
    List<Candidate> candidates =
        new InterpreterCandidates(Map.of("Path", dir.resolve("bin").toString()), true, List.of())
            .of(project);
    assertThat(labels(candidates))
        .containsExactly(
            ".venv/Scripts/python.exe", "python.exe on PATH (" + python + ")", "py -3");
    assertThat(candidates.get(2).launcher()).containsExactly(py.toString(), "-3");
  }

  @Test
  void nothingFoundIsAnEmptyList() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    assertThat(new InterpreterCandidates(Map.of(), false, List.of()).of(project)).isEmpty();
  }
}
