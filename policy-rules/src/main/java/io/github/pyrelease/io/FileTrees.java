package io.github.pyrelease.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees pyrelease made for itself (scratch space) and removes again. */
public final class FileTrees {

  private FileTrees() {}

  /**
   * Deletes {@code dir} and everything below it, as far as it can: a leftover scratch directory is
   * not worth failing a build for.
   */
  public static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // what is left is harmless
    }
  }
}
