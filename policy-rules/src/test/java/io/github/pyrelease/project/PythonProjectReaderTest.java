package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonProjectReaderTest {

  @TempDir Path dir;

  private ProjectFixture project() {
    return new ProjectFixture(dir);
  }

  private static VersionSource source(
      SourceKind kind,
      String file,
      int line,
      int column,
      String text,
      String label,
      boolean primary) {
    return new VersionSource(kind, file, line, column, text, label, primary);
  }

  @Test
  void staticProjectVersionIsPrimaryWithItsLineAndColumn() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "acme-widgets"
                version  =  "1.4.0"
                """)
            .read();

    assertThat(project.name()).isEqualTo("acme-widgets");
    assertThat(project.root()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.PYPROJECT, "pyproject.toml", 7, 14, "1.4.0", "[project].version", true));
    assertThat(project.changelog()).isNull();
  }

  @Test
  void setuptoolsAttrIsFoundInTheSrcLayoutAndReportedOnce() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [project]
                name = "acme-widgets"
                dynamic = ["version"]

                [tool.setuptools.dynamic]
                version = {attr = "acme_widgets.__version__"}
                """)
            .file("src/acme_widgets/__init__.py", "\"\"\"Widgets.\"\"\"\n\n__version__ = '2.0.1'\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.MODULE,
                "src/acme_widgets/__init__.py",
                3,
                16,
                "2.0.1",
                "__version__ ([tool.setuptools.dynamic] version attr)",
                true));
  }

  @Test
  void setuptoolsAttrMayNameAnyAttributeOfASubmoduleUnderPackageDir() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [project]
                name = "acme"
                dynamic = ["version"]

                [tool.setuptools]
                package-dir = {"" = "lib"}

                [tool.setuptools.dynamic]
                version = {attr = "acme.about.RELEASE"}
                """)
            .file("lib/acme/__init__.py", "")
            .file("lib/acme/about.py", "AUTHOR = 'x'\nRELEASE: str = \"3.1\"\n")
            .read();

    assertThat(project.primarySource())
        .contains(
            source(
                SourceKind.MODULE,
                "lib/acme/about.py",
                2,
                17,
                "3.1",
                "RELEASE ([tool.setuptools.dynamic] version attr)",
                true));
  }

  @Test
  void setuptoolsAttrFollowsAnImportToTheModuleThatAssignsIt() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.setuptools.dynamic]
                version = {attr = "acme.__version__"}
                [tool.setuptools.packages.find]
                where = ["source"]
                """)
            .file("source/acme/__init__.py", "from ._version import __version__\n")
            .file("source/acme/_version.py", "__version__ = \"0.9.0\"\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.MODULE,
                "source/acme/_version.py",
                1,
                16,
                "0.9.0",
                "__version__ ([tool.setuptools.dynamic] version attr)",
                true));
  }

  @Test
  void setuptoolsAttrAcceptsATupleAsSetuptoolsJoinsIt() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.setuptools.dynamic]
                version = {attr = "acme.VERSION"}
                """)
            .file("acme/__init__.py", "VERSION = (1, 2, 3)\n")
            .read();

    assertThat(project.primarySource())
        .contains(
            source(
                SourceKind.MODULE,
                "acme/__init__.py",
                1,
                12,
                "1.2.3",
                "VERSION (tuple) ([tool.setuptools.dynamic] version attr)",
                true));
  }

  @Test
  void setuptoolsFileTakesTheStrippedContentAsAStringOrAList() {
    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {file = "VERSION"}
            """)
        .file("VERSION", "\n  1.0.0\n");
    VersionSource expected =
        source(
            SourceKind.VERSION_FILE,
            "VERSION",
            2,
            3,
            "1.0.0",
            "version file ([tool.setuptools.dynamic] version file)",
            true);

    assertThat(project().read().versionSources()).containsExactly(expected);

    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {file = ["./VERSION", "MISSING-is-skipped-like-setuptools"]}
            """);
    assertThat(project().read().versionSources()).containsExactly(expected);
  }

  @Test
  void hatchPathWithTheDefaultPatternDropsALeadingV() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                requires = ["hatchling"]
                build-backend = "hatchling.build"
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.hatch.version]
                path = "src/acme/__init__.py"
                """)
            .file("src/acme/__init__.py", "# comment\nVERSION = \"v1.2.3\"\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.MODULE,
                "src/acme/__init__.py",
                2,
                13,
                "1.2.3",
                "VERSION ([tool.hatch.version] path)",
                true));
  }

  @Test
  void hatchCustomPatternReadsItsVersionGroup() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                build-backend = "hatchling.build"
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.hatch.version]
                path = "acme/build_info.py"
                pattern = "BUILD = 'b(?P<version>[^']+)'"
                """)
            .file("acme/build_info.py", "BUILD = 'b42.0'\n")
            .read();

    assertThat(project.primarySource())
        .contains(
            source(
                SourceKind.MODULE,
                "acme/build_info.py",
                1,
                11,
                "42.0",
                "[tool.hatch.version] pattern",
                true));
  }

  @Test
  void hatchCodeSourceReadsAPlainNameAssignedALiteral() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                build-backend = "hatchling.build"
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.hatch.version]
                source = "code"
                path = "acme/meta.py"
                expression = "RELEASE"
                """)
            .file("acme/meta.py", "RELEASE = '7.1'\n")
            .read();

    assertThat(project.primarySource())
        .contains(
            source(
                SourceKind.MODULE,
                "acme/meta.py",
                1,
                12,
                "7.1",
                "RELEASE ([tool.hatch.version] source = \"code\")",
                true));
  }

  @Test
  void flitReadsDunderVersionFromTheModuleNamedAfterTheProject() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                requires = ["flit_core >=3.2,<4"]
                build-backend = "flit_core.buildapi"
                [project]
                name = "acme-tool"
                dynamic = ["version", "description"]
                """)
            .file("src/acme_tool/__init__.py", "\"\"\"Acme tool.\"\"\"\n__version__ = \"0.3\"\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.MODULE,
                "src/acme_tool/__init__.py",
                2,
                16,
                "0.3",
                "__version__ (flit module acme_tool)",
                true));
  }

  @Test
  void flitModuleNameComesFromToolFlitModule() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                build-backend = "flit_core.buildapi"
                [project]
                name = "acme-tool"
                dynamic = ["version", "description"]
                [tool.flit.module]
                name = "acmetool"
                """)
            .file("acmetool.py", "__version__ = '5.0'\n")
            .read();

    assertThat(project.primarySource().orElseThrow().file()).isEqualTo("acmetool.py");
    assertThat(project.primarySource().orElseThrow().text()).isEqualTo("5.0");
  }

  @Test
  void pdmFileSourceReadsDunderVersionFromItsPath() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                build-backend = "pdm.backend"
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.pdm.version]
                source = "file"
                path = "src/acme/__init__.py"
                """)
            .file("src/acme/__init__.py", "__version__ = '0.5.0'  # bumped by CI\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.MODULE,
                "src/acme/__init__.py",
                1,
                16,
                "0.5.0",
                "__version__ ([tool.pdm.version] path)",
                true));
  }

  @Test
  void poetryWithoutProjectTableTakesToolPoetryVersionAndName() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [tool.poetry]
                name = "acme-cli"
                version = "1.0.0b1"

                [build-system]
                build-backend = "poetry.core.masonry.api"
                """)
            .read();

    assertThat(project.name()).isEqualTo("acme-cli");
    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.POETRY,
                "pyproject.toml",
                3,
                12,
                "1.0.0b1",
                "[tool.poetry].version",
                true));
  }

  @Test
  void setupCfgAloneDeclaresNameAndVersion() {
    PythonProject project =
        project()
            .file("setup.cfg", "[metadata]\nname = acme\nversion = 2.1.0\n")
            .file("setup.py", "from setuptools import setup\nsetup()\n")
            .read();

    assertThat(project.name()).isEqualTo("acme");
    assertThat(project.versionSources())
        .containsExactly(
            source(SourceKind.SETUP_CFG, "setup.cfg", 3, 11, "2.1.0", "[metadata] version", true));
  }

  @Test
  void setupCfgAttrUsesItsPackageDir() {
    PythonProject project =
        project()
            .file(
                "setup.cfg",
                """
                [metadata]
                name = acme
                version = attr: acme.__version__

                [options]
                package_dir =
                    =src
                packages = find:

                [options.packages.find]
                where = src
                """)
            .file("src/acme/__init__.py", "__version__ = \"4.0\"\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.MODULE,
                "src/acme/__init__.py",
                1,
                16,
                "4.0",
                "__version__ (setup.cfg [metadata] version attr:)",
                true));
  }

  @Test
  void setupCfgFileDirectiveReadsTheFile() {
    PythonProject project =
        project()
            .file("setup.cfg", "[metadata]\nname = acme\nversion = file: VERSION.txt\n")
            .file("VERSION.txt", "3.0.0\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.VERSION_FILE,
                "VERSION.txt",
                1,
                1,
                "3.0.0",
                "version file (setup.cfg [metadata] version file:)",
                true));
  }

  @Test
  void everyBumpversionConfigurationIsASourceInFileOrder() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [project]
                name = "acme"
                version = "1.0.0"

                [tool.bumpversion]
                current_version = "1.0.0"
                """)
            .file("setup.cfg", "[bumpversion]\ncurrent_version = 0.9.0\n")
            .file(".bumpversion.toml", "[tool.bumpversion]\ncurrent_version = \"0.8.0\"\n")
            .file(".bumpversion.cfg", "[bumpversion]\ncommit = True\ncurrent_version: 0.7.0\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.PYPROJECT, "pyproject.toml", 3, 12, "1.0.0", "[project].version", true),
            source(
                SourceKind.BUMPVERSION,
                "pyproject.toml",
                6,
                20,
                "1.0.0",
                "[tool.bumpversion].current_version",
                false),
            source(
                SourceKind.BUMPVERSION,
                "setup.cfg",
                2,
                19,
                "0.9.0",
                "[bumpversion] current_version",
                false),
            source(
                SourceKind.BUMPVERSION,
                ".bumpversion.toml",
                2,
                20,
                "0.8.0",
                "[tool.bumpversion].current_version",
                false),
            source(
                SourceKind.BUMPVERSION,
                ".bumpversion.cfg",
                3,
                18,
                "0.7.0",
                "[bumpversion] current_version",
                false));
  }

  @Test
  void primaryComesFirstThenConfigurationFilesThenOtherFilesByPath() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                build-backend = "hatchling.build"
                [project]
                name = "acme-widgets"
                dynamic = ["version"]
                [tool.hatch.version]
                path = "src/acme_widgets/__about__.py"
                [tool.bumpversion]
                current_version = "1.2.0"
                """)
            .file("src/acme_widgets/__about__.py", "__version__ = \"1.2.0\"\n")
            .file(
                "src/acme_widgets/__init__.py",
                "from .__about__ import __version__\nVERSION = (1, 2, 0)\n")
            .file("src/acme_widgets/_version.py", "version = '1.1.0'\n")
            .file("VERSION", "1.2.0\n")
            .file("setup.cfg", "[metadata]\nversion = 1.2.0\n")
            .read();

    assertThat(project.versionSources())
        .extracting(s -> s.file() + ":" + s.line() + " " + s.label() + " = " + s.text())
        .containsExactly(
            "src/acme_widgets/__about__.py:1 __version__ ([tool.hatch.version] path) = 1.2.0",
            "pyproject.toml:9 [tool.bumpversion].current_version = 1.2.0",
            "setup.cfg:2 [metadata] version = 1.2.0",
            "VERSION:1 VERSION file = 1.2.0",
            "src/acme_widgets/__init__.py:2 VERSION (tuple) = 1.2.0",
            "src/acme_widgets/_version.py:1 version = 1.1.0");
  }

  @Test
  void moduleScanSkipsRuntimeLookupsAndLooksOnlyInTheProjectsPackages() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [project]
                name = "acme.tools"
                version = "2.0"
                """)
            .file(
                "acme_tools/__init__.py",
                "import importlib.metadata\n"
                    + "__version__ = importlib.metadata.version('acme.tools')\n")
            .file("acme_tools/version.py", "__version__: Final = \"2.0\"\n")
            .file("tests/__init__.py", "__version__ = '0.0.0-test'\n")
            .file(".venv/lib/__init__.py", "__version__ = '9'\n")
            .file("docs/conf.py", "version = '2.0'\n")
            .read();

    assertThat(project.versionSources())
        .extracting(VersionSource::location)
        .containsExactly("pyproject.toml:3", "acme_tools/version.py:1");
  }

  @Test
  void generatedVersionFilesOfGitDerivedVersionsAreNotSources() {
    PythonProject project =
        project()
            .file(
                "pyproject.toml",
                """
                [build-system]
                requires = ["setuptools>=64", "setuptools-scm>=8"]
                build-backend = "setuptools.build_meta"
                [project]
                name = "acme"
                dynamic = ["version"]
                [tool.setuptools_scm]
                version_file = "src/acme/_version.py"
                """)
            .file("src/acme/__init__.py", "from ._version import __version__\n")
            .file("src/acme/_version.py", "__version__ = version = '1.4.1.dev3+g1a2b3c4'\n")
            .read();

    assertThat(project.versionSources())
        .containsExactly(
            source(
                SourceKind.VCS,
                "pyproject.toml",
                7,
                1,
                null,
                "setuptools_scm (version from git tags)",
                true));
  }

  @Test
  void aProjectInASubFolderIsReadWithoutLookingAtTheRepository() {
    new ProjectFixture(dir)
        .file("VERSION", "9.9.9\n")
        .file("CHANGELOG.md", "## 9.9.9\n")
        .directory(".git")
        .file("python/acme/pyproject.toml", "[project]\nname = \"acme\"\nversion = \"0.1.0\"\n")
        .file("python/acme/acme/__init__.py", "__version__ = '0.1.0'\n");

    PythonProject project = new PythonProjectReader().read(dir.resolve("python/acme"));

    assertThat(project.root()).isEqualTo(dir.resolve("python/acme").toAbsolutePath().normalize());
    assertThat(project.versionSources())
        .extracting(VersionSource::location)
        .containsExactly("pyproject.toml:3", "acme/__init__.py:1");
    assertThat(project.changelog()).isNull();
  }

  @Test
  void theChangelogAtTheRootIsRead() {
    PythonProject project =
        project()
            .file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.1.0\"\n")
            .file(
                "CHANGELOG.md",
                """
                # Changelog

                ## [Unreleased]

                ## [1.1.0] - 2026-01-31
                ### Added
                - things

                [1.1.0]: https://example.org/compare/v1.0.0...v1.1.0
                """)
            .read();

    assertThat(project.changelog())
        .isEqualTo(
            new Changelog(
                "CHANGELOG.md",
                java.util.List.of(
                    new ChangelogSection("[Unreleased]", null, null, 3),
                    new ChangelogSection("[1.1.0] - 2026-01-31", "1.1.0", "2026-01-31", 5))));
  }
}
