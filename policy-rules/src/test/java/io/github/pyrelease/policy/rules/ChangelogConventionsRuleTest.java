package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** changelog-entry on projects read from disk, in the layouts real projects use. */
class ChangelogConventionsRuleTest {

  @TempDir Path dir;

  private Verdict check(String version, String file, String changelog) throws IOException {
    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[project]\nname = \"demo\"\nversion = \"" + version + "\"\n");
    if (file != null) {
      Files.writeString(dir.resolve(file), changelog);
    }
    PythonProject project = new PythonProjectReader().read(dir);
    return new ChangelogEntryRule()
        .evaluate(
            new Facts() {
              @Override
              public PythonProject project() {
                return project;
              }

              @Override
              public Optional<Changelog> changelog(String other) {
                return project.changelogIfPresent();
              }
            });
  }

  private static final String PALLETS =
      """
      # Changelog

      ## Version 8.5.0

      Unreleased

      -   A change.

      ## Version 8.4.0

      Released 2026-01-10
      """;

  @Test
  void aDevVersionPassesOnItsReleasesSectionMarkedUnreleased() throws IOException {
    Verdict verdict = check("8.5.0.dev", "CHANGES.md", PALLETS);

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary())
        .isEqualTo(
            "CHANGES.md:3 has the section of 8.5.0, marked unreleased (line 5), for the"
                + " development version 8.5.0.dev0");
  }

  @Test
  void aPreReleasePassesOnItsReleasesSectionMarkedUnreleased() throws IOException {
    assertThat(check("8.5.0rc1", "CHANGES.md", PALLETS).findings()).isEmpty();
    assertThat(check("8.5.0rc1.dev2", "CHANGES.md", PALLETS).findings()).isEmpty();
  }

  @Test
  void aReleasedSectionDoesNotCoverALaterDevVersion() throws IOException {
    Finding finding =
        check("8.4.0.dev3", "CHANGES.md", PALLETS.replace("## Version 8.5.0\n\nUnreleased\n", ""))
            .findings()
            .get(0);

    assertThat(finding.message())
        .isEqualTo(
            "CHANGES.md has no section for version 8.4.0.dev3; its newest section is 'Version"
                + " 8.4.0'");
  }

  @Test
  void theFixForADevVersionNamesTheReleaseInTheFilesOwnStyle() throws IOException {
    Finding finding = check("8.6.0.dev0", "CHANGES.md", PALLETS).findings().get(0);

    assertThat(finding.fix())
        .isEqualTo(
            "add a section headed '## Version 8.6.0' with a line 'Unreleased' under it to"
                + " CHANGES.md, above its newest section, for the changes of 8.6.0 (8.6.0.dev0 is"
                + " the development version of it)")
        .doesNotContain("8.6.0.dev0'");
  }

  @Test
  void theFixForADevVersionInKeepAChangelogIsAnUnreleasedSection() throws IOException {
    Finding finding =
        check("2.0.0.dev1", "CHANGELOG.md", "# Changelog\n\n## [1.9.0] - 2026-01-01\n")
            .findings()
            .get(0);

    assertThat(finding.fix()).startsWith("add a section '## [Unreleased]' to CHANGELOG.md");
  }

  @Test
  void theFixForAReleaseFollowsTheNewestHeading() throws IOException {
    Finding finding =
        check("0.30.0", "CHANGELOG.md", "# Changelog\n\n## 0.29.0 (2026-01-02)\n\n* x\n")
            .findings()
            .get(0);

    assertThat(finding.fix()).isEqualTo("add a section '## 0.30.0 (<date>)' to CHANGELOG.md");
  }

  @Test
  void towncrierFragmentsCoverADevVersion() throws IOException {
    Files.writeString(
        dir.resolve("towncrier.toml"),
        "[tool.towncrier]\nfilename = \"CHANGELOG.md\"\ndirectory = \"changelog.d\"\n");
    Verdict verdict =
        check(
            "26.1.1.dev70",
            "CHANGELOG.md",
            "# Changelog\n\n<!-- towncrier release notes start -->\n\n## [26.1.0](https://example.org/tree/26.1.0) - 2026-01-12\n");

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary())
        .isEqualTo(
            "the notes of the development version 26.1.1.dev70 collect in changelog.d/"
                + " (towncrier news fragments) until the release writes them into CHANGELOG.md");
    assertThat(check("26.1.1", "CHANGELOG.md", "## [26.1.0] - 2026-01-12\n").findings())
        .as("a release needs its section")
        .hasSize(1);
  }
}
