package io.github.pyrelease.project;

import io.github.pyrelease.text.PythonRegex;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * Follows {@code [tool.hatch.version]} the way hatchling does: the default {@code regex} source
 * reads {@code path} with hatchling's default pattern or the configured {@code pattern} (which must
 * have a {@code version} group); the {@code code} source is read when its {@code expression} is a
 * plain name assigned a literal. {@code vcs} is a version from git tags (see {@link
 * VcsVersionDetector}); {@code env} and other sources have no version in the files.
 */
final class HatchVersionReader {

  private static final String TABLE = "[tool.hatch.version]";

  private final ProjectFiles files;
  private final TomlFile toml;

  HatchVersionReader(ProjectFiles files, TomlFile toml) {
    this.files = files;
    this.toml = toml;
  }

  boolean configured() {
    return toml.contains("tool", "hatch", "version");
  }

  String source() {
    return toml.string("tool", "hatch", "version", "source").map(Located::value).orElse("regex");
  }

  String where() {
    return toml.where("tool", "hatch", "version");
  }

  /** The version {@code [tool.hatch.version]} points at; empty when it is absent or {@code vcs}. */
  Optional<Lookup> read() {
    if (!configured()) {
      return Optional.empty();
    }
    return switch (source()) {
      case "regex" -> Optional.of(readRegex());
      case "code" -> Optional.of(readCode());
      case "vcs" -> Optional.empty();
      default ->
          Optional.of(
              Lookup.missing(
                  TABLE
                      + " source = \""
                      + source()
                      + "\" computes the version at build time; pyrelease reads versions from files",
                  toml.where("tool", "hatch", "version", "source"),
                  "use the regex source (path = \"src/<package>/__about__.py\") or source = \"vcs\""));
    };
  }

  private Lookup readRegex() {
    Optional<Located> path = toml.string("tool", "hatch", "version", "path");
    if (path.isEmpty()) {
      return Lookup.missing(
          TABLE + " has no path (hatchling requires it for the regex source)",
          where(),
          "add path = \"src/<package>/__about__.py\" to " + TABLE);
    }
    String route = TABLE + " path";
    String file = files.normalise(path.get().value());
    Optional<Located> custom = customPattern();
    if (custom.isEmpty()) {
      PythonRegex pattern = PythonRegex.compile(RegexVersionReader.HATCH_DEFAULT_PATTERN, true);
      return RegexVersionReader.read(files, file, pattern, route, path.get().where(), null);
    }
    PythonRegex pattern = compile(custom.get());
    String label = TABLE + " pattern";
    return RegexVersionReader.read(files, file, pattern, label, path.get().where(), label);
  }

  /** The configured pattern (a string, as hatchling requires); an empty one means the default. */
  private Optional<Located> customPattern() {
    return toml.string("tool", "hatch", "version", "pattern").filter(p -> !p.value().isEmpty());
  }

  private static PythonRegex compile(Located pattern) {
    PythonRegex regex;
    try {
      regex = PythonRegex.compile(pattern.value(), true);
    } catch (PatternSyntaxException e) {
      throw new ProjectReadException(
          TABLE + " pattern is not a regular expression pyrelease can use: " + e.getDescription(),
          pattern.where(),
          "correct the pattern; it needs a group named version, such as"
              + " BUILD = '(?P<version>[^']+)'");
    }
    if (!regex.hasGroup("version")) {
      throw new ProjectReadException(
          TABLE + " pattern has no group named version",
          pattern.where(),
          "name the group that matches the version: (?P<version>...)");
    }
    return regex;
  }

  private Lookup readCode() {
    Optional<Located> path = toml.string("tool", "hatch", "version", "path");
    String expression =
        toml.string("tool", "hatch", "version", "expression")
            .map(Located::value)
            .orElse("__version__");
    if (path.isEmpty()) {
      return Lookup.missing(
          TABLE + " source = \"code\" has no path",
          where(),
          "add path = \"src/<package>/__init__.py\" to " + TABLE);
    }
    String route = TABLE + " source = \"code\"";
    if (!expression.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return Lookup.missing(
          route + " evaluates " + expression + " at build time; pyrelease reads literals only",
          toml.where("tool", "hatch", "version", "expression"),
          "make expression a variable name assigned a string, or use the regex source");
    }
    String file = files.normalise(path.get().value());
    if (!files.isFile(file)) {
      return Lookup.missing(
          "file does not exist: " + file + " (" + route + ")",
          path.get().where(),
          "create " + file + " or correct path");
    }
    return new ModuleAttributeReader(files)
        .find(
            file,
            expression,
            List.of(""),
            new ModuleAttributeReader.Route(route, path.get().where(), false));
  }
}
