package io.github.pyrelease.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * A zip archive read by commons-compress, which copes with every shape a zip can take (zip64, other
 * compression methods, prepended data, damage) and words what is wrong with it.
 */
final class CommonsZipSource implements ZipSource {

  private static final Set<Integer> READ_WITHOUT_EXTRA_LIBRARIES =
      Set.of(
          ZipMethod.STORED.getCode(),
          ZipMethod.DEFLATED.getCode(),
          ZipMethod.ENHANCED_DEFLATED.getCode(),
          ZipMethod.BZIP2.getCode());

  private final ZipFile zip;
  private final List<ZipArchiveEntry> entries;
  private final List<ZipMember> members = new ArrayList<>();

  CommonsZipSource(Path file) throws IOException {
    zip =
        ZipFile.builder()
            .setPath(file)
            .setCharset(StandardCharsets.UTF_8)
            .setUseUnicodeExtraFields(false)
            .get();
    entries = Collections.list(zip.getEntries());
    for (ZipArchiveEntry e : entries) {
      members.add(
          new ZipMember(
              e.getRawName(),
              e.getGeneralPurposeBit().usesUTF8ForNames(),
              e.getSize(),
              e.getCompressedSize(),
              e.getCrc(),
              e.getMethod(),
              e.getLocalHeaderOffset(),
              e.getDataOffset(),
              e.isDirectory(),
              e.isUnixSymlink(),
              members.size()));
    }
  }

  @Override
  public List<ZipMember> members() {
    return members;
  }

  /**
   * Stored, deflate, deflate64 and bzip2 are read by commons-compress itself; the others (zstd, xz,
   * lzma) need optional libraries that are not on the classpath, so they count as unreadable rather
   * than fail with a missing class.
   */
  @Override
  public boolean canRead(ZipMember member) {
    ZipArchiveEntry entry = entries.get(member.index());
    return READ_WITHOUT_EXTRA_LIBRARIES.contains(entry.getMethod()) && zip.canReadEntryData(entry);
  }

  @Override
  public InputStream open(ZipMember member) throws IOException {
    return zip.getInputStream(entries.get(member.index()));
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
