package io.github.pyrelease.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a wheel or sdist into a {@link Distribution}: streamed, never wholly in memory, never
 * extracted. The file itself is not hashed (no rule needs it, and it would double the reading of a
 * large wheel); a wheel's members are, while they stream past, when the RECORD check will compare
 * them, and read at all only as deep as the rules will look ({@link ReadDepth}). A damaged archive
 * is not an error here: what could not be read becomes an {@link ArchiveProblem} for the rules to
 * report.
 */
public final class DistributionReader {

  private final ReadLimits limits;
  private final ReadDepth depth;

  /** Reads wheels whole, hashing their members ({@link ReadDepth#DIGESTS}). */
  public DistributionReader() {
    this(ReadLimits.DEFAULT);
  }

  public DistributionReader(ReadLimits limits) {
    this(limits, ReadDepth.DIGESTS);
  }

  /**
   * @param depth how much of a wheel to read ({@link ArchiveEntry#digest} is {@code null} for a
   *     member not hashed)
   */
  public DistributionReader(ReadLimits limits, ReadDepth depth) {
    this.limits = limits;
    this.depth = depth;
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
            new ZipReader(limits, depth).read(file, expectedDistInfo(fileName));
        yield new Distribution(
            fileName,
            location,
            kind,
            size,
            zip.entries(),
            zip.problems(),
            zip.metadata(),
            zip.wheelInfo(),
            zip.record(),
            zip.metadataProblem());
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
            null,
            tar.metadataProblem());
      }
      // not opened: the name alone says it is not uploadable
      case OTHER ->
          new Distribution(
              fileName, location, kind, size, List.of(), List.of(), null, null, null, null);
    };
  }

  /** {@code name-version.dist-info} from a wheel's file name, or {@code null}. */
  static String expectedDistInfo(String fileName) {
    String[] parts = fileName.split("-");
    return parts.length >= 5 ? parts[0] + "-" + parts[1] + ".dist-info" : null;
  }
}
