package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle: for each fixture project, the real build backend (the one {@code [build-system]
 * build-backend} names) computes the version through PEP 517, and our primary source's text must
 * normalise to it. Both sides are normalised by Python's {@code packaging}, so this test does not
 * depend on pyrelease's own version code. The interpreter is {@code -Dpyrelease.test.python}
 * (default {@code /usr/bin/python3}) with Debian's python3-setuptools, python3-hatchling, flit and
 * python3-packaging installed.
 */
class BuildBackendOracleTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");
  private static final long TIMEOUT_SECONDS = 120;

  /** Debian packages that provide the modules the script imports. */
  private static final Map<String, String> DEBIAN_PACKAGES =
      Map.of(
          "setuptools", "python3-setuptools",
          "hatchling", "python3-hatchling",
          "flit_core", "flit",
          "packaging", "python3-packaging",
          "wheel", "python3-wheel",
          "tomllib", "python3 (3.11 or later)");

  /**
   * Asks the backend for the wheel metadata: {@code prepare_metadata_for_build_wheel} when the
   * backend has it, else (PEP 517's fallback for this optional hook) {@code build_wheel} and the
   * METADATA inside the wheel. Prints both versions normalised by packaging.
   */
  private static final String SCRIPT =
      """
      import email.parser, importlib, os, sys, tempfile, zipfile

      ours = sys.argv[1]  # setuptools' hooks rewrite sys.argv

      def missing(module):
          print("PYRELEASE-ORACLE-MISSING", module)
          sys.exit(3)

      try:
          import tomllib
          from packaging.version import Version
      except ImportError as e:
          missing(e.name)
      with open("pyproject.toml", "rb") as f:
          backend = tomllib.load(f)["build-system"]["build-backend"]
      name, _, attrs = backend.partition(":")
      out = tempfile.mkdtemp()
      try:
          hooks = importlib.import_module(name)
          for attr in filter(None, attrs.split(".")):
              hooks = getattr(hooks, attr)
          if hasattr(hooks, "prepare_metadata_for_build_wheel"):
              dist_info = hooks.prepare_metadata_for_build_wheel(out)
              with open(os.path.join(out, dist_info, "METADATA"), encoding="utf-8") as f:
                  metadata = f.read()
          else:
              with zipfile.ZipFile(os.path.join(out, hooks.build_wheel(out))) as wheel:
                  entry = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
                  metadata = wheel.read(entry).decode("utf-8")
      except ModuleNotFoundError as e:
          missing(e.name)
      version = email.parser.Parser().parsestr(metadata)["Version"]
      print("PYRELEASE-ORACLE-BACKEND", str(Version(version)))
      print("PYRELEASE-ORACLE-OURS", str(Version(ours)))
      """;

  private static final Pattern BACKEND =
      Pattern.compile("^PYRELEASE-ORACLE-BACKEND (.*)$", Pattern.MULTILINE);
  private static final Pattern OURS =
      Pattern.compile("^PYRELEASE-ORACLE-OURS (.*)$", Pattern.MULTILINE);
  private static final Pattern MISSING =
      Pattern.compile("^PYRELEASE-ORACLE-MISSING (.*)$", Pattern.MULTILINE);

  static Stream<Arguments> projects() {
    return Stream.of(
        project(
            "setuptools attr, src layout",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        requires = ["setuptools>=61"]
                        build-backend = "setuptools.build_meta"
                        [project]
                        name = "acme-widgets"
                        dynamic = ["version"]
                        [tool.setuptools.dynamic]
                        version = {attr = "acme_widgets.__version__"}
                        """)
                    .file(
                        "src/acme_widgets/__init__.py",
                        "__version__ = \"1.04.0rc1\"\n__version__ = \"9.0\"  # static readers take the first\n")),
        project(
            "setuptools attr, imported from _version.py",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        build-backend = "setuptools.build_meta"
                        [project]
                        name = "acme"
                        dynamic = ["version"]
                        [tool.setuptools.dynamic]
                        version = {attr = "acme.__version__"}
                        """)
                    .file("acme/__init__.py", "from ._version import __version__\n")
                    .file("acme/_version.py", "__version__ = '2.0.0-1'\n")),
        project(
            "setuptools attr, integer tuple",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        build-backend = "setuptools.build_meta"
                        [project]
                        name = "acme"
                        dynamic = ["version"]
                        [tool.setuptools.dynamic]
                        version = {attr = "acme.about.VERSION"}
                        """)
                    .file("acme/__init__.py", "")
                    .file("acme/about.py", "VERSION = (3, 1, 4)\n")),
        project(
            "setuptools file",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        build-backend = "setuptools.build_meta"
                        [project]
                        name = "acme"
                        dynamic = ["version"]
                        [tool.setuptools.dynamic]
                        version = {file = ["VERSION"]}
                        [tool.setuptools]
                        py-modules = []
                        """)
                    .file("VERSION", "\n  2024.01.15\n")),
        project(
            "setup.cfg attr with package_dir",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        build-backend = "setuptools.build_meta"
                        """)
                    .file(
                        "setup.cfg",
                        """
                        [metadata]
                        name = acme
                        version = attr: acme.__version__

                        [options]
                        package_dir =
                            =lib
                        packages = find:

                        [options.packages.find]
                        where = lib
                        """)
                    .file("lib/acme/__init__.py", "__version__: str = '0.9b2'\n")),
        project(
            "hatch path, default pattern",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        requires = ["hatchling"]
                        build-backend = "hatchling.build"
                        [project]
                        name = "acme"
                        dynamic = ["version"]
                        [tool.hatch.version]
                        path = "src/acme/__about__.py"
                        """)
                    .file("src/acme/__init__.py", "")
                    .file(
                        "src/acme/__about__.py",
                        "if False:\n    __version__ = '9.9'\nVERSION = \"v0.5.0.dev1\"\n")),
        project(
            "hatch path and pattern",
            p ->
                p.file(
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
                    .file("acme/__init__.py", "")
                    .file("acme/build_info.py", "BUILD = 'b1.0-alpha.1'\n")),
        project(
            "flit module",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        requires = ["flit_core >=3.2,<4"]
                        build-backend = "flit_core.buildapi"
                        [project]
                        name = "acme-tool"
                        dynamic = ["version", "description"]
                        """)
                    .file(
                        "acme_tool/__init__.py",
                        "\"\"\"Acme tool.\n\n__version__ = \"0.0\" in a docstring is no assignment.\n\"\"\"\n"
                            + "__version__ = \"3.0.0-RC.2\"\n")),
        project(
            "static [project].version, setuptools",
            p ->
                p.file(
                    "pyproject.toml",
                    """
                    [build-system]
                    build-backend = "setuptools.build_meta"
                    [project]
                    name = "acme"
                    version = "1.0.0.post0"
                    [tool.setuptools]
                    py-modules = []
                    """)),
        project(
            "static [project].version, hatchling",
            p ->
                p.file(
                        "pyproject.toml",
                        """
                        [build-system]
                        build-backend = "hatchling.build"
                        [project]
                        name = "acme"
                        version = "01.2"
                        """)
                    .file("acme/__init__.py", "__version__ = '01.2'\n")));
  }

  private static Arguments project(String name, Consumer<ProjectFixture> files) {
    return Arguments.of(name, files);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void thePrimarySourceIsTheVersionTheBackendBuilds(
      String name, Consumer<ProjectFixture> files, @TempDir Path dir) throws Exception {
    files.accept(new ProjectFixture(dir));
    VersionSource primary = new PythonProjectReader().read(dir).primarySource().orElseThrow();

    String output = runBackend(dir, primary.text());

    Matcher backend = BACKEND.matcher(output);
    Matcher ours = OURS.matcher(output);
    assertThat(backend.find() && ours.find())
        .as("oracle output for %s:%n%s", name, output)
        .isTrue();
    assertThat(ours.group(1))
        .as("%s: %s at %s normalised", name, primary.text(), primary.location())
        .isEqualTo(backend.group(1));
  }

  private static String runBackend(Path dir, String version) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(PYTHON, "-c", SCRIPT, version)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return fail(
          "cannot run %s (%s): install Debian package python3, or set -Dpyrelease.test.python",
          PYTHON, e.getMessage());
    }
    process.getOutputStream().close();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return fail("%s did not finish in %d s:%n%s", PYTHON, TIMEOUT_SECONDS, output.getNow(""));
    }
    String text = output.get(10, TimeUnit.SECONDS);
    Matcher missing = MISSING.matcher(text);
    if (missing.find()) {
      String module = missing.group(1);
      return fail(
          "%s cannot import %s: install Debian package %s",
          PYTHON,
          module,
          DEBIAN_PACKAGES.getOrDefault(module.split("\\.")[0], "providing " + module));
    }
    if (process.exitValue() != 0) {
      return fail("the build backend failed (exit %d):%n%s", process.exitValue(), text);
    }
    return text;
  }

  private static String readAll(Process process) {
    try (InputStream in = process.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }
}
