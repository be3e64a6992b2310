package io.github.pyrelease.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FrontEnd;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.CoreMetadata;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.MetadataField;
import io.github.pyrelease.python.InterpreterCandidates;
import io.github.pyrelease.python.InterpreterProbe;
import io.github.pyrelease.python.ProcessFailedException;
import io.github.pyrelease.python.PythonInterpreter;
import io.github.pyrelease.python.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PEP 517 front end with Debian's real backends, compared with {@code python -m build
 * --no-isolation} (pypa/build) on the same projects: same file names, same core metadata.
 */
class DistributionBuilderTest {

  @TempDir Path dir;

  private final List<String> log = new ArrayList<>();

  private final BuildLog buildLog =
      new BuildLog() {
        @Override
        public void info(String message) {
          log.add("info: " + message);
        }

        @Override
        public void warn(String message) {
          log.add("warn: " + message);
        }

        @Override
        public void output(String line) {
          log.add("| " + line);
        }
      };

  private BuildResult build(Path project, Path out, Map<String, String> env) {
    return new DistributionBuilder(env)
        .build(
            new BuildRequest(
                project,
                out,
                TestProjects.PYTHON,
                "pyrelease.python",
                Frontend.PYRELEASE,
                false,
                Duration.ofMinutes(3),
                true,
                Map.of()),
            buildLog);
  }

  static Stream<Arguments> backends() {
    return Stream.of(
        Arguments.of("hatchling", TestProjects.hatchling()),
        Arguments.of("setuptools", TestProjects.setuptools()),
        Arguments.of("flit_core", TestProjects.flit()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void buildsWhatPypaBuildBuilds(String backend, Map<String, String> files) throws Exception {
    Path ours = TestProjects.write(dir.resolve("ours"), files);
    Path theirs = TestProjects.write(dir.resolve("theirs"), files);
    BuildResult result = build(ours, dir.resolve("ours-dist"), Map.of());
    Path reference = dir.resolve("build-dist");
    // --skip-dependency-check: Debian's hatchling declares editables, which Debian does not ship
    Process build =
        new ProcessBuilder(
                TestProjects.PYTHON,
                "-m",
                "build",
                "--no-isolation",
                "--skip-dependency-check",
                "--outdir",
                reference.toString(),
                theirs.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(build.getInputStream().readAllBytes());
    assertThat(build.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(build.exitValue()).as(output).isZero();

    assertThat(names(dir.resolve("ours-dist"))).isEqualTo(names(reference));
    DistributionReader reader = new DistributionReader();
    for (Path file : List.of(result.sdist(), result.wheel())) {
      Distribution mine = reader.read(file, file.toString());
      Distribution pypa = reader.read(reference.resolve(file.getFileName()), "reference");
      assertThat(fields(mine.metadata()))
          .as(backend + " " + file.getFileName())
          .isEqualTo(fields(pypa.metadata()));
      assertThat(mine.metadata().description()).isEqualTo(pypa.metadata().description());
    }
  }

  /**
   * Builds twice from the same commit time. hatchling and flit_core honour SOURCE_DATE_EPOCH in
   * both files; setuptools 66 in the wheel (through wheel's bdist_wheel) but not in the sdist,
   * whose tar members keep the files' modification times.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void sourceDateEpochMakesBuildsReproducible(String backend, Map<String, String> files)
      throws Exception {
    Path project = TestProjects.write(dir.resolve("p"), files);
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000");
    BuildResult first = build(project, dir.resolve("one"), env);
    String wheel1 = sha(first.wheel());
    String sdist1 = sha(first.sdist());
    Files.setLastModifiedTime(
        project.resolve("pyproject.toml"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    BuildResult second = build(project, dir.resolve("two"), env);

    assertThat(first.sourceDateEpoch()).isEqualTo(1700000000L);
    assertThat(log).contains("info: SOURCE_DATE_EPOCH=1700000000 (from the environment)");
    assertThat(sha(second.wheel())).as(backend + " wheel").isEqualTo(wheel1);
    if (backend.equals("setuptools")) {
      assertThat(sha(second.sdist()))
          .as("setuptools 66 sdists are not reproducible")
          .isNotEqualTo(sdist1);
    } else {
      assertThat(sha(second.sdist())).as(backend + " sdist").isEqualTo(sdist1);
    }
  }

  @Test
  void sourceDateEpochComesFromTheLastCommit() throws Exception {
    Path project = TestProjects.write(dir.resolve("git"), TestProjects.flit());
    git(project, "init", "-q");
    git(project, "add", ".");
    git(
        project,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-q",
        "-m",
        "x",
        "--date",
        "@1600000000");
    Map<String, String> env = Map.of("GIT_COMMITTER_DATE", "@1600000000");
    BuildResult result = build(project, dir.resolve("out"), Map.of());

    assertThat(log)
        .anyMatch(l -> l.matches("info: SOURCE_DATE_EPOCH=\\d+ \\(the last commit's time\\)"));
    assertThat(result.sourceDateEpoch()).isNotNull();
    assertThat(env).isNotEmpty();
  }

  @Test
  void aMissingInterpreterSaysWhatToInstall() {
    BuildRequest request =
        new BuildRequest(
            dir,
            dir.resolve("out"),
            "no-such-python-3.99",
            "pyrelease.python",
            Frontend.PYRELEASE,
            false,
            Duration.ofSeconds(30),
            false,
            Map.of());
    assertThatThrownBy(() -> new DistributionBuilder().build(request, buildLog))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("no Python interpreter: 'no-such-python-3.99' is not on the PATH")
        .extracting(e -> ((PyreleaseException) e).fix())
        .asString()
        .contains("apt-get install python3")
        .contains("pyrelease.python");
  }

  @Test
  void aTooOldPythonIsRefused() throws IOException {
    Path fake = dir.resolve("python2.7");
    Files.writeString(fake, "#!/bin/sh\necho 2.7.18\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    BuildRequest request =
        new BuildRequest(
            dir,
            dir.resolve("out"),
            fake.toString(),
            "pyrelease.python",
            Frontend.PYRELEASE,
            false,
            Duration.ofSeconds(30),
            false,
            Map.of());
    assertThatThrownBy(() -> new DistributionBuilder().build(request, buildLog))
        .hasMessage(fake + " is Python 2.7.18; pyrelease needs Python 3.8 or newer");
  }

  @Test
  void aMissingBackendSaysWhichPackageToInstall() throws IOException {
    Path project =
        TestProjects.write(
            dir.resolve("p"),
            Map.of(
                "pyproject.toml",
                "[build-system]\nrequires = []\nbuild-backend = \"maturin\"\n\n[project]\nname = \"x\"\nversion = \"1\"\n"));
    assertThatThrownBy(() -> build(project, dir.resolve("out"), Map.of()))
        .hasMessageStartingWith(
            "the build backend maturin cannot be imported by " + TestProjects.PYTHON)
        .extracting(e -> ((PyreleaseException) e).fix())
        .asString()
        .startsWith(
            "install it: apt-get install python3-maturin (Debian/Ubuntu), or <python> -m pip install 'maturin'");
  }

  @Test
  void aFailingBackendReportsExitCodeCommandAndLastLines() throws IOException {
    Path project =
        TestProjects.write(
            dir.resolve("p"),
            TestProjects.inTreeBackend(
                "for i in range(40):\n    print('backend line', i)\nraise SystemExit('setup.cfg: broken')"));
    assertThatThrownBy(() -> build(project, dir.resolve("out"), Map.of()))
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageContaining(
            "the build backend local_backend failed to build the sdist: exit code 1")
        .hasMessageContaining("| backend line 39")
        .hasMessageContaining("| setup.cfg: broken")
        .hasMessageNotContaining("| backend line 3\n")
        .extracting(e -> ((PyreleaseException) e).where())
        .asString()
        .contains("pep517_hooks.py");
    assertThat(log).contains("| backend line 0");
  }

  @Test
  void aHangingBackendIsKilledAtTheTimeout() throws IOException {
    Path project =
        TestProjects.write(
            dir.resolve("p"),
            TestProjects.inTreeBackend("print('working', flush=True)\ntime.sleep(60)"));
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                new DistributionBuilder(Map.of())
                    .build(
                        new BuildRequest(
                            project,
                            dir.resolve("out"),
                            TestProjects.PYTHON,
                            "pyrelease.python",
                            Frontend.PYRELEASE,
                            false,
                            Duration.ofSeconds(3),
                            true,
                            Map.of()),
                        buildLog))
        .hasMessageContaining("killed after 3 s (the timeout)")
        .hasMessageContaining("| working");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void backendPathMustStayInsideTheProject() throws IOException {
    Path project =
        TestProjects.write(
            dir.resolve("p"),
            Map.of(
                "pyproject.toml",
                "[build-system]\nrequires = []\nbuild-backend = \"b\"\nbackend-path = [\"../elsewhere\"]\n"));
    assertThatThrownBy(() -> build(project, dir.resolve("out"), Map.of()))
        .hasMessage("[build-system] backend-path entry '../elsewhere' is outside the project");
  }

  @Test
  void theLegacyDefaultIsSetuptoolsWhenNothingIsDeclared() throws IOException {
    Path project =
        TestProjects.write(
            dir.resolve("legacy"),
            Map.of(
                "setup.py",
                "from setuptools import setup\nsetup(name='legacy', version='1.0', py_modules=['legacy'])\n",
                "legacy.py",
                "x = 1\n"));
    BuildResult result = build(project, dir.resolve("out"), Map.of());
    assertThat(result.backend()).isEqualTo("setuptools.build_meta:__legacy__");
    assertThat(result.wheel().getFileName().toString()).isEqualTo("legacy-1.0-py3-none-any.whl");
  }

  @Test
  void uvThatIsNotInstalledIsAClearError() throws IOException {
    Path project = TestProjects.write(dir.resolve("p"), TestProjects.flit());
    BuildRequest request =
        new BuildRequest(
            project,
            dir.resolve("out"),
            TestProjects.PYTHON,
            "pyrelease.python",
            Frontend.UV,
            false,
            Duration.ofSeconds(30),
            false,
            Map.of());
    org.junit.jupiter.api.Assumptions.assumeTrue(
        io.github.pyrelease.python.PythonInterpreter.onPath("uv").isEmpty());
    assertThatThrownBy(() -> new DistributionBuilder().build(request, buildLog))
        .hasMessage("pyrelease.frontend=uv needs uv, which is not on the PATH");
  }

  /** The project's .venv sees the system's backends; python3 on the PATH is a bare venv's. */
  private DistributionBuilder discovering(Path project) throws IOException {
    TestVenvs.withSystemPackages(project.resolve(".venv"));
    Path bare = TestVenvs.bare(dir.resolve("bare"));
    Path path = TestVenvs.pathWithPython3(dir.resolve("path-bin"), TestVenvs.python(bare));
    return new DistributionBuilder(
        Map.of(),
        new InterpreterCandidates(Map.of("PATH", path.toString()), false, List.of()),
        new InterpreterProbe());
  }

  private static BuildRequest request(Path project, Path out, String python) {
    return new BuildRequest(
        project,
        out,
        python,
        "pyrelease.python",
        Frontend.PYRELEASE,
        false,
        Duration.ofMinutes(3),
        true,
        Map.of());
  }

  @Test
  void withNoInterpreterNamedTheProjectsVenvBuildsThoughPythonOnPathLacksTheBackend()
      throws IOException {
    Path project = TestProjects.write(dir.resolve("p"), TestProjects.flit());
    BuildResult result =
        discovering(project).build(request(project, dir.resolve("out"), null), buildLog);
    assertThat(result.wheel()).exists();
    assertThat(log)
        .contains(
            "info: Python: .venv/bin/python ("
                + PythonInterpreter.locate(TestProjects.PYTHON, "test").version()
                + "): has flit_core "
                + TestVenvs.systemVersionOf("flit_core")
                + ", meets requires-python >=3.8")
        .anyMatch(
            line ->
                line.startsWith("info: Python ")
                    && line.contains(" at " + project + "/.venv/bin/python"));
  }

  @Test
  void aNamedInterpreterIsNeverSecondGuessed() throws IOException {
    Path project = TestProjects.write(dir.resolve("p"), TestProjects.flit());
    DistributionBuilder builder = discovering(project);
    String bare = TestVenvs.python(dir.resolve("bare")).toString();
    assertThatThrownBy(() -> builder.build(request(project, dir.resolve("out"), bare), buildLog))
        .hasMessageStartingWith("the build requirements are not met by " + bare)
        .hasMessageEndingWith(": flit_core >=3.2,<4 (not installed)")
        .extracting(e -> ((PyreleaseException) e).fix())
        .asString()
        .startsWith(
            "install them into that virtual environment: "
                + bare
                + " -m pip install 'flit_core >=3.2,<4'");
    assertThat(log).noneMatch(line -> line.startsWith("info: Python:"));
  }

  /** The issue: click needs flit_core>=3.11, Debian has 3.8, and apt-get cannot help. */
  @Test
  void aTooOldBackendOffersWhatCanWorkNeverAPackageCommand() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(TestProjects.flit());
    files.put(
        "pyproject.toml",
        files.get("pyproject.toml").replace("flit_core >=3.2,<4", "flit_core>=999"));
    Path project = TestProjects.write(dir.resolve("p"), files);
    String installed = TestVenvs.systemVersionOf("flit_core");
    PyreleaseException e =
        (PyreleaseException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> build(project, dir.resolve("out"), Map.of()));
    assertThat(e.getMessage())
        .endsWith(": flit_core>=999 (version " + installed + " is installed)");
    String venv = project.resolve(".venv").toString();
    String shared =
        "flit_core "
            + installed
            + " is installed, too old for flit_core>=999 (a system package cannot change that):"
            + " install the build requirements into a virtual environment: "
            + TestProjects.PYTHON
            + " -m venv "
            + venv
            + " && "
            + venv
            + "/bin/python -m pip install 'flit_core>=999', then build with it (";
    assertThat(e.fix(FrontEnd.MAVEN))
        .isEqualTo(
            shared
                + "-Dpyrelease.python="
                + venv
                + "/bin/python); or build in a fresh virtual environment"
                + " (-Dpyrelease.isolated=true; needs a package index)")
        .doesNotContain("apt-get");
    assertThat(e.fix(FrontEnd.CLI))
        .isEqualTo(
            shared
                + "--python "
                + venv
                + "/bin/python); or build in a fresh virtual environment (--isolated; needs a"
                + " package index)");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> fields(CoreMetadata metadata) {
    return metadata.fields().stream()
        .map(MetadataField::toString)
        .map(s -> s.replaceAll(", line=\\d+", ""))
        .toList();
  }

  private static String sha(Path file) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }
}
