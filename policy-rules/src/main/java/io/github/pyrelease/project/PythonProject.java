package io.github.pyrelease.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Python project as read from disk: its name, every place that declares its version and its
 * changelog. A plain value: rules read it without touching the file system.
 *
 * @param root the project directory
 * @param name the distribution name as declared, or {@code null} when none is declared
 * @param versionSources every version source found, primary sources first
 * @param changelog the changelog, or {@code null} when the project has none
 */
public record PythonProject(
    Path root, String name, List<VersionSource> versionSources, Changelog changelog) {

  public PythonProject {
    versionSources = List.copyOf(versionSources);
  }

  /** The source the build backend takes the version from, if the project has one. */
  public Optional<VersionSource> primarySource() {
    return versionSources.stream().filter(VersionSource::primary).findFirst();
  }

  /**
   * The literal source that says which version this is: the primary source when it spells a
   * version, else the first source that does; empty when the version is only computed at build
   * time.
   */
  public Optional<VersionSource> declaredSource() {
    return primarySource()
        .filter(VersionSource::isLiteral)
        .or(() -> versionSources.stream().filter(VersionSource::isLiteral).findFirst());
  }

  public Optional<Changelog> changelogIfPresent() {
    return Optional.ofNullable(changelog);
  }
}
