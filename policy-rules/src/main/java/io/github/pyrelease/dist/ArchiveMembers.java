package io.github.pyrelease.dist;

import io.github.pyrelease.secrets.ContentSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams the file members of a wheel or sdist to a {@link ContentSink}, one at a time, never
 * extracting anything: what the secret scan reads. A member the archive cannot give (damage, an
 * unknown compression method) is passed over; the {@code dist-contents} rule reports it.
 */
public final class ArchiveMembers {

  private ArchiveMembers() {}

  /**
   * Streams every file member of {@code file}.
   *
   * <p>The sink sees each member's path relative to the wheel's root or the sdist's top directory
   * (so fingerprints hold from one version to the next), and locations as {@code location!member}.
   *
   * @param location how findings name the archive
   * @throws IOException when the archive cannot be opened at all
   */
  public static void stream(Path file, String location, ContentSink sink) throws IOException {
    switch (DistributionKind.of(file.getFileName().toString())) {
      case WHEEL -> wheel(file, location, sink);
      case SDIST -> sdist(file, location, sink);
      case OTHER -> {
        // not a distribution the index takes: dist-filename reports it
      }
    }
  }

  private static void wheel(Path file, String location, ContentSink sink) throws IOException {
    try (CommonsZipSource zip = new CommonsZipSource(file)) {
      for (ZipMember member : zip.members()) {
        if (member.directory() || member.unixSymlink() || !zip.canRead(member)) {
          continue;
        }
        String name = new String(member.rawName(), StandardCharsets.UTF_8);
        try (InputStream in = zip.open(member)) {
          sink.accept(name, location + "!" + name, null, member.size(), in);
        }
      }
    }
  }

  private static void sdist(Path file, String location, ContentSink sink) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        GZIPInputStream gzip = new GZIPInputStream(raw, 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(gzip, "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile()) {
          continue;
        }
        String name = entry.getName();
        String trimmed = name.startsWith("./") ? name.substring(2) : name;
        int slash = trimmed.indexOf('/');
        String relative = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        sink.accept(relative, location + "!" + name, null, entry.getSize(), tar);
      }
    }
  }
}
