package io.github.pyrelease.policy;

import java.util.Locale;

/** What became of one rule in one evaluation. */
public enum Outcome {
  PASSED,
  /** Findings at level error. */
  FAILED,
  /** Findings at level warning. */
  WARNING,
  /** Findings at level info: reported, never failing. */
  INFO,
  /** Every finding is waived by the policy (until a date, for a reason): reported, not failing. */
  WAIVED,
  /** Turned off, filtered out, or nothing to check. */
  SKIPPED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome of findings at {@code level}. */
  public static Outcome of(Level level) {
    return switch (level) {
      case ERROR -> FAILED;
      case WARNING -> WARNING;
      case INFO -> INFO;
      case OFF -> SKIPPED;
    };
  }
}
