package io.github.pyrelease.project;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * pyproject.toml: the facts every version route needs ({@code [project]}, {@code [build-system]}),
 * checked against PEP 621, plus typed access for the tool tables each route reads.
 */
final class Pyproject {

  static final String FILE = "pyproject.toml";

  private final TomlFile toml;

  private Pyproject(TomlFile toml) {
    this.toml = toml;
    checkVersionDeclaration();
  }

  /** Reads and checks pyproject.toml, if the project has one. */
  static Optional<Pyproject> read(ProjectFiles files) {
    return files.readIfPresent(FILE).map(TomlFile::parse).map(Pyproject::new);
  }

  TomlFile toml() {
    return toml;
  }

  boolean hasProjectTable() {
    return toml.contains("project");
  }

  /** {@code [project].name}, else {@code [tool.poetry].name}. */
  Optional<Located> name() {
    Optional<Located> name = toml.string("project", "name");
    return name.isPresent() ? name : toml.string("tool", "poetry", "name");
  }

  /** The static {@code [project].version}. */
  Optional<Located> projectVersion() {
    return toml.string("project", "version");
  }

  /** Whether {@code [project].dynamic} lists {@code version}. */
  boolean versionIsDynamic() {
    return toml.strings(false, "project", "dynamic").orElse(List.of()).stream()
        .anyMatch(d -> d.value().equals("version"));
  }

  /** {@code file:line} of {@code dynamic}, else of {@code [project]}. */
  String whereDynamic() {
    return toml.contains("project", "dynamic")
        ? toml.where("project", "dynamic")
        : toml.where("project");
  }

  Optional<String> buildBackendName() {
    return toml.string("build-system", "build-backend").map(Located::value);
  }

  BuildBackend backend() {
    return BuildBackend.of(buildBackendName().orElse(null));
  }

  /** Whether {@code [build-system] requires} names the distribution (PEP 503-normalised). */
  boolean buildRequires(String distribution) {
    String wanted = normaliseName(distribution);
    return toml.strings(false, "build-system", "requires").orElse(List.of()).stream()
        .map(r -> normaliseName(r.value().split("[^A-Za-z0-9._-]", 2)[0]))
        .anyMatch(wanted::equals);
  }

  static String normaliseName(String name) {
    return name.strip().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }

  /** PEP 621: a version is either static or listed in {@code dynamic}, never both nor neither. */
  private void checkVersionDeclaration() {
    if (!hasProjectTable()) {
      return;
    }
    boolean dynamic = versionIsDynamic();
    Optional<Located> version = projectVersion();
    if (version.isPresent() && dynamic) {
      throw new ProjectReadException(
          "[project] sets version and also lists it in dynamic",
          toml.where("project", "version"),
          "keep one: remove version = \""
              + version.get().value()
              + "\" to compute it, or remove \"version\" from dynamic");
    }
    if (version.isEmpty() && !dynamic) {
      throw new ProjectReadException(
          "[project] declares no version: it has no version key and dynamic does not list"
              + " \"version\"",
          toml.where("project"),
          "add version = \"0.1.0\" under [project], or add dynamic = [\"version\"] and tell the"
              + " build backend where the version is (for example [tool.setuptools.dynamic]"
              + " version = {attr = \"package.__version__\"} or [tool.hatch.version] path)");
    }
  }
}
