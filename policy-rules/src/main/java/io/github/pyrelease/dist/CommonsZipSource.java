package io.github.pyrelease.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip archive read by commons-compress, which copes with every shape a zip can take (zip64, other
 * compression methods, prepended data, damage) and words what is wrong with it.
 */
final class CommonsZipSource implements ZipSource {

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

  @Override
  public boolean canRead(ZipMember member) {
    return zip.canReadEntryData(entries.get(member.index()));
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
