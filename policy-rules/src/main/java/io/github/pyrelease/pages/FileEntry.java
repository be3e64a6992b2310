package io.github.pyrelease.pages;

import java.time.Instant;
import java.util.Objects;

/**
 * One file a project page lists.
 *
 * @param filename the file name, the anchor's text
 * @param url where the file is downloaded from, percent-encoded, without fragment
 * @param sha256 lower-case hex, or {@code null} for a file listed earlier without one
 * @param size in bytes, or {@code null} when an earlier HTML-only page did not say
 * @param requiresPython the file's {@code Requires-Python}, or {@code null}
 * @param uploadTime when it was published, or {@code null}
 * @param yanked {@code null} when not yanked, else the reason (PEP 592; "" for none given)
 */
record FileEntry(
    String filename,
    String url,
    String sha256,
    Long size,
    String requiresPython,
    Instant uploadTime,
    String yanked) {

  FileEntry {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
  }
}
