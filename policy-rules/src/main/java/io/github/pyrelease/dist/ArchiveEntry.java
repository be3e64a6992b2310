package io.github.pyrelease.dist;

import java.util.Map;

/**
 * One member of a wheel or sdist, as read: its name, type, sizes and digests computed while
 * streaming it. Content is never kept.
 *
 * @param name the member's path inside the archive, decoded (invalid bytes replaced)
 * @param type what the member is
 * @param size the bytes actually read (for a file), or 0
 * @param declaredSize the size the archive's header declares, or -1 when it declares none
 * @param compressedSize the stored size of a zip member, or -1 (tar members are not compressed one
 *     by one)
 * @param digests algorithm (Python's hashlib name, such as {@code sha256}) to the digest in
 *     RECORD's form: URL-safe base64 without padding; empty when the member was not read
 * @param linkTarget the target of a symbolic or hard link, or {@code null}
 * @param nameProblem why the name cannot be trusted (not UTF-8, not flagged as UTF-8), or {@code
 *     null}
 * @param readProblem why reading stopped early or the content is corrupt (CRC mismatch, a
 *     compression-ratio or size limit), or {@code null}
 */
public record ArchiveEntry(
    String name,
    EntryType type,
    long size,
    long declaredSize,
    long compressedSize,
    Map<String, String> digests,
    String linkTarget,
    String nameProblem,
    String readProblem) {

  public ArchiveEntry {
    digests = Map.copyOf(digests);
  }

  public boolean isFile() {
    return type == EntryType.FILE;
  }

  /** The digest in RECORD's form for {@code algorithm}, or {@code null} when not computed. */
  public String digest(String algorithm) {
    return digests.get(algorithm);
  }
}
