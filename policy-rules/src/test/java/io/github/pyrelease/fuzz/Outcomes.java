package io.github.pyrelease.fuzz;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.deps.InvalidRequirementException;
import io.github.pyrelease.license.InvalidLicenseExpressionException;
import io.github.pyrelease.version.InvalidVersionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a parser of untrusted input may do with any input: give a value, or refuse it with the
 * project's own error, which says what is wrong. Anything else (a raw runtime exception, an error,
 * a hang) is a finding of the fuzzer.
 */
public final class Outcomes {

  private Outcomes() {}

  /** Runs {@code parse}; a refusal must be one of the project's errors, with a message. */
  public static void valueOrClearError(Runnable parse) {
    try {
      parse.run();
    } catch (PyreleaseException
        | InvalidVersionException
        | InvalidRequirementException
        | InvalidLicenseExpressionException e) {
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new AssertionError("a refusal without a message", e);
      }
    }
  }

  /** A fresh scratch directory, deleted by {@link #delete}. */
  public static Path scratch() {
    try {
      return Files.createTempDirectory("pyrelease-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
