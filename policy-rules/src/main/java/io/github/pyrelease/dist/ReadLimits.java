package io.github.pyrelease.dist;

/**
 * Where reading an archive stops, whatever the policy says: a safety net so that a hostile archive
 * (a zip bomb, millions of members) ends in a finding instead of hours of work or an exhausted
 * heap. The {@code dist-contents} rule's own, lower limits make the findings.
 *
 * @param maxTotalBytes the most bytes decompressed from one archive
 * @param maxRatio the most a member (or a whole gzip stream) may expand, past {@code ratioFloor}
 * @param ratioFloor the size below which the ratio is not checked (small files compress well)
 * @param maxEntries the most members listed
 * @param maxSmallFile the largest core metadata, WHEEL or RECORD file kept in memory
 */
public record ReadLimits(
    long maxTotalBytes, long maxRatio, long ratioFloor, int maxEntries, int maxSmallFile) {

  /** 8 GiB, 1000:1 past 1 MiB, a million members, 16 MiB metadata files. */
  public static final ReadLimits DEFAULT =
      new ReadLimits(8L << 30, 1000, 1L << 20, 1_000_000, 16 << 20);
}
