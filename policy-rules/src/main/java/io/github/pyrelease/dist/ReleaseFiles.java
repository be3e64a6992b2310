package io.github.pyrelease.dist;

import io.github.pyrelease.PyreleaseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads the distributions to publish from the dist directory: each file's digests in one read and
 * its core metadata from the archive's directory (a wheel) or the first members (an sdist). The
 * {@code dist} rules have judged the files before; this only takes what publishing needs.
 */
public final class ReleaseFiles {

  /** A core metadata file larger than this is not one. */
  private static final int MAX_METADATA = 16 << 20;

  private ReleaseFiles() {}

  /**
   * The wheels and sdists in {@code distDir}, sdists first (an index creates the release from the
   * first file it gets, and the sdist is the most complete description of it), then by name.
   *
   * @throws PyreleaseException when there are none or one cannot be read
   */
  public static List<ReleaseFile> read(Path distDir) {
    List<Path> found;
    try {
      found = DistributionFinder.find(distDir);
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot list " + distDir + ": " + e.getMessage(),
          distDir.toString(),
          "build the distributions first (mvn package, or pyrelease build)",
          e);
    }
    List<ReleaseFile> files = new ArrayList<>();
    for (Path file : found) {
      DistributionKind kind = DistributionKind.of(file.getFileName().toString());
      if (kind != DistributionKind.OTHER) {
        files.add(new ReleaseFile(file, kind, FileDigests.of(file), metadataOf(file, kind)));
      }
    }
    if (files.isEmpty()) {
      throw new PyreleaseException(
          "no wheel or sdist to publish in " + distDir,
          distDir.toString(),
          "build them first (mvn package, or pyrelease build), or point pyrelease.distDirectory"
              + " at them");
    }
    files.sort(
        (a, b) ->
            a.kind() != b.kind()
                ? (a.kind() == DistributionKind.SDIST ? -1 : 1)
                : a.fileName().compareTo(b.fileName()));
    return List.copyOf(files);
  }

  /** The core metadata of a wheel or sdist. */
  static CoreMetadata metadataOf(Path file, DistributionKind kind) {
    try {
      byte[] bytes = kind == DistributionKind.WHEEL ? wheelMetadata(file) : sdistPkgInfo(file);
      if (bytes == null) {
        throw new PyreleaseException(
            file.getFileName()
                + " has no core metadata ("
                + (kind == DistributionKind.WHEEL ? "*.dist-info/METADATA" : "<name>/PKG-INFO")
                + ")",
            file.toString(),
            "build it again with the project's build backend; pyrelease:check-dist says more");
      }
      String path = kind == DistributionKind.WHEEL ? "METADATA" : "PKG-INFO";
      return CoreMetadataParser.parse(path, bytes);
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + file.getFileName() + ": " + e.getMessage(),
          file.toString(),
          "build it again; pyrelease:check-dist says what is wrong with it",
          e);
    }
  }

  private static byte[] wheelMetadata(Path file) throws IOException {
    // {name}-{version}-...whl holds {name}-{version}.dist-info/METADATA
    String[] parts = file.getFileName().toString().split("-");
    String expected = parts.length >= 2 ? parts[0] + "-" + parts[1] + ".dist-info/METADATA" : "";
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      ZipArchiveEntry chosen = zip.getEntry(expected);
      if (chosen == null) {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
          String name = entry.getName();
          if (name.endsWith(".dist-info/METADATA") && name.indexOf('/') == name.lastIndexOf('/')) {
            chosen = entry;
            break;
          }
        }
      }
      if (chosen == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(chosen)) {
        return readSmall(in);
      }
    }
  }

  private static byte[] sdistPkgInfo(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GZIPInputStream(raw), StandardCharsets.UTF_8.name())) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (entry.isFile() && slash > 0 && name.substring(slash + 1).equals("PKG-INFO")) {
          return readSmall(tar);
        }
      }
      return null;
    }
  }

  private static byte[] readSmall(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_METADATA + 1);
    if (bytes.length > MAX_METADATA) {
      throw new IOException("its core metadata is larger than " + MAX_METADATA + " bytes");
    }
    return bytes;
  }
}
