package io.github.pyrelease.project;

import java.util.Optional;

/**
 * towncrier's configuration: the changelog it writes ({@code filename}, default {@code NEWS.rst})
 * and where the next release's notes collect until then ({@code directory}, else the package's
 * {@code newsfragments}). Read from {@code [tool.towncrier]} in pyproject.toml, else from
 * towncrier.toml, as towncrier itself looks.
 */
record Towncrier(String file, String fragments) {

  static final String TOWNCRIER_TOML = "towncrier.toml";

  static Optional<Towncrier> read(ProjectFiles files, Optional<Pyproject> pyproject) {
    Optional<TomlFile> config =
        pyproject.map(Pyproject::toml).filter(t -> t.contains("tool", "towncrier"));
    if (config.isEmpty() && files.isFile(TOWNCRIER_TOML)) {
      config =
          files
              .readIfPresent(TOWNCRIER_TOML)
              .map(TomlFile::parse)
              .filter(t -> t.contains("tool", "towncrier"));
    }
    return config.map(Towncrier::of);
  }

  private static Towncrier of(TomlFile toml) {
    String file =
        toml.string("tool", "towncrier", "filename").map(Located::value).orElse("NEWS.rst");
    String fragments =
        toml.string("tool", "towncrier", "directory")
            .map(d -> d.value().replaceAll("/+$", "") + "/")
            .orElseGet(
                () ->
                    toml.string("tool", "towncrier", "package")
                        .map(p -> p.value().replace('.', '/') + "/newsfragments/")
                        .orElse("newsfragments/"));
    return new Towncrier(file, fragments);
  }

  /** {@code changelog} with this configuration's fragments as its pending notes. */
  Changelog pending(Changelog changelog) {
    return new Changelog(
        changelog.file(), changelog.sections(), fragments + " (towncrier news fragments)");
  }
}
