package io.github.pyrelease.project;

/**
 * One release section of a changelog, such as {@code ## [1.2.0] - 2026-01-31}.
 *
 * @param heading the heading line without its leading {@code #} marks
 * @param version the version the heading names, or {@code null} for the Unreleased section
 * @param date the date the heading gives, or {@code null}
 * @param line 1-based line of the heading
 */
public record ChangelogSection(String heading, String version, String date, int line) {

  /** Whether this is the section for changes not released yet. */
  public boolean isUnreleased() {
    return version == null;
  }
}
