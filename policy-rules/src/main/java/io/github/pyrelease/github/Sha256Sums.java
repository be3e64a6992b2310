package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.FileDigests;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code SHA256SUMS} file for the distributions, in the format {@code sha256sum} prints and
 * {@code sha256sum -c} checks: {@code <hex> <name>} lines (two spaces: binary and text mode are the
 * same on POSIX), sorted by name, each ending with a newline.
 */
public final class Sha256Sums {

  /** The file's usual name. */
  public static final String FILE_NAME = "SHA256SUMS";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Sha256Sums() {}

  /** The text for the distributions, by file name. */
  public static String of(List<ReleaseFile> dists) {
    Map<String, String> sums = new TreeMap<>();
    for (ReleaseFile dist : dists) {
      sums.put(dist.fileName(), dist.sha256());
    }
    return of(sums);
  }

  /**
   * The text for {@code sha256ByName}.
   *
   * @throws PyreleaseException for a name {@code sha256sum} would have to escape (a newline or a
   *     backslash) or a digest that is not 64 lower-case hex digits
   */
  public static String of(Map<String, String> sha256ByName) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> entry : new TreeMap<>(sha256ByName).entrySet()) {
      String name = entry.getKey();
      if (name.isEmpty() || name.contains("\n") || name.contains("\r") || name.contains("\\")) {
        throw new PyreleaseException(
            "the file name '" + name.replaceAll("[\\r\\n]", "?") + "' cannot go in " + FILE_NAME,
            null,
            "name distributions as PEP 427 and the sdist specification say");
      }
      if (!SHA256.matcher(entry.getValue()).matches()) {
        throw new PyreleaseException(
            "the sha256 of " + name + " is not 64 lower-case hex digits: " + entry.getValue(),
            null,
            "pass the digest dist.FileDigests computes");
      }
      text.append(entry.getValue()).append("  ").append(name).append('\n');
    }
    return text.toString();
  }

  /**
   * Writes the file for {@code dists} to {@code target} atomically and returns it as a release
   * asset ({@code text/plain}).
   */
  public static AssetFile write(Path target, List<ReleaseFile> dists) {
    AtomicFiles.writeString(target, of(dists));
    FileDigests digests = FileDigests.of(target);
    return AssetFile.of(target, digests.sha256(), digests.size());
  }
}
