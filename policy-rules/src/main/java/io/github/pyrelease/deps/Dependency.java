package io.github.pyrelease.deps;

import java.util.Objects;
import java.util.Optional;

/**
 * One dependency of the project as the audit sees it: what will be installed, when the inventory
 * knows it exactly, and where that was read.
 *
 * @param name the distribution name as written in {@code origin}
 * @param version the exact version that will be installed, or {@code null} when the inventory only
 *     knows a requirement (a declared, unpinned dependency)
 * @param requirement the requirement or pin as written (such as {@code requests>=2.31} or {@code
 *     requests==2.32.3}), for reports
 * @param origin the file and line it was read from
 * @param source which kind of inventory it came from
 */
public record Dependency(
    String name, String version, String requirement, Origin origin, InventorySource source) {

  public Dependency {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(source, "source");
  }

  /** A dependency known at an exact version. */
  public static Dependency pinned(
      String name, String version, Origin origin, InventorySource source) {
    return new Dependency(
        name, Objects.requireNonNull(version, "version"), name + "==" + version, origin, source);
  }

  /** A dependency known only by its requirement, such as {@code requests>=2.31}. */
  public static Dependency unpinned(String name, String requirement, Origin origin) {
    return new Dependency(name, null, requirement, origin, InventorySource.DECLARED);
  }

  /** The name normalised as PEP 503 says, by which dependencies are compared. */
  public String normalizedName() {
    return Requirement.normalizeName(name);
  }

  /** The exact version, when the inventory knows it. */
  public Optional<String> exactVersion() {
    return Optional.ofNullable(version);
  }
}
