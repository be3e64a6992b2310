package io.github.pyrelease.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

/**
 * Streams members through one shared buffer and keeps an archive within its {@link ReadLimits}: the
 * total bytes decompressed, and the ratio of decompressed to compressed bytes (per member for zip,
 * for the whole stream for gzip).
 */
final class ReadBudget {

  private final ReadLimits limits;
  private final LongSupplier compressedSoFar;
  private final byte[] buffer = new byte[64 * 1024];

  /** How a read stopped as a zip bomb ends its reason. */
  static final String BOMB = " (a zip bomb)";

  private long total;
  private String exhausted;

  /**
   * @param compressedSoFar compressed bytes consumed so far for a stream-compressed archive (gzip),
   *     or {@code null} when members are compressed one by one (zip)
   */
  ReadBudget(ReadLimits limits, LongSupplier compressedSoFar) {
    this.limits = limits;
    this.compressedSoFar = compressedSoFar;
  }

  ReadLimits limits() {
    return limits;
  }

  /** The bytes decompressed so far. */
  long total() {
    return total;
  }

  /** Why the archive's budget ran out, or {@code null} while it lasts. */
  String exhausted() {
    return exhausted;
  }

  /** What one member's read came to. */
  record Read(long size, String stopped) {}

  /**
   * Reads {@code in} to its end (or to a limit), updating the digests and the CRC and keeping the
   * content in {@code capture} while it stays under the small-file limit.
   *
   * @param compressedSize the member's stored size for a per-member ratio check, or -1
   * @param declaredSize the size the member's header declares, or -1: reading stops well past it
   */
  Read read(
      InputStream in,
      EntryDigests digests,
      CRC32 crc,
      long compressedSize,
      long declaredSize,
      ByteArrayOutputStream capture)
      throws IOException {
    long size = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      size += n;
      total += n;
      digests.update(buffer, 0, n);
      if (crc != null) {
        crc.update(buffer, 0, n);
      }
      if (capture != null) {
        if (capture.size() + n > limits.maxSmallFile()) {
          capture = null;
        } else {
          capture.write(buffer, 0, n);
        }
      }
      String stop = check(size, compressedSize, declaredSize);
      if (stop != null) {
        return new Read(size, stop);
      }
    }
    return new Read(size, null);
  }

  private String check(long size, long compressedSize, long declaredSize) {
    if (total > limits.maxTotalBytes()) {
      exhausted =
          "more than "
              + human(limits.maxTotalBytes())
              + " decompressed; reading stopped (a zip bomb, or far too large to publish)";
      return exhausted;
    }
    if (compressedSize >= 0
        && size > limits.ratioFloor()
        && size > Math.max(compressedSize, 1) * limits.maxRatio()) {
      return "expands more than "
          + limits.maxRatio()
          + ":1 ("
          + compressedSize
          + " bytes stored); reading stopped"
          + BOMB;
    }
    // a header that lies about the size: past a small slip, the rest is not worth inflating
    if (declaredSize >= 0 && size > declaredSize + limits.ratioFloor()) {
      return "inflates to more than "
          + human(limits.ratioFloor())
          + " past the "
          + declaredSize
          + " bytes its header declares; reading stopped"
          + BOMB;
    }
    if (compressedSoFar != null && total > limits.ratioFloor()) {
      long compressed = Math.max(compressedSoFar.getAsLong(), 1);
      if (total > compressed * limits.maxRatio()) {
        exhausted =
            "the gzip stream expands more than "
                + limits.maxRatio()
                + ":1; reading stopped (a gzip bomb)";
        return exhausted;
      }
    }
    return null;
  }

  static String human(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes + " bytes";
  }
}
