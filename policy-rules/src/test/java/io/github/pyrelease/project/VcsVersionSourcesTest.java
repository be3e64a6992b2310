package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions derived from git tags are recognised, located at their configuration, never guessed. */
class VcsVersionSourcesTest {

  @TempDir Path dir;

  private PythonProject read(String file, String content) {
    return new ProjectFixture(dir).file(file, content).read();
  }

  /** Columns are 1-based like every other source's: a table's at 1, hatch-vcs's at "vcs". */
  private static VersionSource vcs(String file, int line, String tool, boolean primary) {
    int column = tool.equals("hatch-vcs") ? 11 : 1;
    return new VersionSource(
        SourceKind.VCS, file, line, column, null, tool + " (version from git tags)", primary);
  }

  @Test
  void hatchVcs() {
    PythonProject project =
        read(
            "pyproject.toml",
            """
            [build-system]
            requires = ["hatchling", "hatch-vcs"]
            build-backend = "hatchling.build"
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.hatch.version]
            source = "vcs"
            """);

    assertThat(project.versionSources())
        .containsExactly(vcs("pyproject.toml", 8, "hatch-vcs", true));
    assertThat(project.primarySource().orElseThrow().isLiteral()).isFalse();
  }

  @Test
  void pdmScm() {
    PythonProject project =
        read(
            "pyproject.toml",
            """
            [build-system]
            build-backend = "pdm.backend"
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.pdm.version]
            source = "scm"
            write_to = "acme/_version.py"
            """);

    assertThat(project.versionSources())
        .containsExactly(vcs("pyproject.toml", 7, "pdm-backend scm", true));
  }

  @Test
  void poetryDynamicVersioningKeepsThePlaceholderAsASecondarySource() {
    PythonProject project =
        read(
            "pyproject.toml",
            """
            [tool.poetry]
            name = "acme"
            version = "0.0.0"

            [tool.poetry-dynamic-versioning]
            enable = true

            [build-system]
            build-backend = "poetry_dynamic_versioning.backend"
            """);

    assertThat(project.versionSources())
        .containsExactly(
            vcs("pyproject.toml", 6, "poetry-dynamic-versioning", true),
            new VersionSource(
                SourceKind.POETRY,
                "pyproject.toml",
                3,
                12,
                "0.0.0",
                "[tool.poetry].version (placeholder: poetry-dynamic-versioning sets the version)",
                false));
  }

  @Test
  void versioneerInSetupCfg() {
    new ProjectFixture(dir).file("setup.py", "import versioneer\n");
    PythonProject project =
        read(
            "setup.cfg",
            """
            [metadata]
            name = acme

            [versioneer]
            VCS = git
            versionfile_source = acme/_version.py
            """);

    assertThat(project.versionSources()).containsExactly(vcs("setup.cfg", 4, "versioneer", true));
  }

  @Test
  void setuptoolsScmListedOnlyInBuildRequirements() {
    new ProjectFixture(dir).file("setup.py", "setup(use_scm_version=True)\n");
    PythonProject project =
        read(
            "pyproject.toml",
            """
            [build-system]
            requires = ["setuptools>=64", "setuptools_scm[toml]>=8"]
            build-backend = "setuptools.build_meta"
            [project]
            name = "acme"
            dynamic = ["version"]
            """);

    assertThat(project.versionSources())
        .containsExactly(vcs("pyproject.toml", 2, "setuptools_scm", true));
  }

  @Test
  void aGitDerivedToolTheBackendDoesNotUseIsReportedButNotPrimary() {
    PythonProject project =
        read(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            version = "1.0"
            [tool.setuptools_scm]
            """);

    assertThat(project.versionSources())
        .containsExactly(
            new VersionSource(
                SourceKind.PYPROJECT, "pyproject.toml", 3, 12, "1.0", "[project].version", true),
            vcs("pyproject.toml", 4, "setuptools_scm", false));
  }
}
