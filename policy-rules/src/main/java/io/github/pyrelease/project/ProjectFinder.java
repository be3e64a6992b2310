package io.github.pyrelease.project;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every Python project below a directory (a monorepo): each directory with a {@code
 * pyproject.toml}, {@code setup.cfg} or {@code setup.py}, searched without following links and
 * skipping what is never a project's source: hidden directories ({@code .git}, {@code .venv}),
 * virtual environments, {@code node_modules}, {@code target}, {@code build}, {@code dist}.
 */
public final class ProjectFinder {

  /** The most directories one search visits: a bound for a mistaken root such as {@code /}. */
  static final int MAX_DIRECTORIES = 200_000;

  private static final List<String> MARKERS = List.of("pyproject.toml", "setup.cfg", "setup.py");

  private ProjectFinder() {}

  /**
   * The projects below {@code root} (itself included), in path order.
   *
   * @throws PyreleaseException when {@code root} is not a directory, cannot be read, or holds more
   *     directories than a search visits
   */
  public static List<Path> find(Path root) {
    if (!Files.isDirectory(root)) {
      throw new PyreleaseException(
          root + " is not a directory", root.toString(), "give the monorepo's top directory");
    }
    List<Path> projects = new ArrayList<>();
    int[] visited = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (!dir.equals(root)
                  && (ProjectFiles.skipped(dir.getFileName().toString())
                      || Files.exists(dir.resolve("pyvenv.cfg")))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (++visited[0] > MAX_DIRECTORIES) {
                throw new PyreleaseException(
                    "more than " + MAX_DIRECTORIES + " directories below " + root,
                    root.toString(),
                    "give the monorepo's top directory rather than a parent of it");
              }
              if (MARKERS.stream().anyMatch(m -> Files.isRegularFile(dir.resolve(m)))) {
                projects.add(dir);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              // an unreadable directory holds no project we can check; say nothing, skip it
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot search " + root + ": " + e.getMessage(),
          root.toString(),
          "check that it is readable");
    }
    projects.sort(null);
    return List.copyOf(projects);
  }
}
