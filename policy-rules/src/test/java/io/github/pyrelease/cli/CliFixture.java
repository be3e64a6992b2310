package io.github.pyrelease.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A small Python project on disk and a way to run the CLI in process, for CLI tests. */
final class CliFixture {

  private CliFixture() {}

  /** pyproject.toml, src/demo/__init__.py and a changelog with a section for the version. */
  static void project(Path dir, String pyprojectVersion, String moduleVersion) {
    try {
      Files.writeString(
          dir.resolve("pyproject.toml"),
          "[project]\nname = \"demo\"\nversion = \"" + pyprojectVersion + "\"\n");
      Files.createDirectories(dir.resolve("src/demo"));
      Files.writeString(
          dir.resolve("src/demo/__init__.py"), "__version__ = \"" + moduleVersion + "\"\n");
      Files.writeString(
          dir.resolve("CHANGELOG.md"),
          "# Changelog\n\n## [" + pyprojectVersion + "] - 2026-11-01\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Run run(Map<String, String> env, boolean terminal, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PyreleaseCli cli =
        new PyreleaseCli(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, terminal);
    int exit = cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  record Run(int exit, String out, String err) {
    String[] outLines() {
      return out.split("\n");
    }
  }
}
