package io.github.pyrelease.project;

import io.github.pyrelease.text.PythonRegex;
import java.util.Optional;

/**
 * Follows {@code [tool.pdm.version]} the way pdm-backend does: {@code source = "file"} reads {@code
 * __version__} from {@code path} with pdm-backend's pattern; {@code scm} is a version from git tags
 * (see {@link VcsVersionDetector}); {@code call} runs code at build time.
 */
final class PdmVersionReader {

  private static final String TABLE = "[tool.pdm.version]";

  private final ProjectFiles files;
  private final TomlFile toml;

  PdmVersionReader(ProjectFiles files, TomlFile toml) {
    this.files = files;
    this.toml = toml;
  }

  boolean configured() {
    return toml.contains("tool", "pdm", "version");
  }

  /** The version {@code [tool.pdm.version]} points at; empty when it is absent or {@code scm}. */
  Optional<Lookup> read() {
    if (!configured()) {
      return Optional.empty();
    }
    Optional<Located> source = toml.string("tool", "pdm", "version", "source");
    if (source.isEmpty()) {
      return Optional.of(
          Lookup.missing(
              TABLE + " has no source (pdm-backend requires it)",
              toml.where("tool", "pdm", "version"),
              "add source = \"file\" and path = \"src/<package>/__init__.py\", or source = \"scm\""));
    }
    switch (source.get().value()) {
      case "scm":
        return Optional.empty();
      case "file":
        break;
      default:
        return Optional.of(
            Lookup.missing(
                TABLE
                    + " source = \""
                    + source.get().value()
                    + "\" computes the version at build time; pyrelease reads versions from files",
                source.get().where(),
                "use source = \"file\" with a path, or source = \"scm\""));
    }
    Optional<Located> path = toml.string("tool", "pdm", "version", "path");
    if (path.isEmpty()) {
      return Optional.of(
          Lookup.missing(
              TABLE + " source = \"file\" has no path",
              source.get().where(),
              "add path = \"src/<package>/__init__.py\" to " + TABLE));
    }
    PythonRegex pattern = PythonRegex.compile(RegexVersionReader.PDM_FILE_PATTERN, true);
    return Optional.of(
        RegexVersionReader.read(
            files,
            files.normalise(path.get().value()),
            pattern,
            TABLE + " path",
            path.get().where(),
            "__version__ (" + TABLE + " path)"));
  }
}
