package io.github.pyrelease.deps;

import java.util.Objects;

/**
 * Where a dependency was read.
 *
 * @param file the file, relative to the project when inside it, with forward slashes
 * @param line the 1-based line, or 0 when the file has no single line for it (installed METADATA)
 */
public record Origin(String file, int line) {

  public Origin {
    Objects.requireNonNull(file, "file");
  }

  /** {@code file:line}, or the file alone when there is no line. */
  public String where() {
    return line > 0 ? file + ":" + line : file;
  }
}
