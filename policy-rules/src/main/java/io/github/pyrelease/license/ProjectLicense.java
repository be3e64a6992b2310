package io.github.pyrelease.license;

import java.util.List;
import java.util.Objects;

/**
 * The project's own licence metadata as pyproject.toml declares it.
 *
 * @param file the file it is declared in, relative to the project
 * @param form how {@code license} is written
 * @param value the expression (PEP 639 string form), the text or file of the legacy table, or
 *     {@code null}
 * @param line the line of {@code license}, or 0
 * @param fileExists for the legacy {@code { file = ... }} form, whether that file exists
 * @param licenseFiles the {@code license-files} globs with the files each matches
 * @param classifiers the {@code License ::} classifiers
 */
public record ProjectLicense(
    String file,
    Form form,
    String value,
    int line,
    boolean fileExists,
    List<FilePattern> licenseFiles,
    List<Classifier> classifiers) {

  /** How {@code [project].license} is written. */
  public enum Form {
    /** Not at all. */
    NONE,
    /** Listed in {@code [project].dynamic}: the build backend fills it in. */
    DYNAMIC,
    /** A string: an SPDX expression (PEP 639). */
    EXPRESSION,
    /** The legacy table {@code { text = "..." }}, deprecated by PEP 639. */
    TABLE_TEXT,
    /** The legacy table {@code { file = "..." }}, deprecated by PEP 639. */
    TABLE_FILE,
    /** Something else: a table with other keys, or a value of another type. */
    MALFORMED
  }

  /**
   * @param pattern the glob as written
   * @param line its line
   * @param matches the project files it matches, relative to the project
   */
  public record FilePattern(String pattern, int line, List<String> matches) {
    public FilePattern {
      matches = List.copyOf(matches);
    }
  }

  /** A {@code License ::} classifier and its line. */
  public record Classifier(String text, int line) {}

  public ProjectLicense {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(form, "form");
    licenseFiles = List.copyOf(licenseFiles);
    classifiers = List.copyOf(classifiers);
  }
}
