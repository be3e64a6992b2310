package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heading layouts of well-known projects' changelogs, written here from their conventions (not
 * copied): each must give its sections with version, date and whether the newest is marked
 * unreleased. One line per section: {@code line version date U} (U when marked unreleased, {@code
 * -} otherwise).
 */
class ChangelogConventionsTest {

  @TempDir Path dir;

  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(
            "Pallets CHANGES.md (click, Flask, Jinja, Werkzeug)",
            "CHANGES.md",
            """
            # Changelog

            ## Version 8.5.0

            Unreleased

            -   Something changed. {issue}`3001`

            ## Version 8.4.1

            Released 2026-01-10

            -   A fix.
            """,
            List.of("3 8.5.0 null U", "9 8.4.1 2026-01-10 -")),
        Arguments.of(
            "Pallets CHANGES.rst (older click, Flask 2)",
            "CHANGES.rst",
            """
            .. currentmodule:: flask

            Version 3.2.0
            -------------

            Unreleased

            -   Drop support for Python 3.8.


            Version 3.1.1
            -------------

            Released 2025-05-13

            -   A fix.
            """,
            List.of("3 3.2.0 null U", "11 3.1.1 2025-05-13 -")),
        Arguments.of(
            "Keep a Changelog (cleo, poetry, most projects)",
            "CHANGELOG.md",
            """
            # Changelog

            All notable changes to this project will be documented in this file.

            ## [Unreleased]

            ### Added

            - A thing.

            ## [2.1.0] - 2025-11-24

            ### Fixed

            - [#123](https://example.org/issues/123) A bug.

            [Unreleased]: https://example.org/compare/2.1.0...HEAD
            [2.1.0]: https://example.org/compare/2.0.1...2.1.0
            """,
            List.of("5 null null -", "11 2.1.0 2025-11-24 -")),
        Arguments.of(
            "towncrier Markdown, attrs' title_format",
            "CHANGELOG.md",
            """
            # Changelog

            Versions follow [CalVer](https://calver.org).

            <!--
            Do *NOT* add changelog entries here!
            -->

            <!-- towncrier release notes start -->

            ## [26.1.0](https://example.org/tree/26.1.0) - 2026-01-12

            ### Changes

            - A change. [#1400](https://example.org/issues/1400)

            ## [25.4.0](https://example.org/tree/25.4.0) - 2025-10-06
            """,
            List.of("11 26.1.0 2026-01-12 -", "17 25.4.0 2025-10-06 -")),
        Arguments.of(
            "towncrier reStructuredText default: name version (date)",
            "NEWS.rst",
            """
            Release notes
            =============

            .. towncrier release notes start

            pytest 8.4.0 (2026-01-20)
            =========================

            Features
            --------

            - A feature.


            pytest 8.3.5 (2025-12-02)
            =========================
            """,
            List.of("6 8.4.0 2026-01-20 -", "15 8.3.5 2025-12-02 -")),
        Arguments.of(
            "setuptools NEWS.rst: vX underlined",
            "NEWS.rst",
            """
            v80.9.0
            =======

            Features
            --------

            - A feature.


            v80.8.0
            =======
            """,
            List.of("1 80.9.0 null -", "10 80.8.0 null -")),
        Arguments.of(
            "httpx: version (spelled-out date)",
            "CHANGELOG.md",
            """
            # Changelog

            ## 0.29.0 (unreleased)

            * A change.

            ## 0.28.1 (6th December, 2024)

            * A fix.
            """,
            List.of("3 0.29.0 null U", "7 0.28.1 null -")),
        Arguments.of(
            "bump-my-version: version (date) and a compare link",
            "CHANGELOG.md",
            """
            # Changelog

            ## 1.2.5 (2025-12-01)

            [Compare the full difference.](https://example.org/compare/1.2.4...1.2.5)

            ### Fixes

            - A fix.

            ## 1.2.4 (2025-10-20)
            """,
            List.of("3 1.2.5 2025-12-01 -", "11 1.2.4 2025-10-20 -")),
        Arguments.of(
            "Django-style release notes: overlined titles, a field line",
            "docs/../HISTORY.rst",
            """
            ==========================
            Django 6.1 release notes
            ==========================

            *Expected August 2026*

            Django 6.1 adds things.

            ==========================
            Django 6.0 release notes
            ==========================

            *December 3, 2025*
            """,
            List.of("2 6.1 null -", "10 6.0 null -")),
        Arguments.of(
            "Sphinx: Release X (in development)",
            "CHANGES.rst",
            """
            Release 8.3.0 (in development)
            ==============================

            Features added
            --------------

            Release 8.2.3 (released Mar 02, 2025)
            =====================================
            """,
            List.of("1 8.3.0 null U", "7 8.2.3 null -")),
        Arguments.of(
            "a date field marked TBD, and a TBA in the heading",
            "HISTORY.md",
            """
            # History

            ## 3.0.0

            Release date: TBD

            ## 2.9.0 - TBA

            ## 2.8.0

            Release date: 2025-09-09
            """,
            List.of("3 3.0.0 null U", "7 2.9.0 null U", "9 2.8.0 2025-09-09 -")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void headingsOfWellKnownLayouts(String name, String file, String content, List<String> expected) {
    String relative = file.replace("docs/../", "");
    new ProjectFixture(dir).file(relative, content);
    Changelog changelog = ChangelogReader.read(ProjectFiles.open(dir)).orElseThrow();

    assertThat(changelog.file()).isEqualTo(relative);
    assertThat(changelog.sections())
        .extracting(
            s ->
                s.line()
                    + " "
                    + s.version()
                    + " "
                    + s.date()
                    + " "
                    + (s.isMarkedUnreleased() ? "U" : "-"))
        .containsExactlyElementsOf(expected);
  }
}
