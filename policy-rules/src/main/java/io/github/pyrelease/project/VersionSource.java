package io.github.pyrelease.project;

import java.util.Objects;

/**
 * One place that declares the project's version.
 *
 * @param kind what sort of place this is
 * @param file path of the file relative to the project root, with forward slashes
 * @param line 1-based line of the version text, or 0 when the source has no single line
 * @param column 1-based column where the version text starts, or 0 when unknown
 * @param text the version exactly as written (without quotes), or {@code null} when the source
 *     holds no literal version (a version computed from git tags, for example)
 * @param label how users name this place, such as {@code [project].version} or {@code __version__}
 * @param primary whether the build backend takes the distribution's version from here
 */
public record VersionSource(
    SourceKind kind,
    String file,
    int line,
    int column,
    String text,
    String label,
    boolean primary) {

  public VersionSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(label, "label");
  }

  /** Whether this source spells out a version (as opposed to computing one at build time). */
  public boolean isLiteral() {
    return text != null;
  }

  /** {@code file:line}, or just the file when there is no line. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }
}
