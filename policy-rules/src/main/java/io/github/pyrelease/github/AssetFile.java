package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.ReleaseFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A local file to attach to a release, with the digest and size the build computed: what is
 * uploaded is checked against them, and so is what GitHub already holds.
 *
 * @param path the file
 * @param name the asset's name on GitHub (usually the file's name)
 * @param sha256 lower-case hex
 * @param size in bytes
 * @param contentType the media type GitHub serves it with
 */
public record AssetFile(Path path, String name, String sha256, long size, String contentType) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public AssetFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contentType, "contentType");
    sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
      throw new PyreleaseException(
          "the release asset name '" + name + "' is not a file name",
          path.toString(),
          "name the asset like a file, without '/' or '\\'");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new PyreleaseException(
          "the release asset name '"
              + name.replaceAll("\\p{Cntrl}", "?")
              + "' holds a control"
              + " character",
          path.toString(),
          "rename the file");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new PyreleaseException(
          "the sha256 given for " + name + " is not 64 hex digits: '" + sha256 + "'",
          path.toString(),
          "pass the file's sha256 as dist.FileDigests computes it");
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for " + name);
    }
  }

  /** {@code path} under its own file name, with the media type its name implies. */
  public static AssetFile of(Path path, String sha256, long size) {
    String name = path.getFileName().toString();
    return new AssetFile(path, name, sha256, size, contentTypeFor(name));
  }

  /** A wheel or sdist about to be published. */
  public static AssetFile of(ReleaseFile dist) {
    return of(dist.path(), dist.sha256(), dist.size());
  }

  /**
   * The media type for a file name: {@code application/octet-stream} for wheels (and anything
   * unknown), {@code application/gzip} for {@code .tar.gz}, {@code application/zip} for {@code
   * .zip}, {@code text/plain} for {@code SHA256SUMS} and {@code .txt}.
   */
  public static String contentTypeFor(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
      return "application/gzip";
    }
    if (lower.endsWith(".zip")) {
      return "application/zip";
    }
    if (lower.equals("sha256sums") || lower.endsWith(".txt") || lower.endsWith(".sha256")) {
      return "text/plain";
    }
    return "application/octet-stream";
  }
}
