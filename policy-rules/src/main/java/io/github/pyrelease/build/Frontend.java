package io.github.pyrelease.build;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which tool drives the build backend. */
public enum Frontend {
  /** pyrelease's own PEP 517 front end: sdist first, then the wheel from the sdist. */
  PYRELEASE,
  /** {@code python -m build} (pypa/build), which does the same. */
  BUILD,
  /** {@code uv build}. */
  UV;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Frontend> fromId(String text) {
    return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(text.trim())).findFirst();
  }

  public static String choices() {
    return Arrays.stream(values()).map(Frontend::id).collect(Collectors.joining(", "));
  }
}
