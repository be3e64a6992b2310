package io.github.pyrelease.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a wheel or sdist into a {@link Distribution}: streamed, never wholly in memory, never
 * extracted. The file itself is not hashed (no rule needs it, and it would double the reading of a
 * large wheel); a wheel's members are, while they stream past, when the RECORD check will compare
 * them (an sdist's never: it has no RECORD). A damaged archive is not an error here: what could not
 * be read becomes an {@link ArchiveProblem} for the rules to report.
 */
public final class DistributionReader {

  private final ReadLimits limits;
  private final boolean memberDigests;

  public DistributionReader() {
    this(ReadLimits.DEFAULT);
  }

  public DistributionReader(ReadLimits limits) {
    this(limits, true);
  }

  /**
   * @param memberDigests whether to hash a wheel's members as RECORD lists them ({@link
   *     ArchiveEntry#digest} is {@code null} without): most of the reading, wanted only by the
   *     RECORD check
   */
  public DistributionReader(ReadLimits limits, boolean memberDigests) {
    this.limits = limits;
    this.memberDigests = memberDigests;
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
    return switch (kind) {
      case WHEEL -> {
        ZipReader.Contents zip =
            new ZipReader(limits, memberDigests).read(file, expectedDistInfo(fileName));
        yield new Distribution(
            fileName,
            location,
            kind,
            size,
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
            tar.entries(),
            tar.problems(),
            tar.pkgInfo(),
            null,
            null);
      }
      // not opened: the name alone says it is not uploadable
      case OTHER ->
          new Distribution(fileName, location, kind, size, List.of(), List.of(), null, null, null);
    };
  }

  /** {@code name-version.dist-info} from a wheel's file name, or {@code null}. */
  static String expectedDistInfo(String fileName) {
    String[] parts = fileName.split("-");
    return parts.length >= 5 ? parts[0] + "-" + parts[1] + ".dist-info" : null;
  }
}
