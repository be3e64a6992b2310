package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.ArchiveMembers;
import io.github.pyrelease.dist.DistributionFinder;
import io.github.pyrelease.git.GitContents;
import io.github.pyrelease.git.JGitFacts;
import io.github.pyrelease.secrets.Baseline;
import io.github.pyrelease.secrets.SecretConfig;
import io.github.pyrelease.secrets.SecretMatch;
import io.github.pyrelease.secrets.SecretScanRequest;
import io.github.pyrelease.secrets.SecretScanResult;
import io.github.pyrelease.secrets.SecretScanner;
import io.github.pyrelease.secrets.SecretScans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secret scans of one project: its built distributions, its work tree (through git when it is in a
 * repository, so ignored files are left out) and its git history, under the built-in rules or the
 * project's {@code .gitleaks.toml}, with the policy's changes and the baseline.
 */
public final class ProjectSecretScans implements SecretScans {

  /** The project's own gitleaks configuration, honoured when present. */
  public static final String PROJECT_CONFIG = ".gitleaks.toml";

  /** Directories never scanned outside a git repository (no .gitignore to say so): tool output. */
  private static final Set<String> SCRATCH =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "target",
          ".venv",
          "venv",
          "node_modules",
          "__pycache__",
          ".tox",
          ".nox",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache");

  private final Path projectDir;
  private final Supplier<Optional<JGitFacts>> git;
  private final Path distDir;
  private final String distDisplay;

  /**
   * @param git the repository the project lives in, asked for only when a scan needs it
   * @param distDir the built distributions, or {@code null} when there are none to scan
   */
  public ProjectSecretScans(
      Path projectDir, Supplier<Optional<JGitFacts>> git, Path distDir, String distDisplay) {
    this.projectDir = projectDir;
    this.git = git;
    this.distDir = distDir;
    this.distDisplay = distDisplay;
  }

  @Override
  public SecretScanResult scan(Scope scope, SecretScanRequest request) {
    SecretScanner scanner = new SecretScanner(config(request).compile(), request.maxFileSize());
    Set<String> accepted = new HashSet<>(request.allowed());
    if (request.baseline() != null) {
      accepted.addAll(Baseline.read(projectDir.resolve(request.baseline()), request.baseline()));
    }
    List<String> notes = new ArrayList<>();
    String what;
    try {
      what =
          switch (scope) {
            case DISTRIBUTIONS -> distributions(scanner, notes);
            case WORK_TREE -> workTree(scanner);
            case HISTORY -> history(scanner, notes);
          };
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read what the secret scan reads: " + e.getMessage(),
          projectDir.toString(),
          "check that the files are readable");
    }
    SecretScanner.Summary summary = scanner.summary();
    List<SecretMatch> kept =
        summary.matches().stream().filter(m -> !accepted.contains(m.fingerprint())).toList();
    return new SecretScanResult(
        what,
        kept,
        summary.files(),
        summary.bytes(),
        summary.binary(),
        summary.tooLarge(),
        summary.matches().size() - kept.size(),
        notes);
  }

  /** The rules: the file the request names, else the project's .gitleaks.toml, else built-in. */
  SecretConfig config(SecretScanRequest request) {
    SecretConfig config;
    if (request.config() != null) {
      config = SecretConfig.read(projectDir.resolve(request.config()), request.config());
    } else if (Files.isRegularFile(projectDir.resolve(PROJECT_CONFIG))) {
      config = SecretConfig.read(projectDir.resolve(PROJECT_CONFIG), PROJECT_CONFIG);
    } else {
      config = SecretConfig.builtIn();
    }
    if (!request.rules().isEmpty()) {
      config = config.extendedWith(request.rules(), "the policy's secret rules");
    }
    return config.without(request.disabled());
  }

  private String distributions(SecretScanner scanner, List<String> notes) throws IOException {
    if (distDir == null || !Files.isDirectory(distDir)) {
      return "no distributions";
    }
    List<Path> files = DistributionFinder.find(distDir);
    for (Path file : files) {
      String location = distDisplay + "/" + file.getFileName();
      try {
        ArchiveMembers.stream(file, location, scanner);
      } catch (IOException | RuntimeException e) {
        notes.add(
            location
                + " could not be read to its end ("
                + e.getClass().getSimpleName()
                + "); dist-contents reports why");
      }
    }
    return files.size() == 1
        ? location(files.get(0))
        : files.size() + " distributions in " + distDisplay;
  }

  private String location(Path file) {
    return distDisplay + "/" + file.getFileName();
  }

  private String workTree(SecretScanner scanner) throws IOException {
    Optional<JGitFacts> repository = git.get();
    if (repository.isPresent()) {
      repository.get().contents().workTree(projectDir, scanner);
      return "the work tree (tracked files, and untracked ones not ignored)";
    }
    walk(projectDir, scanner);
    return "the project's files (no git repository: all but tool output)";
  }

  private String history(SecretScanner scanner, List<String> notes) throws IOException {
    Optional<JGitFacts> repository = git.get();
    if (repository.isEmpty()) {
      notes.add("the project is not in a git repository: no history to scan");
      return "no git history";
    }
    GitContents.HistoryCount count = repository.get().contents().history(scanner);
    return "the git history ("
        + count.commits()
        + " commits, "
        + count.blobs()
        + " distinct files)";
  }

  /** Every regular file under {@code dir} but scratch directories; links are not followed. */
  static void walk(Path dir, SecretScanner scanner) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    Files.walkFileTree(
        base,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
            return !d.equals(base) && SCRATCH.contains(d.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (attributes.isRegularFile() && !Files.isSymbolicLink(file)) {
              String relative = base.relativize(file).toString().replace('\\', '/');
              try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                scanner.accept(relative, relative, null, attributes.size(), in);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
            return FileVisitResult.CONTINUE; // unreadable: nothing to scan there
          }
        });
  }
}
