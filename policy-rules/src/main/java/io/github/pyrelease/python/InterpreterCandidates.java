package io.github.pyrelease.python;

import io.github.pyrelease.text.TomlText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The interpreters a project may mean when none is named, in the order uv, hatch and pdm users
 * expect: the project's own virtual environment ({@code .venv/}, {@code venv/}), the activated one
 * ({@code $VIRTUAL_ENV}), then {@code python3} on the PATH, then the system's. Poetry's and
 * pipenv's in-project environments are the project's {@code .venv}; their configuration (read from
 * files and the environment, no tool is run) is named in its label. Nothing here runs Python.
 */
public final class InterpreterCandidates {

  /**
   * One interpreter to try.
   *
   * @param label how the user knows it ({@code .venv/bin/python}, {@code python3 on PATH (...)})
   * @param launcher the command that starts it ({@code [/p/.venv/bin/python]}, {@code [py, -3]})
   */
  public record Candidate(String label, List<String> launcher) {
    public Candidate {
      launcher = List.copyOf(launcher);
    }
  }

  /** Where Debian, Ubuntu, Fedora and macOS's command line tools put the system's Python 3. */
  public static final List<Path> SYSTEM = List.of(Path.of("/usr/bin/python3"));

  private final Map<String, String> environment;
  private final boolean windows;
  private final List<Path> system;

  /**
   * @param environment the process environment (PATH, VIRTUAL_ENV, PIPENV_VENV_IN_PROJECT, ...)
   * @param windows whether virtual environments and launchers have Windows' layout
   * @param system the system interpreters to try last
   */
  public InterpreterCandidates(
      Map<String, String> environment, boolean windows, List<Path> system) {
    this.environment = Map.copyOf(environment);
    this.windows = windows;
    this.system = List.copyOf(system);
  }

  /** The candidates of this machine, as the process sees it. */
  public static InterpreterCandidates ofThisMachine() {
    boolean windows = File.separatorChar == '\\';
    return new InterpreterCandidates(System.getenv(), windows, windows ? List.of() : SYSTEM);
  }

  /** The candidates for the project in {@code projectDir}, first choice first, each once. */
  public List<Candidate> of(Path projectDir) {
    Path project = projectDir.toAbsolutePath().normalize();
    Map<Path, Candidate> found = new LinkedHashMap<>();
    String owner = inProjectOwner(project).map(o -> " (" + o + ")").orElse("");
    venvPython(project.resolve(".venv"))
        .ifPresent(p -> add(found, p, relative(project, p) + owner));
    venvPython(project.resolve("venv")).ifPresent(p -> add(found, p, relative(project, p)));
    String active = environment.get("VIRTUAL_ENV");
    if (active != null && !active.isBlank()) {
      try {
        venvPython(Path.of(active)).ifPresent(p -> add(found, p, "$VIRTUAL_ENV (" + p + ")"));
      } catch (InvalidPathException e) {
        // not a path this system can have: no environment there
      }
    }
    String name = windows ? "python.exe" : "python3";
    PythonInterpreter.onPath(name, environment.get(windows ? pathVariable() : "PATH"))
        .ifPresent(p -> add(found, p, name + " on PATH (" + p + ")"));
    for (Path path : system) {
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        add(found, path, path.toString());
      }
    }
    List<Candidate> candidates = new ArrayList<>(found.values());
    if (windows) {
      PythonInterpreter.onPath("py.exe", environment.get(pathVariable()))
          .ifPresent(py -> candidates.add(new Candidate("py -3", List.of(py.toString(), "-3"))));
    }
    return candidates;
  }

  /** The interpreter of the virtual environment in {@code dir}, if it is one. */
  private Optional<Path> venvPython(Path dir) {
    if (!Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
      return Optional.empty();
    }
    Path python = windows ? dir.resolve("Scripts/python.exe") : dir.resolve("bin/python");
    return Files.isRegularFile(python) && Files.isExecutable(python)
        ? Optional.of(python.toAbsolutePath().normalize())
        : Optional.empty();
  }

  /** Which tool's configuration keeps its environment in the project's .venv, if one does. */
  private Optional<String> inProjectOwner(Path project) {
    Boolean poetry = truth(environment.get("POETRY_VIRTUALENVS_IN_PROJECT"));
    if (poetry == null) {
      poetry = poetryInProject(project.resolve("poetry.toml"));
    }
    if (poetry == null) {
      poetry = poetryInProject(poetryConfigDir().resolve("pypoetry/config.toml"));
    }
    if (Boolean.TRUE.equals(poetry)) {
      return Optional.of("poetry: virtualenvs.in-project");
    }
    if (Boolean.TRUE.equals(truth(environment.get("PIPENV_VENV_IN_PROJECT")))) {
      return Optional.of("pipenv: PIPENV_VENV_IN_PROJECT");
    }
    return Optional.empty();
  }

  /** {@code virtualenvs.in-project} of a poetry configuration file, or null when it is unset. */
  private static Boolean poetryInProject(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      TomlText.Parsed parsed = TomlText.parse(Files.readString(file));
      Object value =
          parsed.valid() ? parsed.toml().get(List.of("virtualenvs", "in-project")) : null;
      return value instanceof Boolean b ? b : null;
    } catch (IOException | RuntimeException e) {
      return null; // poetry itself reports its broken configuration; the choice just ignores it
    }
  }

  private Path poetryConfigDir() {
    String xdg = environment.get("XDG_CONFIG_HOME");
    if (windows && environment.get("APPDATA") != null) {
      return Path.of(environment.get("APPDATA"));
    }
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg);
    }
    return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
  }

  /** How poetry and pipenv read a boolean variable: null when unset or not a boolean. */
  private static Boolean truth(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off", "" -> false;
      default -> null;
    };
  }

  /** Windows spells it Path; Java's environment map there is case-insensitive, a copy is not. */
  private String pathVariable() {
    return environment.keySet().stream()
        .filter(k -> k.equalsIgnoreCase("PATH"))
        .findFirst()
        .orElse("PATH");
  }

  private static void add(Map<Path, Candidate> found, Path executable, String label) {
    Path key =
        executable.toAbsolutePath().normalize(); // not the real path: a venv links to its base
    found.putIfAbsent(key, new Candidate(label, List.of(executable.toString())));
  }

  private static String relative(Path project, Path executable) {
    return project.relativize(executable).toString();
  }
}
