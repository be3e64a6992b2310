package io.github.pyrelease.bump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small Python projects written by the tests, and hashes of whole trees. */
final class Projects {

  /** 2026-11-25, the release date the tests expect in changelogs. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  static final String CHANGELOG =
      """
      # Changelog

      ## [Unreleased]

      ### Added
      - Greets in French.

      ## [1.4.0] - 2026-11-20

      ### Added
      - First greeting.

      [Unreleased]: https://github.com/acme/acme-greeter/compare/v1.4.0...HEAD
      [1.4.0]: https://github.com/acme/acme-greeter/releases/tag/v1.4.0
      """;

  private Projects() {}

  /** The example project's shape: pyproject with a static version, __init__ and a changelog. */
  static Path example(Path dir) {
    write(
        dir.resolve("pyproject.toml"),
        """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "acme-greeter"
        version = "1.4.0"  # bumped by pyrelease

        [tool.hatch.build.targets.wheel]
        packages = ["src/acme_greeter"]
        """);
    write(
        dir.resolve("src/acme_greeter/__init__.py"),
        "\"\"\"Greets.\"\"\"\n\n__version__ = '1.4.0'\n");
    write(dir.resolve("CHANGELOG.md"), CHANGELOG);
    return dir;
  }

  static void write(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} (outside .git) with the SHA-256 of its bytes. */
  static Map<String, String> hashes(Path dir) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = dir.relativize(file).toString();
        if (!relative.startsWith(".git/")) {
          hashes.put(relative, sha256(Files.readAllBytes(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hashes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
