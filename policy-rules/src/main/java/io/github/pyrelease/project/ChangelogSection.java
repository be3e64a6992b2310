package io.github.pyrelease.project;

import java.util.regex.Pattern;

/**
 * One release section of a changelog, such as {@code ## [1.2.0] - 2026-01-31}.
 *
 * @param heading the heading line without its leading {@code #} marks
 * @param version the version the heading names, or {@code null} for the Unreleased section
 * @param date the date the heading (or the line under it, {@code Released 2026-01-31}) gives, or
 *     {@code null}
 * @param line 1-based line of the heading
 * @param unreleasedLine for a section that names a version, the 1-based line that marks it as not
 *     released yet ({@code ## Version 8.5.0} then {@code Unreleased}, {@code 1.2.0 (unreleased)},
 *     {@code Released: TBD}): the heading's own line or the first line under it; 0 when it is not
 *     marked so
 */
public record ChangelogSection(
    String heading, String version, String date, int line, int unreleasedLine) {

  /** The words that say a section's version is not released yet. */
  public static final Pattern NOT_YET =
      Pattern.compile(
          "\\b(?:unreleased|not\\s+yet\\s+released|tbd|tba|in\\s+development|under\\s+development)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A section not marked unreleased. */
  public ChangelogSection(String heading, String version, String date, int line) {
    this(heading, version, date, line, 0);
  }

  /** Whether this is the section for changes not released yet. */
  public boolean isUnreleased() {
    return version == null;
  }

  /** Whether this section names a version and says that version is not released yet. */
  public boolean isMarkedUnreleased() {
    return version != null && unreleasedLine > 0;
  }
}
