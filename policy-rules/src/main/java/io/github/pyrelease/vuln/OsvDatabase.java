package io.github.pyrelease.vuln;

import io.github.pyrelease.PyreleaseException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An offline OSV database: a directory of OSV files (a checkout of the PyPA advisory database, any
 * folder of records), a zip of them (OSV's per-ecosystem {@code all.zip}), a {@code .tar.gz} of
 * them, or one record file. Archives are streamed, never unpacked: a member's name is only a label,
 * so a name such as {@code ../../x.json} reaches no file. Files other than {@code .json}, {@code
 * .yaml} and {@code .yml} (a LICENSE, a README) are passed over.
 */
final class OsvDatabase {

  /** Real records are a few kilobytes, the largest some hundreds; more is not a record. */
  static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  private final Path path;

  OsvDatabase(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** One record file of the database. */
  record Entry(String source, byte[] bytes, boolean yaml) {}

  /**
   * What identifies this state of the database: the CRC-32 and size of an archive or file, or the
   * sha256 of a directory's listing (each file's path, size and modification time).
   */
  String digest() {
    requireExists();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(path)) {
        for (Path file : recordFiles()) {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          String line =
              path.relativize(file).toString().replace('\\', '/')
                  + "\t"
                  + attributes.size()
                  + "\t"
                  + attributes.lastModifiedTime().toMillis()
                  + "\n";
          sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return "dir:" + HexFormat.of().formatHex(sha.digest());
      }
      // CRC-32 and size, not sha256: this is a cache key, not a proof, and CRC-32 is computed by
      // the processor's instructions even in a short run's quick compiler (sha256 was a tenth of
      // a warm audit)
      CRC32 crc = new CRC32();
      try (InputStream in = new CheckedInputStream(Files.newInputStream(path), crc)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return "crc32:" + Long.toHexString(crc.getValue()) + ":" + Files.size(path);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Hands every record file to {@code consumer}, in a stable order for directories and in archive
   * order for archives.
   *
   * @throws PyreleaseException naming the file or member when it cannot be read or is too large
   */
  void forEach(Consumer<Entry> consumer) {
    requireExists();
    String name =
        path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (Files.isDirectory(path)) {
        for (Path file : recordFiles()) {
          String source = path.relativize(file).toString().replace('\\', '/');
          try (InputStream in = Files.newInputStream(file)) {
            consumer.accept(
                new Entry(
                    path.resolve(source).toString(), read(in, file.toString()), isYaml(source)));
          }
        }
      } else if (name.endsWith(".zip")) {
        zip(consumer);
      } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
        tar(consumer);
      } else if (isRecord(name)) {
        try (InputStream in = Files.newInputStream(path)) {
          consumer.accept(new Entry(path.toString(), read(in, path.toString()), isYaml(name)));
        }
      } else {
        throw new PyreleaseException(
            path
                + " is not an advisory database: expected a directory, a .zip, a .tar.gz or an"
                + " OSV .json/.yaml file",
            path.toString(),
            "give a directory of OSV records or OSV's PyPI/all.zip");
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private void zip(Consumer<Entry> consumer) throws IOException {
    try (ZipInputStream zip =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
      ZipEntry entry;
      while ((entry = nextZipEntry(zip)) != null) {
        if (!entry.isDirectory() && isRecord(entry.getName())) {
          String source = path + "!" + entry.getName();
          consumer.accept(new Entry(source, read(zip, source), isYaml(entry.getName())));
        }
      }
    }
  }

  private ZipEntry nextZipEntry(ZipInputStream zip) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (ZipException e) {
      throw new PyreleaseException(
          path + " is not a readable zip: " + e.getMessage(),
          path.toString(),
          "download the database again");
    }
  }

  private void tar(Consumer<Entry> consumer) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(path))))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile() && isRecord(entry.getName())) {
          String source = path + "!" + entry.getName();
          consumer.accept(new Entry(source, read(tar, source), isYaml(entry.getName())));
        }
      }
    }
  }

  private void requireExists() {
    if (!Files.exists(path)) {
      throw new PyreleaseException(
          "the advisory database " + path + " does not exist",
          path.toString(),
          "give a directory of OSV records, a zip such as OSV's PyPI/all.zip, or a .tar.gz of them");
    }
  }

  private List<Path> recordFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path)) {
      walk.filter(p -> !hidden(path.relativize(p)))
          .filter(p -> isRecord(p.getFileName().toString()) && Files.isRegularFile(p))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  /** A .git directory and other hidden folders hold no records. */
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRecord(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  private static boolean isYaml(String name) {
    return !name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Reads at most {@link #MAX_RECORD_BYTES}; a larger file is refused, not truncated. */
  static byte[] read(InputStream in, String source) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > MAX_RECORD_BYTES) {
        throw new PyreleaseException(
            source
                + " is larger than "
                + MAX_RECORD_BYTES / (1024 * 1024)
                + " MiB, the most an advisory record may have; refused",
            source,
            "remove the file from the advisory database: no OSV record is that large");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private PyreleaseException unreadable(IOException e) {
    return new PyreleaseException(
        "the advisory database " + path + " cannot be read: " + e.getMessage(),
        path.toString(),
        "check the path and its permissions",
        e);
  }
}
