package io.github.pyrelease.build;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.text.TomlText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * A project's {@code [build-system]} (PEP 517/518): the backend, where it may be loaded from, and
 * what the build needs installed. A project without one gets the setuptools legacy backend, as PEP
 * 517 front ends do.
 *
 * @param backend {@code module:object}, such as {@code hatchling.build}
 * @param backendPath directories inside the project to load an in-tree backend from
 * @param requires the build requirements (PEP 508)
 * @param declared whether pyproject.toml declares a build backend (false: the legacy default)
 * @param requiresPython {@code [project] requires-python}, or {@code null}
 */
public record BuildSystem(
    String backend,
    List<String> backendPath,
    List<String> requires,
    boolean declared,
    String requiresPython) {

  /** What PEP 517 says a front end uses when a project names no backend. */
  public static final String LEGACY_BACKEND = "setuptools.build_meta:__legacy__";

  public BuildSystem {
    backendPath = List.copyOf(backendPath);
    requires = List.copyOf(requires);
  }

  /**
   * Reads {@code [build-system]} from the project's pyproject.toml.
   *
   * @throws PyreleaseException when the file is malformed or backend-path leaves the project
   */
  public static BuildSystem read(Path projectDir) {
    Path file = projectDir.resolve("pyproject.toml");
    if (!Files.isRegularFile(file)) {
      if (Files.isRegularFile(projectDir.resolve("setup.py"))) {
        return legacy();
      }
      throw new PyreleaseException(
          "no pyproject.toml or setup.py in " + projectDir,
          projectDir.toString(),
          "point pyrelease.projectDir (CLI: DIR) at the Python project");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException | RuntimeException e) {
      throw new PyreleaseException(
          "cannot read " + file + ": " + e.getMessage(), file.toString(), "fix the file");
    }
    TomlText.Parsed parsed = TomlText.parse(text);
    if (!parsed.valid()) {
      throw new PyreleaseException(
          "pyproject.toml is not valid TOML: " + parsed.error(),
          parsed.line() > 0 ? file + ":" + parsed.line() : file.toString(),
          "correct the TOML syntax at that line");
    }
    TomlParseResult toml = parsed.toml();
    String backend = stringAt(toml, file, "build-system.build-backend");
    String requiresPython = stringAt(toml, file, "project.requires-python");
    List<String> requires = stringsAt(toml, file, "build-system.requires");
    List<String> backendPath = stringsAt(toml, file, "build-system.backend-path");
    for (String dir : backendPath) {
      Path resolved = projectDir.resolve(dir).normalize();
      if (!resolved.startsWith(projectDir.normalize())) {
        throw new PyreleaseException(
            "[build-system] backend-path entry '" + dir + "' is outside the project",
            file.toString(),
            "PEP 517 allows only directories inside the project in backend-path");
      }
    }
    if (backend == null) {
      List<String> legacyRequires = requires.isEmpty() ? legacy().requires() : requires;
      return new BuildSystem(LEGACY_BACKEND, List.of(), legacyRequires, false, requiresPython);
    }
    return new BuildSystem(backend, backendPath, requires, true, requiresPython);
  }

  private static BuildSystem legacy() {
    return new BuildSystem(LEGACY_BACKEND, List.of(), List.of("setuptools>=40.8.0"), false, null);
  }

  /** The backend's top-level module, such as {@code hatchling}. */
  public String backendModule() {
    String module = backend.split(":", 2)[0].strip();
    return module.split("\\.", 2)[0];
  }

  private static String stringAt(TomlParseResult toml, Path file, String key) {
    Object value = toml.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw wrongType(file, key, "a string");
  }

  private static List<String> stringsAt(TomlParseResult toml, Path file, String key) {
    Object value = toml.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof TomlArray array)) {
      throw wrongType(file, key, "an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof String s)) {
        throw wrongType(file, key, "an array of strings");
      }
      strings.add(s);
    }
    return strings;
  }

  private static PyreleaseException wrongType(Path file, String key, String expected) {
    return new PyreleaseException(
        key + " must be " + expected, file.toString(), "correct " + key + " in " + file);
  }
}
