package io.github.pyrelease.deps;

import io.github.pyrelease.license.DetectedLicense;
import java.util.Objects;

/**
 * The licence of one dependency, from the metadata of the distribution that is (or would be)
 * installed.
 *
 * @param name the distribution name as its metadata writes it
 * @param version the version the metadata is of
 * @param license the licence detected
 * @param origin the metadata file it was read from
 */
public record PackageLicense(String name, String version, DetectedLicense license, Origin origin) {

  public PackageLicense {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(origin, "origin");
  }

  /** The name normalised as PEP 503 says. */
  public String normalizedName() {
    return Requirement.normalizeName(name);
  }
}
