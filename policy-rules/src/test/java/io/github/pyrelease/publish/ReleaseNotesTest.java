package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseNotesTest {

  @TempDir Path dir;

  @Test
  void takesTheVersionsSectionWithoutHeadingsOrLinkDefinitions() throws IOException {
    String notes =
        notes(
            "CHANGELOG.md",
            """
            # Changelog

            ## [Unreleased]

            ## [1.4.0] - 2026-11-30

            ### Added
            - Greets in French.

            ## [1.3.0] - 2026-10-01

            ### Fixed
            - Commas.

            [Unreleased]: https://github.com/acme/greeter/compare/v1.4.0...HEAD
            [1.4.0]: https://github.com/acme/greeter/compare/v1.3.0...v1.4.0
            """,
            "1.4.0");
    assertThat(notes).isEqualTo("### Added\n- Greets in French.");
  }

  @Test
  void theLastSectionStopsBeforeTheLinkDefinitions() throws IOException {
    String notes =
        notes(
            "CHANGELOG.md",
            """
            ## 1.3.0rc1

            - First candidate.

            [1.3.0rc1]: https://example.com
            """,
            "1.3.0rc1");
    assertThat(notes).isEqualTo("- First candidate.");
  }

  @Test
  void matchesVersionsUnderPep440AndReadsReStructuredText() throws IOException {
    String notes =
        notes(
            "CHANGES.rst",
            """
            Changes
            =======

            1.0.0-RC.1 (2026-11-30)
            -----------------------

            * Candidate.

            0.9 (2026-01-01)
            ----------------

            * Older.
            """,
            "1.0.0rc1");
    assertThat(notes).isEqualTo("* Candidate.");
  }

  @Test
  void noSectionMeansNoNotes() throws IOException {
    assertThat(notes("CHANGELOG.md", "## [1.3.0]\n- x\n", "1.4.0")).isEmpty();
  }

  private String notes(String file, String text, String version) throws IOException {
    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[project]\nname = \"acme-greeter\"\nversion = \"" + version + "\"\n");
    Files.writeString(dir.resolve(file), text);
    PythonProject project = new PythonProjectReader().read(dir);
    return ReleaseNotes.of(project.changelog(), java.util.List.of(text.split("\n", -1)), version);
  }
}
