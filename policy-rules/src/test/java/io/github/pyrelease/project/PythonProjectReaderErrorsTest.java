package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in a ProjectReadException that says what, where and how to fix. */
class PythonProjectReaderErrorsTest {

  @TempDir Path dir;

  private ProjectFixture project() {
    return new ProjectFixture(dir);
  }

  private static void fails(ProjectFixture project, Consumer<ProjectReadException> check) {
    assertThatThrownBy(project::read).isInstanceOfSatisfying(ProjectReadException.class, check);
  }

  private static void fails(ProjectFixture project, String what, String where, String fix) {
    fails(
        project,
        e -> {
          assertThat(e.getMessage()).contains(what);
          assertThat(e.where()).isEqualTo(where);
          assertThat(e.fix()).contains(fix);
        });
  }

  @Test
  void malformedTomlNamesTomljsLineAndColumn() {
    project().file("pyproject.toml", "[project]\nname = \"acme\nversion = \"1.0\"\n");

    fails(
        project(),
        "pyproject.toml is not valid TOML: Unexpected end of line",
        "pyproject.toml:2:13",
        "correct the TOML syntax");
  }

  @Test
  void tomlNestedTooDeeplyForTheParserIsAnError() {
    project().file("pyproject.toml", "[project]\nname = " + "[".repeat(200_000) + "\n");

    fails(
        project(),
        "pyproject.toml nests arrays or inline tables too deeply to parse",
        "pyproject.toml",
        "flatten the nesting");
  }

  @Test
  void aPyprojectWithNoVersionAnywhereSaysHowToDeclareOne() {
    project().file("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n");

    fails(
        project(),
        "the project declares no version anywhere pyrelease looks",
        "pyproject.toml",
        "add version = \"0.1.0\" under [project] in pyproject.toml");
  }

  @Test
  void aProjectTableWithoutVersionOrDynamicIsAnError() {
    project().file("pyproject.toml", "[project]\nname = \"acme\"\n");

    fails(
        project(),
        "[project] declares no version",
        "pyproject.toml:1",
        "add version = \"0.1.0\" under [project], or add dynamic = [\"version\"]");
  }

  @Test
  void aVersionBothStaticAndDynamicIsAnError() {
    project()
        .file(
            "pyproject.toml",
            "[project]\nname = \"acme\"\nversion = \"1.0\"\ndynamic = [\"version\"]\n");

    fails(
        project(),
        "[project] sets version and also lists it in dynamic",
        "pyproject.toml:3",
        "remove version = \"1.0\"");
  }

  @Test
  void aVersionThatIsNotAStringNamesTheKey() {
    project().file("pyproject.toml", "[project]\nname = \"acme\"\nversion = 1.0\n");

    fails(project(), "project.version must be a string", "pyproject.toml:3", "correct the value");
  }

  @Test
  void dynamicVersionWithoutSetuptoolsConfigurationIsAnError() {
    project()
        .file("pyproject.toml", "[project]\nname = \"acme\"\ndynamic = [\"version\"]\n")
        .file("setup.py", "from setuptools import setup\nsetup(version='1.0')\n");

    fails(
        project(),
        e -> {
          assertThat(e.getMessage())
              .isEqualTo(
                  "[project] lists \"version\" in dynamic, but nothing tells setuptools where the"
                      + " version is");
          assertThat(e.where()).isEqualTo("pyproject.toml:3");
          assertThat(e.fix())
              .contains("[tool.setuptools.dynamic] version = {attr = \"<package>.__version__\"}")
              .contains("pyrelease does not run setup.py");
        });
  }

  @Test
  void dynamicVersionWithHatchlingButNoHatchVersionTableIsAnError() {
    project()
        .file(
            "pyproject.toml",
            """
            [build-system]
            build-backend = "hatchling.build"
            [project]
            name = "acme"
            dynamic = ["version"]
            """);

    fails(
        project(),
        "there is no [tool.hatch.version] table",
        "pyproject.toml:5",
        "add [tool.hatch.version] with path");
  }

  @Test
  void dynamicVersionWithABackendPyreleaseDoesNotKnowIsAnError() {
    project()
        .file(
            "pyproject.toml",
            """
            [build-system]
            build-backend = "maturin"
            [project]
            name = "acme"
            dynamic = ["version"]
            """);

    fails(
        project(),
        "the build backend is maturin, whose version configuration pyrelease does not read",
        "pyproject.toml:5",
        "declare version = \"0.1.0\" under [project]");
  }

  @Test
  void anAttrWhoseModuleIsMissingNamesTheAttrLineAndThePathsTried() {
    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "acme.__version__"}
            """)
        .directory("src");

    fails(
        project(),
        "cannot find module acme named by [tool.setuptools.dynamic] version attr"
            + " \"acme.__version__\" (looked for src/acme.py, src/acme/__init__.py)",
        "pyproject.toml:5",
        "create the module, correct the attr");
  }

  @Test
  void anAttrWhoseAttributeIsMissingNamesTheAttribute() {
    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "acme.__version__"}
            """)
        .file("acme/__init__.py", "def version():\n    __version__ = '1.0'\n");

    fails(
        project(),
        "acme/__init__.py does not assign __version__ at module level",
        "pyproject.toml:5",
        "add __version__ = \"0.1.0\" to acme/__init__.py");
  }

  @Test
  void anAttrAssignedAtRunTimeCannotBeRead() {
    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "acme.__version__"}
            """)
        .file(
            "src/acme/__init__.py",
            "import importlib.metadata\n__version__ = importlib.metadata.version('acme')\n");

    fails(
        project(),
        "__version__ is not assigned a literal in src/acme/__init__.py",
        "src/acme/__init__.py:2",
        "assign a plain string: __version__ = \"1.2.3\"");
  }

  @Test
  void anImportThatLeadsNowhereNamesTheImportLine() {
    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "acme.__version__"}
            """)
        .file("acme/__init__.py", "\nfrom ._version import __version__\n");

    fails(
        project(),
        "cannot find module ._version that acme/__init__.py imports __version__ from (looked for"
            + " acme/_version/__init__.py, acme/_version.py)",
        "acme/__init__.py:2",
        "correct the import");
  }

  @Test
  void aMissingVersionFileNamesThePyprojectLine() {
    project()
        .file(
            "pyproject.toml",
            """
            [project]
            name = "acme"
            dynamic = ["version"]

            [tool.setuptools.dynamic]
            version = {file = "VERSION"}
            """);

    fails(
        project(),
        "version file VERSION does not exist ([tool.setuptools.dynamic] version file)",
        "pyproject.toml:6",
        "create VERSION holding the version");
  }

  @Test
  void aMissingHatchPathNamesIt() {
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
            path = "src/acme/__about__.py"
            """);

    fails(
        project(),
        "file does not exist: src/acme/__about__.py ([tool.hatch.version] path)",
        "pyproject.toml:7",
        "create src/acme/__about__.py");
  }

  @Test
  void hatchsDefaultPatternDoesNotMatchAnAnnotatedAssignment() {
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
            path = "acme/__about__.py"
            """)
        .file("acme/__about__.py", "__version__: str = \"1.0\"\n");

    fails(
        project(),
        "no version found in acme/__about__.py by the pattern of [tool.hatch.version] path",
        "pyproject.toml:7",
        "__version__ = \"0.1.0\"");
  }

  @Test
  void aHatchPatternWithoutAVersionGroupIsAnError() {
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
            path = "acme/__about__.py"
            pattern = "BUILD = '(?P<build>.+)'"
            """)
        .file("acme/__about__.py", "BUILD = '1'\n");

    fails(
        project(),
        "[tool.hatch.version] pattern has no group named version",
        "pyproject.toml:8",
        "(?P<version>...)");
  }

  @Test
  void aHatchPatternJavaCannotCompileIsAnError() {
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
            path = "acme/__about__.py"
            pattern = "(?P<version>[0-9"
            """)
        .file("acme/__about__.py", "BUILD = '1'\n");

    fails(
        project(),
        "[tool.hatch.version] pattern is not a regular expression pyrelease can use",
        "pyproject.toml:8",
        "correct the pattern");
  }

  @Test
  void aFlitModuleThatDoesNotExistListsThePlacesLooked() {
    project()
        .file(
            "pyproject.toml",
            """
            [build-system]
            build-backend = "flit_core.buildapi"
            [project]
            name = "acme-tool"
            dynamic = ["version", "description"]
            """);

    fails(
        project(),
        "flit_core finds no module named acme_tool (looked for acme_tool/, acme_tool.py,"
            + " src/acme_tool/, src/acme_tool.py)",
        "pyproject.toml:5",
        "[tool.flit.module] name");
  }

  @Test
  void aFileThatIsNotUtf8NamesTheByteOffsetAndLine() {
    byte[] bytes = "[project]\nname = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);
    project().bytes("pyproject.toml", bytes);

    fails(
        project(),
        "pyproject.toml is not valid UTF-8: byte 0xE9 at byte offset 21 does not decode",
        "pyproject.toml:2",
        "save the file as UTF-8");
  }

  @Test
  void aByteOrderMarkInPyprojectIsRefusedAsTomllibRefusesIt() {
    project().file("pyproject.toml", "\uFEFF[project]\nname = \"acme\"\nversion = \"1.0\"\n");

    fails(
        project(),
        "pyproject.toml starts with a UTF-8 byte order mark, which Python's TOML parser rejects",
        "pyproject.toml:1",
        "save pyproject.toml as UTF-8 without a byte order mark");
  }

  @Test
  void aByteOrderMarkInSetupCfgIsRefusedAsConfigparserRefusesIt() {
    project().file("setup.cfg", "\uFEFF[metadata]\nname = acme\nversion = 1.0\n");

    fails(
        project(),
        "setup.cfg starts with a UTF-8 byte order mark, which configparser rejects",
        "setup.cfg:1",
        "without a byte order mark");
  }

  @Test
  void aBinaryModuleIsRefused() {
    project()
        .file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n")
        .bytes("acme/__init__.py", new byte[] {'#', '\n', 0, 1, 2, 3});

    fails(
        project(),
        "acme/__init__.py looks like a binary file: it has a NUL byte at byte offset 2",
        "acme/__init__.py:2",
        "text file");
  }

  @Test
  void aHugeFileIsRefusedWithoutBeingRead() throws IOException {
    try (RandomAccessFile huge =
        new RandomAccessFile(dir.resolve("pyproject.toml").toFile(), "rw")) {
      huge.setLength(1L << 30); // sparse: 1 GiB that takes no disk space
    }

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            fails(
                project(),
                "pyproject.toml is 1073741824 bytes, more than the 4 MiB pyrelease reads",
                "pyproject.toml",
                "check that this is the right file"));
  }

  @Test
  void aSymlinkLoopInASearchedDirectoryIsReported() throws IOException {
    project().file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
    Files.createDirectories(dir.resolve("src"));
    Files.createSymbolicLink(dir.resolve("src/a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("src/b"), Path.of("a"));

    fails(
        project(),
        "src/a is a symbolic link that cannot be resolved (a symlink loop?)",
        "src/a",
        "remove the link");
  }

  @Test
  void aLinkBackToAParentDoesNotMakeTheSearchGoRound() throws IOException {
    project()
        .file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n")
        .file("src/acme/__init__.py", "__version__ = '1.0'\n");
    Files.createSymbolicLink(dir.resolve("src/acme/again"), Path.of(".."));

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThat(project().read().versionSources())
                .extracting(VersionSource::location)
                .containsExactly("pyproject.toml:3", "src/acme/__init__.py:1"));
  }

  @Test
  void aMissingProjectDirectoryIsReported() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> new PythonProjectReader().read(missing))
        .isInstanceOfSatisfying(
            ProjectReadException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("the project directory does not exist");
              assertThat(e.where()).isEqualTo(missing.toString());
              assertThat(e.fix()).contains("-Dpyrelease.projectDir");
            });
  }

  @Test
  void aFileGivenAsTheProjectDirectoryIsReported() {
    project().file("pyproject.toml", "[project]\n");
    Path file = dir.resolve("pyproject.toml");

    assertThatThrownBy(() -> new PythonProjectReader().read(file))
        .isInstanceOfSatisfying(
            ProjectReadException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("the project directory is a file, not a directory");
              assertThat(e.where()).isEqualTo(file.toString());
            });
  }

  @Test
  void aDirectoryWithoutProjectFilesIsNotAPythonProject() {
    project().file("README.md", "# hello\n");

    fails(
        project(),
        "not a Python project: there is no pyproject.toml, setup.cfg or setup.py",
        dir.toString(),
        "the directory that holds pyproject.toml");
  }

  @Test
  void anUnreadableFileIsReported() throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads files without permission");
    project().file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
    Files.setPosixFilePermissions(
        dir.resolve("pyproject.toml"), PosixFilePermissions.fromString("---------"));

    fails(
        project(),
        "cannot read pyproject.toml: permission denied",
        "pyproject.toml",
        "chmod u+r pyproject.toml");
  }

  @Test
  void aFileTheSystemRefusesToOpenIsReportedAsUnreadable() {
    project().file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
    PythonProjectReader reader =
        new PythonProjectReader(
            file -> {
              throw new AccessDeniedException(file.toString());
            });

    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOfSatisfying(
            ProjectReadException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("cannot read pyproject.toml: permission denied");
              assertThat(e.where()).isEqualTo("pyproject.toml");
            });
  }

  @Test
  void anUnexpectedIoErrorIsWrappedWithTheFileNamed() {
    project().file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
    IOException failure = new IOException("Input/output error");
    PythonProjectReader reader =
        new PythonProjectReader(
            file -> {
              throw failure;
            });

    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOfSatisfying(
            ProjectReadException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("cannot read pyproject.toml: Input/output error");
              assertThat(e.where()).isEqualTo("pyproject.toml");
              assertThat(e.getCause()).isSameAs(failure);
            });
  }

  @Test
  void aSetupCfgLineOutsideAnySectionIsReported() {
    project().file("setup.cfg", "# settings\nname = acme\n[metadata]\n");

    fails(
        project(),
        "setup.cfg has a line before any [section] header",
        "setup.cfg:2",
        "put the line under a [section] header");
  }

  @Test
  void aDuplicateSetupCfgOptionIsReportedWithBothLines() {
    project().file("setup.cfg", "[metadata]\nversion = 1.0\nVersion = 1.1\n");

    fails(
        project(),
        "option 'version' appears twice in section [metadata]",
        "setup.cfg:3",
        "the first is at line 2");
  }

  @Test
  void aHatchPatternThatExhaustsTheMatchersStackIsAnError() throws Exception {
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
            path = "acme/__about__.py"
            pattern = "(?P<version>(a|b)*)c"
            """)
        .file("acme/__about__.py", "a".repeat(200_000));
    Throwable[] thrown = new Throwable[1];
    // a small stack makes Java's recursive matcher overflow on any machine
    Thread reader =
        new Thread(null, () -> thrown[0] = catchThrowable(project()::read), "t", 256 * 1024);
    reader.start();
    reader.join();

    assertThat(thrown[0])
        .isInstanceOfSatisfying(
            ProjectReadException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the pattern of [tool.hatch.version] pattern is too complex to run on"
                          + " acme/__about__.py");
              assertThat(e.where()).isEqualTo("pyproject.toml:7");
            });
  }

  @Test
  void pathologicallyLongLinesAreReadQuickly() {
    project()
        .file("pyproject.toml", "[project]\nname = \"acme\"\nversion = \"1.0\"\n")
        .file(
            "acme/__init__.py", "VERSION = (" + "1, ".repeat(300_000) + "1)\n__version__ = '1.0'\n")
        .file("CHANGELOG.md", "## 1.0\n" + "# ".repeat(1_000_000) + "x\n");

    PythonProject project =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> project().read());

    assertThat(project.versionSources())
        .extracting(VersionSource::location)
        .containsExactly("pyproject.toml:3", "acme/__init__.py:2");
    assertThat(project.changelog().sections()).hasSize(1);
  }
}
