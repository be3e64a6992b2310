package io.github.pyrelease.vuln;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/** The advisory databases the tests read: a committed subset of the real one, and the snapshot. */
final class Fixtures {

  /** The full PyPA snapshot, where this machine has it (CI's has not). */
  static final Path SNAPSHOT =
      Path.of(
          System.getProperty(
              "pyrelease.test.osv", "/work/shared/data/osv/PyPI-pypa-advisory-database.zip"));

  static final Path SNAPSHOT_TREE = SNAPSHOT.resolveSibling("pypa-advisory-database-yaml.tar.gz");

  private Fixtures() {}

  /** A real subset of the PyPA advisory database (YAML tree, CC-BY-4.0, see its NOTICE.md). */
  static Path subset() {
    try {
      return Path.of(Fixtures.class.getResource("pypa-subset").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assumeSnapshot() {
    Assumptions.assumeTrue(
        Files.isRegularFile(SNAPSHOT),
        "the PyPA advisory snapshot "
            + SNAPSHOT
            + " is not on this machine (set -Dpyrelease.test.osv=...): full-database test skipped");
  }

  /** The subset's records as one zip, each at {@code vulns/<pkg>/<id>.yaml}. */
  static Path subsetZip(Path dir) {
    Path zip = dir.resolve("subset.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(subset())) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        z.putNextEntry(new ZipEntry(subset().relativize(file).toString().replace('\\', '/')));
        z.write(Files.readAllBytes(file));
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }
}
