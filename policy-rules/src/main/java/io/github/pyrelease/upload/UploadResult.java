package io.github.pyrelease.upload;

import java.util.Objects;

/**
 * A file that is on the index now.
 *
 * @param status whether this upload put it there, or an identical file was there already
 * @param fileName the file's name
 * @param sha256 its sha256 (lower-case hex)
 * @param attempts how many requests the upload took
 * @param url where to see it: the release's page on PyPI and TestPyPI, else the project's page of
 *     the index's simple API
 */
public record UploadResult(
    Status status, String fileName, String sha256, int attempts, String url) {

  public UploadResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(url, "url");
  }

  /** How the file came to be on the index. */
  public enum Status {
    /** This upload put it there. */
    UPLOADED,
    /** The index had this very file (same name, same sha256) already: nothing to do. */
    ALREADY_PRESENT
  }
}
