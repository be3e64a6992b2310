package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the module flit_core takes {@code __version__} from, as flit_core's {@code Module} does:
 * the name from {@code [tool.flit.module] name} (or the legacy {@code [tool.flit.metadata]
 * module}), else the project name with {@code -} replaced by {@code _}; then exactly one of {@code
 * <module>/}, {@code <module>.py}, {@code src/<module>/} or {@code src/<module>.py} must exist.
 */
final class FlitVersionReader {

  private final ProjectFiles files;
  private final Pyproject pyproject;

  FlitVersionReader(ProjectFiles files, Pyproject pyproject) {
    this.files = files;
    this.pyproject = pyproject;
  }

  /** The import name of the module flit builds, if one can be named. */
  Optional<String> moduleName() {
    TomlFile toml = pyproject.toml();
    Optional<Located> name = toml.string("tool", "flit", "module", "name");
    if (name.isEmpty()) {
      name = toml.string("tool", "flit", "metadata", "module");
    }
    if (name.isPresent()) {
      return Optional.of(name.get().value());
    }
    return toml.string("project", "name").map(n -> n.value().replace('-', '_'));
  }

  Lookup read() {
    TomlFile toml = pyproject.toml();
    String where =
        toml.contains("tool", "flit", "module")
            ? toml.where("tool", "flit", "module")
            : pyproject.whereDynamic();
    Optional<String> name = moduleName();
    if (name.isEmpty()) {
      return Lookup.missing(
          "flit_core cannot name the module to read __version__ from: [project] has no name",
          where,
          "add name to [project] or [tool.flit.module] name = \"<module>\"");
    }
    String path = name.get().replace('.', '/');
    List<String> found = new ArrayList<>();
    String file = null;
    String prefix = "";
    for (String candidate : List.of(path, path + ".py", "src/" + path, "src/" + path + ".py")) {
      ProjectFiles.Kind kind = files.kind(candidate);
      boolean module = candidate.endsWith(".py");
      if (module ? kind == ProjectFiles.Kind.FILE : kind == ProjectFiles.Kind.DIRECTORY) {
        found.add(candidate);
        file = module ? candidate : candidate + "/__init__.py";
        prefix = candidate.startsWith("src/") ? "src" : "";
      }
    }
    if (found.size() > 1) {
      return Lookup.missing(
          "flit_core finds more than one module named "
              + name.get()
              + ": "
              + String.join(", ", found),
          where,
          "keep only one of them");
    }
    if (file == null) {
      return Lookup.missing(
          "flit_core finds no module named "
              + name.get()
              + " (looked for "
              + path
              + "/, "
              + path
              + ".py, src/"
              + path
              + "/, src/"
              + path
              + ".py)",
          where,
          "create the module or set [tool.flit.module] name to the module's import name");
    }
    if (!files.isFile(file)) {
      return Lookup.missing(
          "package " + found.get(0) + " has no __init__.py for flit_core to read __version__ from",
          where,
          "add " + file + " with __version__ = \"0.1.0\"");
    }
    return new ModuleAttributeReader(files)
        .find(
            file,
            "__version__",
            List.of(prefix),
            new ModuleAttributeReader.Route("flit module " + name.get(), where, false));
  }
}
