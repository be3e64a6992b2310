package io.github.pyrelease.dist;

import java.util.Locale;

/** What a file in the dist directory is, judged by its name. */
public enum DistributionKind {
  /** {@code .whl}: a built distribution (PEP 427). */
  WHEEL,
  /** {@code .tar.gz}: a source distribution (PEP 625). */
  SDIST,
  /**
   * Any other archive a build may leave there ({@code .zip}, {@code .egg}, ...): not uploadable.
   */
  OTHER;

  /** The kind a file name has. */
  public static DistributionKind of(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".whl")) {
      return WHEEL;
    }
    if (lower.endsWith(".tar.gz")) {
      return SDIST;
    }
    return OTHER;
  }
}
