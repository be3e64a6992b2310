package io.github.pyrelease.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FrontEnd;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.python.InterpreterCandidates.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing an interpreter among real ones: venvs made by the system's Python, one that sees its
 * build backends and one bare, and a PATH whose python3 is the bare one.
 */
class InterpreterChoiceTest {

  @TempDir static Path shared;

  /** A venv with the system's packages, and one with only the standard library. */
  static Path withBackends;

  static Path bare;

  /** This test's directory, beside the venvs so that links to them stay inside the temp dir. */
  Path dir;

  @BeforeEach
  void dir() throws IOException {
    dir = Files.createTempDirectory(shared, "test-");
  }

  @BeforeAll
  static void venvs() {
    withBackends = TestVenvs.withSystemPackages(shared.resolve("with-backends"));
    bare = TestVenvs.bare(shared.resolve("bare"));
  }

  private Path project() throws IOException {
    return Files.createDirectories(dir.resolve("project"));
  }

  /**
   * The project's .venv is a link to {@code venv}, the PATH holds a python3 running {@code path}.
   */
  private List<Candidate> candidates(Path project, Path venv, Path path) throws IOException {
    Files.createSymbolicLink(project.resolve(".venv"), venv);
    Path bin = TestVenvs.pathWithPython3(dir.resolve("path-bin"), TestVenvs.python(path));
    return new InterpreterCandidates(Map.of("PATH", bin.toString()), false, List.of()).of(project);
  }

  @Test
  void theProjectsEnvironmentWithTheBackendWinsOverAPathPythonWithout() throws IOException {
    Path project = project();
    List<Candidate> candidates = candidates(project, withBackends, bare);
    InterpreterChoice choice =
        InterpreterChoice.choose(
            candidates, new InterpreterProbe(), project, List.of("hatchling"), ">=3.8");
    assertThat(choice.interpreter().executable()).isEqualTo(project.resolve(".venv/bin/python"));
    assertThat(choice.interpreter().isVirtualEnvironment()).isTrue();
    assertThat(choice.reason())
        .matches(
            "Python: \\.venv/bin/python \\(3\\.\\d+\\.\\d+\\): has hatchling "
                + TestVenvs.systemVersionOf("hatchling").replace(".", "\\.")
                + ", meets requires-python >=3\\.8");
  }

  @Test
  void candidatesPassedOverAreNamedWithWhatTheyLack() throws IOException {
    Path project = project();
    List<Candidate> candidates = candidates(project, bare, withBackends);
    InterpreterChoice choice =
        InterpreterChoice.choose(
            candidates, new InterpreterProbe(), project, List.of("hatchling", "setuptools"), null);
    // The wrapper on the PATH execs the venv's python: sys.executable is the venv's.
    assertThat(choice.interpreter().executable()).isEqualTo(TestVenvs.python(withBackends));
    assertThat(choice.reason())
        .startsWith("Python: python3 on PATH (" + dir.resolve("path-bin/python3") + ") (3.")
        .contains(
            "has hatchling "
                + TestVenvs.systemVersionOf("hatchling")
                + ", setuptools "
                + TestVenvs.systemVersionOf("setuptools"))
        .endsWith(
            "; .venv/bin/python ("
                + choice.interpreter().version()
                + ") lacks hatchling (not installed), setuptools (not installed)");
  }

  @Test
  void noneFitsListsEachCandidateAndTheFixForTheProjectsEnvironment() throws IOException {
    Path project = project();
    List<Candidate> candidates = candidates(project, withBackends, bare);
    assertThatThrownBy(
            () ->
                InterpreterChoice.choose(
                    candidates,
                    new InterpreterProbe(),
                    project,
                    List.of("hatchling", "poetry-core>=99"),
                    null))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith(
            "no Python interpreter can build this project (it needs hatchling, poetry-core>=99):")
        .hasMessageMatching(
            "(?s).*\\n  - \\.venv/bin/python \\(3[.0-9]+\\) lacks poetry-core>=99"
                + " \\((not installed|version \\S+ is installed)\\)"
                + "\\n  - python3 on PATH \\(.*\\) \\(3[.0-9]+\\) lacks hatchling \\(not installed\\),"
                + " poetry-core>=99 \\(not installed\\)")
        .extracting(e -> ((PyreleaseException) e).fix())
        .isEqualTo(
            "for .venv/bin/python, install them into that virtual environment: "
                + project.resolve(".venv/bin/python")
                + " -m pip install 'poetry-core>=99'; or build in a fresh virtual environment"
                + " (-Dpyrelease.isolated=true; needs a package index)");
  }

  @Test
  void aTooOldSystemPackageIsNeverFixedWithAPackageCommand() throws IOException {
    Path project = project();
    List<Candidate> candidates =
        new InterpreterCandidates(Map.of(), false, List.of(Path.of(TestVenvs.SYSTEM_PYTHON)))
            .of(project);
    String setuptools = TestVenvs.systemVersionOf("setuptools");
    PyreleaseException e =
        catchProblem(
            () ->
                InterpreterChoice.choose(
                    candidates,
                    new InterpreterProbe(),
                    project,
                    List.of("setuptools>=999", "wheel; python_version < '3'"),
                    null));
    assertThat(e.getMessage())
        .endsWith(
            "  - "
                + TestVenvs.SYSTEM_PYTHON
                + " ("
                + e.getMessage().replaceAll("(?s).*\\((3\\.\\d+\\.\\d+)\\).*", "$1")
                + ") lacks setuptools>=999 (version "
                + setuptools
                + " is installed)");
    String venv = project.resolve(".venv").toString();
    assertThat(e.fix(FrontEnd.MAVEN))
        .isEqualTo(
            "for "
                + TestVenvs.SYSTEM_PYTHON
                + ", setuptools "
                + setuptools
                + " is installed, too old for setuptools>=999 (a system package cannot change"
                + " that): install the build requirements into a virtual environment: "
                + TestVenvs.SYSTEM_PYTHON
                + " -m venv "
                + venv
                + " && "
                + venv
                + "/bin/python -m pip install 'setuptools>=999' 'wheel; python_version < '3''"
                + " (pyrelease then chooses "
                + venv
                + " by itself); or build in a fresh virtual environment"
                + " (-Dpyrelease.isolated=true; needs a package index)")
        .doesNotContain("apt-get");
    assertThat(e.fix(FrontEnd.CLI)).contains("(--isolated; needs a package index)");
  }

  @Test
  void requiresPythonIsCheckedByEachCandidate() throws IOException {
    Path project = project();
    List<Candidate> candidates = candidates(project, withBackends, bare);
    PyreleaseException e =
        catchProblem(
            () ->
                InterpreterChoice.choose(
                    candidates, new InterpreterProbe(), project, List.of("hatchling"), "<3"));
    // The bare venv has no packaging module to check requires-python with: it lacks hatchling only.
    assertThat(e.getMessage())
        .contains("\n  - .venv/bin/python (3.")
        .contains(") is outside requires-python <3\n")
        .endsWith(") lacks hatchling (not installed)");
    assertThat(e.fix())
        .startsWith(
            "for python3 on PATH ("
                + dir.resolve("path-bin/python3")
                + "), install them into that virtual environment: "
                + TestVenvs.python(bare)
                + " -m pip install 'hatchling'");
  }

  @Test
  void noCandidateInsideRequiresPythonSaysToInstallOne() throws IOException {
    Path project = project();
    List<Candidate> candidates =
        new InterpreterCandidates(Map.of(), false, List.of(Path.of(TestVenvs.SYSTEM_PYTHON)))
            .of(project);
    PyreleaseException e =
        catchProblem(
            () ->
                InterpreterChoice.choose(
                    candidates, new InterpreterProbe(), project, List.of("hatchling"), "<3"));
    assertThat(e.getMessage()).endsWith(") is outside requires-python <3");
    assertThat(e.fix())
        .startsWith("install a Python that meets requires-python <3 (uv python install,")
        .endsWith("or name it (-Dpyrelease.python=/path/to/python3)");
  }

  @Test
  void requiresPythonThatCannotBeCheckedIsSaidSo() throws IOException {
    Path project = project();
    List<Candidate> candidates = candidates(project, bare, bare);
    InterpreterChoice choice =
        InterpreterChoice.choose(candidates, new InterpreterProbe(), project, List.of(), ">=3.8");
    assertThat(choice.reason())
        .endsWith("): requires-python >=3.8 not checked (it has no packaging module)");
  }

  @Test
  void interpretersThatDoNotRunOrAreTooOldArePassedOver() throws IOException {
    Path broken = script(dir.resolve("broken"), "echo 'not python' >&2; exit 1");
    Path old =
        script(
            dir.resolve("old"), "echo '{\"version\": \"3.7.17\", \"requirements\": []}' > \"$3\"");
    List<Candidate> candidates =
        List.of(
            new Candidate("broken", List.of(broken.toString())),
            new Candidate("missing", List.of(dir.resolve("no-such-python").toString())),
            new Candidate("old", List.of(old.toString())),
            new Candidate("system", List.of(TestVenvs.SYSTEM_PYTHON)));
    InterpreterChoice choice =
        InterpreterChoice.choose(candidates, new InterpreterProbe(), project(), List.of(), null);
    assertThat(choice.reason())
        .matches(
            "Python: system \\(3[.0-9]+\\): the first that runs; broken does not run as Python"
                + " 3\\.8 or newer; missing does not start; old \\(3\\.7\\.17\\) is Python 3\\.7\\.17,"
                + " older than the 3\\.8 needed");
  }

  @Test
  void eachCandidateIsAskedOncePerRun() throws IOException {
    Path calls = dir.resolve("calls");
    Path counting =
        script(
            dir.resolve("counting"),
            "echo run >> '" + calls + "'; exec " + TestVenvs.SYSTEM_PYTHON + " \"$@\"");
    List<Candidate> candidates = List.of(new Candidate("counting", List.of(counting.toString())));
    InterpreterProbe probe = new InterpreterProbe();
    Path project = project();
    InterpreterChoice first =
        InterpreterChoice.choose(candidates, probe, project, List.of("setuptools"), null);
    InterpreterChoice second =
        InterpreterChoice.choose(candidates, probe, project, List.of("setuptools"), null);
    assertThat(second).isEqualTo(first);
    assertThat(Files.readAllLines(calls)).hasSize(1);
    InterpreterChoice.choose(candidates, probe, project, List.of("hatchling"), null);
    assertThat(Files.readAllLines(calls)).as("other requirements: asked again").hasSize(2);
    InterpreterChoice.choose(
        candidates, new InterpreterProbe(), project, List.of("setuptools"), null);
    assertThat(Files.readAllLines(calls)).as("another run: asked again").hasSize(3);
  }

  @Test
  void noCandidateAtAllSaysWhereItLooked() {
    assertThatThrownBy(
            () ->
                InterpreterChoice.choose(
                    List.of(), new InterpreterProbe(), dir, List.of("hatchling"), null))
        .hasMessageStartingWith("no Python interpreter found: none in .venv/ or venv/")
        .extracting(e -> ((PyreleaseException) e).fix(FrontEnd.CLI))
        .asString()
        .endsWith("name the interpreter (--python /path/to/python3)");
  }

  private static Path script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static PyreleaseException catchProblem(Runnable action) {
    try {
      action.run();
    } catch (PyreleaseException e) {
      return e;
    }
    throw new AssertionError("expected a PyreleaseException");
  }
}
