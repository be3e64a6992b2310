package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bumps of project files only (no git): what changes, what stays byte for byte, what is refused.
 */
class ProjectBumpFilesTest {

  @TempDir Path dir;

  private List<String> bump(BumpRequest request) {
    List<String> out = new ArrayList<>();
    try (BumpPlan plan =
        ProjectBump.plan(request.withClock(Projects.CLOCK).withGit(false, false, false))) {
      plan.execute(out::add);
    }
    return out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lineEndsByteOrderMarkQuotesCommentsAndMissingFinalNewlineAreKept() throws IOException {
    Projects.write(
        dir.resolve("pyproject.toml"),
        "[project]\r\nname = \"crlf-demo\"\r\nversion = '0.9.0' # single quotes\r\n"
            + "[tool.setuptools.dynamic]\r\n");
    byte[] init =
        bytes("\uFEFF# -*- coding: utf-8 -*-\r\n__version__ = \"0.9.0\"  # keep me\r\nx = 1");
    Projects.write(dir.resolve("src/crlf_demo/__init__.py"), init);
    Projects.write(dir.resolve("VERSION"), "0.9.0");
    Files.setPosixFilePermissions(
        dir.resolve("VERSION"), PosixFilePermissions.fromString("rwxr-x---"));

    bump(BumpRequest.of(dir, BumpKind.MINOR));

    assertThat(Files.readAllBytes(dir.resolve("pyproject.toml")))
        .isEqualTo(
            bytes(
                "[project]\r\nname = \"crlf-demo\"\r\nversion = '0.10.0' # single quotes\r\n"
                    + "[tool.setuptools.dynamic]\r\n"));
    assertThat(Files.readAllBytes(dir.resolve("src/crlf_demo/__init__.py")))
        .isEqualTo(
            bytes("\uFEFF# -*- coding: utf-8 -*-\r\n__version__ = \"0.10.0\"  # keep me\r\nx = 1"));
    assertThat(Files.readAllBytes(dir.resolve("VERSION"))).isEqualTo(bytes("0.10.0"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("VERSION"))))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void tupleIsRewrittenWithItsOwnSeparators() {
    Projects.write(
        dir.resolve("pyproject.toml"), "[project]\nname = \"tup\"\nversion = \"1.4.0\"\n");
    Projects.write(
        dir.resolve("tup/__init__.py"),
        "VERSION = (1,4,0)  # as a tuple\n__version__ = \".\".join(map(str, VERSION))\n");

    bump(BumpRequest.of(dir, BumpKind.MAJOR));

    assertThat(Projects.read(dir.resolve("tup/__init__.py")))
        .isEqualTo(
            "VERSION = (2,0,0)  # as a tuple\n__version__ = \".\".join(map(str, VERSION))\n");
  }

  @Test
  void tupleCannotHoldAPreRelease() {
    Projects.write(
        dir.resolve("pyproject.toml"), "[project]\nname = \"tup\"\nversion = \"1.4.0\"\n");
    Projects.write(dir.resolve("tup/__init__.py"), "VERSION = (1, 4, 0)\n");
    Map<String, String> before = Projects.hashes(dir);

    assertThatThrownBy(() -> bump(BumpRequest.of(dir, BumpKind.PRE)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("VERSION (tuple) holds only release numbers and cannot hold 1.4.1a1");
    assertThat(Projects.hashes(dir)).isEqualTo(before);
  }

  @Test
  void setupCfgAndBumpversionCfgMoveToo() {
    Projects.write(
        dir.resolve("setup.cfg"),
        "[metadata]\nname = cfg-demo\nversion = 2.1.0\n\n[options]\npackages = find:\n");
    Projects.write(
        dir.resolve(".bumpversion.cfg"), "[bumpversion]\ncurrent_version = 2.1.0\ncommit = True\n");

    bump(BumpRequest.of(dir, BumpKind.PATCH));

    assertThat(Projects.read(dir.resolve("setup.cfg"))).contains("version = 2.1.1\n");
    assertThat(Projects.read(dir.resolve(".bumpversion.cfg")))
        .isEqualTo("[bumpversion]\ncurrent_version = 2.1.1\ncommit = True\n");
  }

  @Test
  void onlyTheProjectsOwnLockEntriesMove() {
    Projects.example(dir);
    String uvLock =
        """
        version = 1
        requires-python = ">=3.9"

        [[package]]
        name = "acme-greeter"
        version = "1.4.0"
        source = { editable = "." }
        dependencies = [{ name = "other" }]

        [[package]]
        name = "other"
        version = "1.4.0"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "Acme_Greeter"
        version = "1.4.0"
        source = { registry = "https://pypi.org/simple" }
        """;
    Projects.write(dir.resolve("uv.lock"), uvLock);
    String pylock =
        """
        lock-version = "1.0"
        created-by = "hand"

        [[packages]]
        name = "acme.greeter"
        version = "1.4.0"
        directory = { path = ".", editable = true }

        [[packages]]
        name = "other"
        version = "1.4.0"
        """;
    Projects.write(dir.resolve("pylock.toml"), pylock);

    List<String> out = bump(BumpRequest.of(dir, BumpKind.MINOR));

    assertThat(Projects.read(dir.resolve("uv.lock")))
        .isEqualTo(
            uvLock.replaceFirst(
                "version = \"1.4.0\"\nsource = \\{ editable",
                "version = \"1.5.0\"\nsource = { editable"));
    assertThat(Projects.read(dir.resolve("pylock.toml")))
        .isEqualTo(pylock.replaceFirst("1\\.4\\.0", "1.5.0"));
    assertThat(out).contains("note: uv.lock: acme-greeter 1.4.0 → 1.5.0");
  }

  @Test
  void malformedLockFileIsRefusedWithItsLine() {
    Projects.example(dir);
    Projects.write(dir.resolve("uv.lock"), "version = 1\n[[package]\nname = \"x\"\n");
    Map<String, String> before = Projects.hashes(dir);
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, BumpKind.MINOR)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith("uv.lock is not valid TOML")
        .satisfies(e -> assertThat(((PyreleaseException) e).where()).isEqualTo("uv.lock:2"));
    assertThat(Projects.hashes(dir)).isEqualTo(before);
  }

  @Test
  void lockFileThatIsNotUtf8IsRefused() {
    Projects.example(dir);
    Projects.write(dir.resolve("uv.lock"), new byte[] {'v', '=', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, BumpKind.MINOR)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("uv.lock is not valid UTF-8");
  }

  @Test
  void versionFromGitTagsIsRefusedWithWhatToDoInstead() {
    Projects.write(
        dir.resolve("pyproject.toml"),
        "[build-system]\nrequires = [\"setuptools\", \"setuptools-scm\"]\nbuild-backend ="
            + " \"setuptools.build_meta\"\n\n[project]\nname = \"scm\"\ndynamic = [\"version\"]\n\n"
            + "[tool.setuptools_scm]\n");
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, BumpKind.MINOR)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "the version comes from git tags (setuptools_scm (version from git tags)): there is no"
                + " version text to bump")
        .satisfies(e -> assertThat(((PyreleaseException) e).fix()).contains("git tag -a"));
  }

  @Test
  void goingBackwardsOrStayingIsRefusedUnlessForced() {
    Projects.example(dir);
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, null).withNewVersion("1.3.9")))
        .hasMessage("the new version 1.3.9 is lower than the current version 1.4.0");
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, null).withNewVersion("1.4")))
        .hasMessage("the new version 1.4 is equal to the current version 1.4.0");
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, null).withNewVersion("1.5+local")))
        .hasMessage("the new version 1.5+local has a local label, which package indexes refuse");
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, null).withNewVersion("1.5-SNAPSHOT")))
        .hasMessageStartingWith("the new version '1.5-SNAPSHOT' is not a PEP 440 version");
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, null)))
        .hasMessage("no bump given: say which part to bump or which version to move to");

    bump(BumpRequest.of(dir, null).withNewVersion("1.3.9").withForce(true));
    assertThat(Projects.read(dir.resolve("pyproject.toml"))).contains("version = \"1.3.9\"");
  }

  @Test
  void disagreeingSourcesAreRefusedUnlessForced() {
    Projects.example(dir);
    Projects.write(dir.resolve("src/acme_greeter/__init__.py"), "__version__ = \"1.3.0\"\n");
    assertThatThrownBy(() -> bump(BumpRequest.of(dir, BumpKind.MINOR)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "the version sources disagree: [project].version is 1.4.0 but"
                + " src/acme_greeter/__init__.py:1 __version__ = 1.3.0");

    bump(BumpRequest.of(dir, BumpKind.MINOR).withForce(true));
    assertThat(Projects.read(dir.resolve("src/acme_greeter/__init__.py")))
        .isEqualTo("__version__ = \"1.5.0\"\n");
  }

  @Test
  void aFailureBetweenFilesRestoresTheFilesAlreadyWritten() {
    Projects.example(dir);
    Map<String, String> before = Projects.hashes(dir);
    BumpRequest request =
        BumpRequest.of(dir, BumpKind.MINOR)
            .withFaultHook(
                (replaced, total) -> {
                  if (replaced == 2) {
                    throw new IOException("disk full (injected)");
                  }
                });
    assertThatThrownBy(() -> bump(request))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("disk full (injected)")
        .hasMessageContaining("the 2 file(s) already written were restored, so nothing changed");
    assertThat(Projects.hashes(dir)).isEqualTo(before);
    assertThat(dir.resolve(".pyrelease-bump")).doesNotExist();
  }

  @Test
  void aChangelogIsStartedOnlyWhenAskedAndThenCoversTheRelease() throws IOException {
    Projects.example(dir);
    Files.delete(dir.resolve("CHANGELOG.md"));
    bump(BumpRequest.of(dir, BumpKind.PATCH));
    assertThat(dir.resolve("CHANGELOG.md")).doesNotExist();

    List<String> out = bump(BumpRequest.of(dir, BumpKind.MINOR).withCreateChangelog(true));

    assertThat(out)
        .contains(
            "note: started CHANGELOG.md with a dated section for 1.5.0 (Keep a Changelog)",
            "updated 3 file(s): CHANGELOG.md, pyproject.toml, src/acme_greeter/__init__.py");
    var changelog =
        new io.github.pyrelease.project.PythonProjectReader().read(dir).changelogIfPresent();
    assertThat(changelog).isPresent();
    assertThat(changelog.get().sections())
        .extracting(
            io.github.pyrelease.project.ChangelogSection::version,
            io.github.pyrelease.project.ChangelogSection::date)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, null), // Unreleased
            org.assertj.core.groups.Tuple.tuple("1.5.0", "2026-11-25"));

    // the next bump releases the started file's Unreleased section like any other
    Projects.write(
        dir.resolve("CHANGELOG.md"),
        Projects.read(dir.resolve("CHANGELOG.md"))
            .replace("## [Unreleased]\n", "## [Unreleased]\n\n- a fix\n"));
    bump(BumpRequest.of(dir, BumpKind.PATCH).withCreateChangelog(true));
    assertThat(Projects.read(dir.resolve("CHANGELOG.md")))
        .contains("## [Unreleased]\n\n## [1.5.1] - 2026-11-25\n\n- a fix\n\n## [1.5.0]");
  }

  @Test
  void aDevBumpStartsAChangelogWithOnlyItsUnreleasedSection() {
    Projects.example(dir);
    Projects.write(dir.resolve("CHANGELOG.md"), "");
    try {
      Files.delete(dir.resolve("CHANGELOG.md"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    bump(BumpRequest.of(dir, BumpKind.DEV).withCreateChangelog(true));
    assertThat(Projects.read(dir.resolve("CHANGELOG.md")))
        .endsWith("## [Unreleased]\n")
        .doesNotContain("1.4.1");
  }

  @Test
  void aDryRunShowsTheStartedChangelogAndCreatesNothing() throws IOException {
    Projects.example(dir);
    Files.delete(dir.resolve("CHANGELOG.md"));
    List<String> out = new ArrayList<>();
    try (BumpPlan plan =
        ProjectBump.plan(
            BumpRequest.of(dir, BumpKind.MAJOR)
                .withCreateChangelog(true)
                .withDryRun(true)
                .withClock(Projects.CLOCK)
                .withGit(false, false, false))) {
      plan.simulate(out::add);
    }
    assertThat(out).contains("+## [2.0.0] - 2026-11-25");
    assertThat(dir.resolve("CHANGELOG.md")).doesNotExist();
  }

  @Test
  void changelogNotes() {
    Projects.example(dir);
    Projects.write(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## [1.4.0] - 2026-01-01\n");
    assertThat(bump(BumpRequest.of(dir, BumpKind.PATCH)))
        .contains(
            "note: CHANGELOG.md has no '## [Unreleased]' section; left as it is (add one to have"
                + " the bump date it)");

    Projects.write(
        dir.resolve("CHANGELOG.md"),
        "# Changelog\n\n```\n## Unreleased\n```\n\n## Unreleased\n\n- fix\n\n## 1.4.2\n");
    assertThat(bump(BumpRequest.of(dir, BumpKind.PATCH)))
        .contains("note: CHANGELOG.md already has a section for 1.4.2 (line 11); left as it is");

    Projects.write(
        dir.resolve("CHANGELOG.md"),
        "# Changelog\n\n```\n## Unreleased\n```\n\n## Unreleased\n\n- fix\n");
    bump(BumpRequest.of(dir, BumpKind.PATCH));
    assertThat(Projects.read(dir.resolve("CHANGELOG.md")))
        .isEqualTo(
            "# Changelog\n\n```\n## Unreleased\n```\n\n## Unreleased\n\n## 1.4.3 - 2026-11-25\n\n- fix\n");
  }

  @Test
  void aSectionMarkedUnreleasedIsReleasedInPlace() throws IOException {
    Projects.write(
        dir.resolve("pyproject.toml"), "[project]\nname = \"pallets\"\nversion = \"8.5.0.dev0\"\n");
    String pallets =
        "# Changelog\n\n## Version 8.5.0\n\nUnreleased\n\n-   A change.\n\n## Version 8.4.1\n\n"
            + "Released 2026-01-10\n";
    Projects.write(dir.resolve("CHANGES.md"), pallets);

    assertThat(bump(BumpRequest.of(dir, BumpKind.DEV)))
        .contains("note: CHANGES.md is left as it is: a development version is not a release");
    assertThat(Projects.read(dir.resolve("CHANGES.md"))).isEqualTo(pallets);

    assertThat(bump(BumpRequest.of(dir, BumpKind.RELEASE).withForce(true)))
        .contains("note: CHANGES.md:5: the section of 8.5.0 is released on 2026-11-25");
    assertThat(Projects.read(dir.resolve("CHANGES.md")))
        .isEqualTo(pallets.replace("\nUnreleased\n", "\nReleased 2026-11-25\n"));
  }

  @Test
  void anUnreleasedMarkerInAHeadingOrADateFieldBecomesTheDate() throws IOException {
    Projects.write(
        dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"0.29.0rc1\"\n");
    Projects.write(
        dir.resolve("CHANGES.rst"), "0.29.0 (unreleased)\n===================\n\n* A change.\n");
    bump(BumpRequest.of(dir, BumpKind.RELEASE));
    assertThat(Projects.read(dir.resolve("CHANGES.rst")))
        .isEqualTo("0.29.0 (2026-11-25)\n===================\n\n* A change.\n");

    Files.delete(dir.resolve("CHANGES.rst"));
    Projects.write(
        dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"2.9.0\"\n");
    Projects.write(
        dir.resolve("HISTORY.md"), "# History\n\n## 3.0.0\n\nRelease date: TBD\n\n## 2.9.0\n");
    bump(BumpRequest.of(dir, BumpKind.MAJOR));
    assertThat(Projects.read(dir.resolve("HISTORY.md")))
        .isEqualTo("# History\n\n## 3.0.0\n\nRelease date: 2026-11-25\n\n## 2.9.0\n");
  }

  @Test
  void hugeChangelogIsRewrittenInPlace() {
    Projects.example(dir);
    StringBuilder big = new StringBuilder("# Changelog\n\n## [Unreleased]\n\n- next\n\n");
    for (int i = 3999; i > 0; i--) {
      big.append("## [0.")
          .append(i)
          .append(".0] - 2020-01-01\n\n- change ")
          .append("x".repeat(600))
          .append("\n\n");
    }
    Projects.write(dir.resolve("CHANGELOG.md"), big.toString());
    bump(BumpRequest.of(dir, BumpKind.PATCH));
    String after = Projects.read(dir.resolve("CHANGELOG.md"));
    assertThat(after)
        .startsWith("# Changelog\n\n## [Unreleased]\n\n## [1.4.1] - 2026-11-25\n\n- next\n");
    assertThat(after.length()).isEqualTo(big.length() + "## [1.4.1] - 2026-11-25\n\n".length());
  }
}
