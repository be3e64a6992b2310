package io.github.pyrelease.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the distribution files in a dist directory: wheels, sdists, and the other archives a build
 * may leave there so that the rules can say they are not uploadable. Signatures and other files are
 * not distributions and are left alone.
 */
public final class DistributionFinder {

  private static final List<String> ARCHIVES =
      List.of(
          ".whl", ".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".egg", ".exe", ".msi");

  private DistributionFinder() {}

  /** The distribution files directly in {@code dir}, by name; empty when it does not exist. */
  public static List<Path> find(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(DistributionFinder::isArchive)
          .sorted()
          .toList();
    }
  }

  static boolean isArchive(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return ARCHIVES.stream().anyMatch(name::endsWith);
  }
}
