package io.github.pyrelease.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.Distribution;
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
      "",
    };
    for (int i = 0; i < descriptions.length; i++) {
      wheel("rst" + i, "text/x-rst", descriptions[i]);
    }
    wheel("md", "text/markdown", "# Title\n\n*markdown* [link](https://example.org)\n");

    BuiltDistributions after =
        new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(true, false));
    BuiltDistributions during =
        new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(true, true));
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
        new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(true, true));
    prefetched.prefetch();
    prefetched.prefetch(); // a second call starts nothing more
    assertThat(prefetched.all())
        .isEqualTo(
            new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(true, false))
                .all())
        .hasSize(2);
    assertThat(prefetched.description(prefetched.all().get(1)).status())
        .isEqualTo(DescriptionCheck.Status.RENDERS);

    BuiltDistributions missing =
        new BuiltDistributions(
            dir.resolve("nowhere"), "nowhere", PYTHON, new BuiltDistributions.Wanted(true, false));
    missing.prefetch();
    assertThat(missing.all()).isEmpty();
  }

  @Test
  void membersAreHashedOnlyWhenTheRecordCheckWillCompareThem() throws Exception {
    wheel("hashed", "text/markdown", "# Hashed\n");
    Distribution withDigests =
        new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(true, false))
            .all()
            .get(0);
    Distribution without =
        new BuiltDistributions(dir, "dist", PYTHON, new BuiltDistributions.Wanted(false, false))
            .all()
            .get(0);

    assertThat(withDigests.entries()).isNotEmpty();
    for (int i = 0; i < withDigests.entries().size(); i++) {
      var hashed = withDigests.entries().get(i);
      var plain = without.entries().get(i);
      assertThat(plain.name()).isEqualTo(hashed.name());
      assertThat(plain.size()).isEqualTo(hashed.size());
      assertThat(plain.digest("sha256")).isNull();
      if (hashed.type() == io.github.pyrelease.dist.EntryType.FILE) {
        assertThat(hashed.digest("sha256")).as(hashed.name()).hasSize(43);
      }
    }
    assertThat(without.metadata()).isEqualTo(withDigests.metadata());
    assertThat(without.record()).isEqualTo(withDigests.record());
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
