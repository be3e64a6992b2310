package io.github.pyrelease.deps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the project will install, as read from the most exact source it has.
 *
 * @param source the kind of inventory it was read from
 * @param files the files (or environment) it was read from, as reports show them
 * @param dependencies every dependency, in the order read, each once
 * @param licenses the licences known for dependencies, by PEP 503-normalised name: read from the
 *     installed metadata, which a lock or requirements file does not carry
 */
public record DependencyInventory(
    InventorySource source,
    List<String> files,
    List<Dependency> dependencies,
    Map<String, PackageLicense> licenses) {

  public DependencyInventory {
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    dependencies = List.copyOf(dependencies);
    licenses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(licenses));
  }

  /** An inventory with no licences known. */
  public DependencyInventory(
      InventorySource source, List<String> files, List<Dependency> dependencies) {
    this(source, files, dependencies, Map.of());
  }

  /** This inventory with the licences given. */
  public DependencyInventory withLicenses(Map<String, PackageLicense> known) {
    return new DependencyInventory(source, files, dependencies, known);
  }

  /** The licence known for {@code dependency}, when the metadata of the same version was read. */
  public Optional<PackageLicense> licenseOf(Dependency dependency) {
    PackageLicense license = licenses.get(dependency.normalizedName());
    if (license == null
        || dependency.version() != null
            && license.version() != null
            && !io.github.pyrelease.version.Version.same(license.version(), dependency.version())) {
      return Optional.empty();
    }
    return Optional.of(license);
  }
}
