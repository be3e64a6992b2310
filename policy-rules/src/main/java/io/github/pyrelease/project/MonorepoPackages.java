package io.github.pyrelease.project;

import io.github.pyrelease.PyreleaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Python packages below a monorepo's root, each read from its own project files. */
public final class MonorepoPackages {

  private MonorepoPackages() {}

  /**
   * Every package below {@code root} that declares a name, in path order, but the one in {@code
   * self}. A package whose files cannot be read is left out: its own module's check reports it.
   *
   * @throws PyreleaseException when {@code root} is not a directory that can be searched
   */
  public static List<MonorepoPackage> below(Path root, Path self) {
    Path own = self.toAbsolutePath().normalize();
    PythonProjectReader reader = new PythonProjectReader();
    List<MonorepoPackage> packages = new ArrayList<>();
    for (Path dir : ProjectFinder.find(root)) {
      if (dir.toAbsolutePath().normalize().equals(own)) {
        continue;
      }
      PythonProject project;
      try {
        project = reader.read(dir);
      } catch (PyreleaseException e) {
        continue;
      }
      if (project.name() == null) {
        continue;
      }
      String version =
          project
              .primarySource()
              .filter(VersionSource::isLiteral)
              .map(VersionSource::text)
              .orElse(null);
      packages.add(new MonorepoPackage(project.name(), version, location(own, dir)));
    }
    return List.copyOf(packages);
  }

  /**
   * The root a monorepo search starts from when none is configured: the top directory of the git
   * work tree {@code projectDir} is in (the nearest directory holding {@code .git}).
   */
  public static Optional<Path> gitTopDirectory(Path projectDir) {
    for (Path dir = projectDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The package's project file relative to the project being checked, as evidence is given. */
  private static String location(Path self, Path dir) {
    Path file = dir.resolve("pyproject.toml");
    if (!Files.isRegularFile(file)) {
      file = Files.isRegularFile(dir.resolve("setup.cfg")) ? dir.resolve("setup.cfg") : dir;
    }
    String relative = self.relativize(file.toAbsolutePath().normalize()).toString();
    return relative.replace('\\', '/');
  }
}
