package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyrelease check} on repositories generated in the layouts of click (flit_core, a {@code
 * .dev} version, Pallets' CHANGES.md) and attrs (hatch-vcs with raw-options, towncrier fragments in
 * changelog.d/, a clone 70 commits after its last tag): changelog-entry passes and the version from
 * git tags is the one the real setuptools_scm computes.
 */
class RealLayoutsCheckTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir Path dir;

  @Test
  void clickLayoutPassesChangelogEntry() throws IOException {
    Path click = dir.resolve("click");
    GitCli git = new GitCli(Files.createDirectories(dir.resolve("home")));
    git.init(click);
    GitCli.write(
        click,
        "pyproject.toml",
        """
        [project]
        name = "click"
        version = "8.5.0.dev"
        description = "Composable command line interface toolkit"
        requires-python = ">=3.10"

        [build-system]
        requires = ["flit_core>=3.11,<4"]
        build-backend = "flit_core.buildapi"

        [tool.flit.module]
        name = "click"
        """);
    GitCli.write(click, "src/click/__init__.py", "from .core import Command\n");
    GitCli.write(
        click,
        "CHANGES.md",
        """
        # Changelog

        ## Version 8.5.0

        Unreleased

        -   Drop support for Python 3.9. {pr}`3000`

        ## Version 8.4.1

        Released 2026-01-10

        -   Fix a regression. {issue}`2990`
        """);
    git.run(click, "add", "-A");
    git.run(click, "commit", "-q", "-m", "start");

    CliFixture.Run run =
        CliFixture.run(
            Map.of(), false, "", "check", click.toString(), "--rules", "changelog-entry");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("PASS  changelog-entry")
        .contains("CHANGES.md:3 has the section of 8.5.0, marked unreleased (line 5)");
  }

  @Test
  void attrsLayoutComputesSetuptoolsScmsVersionAndPassesChangelogEntry() throws Exception {
    Path attrs = dir.resolve("attrs");
    GitCli git = new GitCli(Files.createDirectories(dir.resolve("home")));
    git.init(attrs);
    GitCli.write(
        attrs,
        "pyproject.toml",
        """
        [build-system]
        requires = ["hatchling", "hatch-vcs", "hatch-fancy-pypi-readme>=23.2.0"]
        build-backend = "hatchling.build"

        [project]
        name = "attrs"
        authors = [{ name = "Hynek Schlawack", email = "hs@ox.cx" }]
        requires-python = ">=3.9"
        description = "Classes Without Boilerplate"
        dynamic = ["version", "readme"]

        [tool.hatch.version]
        source = "vcs"
        raw-options = { local_scheme = "no-local-version" }

        [tool.hatch.build.targets.wheel]
        packages = ["src/attr", "src/attrs"]

        [tool.towncrier]
        name = "attrs"
        directory = "changelog.d"
        filename = "CHANGELOG.md"
        start_string = "<!-- towncrier release notes start -->\\n"
        title_format = "## [{version}](https://example.org/attrs/tree/{version}) - {project_date}"
        """);
    GitCli.write(attrs, "src/attr/__init__.py", "__all__ = []\n");
    GitCli.write(attrs, "src/attrs/__init__.py", "from attr import *\n");
    GitCli.write(
        attrs,
        "CHANGELOG.md",
        """
        # Changelog

        Changes for the upcoming release can be found in the changelog.d directory.

        <!-- towncrier release notes start -->

        ## [26.1.0](https://example.org/attrs/tree/26.1.0) - 2026-01-12

        ### Changes

        - A change.
        """);
    GitCli.write(attrs, "changelog.d/1450.change.md", "A pending change.\n");
    git.run(attrs, "add", "-A");
    git.run(attrs, "commit", "-q", "-m", "Prepare 26.1.0");
    git.run(attrs, "tag", "-a", "-m", "26.1.0", "26.1.0");
    for (int i = 0; i < 70; i++) {
      git.run(attrs, "commit", "-q", "--allow-empty", "-m", "change " + i);
    }

    CliFixture.Run show = CliFixture.run(Map.of(), false, "", "version", "show", attrs.toString());
    CliFixture.Run check =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            attrs.toString(),
            "--rules",
            "version-pep440,version-consistent,changelog-entry");

    String expected = setuptoolsScm(attrs, "no-local-version");
    assertThat(expected).isEqualTo("26.1.1.dev70");
    assertThat(show.out()).startsWith("attrs " + expected + "\n").contains("26.1.0-70-g");
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out())
        .contains("PASS  version-pep440")
        .contains("PASS  version-consistent")
        .contains("PASS  changelog-entry")
        .contains("collect in changelog.d/ (towncrier news fragments)");

    // without raw-options, and dirty: the node and today's date, as setuptools_scm gives them
    Files.writeString(
        attrs.resolve("pyproject.toml"),
        Files.readString(attrs.resolve("pyproject.toml"))
            .replace("raw-options = { local_scheme = \"no-local-version\" }\n", ""));
    String dirty = setuptoolsScm(attrs, "node-and-date");
    assertThat(dirty).matches("26\\.1\\.1\\.dev70\\+g[0-9a-f]{7}\\.d\\d{8}");
    assertThat(CliFixture.run(Map.of(), false, "", "version", "show", attrs.toString()).out())
        .startsWith("attrs " + dirty + "\n");
  }

  @Test
  void tagMatchesUsesTheComputedVersion() throws Exception {
    Path project = dir.resolve("tagged");
    GitCli git = new GitCli(Files.createDirectories(dir.resolve("home")));
    git.init(project);
    GitCli.write(
        project,
        "pyproject.toml",
        "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\nbuild-backend ="
            + " \"hatchling.build\"\n[project]\nname = \"tagged\"\ndynamic = [\"version\"]\n"
            + "[tool.hatch.version]\nsource = \"vcs\"\n");
    git.run(project, "add", "-A");
    git.run(project, "commit", "-q", "-m", "Release 1.2.0");
    git.run(project, "tag", "-a", "-m", "1.2.0", "v1.2.0");

    CliFixture.Run onTag =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            project.toString(),
            "--stage",
            "release",
            "--offline",
            "--rules",
            "tag-matches");
    assertThat(onTag.out())
        .contains("PASS  tag-matches          HEAD is tagged v1.2.0, the project's version 1.2.0");
    assertThat(setuptoolsScm(project, "node-and-date")).isEqualTo("1.2.0");

    git.run(project, "commit", "-q", "--allow-empty", "-m", "after");
    git.run(project, "tag", "v1.3.0");
    CliFixture.Run later =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            project.toString(),
            "--stage",
            "release",
            "--offline",
            "--rules",
            "tag-matches");
    assertThat(later.out())
        .contains("PASS  tag-matches          HEAD is tagged v1.3.0, the project's version 1.3.0");
  }

  /** The version the real setuptools_scm computes in {@code project}, as hatch-vcs calls it. */
  private static String setuptoolsScm(Path project, String localScheme) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                PYTHON,
                "-W",
                "ignore",
                "-c",
                "import setuptools_scm; print(setuptools_scm.get_version(root='.', local_scheme='"
                    + localScheme
                    + "'))")
            .directory(project.toFile())
            .redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("SETUPTOOLS_SCM") || k.equals("SOURCE_DATE_EPOCH"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.strip();
  }
}
