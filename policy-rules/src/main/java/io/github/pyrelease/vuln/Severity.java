package io.github.pyrelease.vuln;

import java.util.Objects;

/**
 * How severe a vulnerability is: from a CVSS vector's base score where a record has one, else from
 * the record's own severity word.
 *
 * @param level the qualitative rating
 * @param score the CVSS base score (0.0 to 10.0), or {@code null} when there is none
 * @param vector the CVSS vector it was computed from, or {@code null}
 */
public record Severity(Level level, Double score, String vector) {

  public Severity {
    Objects.requireNonNull(level, "level");
  }

  public static Severity unknown() {
    return new Severity(Level.UNKNOWN, null, null);
  }

  /** CVSS qualitative ratings, least severe first; UNKNOWN when no record says. */
  public enum Level {
    UNKNOWN,
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }
}
