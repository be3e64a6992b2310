package io.github.pyrelease.project;

import java.util.Objects;
import java.util.Optional;

/**
 * One Python package of a monorepo, as its own sources declare it.
 *
 * @param name the distribution name of {@code [project].name}
 * @param version the version its primary source spells out, or {@code null} when it is computed at
 *     build time (setuptools_scm, a dynamic attribute the reader cannot see)
 * @param location its pyproject.toml (or other project file), relative to the project being
 *     checked, as evidence names files
 */
public record MonorepoPackage(String name, String version, String location) {

  public MonorepoPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }

  public Optional<String> versionIfKnown() {
    return Optional.ofNullable(version);
  }
}
