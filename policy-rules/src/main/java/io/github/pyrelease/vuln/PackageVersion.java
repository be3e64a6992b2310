package io.github.pyrelease.vuln;

import io.github.pyrelease.deps.Requirement;
import java.util.Objects;

/**
 * A package at an exact version, as an advisory source is asked about it.
 *
 * @param name the PEP 503-normalised name
 * @param version the version as the inventory has it
 */
public record PackageVersion(String name, String version) {

  public PackageVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    name = Requirement.normalizeName(name);
  }
}
