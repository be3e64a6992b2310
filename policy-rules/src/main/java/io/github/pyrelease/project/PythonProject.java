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
 * @param scm how setuptools_scm (or hatch-vcs) computes the version from git tags, or {@code null}
 *     when the version is not computed that way
 */
public record PythonProject(
    Path root,
    String name,
    List<VersionSource> versionSources,
    Changelog changelog,
    ScmSettings scm) {

  public PythonProject {
    versionSources = List.copyOf(versionSources);
  }

  /** A project whose version is not computed by setuptools_scm. */
  public PythonProject(
      Path root, String name, List<VersionSource> versionSources, Changelog changelog) {
    this(root, name, versionSources, changelog, null);
  }

  /** The setuptools_scm settings of the version from git tags, if that is how it is computed. */
  public Optional<ScmSettings> scmIfPresent() {
    return Optional.ofNullable(scm);
  }

  /** This project with {@code replacement} in place of the source at the same file and line. */
  public PythonProject withSource(VersionSource replacement) {
    List<VersionSource> sources =
        versionSources.stream()
            .map(
                s ->
                    s.kind() == replacement.kind()
                            && s.file().equals(replacement.file())
                            && s.line() == replacement.line()
                        ? replacement
                        : s)
            .toList();
    return new PythonProject(root, name, sources, changelog, scm);
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
