package io.github.pyrelease.policy;

import java.util.Objects;

/**
 * Where a finding was seen and what was there.
 *
 * @param file path relative to the project root, or {@code null} when the evidence is not in a file
 * @param line 1-based line, or 0
 * @param detail what was found there, such as {@code __version__ = '1.2.0'}
 */
public record Evidence(String file, int line, String detail) {

  public Evidence {
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code file:line}, the file alone, or {@code null} when there is no file. */
  public String location() {
    if (file == null) {
      return null;
    }
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public String toString() {
    String location = location();
    return location == null ? detail : location + ": " + detail;
  }
}
