package io.github.pyrelease.dist;

import java.util.List;
import java.util.Optional;

/**
 * A wheel or sdist as read from the dist directory: a plain value that rules inspect without
 * touching the file system. Member contents are never kept, only their names, sizes and digests,
 * plus the few small files rules read (core metadata, WHEEL, RECORD).
 *
 * @param fileName the file's name, such as {@code acme_widgets-1.4.0-py3-none-any.whl}
 * @param location the file as the user would name it (relative to the project when inside it)
 * @param kind wheel, sdist or another archive
 * @param size the file's size in bytes
 * @param entries every member, in archive order (duplicates kept)
 * @param problems what is wrong with the archive itself; empty when it read cleanly
 * @param metadata the core metadata (wheel {@code .dist-info/METADATA}, sdist {@code PKG-INFO}), or
 *     {@code null} when there is none
 * @param wheelInfo the wheel's {@code .dist-info/WHEEL}, or {@code null}
 * @param record the wheel's {@code .dist-info/RECORD}, or {@code null}
 * @param metadataProblem why the core metadata file the archive holds was not read (larger than the
 *     small-file limit, stopped at a safety limit, damaged), or {@code null}
 */
public record Distribution(
    String fileName,
    String location,
    DistributionKind kind,
    long size,
    List<ArchiveEntry> entries,
    List<ArchiveProblem> problems,
    CoreMetadata metadata,
    CoreMetadata wheelInfo,
    RecordFile record,
    String metadataProblem) {

  public Distribution {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  public boolean isWheel() {
    return kind == DistributionKind.WHEEL;
  }

  public boolean isSdist() {
    return kind == DistributionKind.SDIST;
  }

  public Optional<CoreMetadata> coreMetadata() {
    return Optional.ofNullable(metadata);
  }

  public Optional<RecordFile> recordFile() {
    return Optional.ofNullable(record);
  }

  /**
   * Where the core metadata should be, named from the file name (so it can be said when the
   * metadata itself cannot be read): {@code demo-1.0.dist-info/METADATA} in {@code
   * demo-1.0-py3-none-any.whl}, {@code demo-1.0/PKG-INFO} in {@code demo-1.0.tar.gz}.
   */
  public String expectedMetadataPath() {
    if (isWheel()) {
      String distInfo = DistributionReader.expectedDistInfo(fileName);
      return (distInfo != null ? distInfo : "the wheel's .dist-info") + "/METADATA";
    }
    String stem =
        fileName.length() > ".tar.gz".length()
            ? fileName.substring(0, fileName.length() - ".tar.gz".length())
            : fileName;
    return stem + "/PKG-INFO";
  }

  /** Whether the archive could be opened and listed at all. */
  public boolean readable() {
    return problems.stream().noneMatch(p -> p.key().equals(ArchiveProblems.UNREADABLE));
  }

  /** The sum of the members' sizes as read. */
  public long unpackedSize() {
    return entries.stream().mapToLong(ArchiveEntry::size).sum();
  }
}
