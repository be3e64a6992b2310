package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogReaderTest {

  @TempDir Path dir;

  private Optional<Changelog> read(String file, String content) {
    new ProjectFixture(dir).file(file, content);
    return ChangelogReader.read(ProjectFiles.open(dir));
  }

  private List<String> sections(String file, String content) {
    return read(file, content).orElseThrow().sections().stream()
        .map(s -> s.line() + " " + s.version() + " " + s.date())
        .toList();
  }

  @Test
  void keepAChangelogWithLinkReferences() {
    Changelog changelog =
        read(
                "CHANGELOG.md",
                """
                # Changelog
                All notable changes.

                ## [Unreleased]
                ### Added
                - a thing

                ## [1.2.0] - 2026-01-31
                ### Fixed
                - a bug

                ## [v1.1.0] - 2025-12-01

                [unreleased]: https://example.org/compare/v1.2.0...HEAD
                [1.2.0]: https://example.org/compare/v1.1.0...v1.2.0
                """)
            .orElseThrow();

    assertThat(changelog.file()).isEqualTo("CHANGELOG.md");
    assertThat(changelog.sections())
        .containsExactly(
            new ChangelogSection("[Unreleased]", null, null, 4),
            new ChangelogSection("[1.2.0] - 2026-01-31", "1.2.0", "2026-01-31", 8),
            new ChangelogSection("[v1.1.0] - 2025-12-01", "1.1.0", "2025-12-01", 12));
  }

  @Test
  void commonHeadingStylesAreReleases() {
    assertThat(
            sections(
                "CHANGELOG.md",
                """
                ## Unreleased
                ## 1.6.0 (2026-03-01)
                ## v1.5.0
                ## 1.4.0 - 2026-01-31
                ## [1.3.0](https://example.org/releases/v1.3.0) - 2025-11-02
                ## Version 1.2.0rc1
                ## 1.1.0 ##
                ## Notes
                """))
        .containsExactly(
            "1 null null",
            "2 1.6.0 2026-03-01",
            "3 1.5.0 null",
            "4 1.4.0 2026-01-31",
            "5 1.3.0 2025-11-02",
            "6 1.2.0rc1 null",
            "7 1.1.0 null");
  }

  @Test
  void headingsInCodeBlocksCommentsAndSubHeadingsAreIgnored() {
    assertThat(
            sections(
                "CHANGELOG.md",
                """
                # Acme 2.0 release notes

                <!--
                ## 9.9.9 - template
                -->

                ## 2.0.0 - 2026-02-01

                ```markdown
                ## 8.0.0 - in an example
                ```

                ### 1.9.1
                ### Changed

                ~~~~
                ## 7.0.0
                ~~~~

                ## 1.9.0 - 2025-12-24
                """))
        .containsExactly("7 2.0.0 2026-02-01", "20 1.9.0 2025-12-24");
  }

  @Test
  void level3ReleasesAreTakenWhenTheChangelogUsesThem() {
    assertThat(
            sections(
                "CHANGELOG.md",
                """
                # Changelog
                ## Acme
                ### Unreleased
                ### 1.0.1
                ### 1.0.0
                """))
        .containsExactly("3 null null", "4 1.0.1 null", "5 1.0.0 null");
  }

  @Test
  void restructuredTextTitles() {
    assertThat(
            sections(
                "CHANGES.rst",
                """
                =========
                Changelog
                =========

                1.2.0 (2026-01-31)
                ------------------

                Fixed
                ~~~~~

                - a bug

                1.1.0 (2025-10-10)
                ------------------
                """))
        .containsExactly("5 1.2.0 2026-01-31", "13 1.1.0 2025-10-10");
  }

  @Test
  void setextHeadingsInMarkdown() {
    assertThat(sections("HISTORY.md", "History\n=======\n\n0.2.0\n-----\n\n0.1.0\n-----\n"))
        .containsExactly("4 0.2.0 null", "7 0.1.0 null");
  }

  @Test
  void theFirstChangelogNameWinsInAnyCase() {
    new ProjectFixture(dir).file("HISTORY.rst", "0.1.0\n=====\n");
    assertThat(read("changelog.md", "## 0.2.0\n").orElseThrow().file()).isEqualTo("changelog.md");
  }

  @Test
  void aProjectWithoutChangelogHasNone() {
    new ProjectFixture(dir).file("README.md", "## 1.0.0\n").directory("CHANGELOG");
    assertThat(ChangelogReader.read(ProjectFiles.open(dir))).isEmpty();
  }
}
