package io.github.pyrelease.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a wheel or sdist into a {@link Distribution}: streamed, never wholly in memory, never
 * extracted. A damaged archive is not an error here: what could not be read becomes an {@link
 * ArchiveProblem} for the rules to report.
 */
public final class DistributionReader {

  private final ReadLimits limits;

  public DistributionReader() {
    this(ReadLimits.DEFAULT);
  }

  public DistributionReader(ReadLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads {@code file}.
   *
   * @param location how messages name the file
   * @throws IOException when the file itself cannot be read (missing, permissions)
   */
  public Distribution read(Path file, String location) throws IOException {
    String fileName = file.getFileName().toString();
    DistributionKind kind = DistributionKind.of(fileName);
    long size = Files.size(file);
    String sha256 = sha256(file);
    return switch (kind) {
      case WHEEL -> {
        ZipReader.Contents zip = new ZipReader(limits).read(file, expectedDistInfo(fileName));
        yield new Distribution(
            fileName,
            location,
            kind,
            size,
            sha256,
            zip.entries(),
            zip.problems(),
            zip.metadata(),
            zip.wheelInfo(),
            zip.record());
      }
      case SDIST -> {
        TarGzReader.Contents tar = new TarGzReader(limits).read(file);
        yield new Distribution(
            fileName,
            location,
            kind,
            size,
            sha256,
            tar.entries(),
            tar.problems(),
            tar.pkgInfo(),
            null,
            null);
      }
      // not opened: the name alone says it is not uploadable
      case OTHER ->
          new Distribution(
              fileName, location, kind, size, sha256, List.of(), List.of(), null, null, null);
    };
  }

  /** {@code name-version.dist-info} from a wheel's file name, or {@code null}. */
  static String expectedDistInfo(String fileName) {
    String[] parts = fileName.split("-");
    return parts.length >= 5 ? parts[0] + "-" + parts[1] + ".dist-info" : null;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = EntryDigests.newDigest("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
