package io.github.pyrelease.pages;

import io.github.pyrelease.dist.ReleaseFile;
import java.time.Instant;
import java.util.Objects;

/**
 * A file of the release, as a project page links it.
 *
 * @param fileName the distribution's file name
 * @param url the absolute http(s) URL it is downloaded from (by default the GitHub Release asset's
 *     download URL), whose last path segment is the file name; characters a URL may not hold
 *     (spaces, quotes, angle brackets) are percent-encoded when the page is written
 * @param sha256 the file's sha256, hex
 * @param size the file's size in bytes
 * @param requiresPython the {@code Requires-Python} of its core metadata, or {@code null}
 * @param uploadTime when it was published, or {@code null} when not known
 */
public record DistributionLink(
    String fileName,
    String url,
    String sha256,
    long size,
    String requiresPython,
    Instant uploadTime) {

  public DistributionLink {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The link to a built file: name, digest, size and Requires-Python read from the file. */
  public static DistributionLink of(ReleaseFile file, String url, Instant uploadTime) {
    String requiresPython =
        file.metadata()
            .value("Requires-Python")
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(null);
    return new DistributionLink(
        file.fileName(), url, file.sha256(), file.size(), requiresPython, uploadTime);
  }
}
