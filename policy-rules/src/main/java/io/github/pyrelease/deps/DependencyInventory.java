package io.github.pyrelease.deps;

import java.util.List;
import java.util.Objects;

/**
 * What the project will install, as read from the most exact source it has.
 *
 * @param source the kind of inventory it was read from
 * @param files the files (or environment) it was read from, as reports show them
 * @param dependencies every dependency, in the order read, each once
 */
public record DependencyInventory(
    InventorySource source, List<String> files, List<Dependency> dependencies) {

  public DependencyInventory {
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    dependencies = List.copyOf(dependencies);
  }
}
