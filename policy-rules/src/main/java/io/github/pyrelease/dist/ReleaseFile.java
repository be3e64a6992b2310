package io.github.pyrelease.dist;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A distribution about to be published: the file, its digests, and its own core metadata (from
 * which an upload takes its form fields, as twine does).
 *
 * @param path the file
 * @param kind wheel or sdist
 * @param digests sha256, BLAKE2b-256 and size, read once
 * @param metadata the wheel's {@code METADATA} or the sdist's {@code PKG-INFO}
 */
public record ReleaseFile(
    Path path, DistributionKind kind, FileDigests digests, CoreMetadata metadata) {

  public ReleaseFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(digests, "digests");
    Objects.requireNonNull(metadata, "metadata");
  }

  public String fileName() {
    return path.getFileName().toString();
  }

  public String sha256() {
    return digests.sha256();
  }

  public long size() {
    return digests.size();
  }

  /** The project name as the metadata declares it. */
  public String name() {
    return metadata.value("Name").orElse("").strip();
  }

  /** The version as the metadata declares it. */
  public String version() {
    return metadata.value("Version").orElse("").strip();
  }
}
