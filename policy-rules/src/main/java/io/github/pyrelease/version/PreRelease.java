package io.github.pyrelease.version;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The pre-release segment of a version: its kind and number, as in {@code a1}, {@code b0}, {@code
 * rc2}.
 *
 * @param kind alpha, beta or release candidate
 * @param number the non-negative number after the letters (0 when the version omits it)
 */
public record PreRelease(Kind kind, BigInteger number) {

  /** The three kinds of pre-release, in PEP 440 order, each with its normalised spelling. */
  public enum Kind {
    ALPHA("a"),
    BETA("b"),
    RELEASE_CANDIDATE("rc");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The normalised spelling: {@code a}, {@code b} or {@code rc}. */
    public String label() {
      return label;
    }
  }

  public PreRelease {
    Objects.requireNonNull(kind, "kind");
    Numbers.requireNonNegative(number, "pre-release number");
  }

  /** A pre-release of the given kind and number. */
  public static PreRelease of(Kind kind, long number) {
    return new PreRelease(kind, BigInteger.valueOf(number));
  }

  /** The normalised form, such as {@code rc1}. */
  @Override
  public String toString() {
    return kind.label + number;
  }
}
