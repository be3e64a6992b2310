package io.github.pyrelease.policyfile;

import java.util.Objects;

/**
 * A place in a policy file, as messages show it.
 *
 * @param file the policy file as users name it ({@code release-policy.yaml}, {@code
 *     classpath:org/acme/release-policy.yaml}, an https URL)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Position(String file, int line, int column) {

  public Position {
    Objects.requireNonNull(file, "file");
  }

  /** The whole file, no line. */
  public static Position of(String file) {
    return new Position(file, 0, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
