package io.github.pyrelease.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.ArchiveEntry;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.EntryType;
import io.github.pyrelease.dist.ReadDepth;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long descriptions decided while the files are read (on the reading threads) come out exactly as
 * when they are decided afterwards: valid, broken and undecided reStructuredText (which goes to
 * readme_renderer), Markdown, and none.
 */
class BuiltDistributionsTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir Path dir;

  @Test
  void decidingWhileReadingChangesNoVerdict() throws Exception {
    String[] descriptions = {
      "Title\n=====\n\nA *valid* README with a `link <https://example.org>`_.\n",
      "Longer title\n=====\n\nThe underline is too short.\n",
      "+-----+\n| a   |\n+-----+\n",
      "+-----+\n| a   |\n+---+\n",
      // footnotes are left to readme_renderer: one that renders, one that does not
      "See [1]_.\n\n.. [1] A footnote.\n",
      "See [2]_.\n\n.. [1] A footnote.\n",
      "",
    };
    for (int i = 0; i < descriptions.length; i++) {
      wheel("rst" + i, "text/x-rst", descriptions[i]);
    }
    wheel("md", "text/markdown", "# Title\n\n*markdown* [link](https://example.org)\n");

    BuiltDistributions after =
        new BuiltDistributions(
            dir, "dist", PYTHON, new BuiltDistributions.Wanted(ReadDepth.DIGESTS, false));
    BuiltDistributions during =
        new BuiltDistributions(
            dir, "dist", PYTHON, new BuiltDistributions.Wanted(ReadDepth.DIGESTS, true));
    List<Distribution> all = after.all();
    assertThat(all).hasSize(descriptions.length + 1);
    assertThat(during.all()).isEqualTo(all);
    for (int i = 0; i < all.size(); i++) {
      DescriptionCheck expected = after.description(all.get(i));
      assertThat(during.description(during.all().get(i)))
          .as(all.get(i).fileName())
          .isEqualTo(expected);
    }
    assertThat(all.stream().map(after::description).map(DescriptionCheck::status))
        .contains(
            DescriptionCheck.Status.RENDERS,
            DescriptionCheck.Status.FAILS,
            DescriptionCheck.Status.NOT_RENDERED,
            DescriptionCheck.Status.ABSENT);
  }

  @Test
  void aPrefetchedReadIsTheSameRead() throws Exception {
    wheel("one", "text/markdown", "# One\n");
    wheel("two", "text/x-rst", "Two\n===\n\nText.\n");
    BuiltDistributions prefetched =
        new BuiltDistributions(
            dir, "dist", PYTHON, new BuiltDistributions.Wanted(ReadDepth.DIGESTS, true));
    prefetched.prefetch();
    prefetched.prefetch(); // a second call starts nothing more
    assertThat(prefetched.all())
        .isEqualTo(
            new BuiltDistributions(
                    dir, "dist", PYTHON, new BuiltDistributions.Wanted(ReadDepth.DIGESTS, false))
                .all())
        .hasSize(2);
    assertThat(prefetched.description(prefetched.all().get(1)).status())
        .isEqualTo(DescriptionCheck.Status.RENDERS);

    BuiltDistributions missing =
        new BuiltDistributions(
            dir.resolve("nowhere"),
            "nowhere",
            PYTHON,
            new BuiltDistributions.Wanted(ReadDepth.DIGESTS, false));
    missing.prefetch();
    assertThat(missing.all()).isEmpty();
  }

  @Test
  void wheelsAreReadOnlyAsDeepAsTheRulesLook() throws Exception {
    wheel("deep", "text/markdown", "# Deep\n");
    Distribution digests = read(ReadDepth.DIGESTS);
    Distribution contents = read(ReadDepth.CONTENTS);
    Distribution metadata = read(ReadDepth.METADATA);

    assertThat(digests.entries()).hasSizeGreaterThan(3);
    for (int i = 0; i < digests.entries().size(); i++) {
      ArchiveEntry hashed = digests.entries().get(i);
      for (ArchiveEntry shallower : List.of(contents.entries().get(i), metadata.entries().get(i))) {
        assertThat(shallower.name()).isEqualTo(hashed.name());
        assertThat(shallower.size()).isEqualTo(hashed.size());
        assertThat(shallower.digest("sha256")).isNull();
      }
      if (hashed.type() == EntryType.FILE) {
        assertThat(hashed.digest("sha256")).as(hashed.name()).hasSize(43);
      }
    }
    assertThat(contents.metadata()).isEqualTo(digests.metadata());
    assertThat(metadata.metadata()).isEqualTo(digests.metadata());
    assertThat(metadata.wheelInfo()).isEqualTo(digests.wheelInfo());
    assertThat(contents.record()).isEqualTo(digests.record()).isNotNull();
    assertThat(metadata.record()).isNull();
    assertThat(metadata.problems()).isEqualTo(digests.problems()).isEmpty();
  }

  @Test
  void aDamagedMemberIsFoundWhenMembersAreReadAndAnUnreadableWheelAlways() throws Exception {
    wheel("damaged", "text/markdown", "# Damaged\n");
    Path file;
    try (var files = java.nio.file.Files.list(dir)) {
      file = files.filter(f -> f.toString().endsWith(".whl")).findFirst().orElseThrow();
    }
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    // the first member's compressed data (a module, not a metadata file), from its local header
    int nameLength = (bytes[26] & 0xff) | (bytes[27] & 0xff) << 8;
    int extraLength = (bytes[28] & 0xff) | (bytes[29] & 0xff) << 8;
    assertThat(new String(bytes, 30, nameLength, java.nio.charset.StandardCharsets.UTF_8))
        .endsWith(".py");
    bytes[30 + nameLength + extraLength + 1] ^= 0x55;
    java.nio.file.Files.write(file, bytes);

    assertThat(read(ReadDepth.CONTENTS).problems()).isNotEmpty();
    assertThat(read(ReadDepth.METADATA).problems()).isEmpty();

    java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, 40)); // truncated
    assertThat(read(ReadDepth.METADATA).readable()).isFalse();
  }

  private Distribution read(ReadDepth depth) {
    return new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(depth, false))
        .all()
        .get(0);
  }

  private void wheel(String name, String contentType, String description) throws Exception {
    new Archives.Wheel(name, "1.0")
        .metadata(
            "Metadata-Version: 2.1\nName: "
                + name
                + "\nVersion: 1.0\nSummary: s\nDescription-Content-Type: "
                + contentType
                + "\n\n"
                + description)
        .write(dir);
  }
}
