package io.github.pyrelease.project;

import io.github.pyrelease.license.ProjectLicense;
import io.github.pyrelease.license.ProjectLicense.Classifier;
import io.github.pyrelease.license.ProjectLicense.FilePattern;
import io.github.pyrelease.license.ProjectLicense.Form;
import io.github.pyrelease.text.Glob;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlTable;

/**
 * Reads the project's licence metadata from pyproject.toml: {@code [project].license} in either
 * form, {@code license-files} with the files each glob matches, and the licence classifiers.
 */
public final class ProjectLicenseReader {

  /** Directories no licence file is looked for in: tools' and environments' own. */
  private static final Set<String> SKIPPED =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          ".venv",
          "venv",
          ".tox",
          ".nox",
          "node_modules",
          "target",
          "build",
          "dist",
          "__pycache__",
          ".mypy_cache",
          ".pytest_cache");

  /** Bounds the walk of a huge tree; licence files sit near the root. */
  private static final int MAX_DEPTH = 8;

  /** The project's licence metadata; empty when it has no pyproject.toml with a [project]. */
  public Optional<ProjectLicense> read(Path projectDir) {
    ProjectFiles files = ProjectFiles.open(projectDir);
    Optional<Pyproject> pyproject = Pyproject.read(files);
    if (pyproject.isEmpty() || !pyproject.get().hasProjectTable()) {
      return Optional.empty();
    }
    TomlFile toml = pyproject.get().toml();
    String file = toml.file();
    Form form = Form.NONE;
    String value = null;
    int line = toml.line("project", "license");
    boolean exists = false;
    if (toml.contains("project", "license")) {
      Object raw = rawLicense(toml);
      if (raw instanceof String) {
        form = Form.EXPRESSION;
        value = toml.string("project", "license").map(Located::value).orElse(null);
      } else if (raw instanceof TomlTable table
          && table.size() == 1
          && table.get("text") instanceof String text) {
        form = Form.TABLE_TEXT;
        value = text;
      } else if (raw instanceof TomlTable table
          && table.size() == 1
          && table.get("file") instanceof String path) {
        form = Form.TABLE_FILE;
        value = path;
        exists = Files.isRegularFile(files.root().resolve(path));
      } else {
        form = Form.MALFORMED;
      }
    } else if (toml.strings(false, "project", "dynamic").orElse(List.of()).stream()
        .anyMatch(d -> d.value().equals("license"))) {
      form = Form.DYNAMIC;
      line = toml.line("project", "dynamic");
    }
    List<FilePattern> patterns = new ArrayList<>();
    Optional<List<Located>> globs = toml.strings(false, "project", "license-files");
    if (globs.isPresent()) {
      List<String> projectFiles = projectFiles(files.root());
      for (Located glob : globs.get()) {
        List<String> matches = new ArrayList<>();
        if (!glob.value().startsWith("/") && !glob.value().contains("..")) {
          try {
            Glob compiled = Glob.compile(glob.value());
            projectFiles.stream().filter(compiled::matches).forEach(matches::add);
          } catch (IllegalArgumentException e) {
            // an invalid glob matches nothing, which the rule reports
          }
        }
        patterns.add(new FilePattern(glob.value(), glob.line(), matches));
      }
    }
    List<Classifier> classifiers = new ArrayList<>();
    for (Located classifier : toml.strings(false, "project", "classifiers").orElse(List.of())) {
      if (classifier.value().startsWith("License ::")) {
        classifiers.add(new Classifier(classifier.value(), classifier.line()));
      }
    }
    return Optional.of(new ProjectLicense(file, form, value, line, exists, patterns, classifiers));
  }

  private static Object rawLicense(TomlFile toml) {
    Optional<TomlTable> project = toml.table("project");
    return project.map(t -> t.get("license")).orElse(null);
  }

  private static List<String> projectFiles(Path root) {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                found.add(root.relativize(file).toString().replace('\\', '/'));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // what could not be walked matches nothing
    }
    return found;
  }
}
