package io.github.pyrelease.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small Python project into a test's temporary directory. */
final class ProjectFixture {

  private final Path root;

  ProjectFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  ProjectFixture file(String path, String content) {
    return bytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  ProjectFixture bytes(String path, byte[] content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  ProjectFixture directory(String path) {
    try {
      Files.createDirectories(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  PythonProject read() {
    return new PythonProjectReader().read(root);
  }
}
