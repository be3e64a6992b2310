package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.python.TestVenvs;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyrelease build} then {@code pyrelease check --dist}, as a CI script would run them. */
class BuildCommandTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    return run(Map.of(), args);
  }

  private Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new PyreleaseCli(new ByteArrayInputStream(new byte[0]), environment, false)
            .execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  private Path project(String readme) throws Exception {
    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[build-system]\nrequires = [\"flit_core >=3.2,<4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n"
            + "[project]\nname = \"cliflit\"\nversion = \"0.1.0\"\ndescription = \"d\"\nreadme = \"README.rst\"\n");
    Files.writeString(dir.resolve("README.rst"), readme);
    Files.createDirectories(dir.resolve("cliflit"));
    Files.writeString(dir.resolve("cliflit/__init__.py"), "\"\"\"d\"\"\"\n__version__ = '0.1.0'\n");
    return dir;
  }

  @Test
  void buildsThenChecksTheDistributions() throws Exception {
    project("cliflit\n=======\n\nFine.\n");

    Run build =
        run("build", dir.toString(), "--python", PYTHON, "--out", dir.resolve("out").toString());
    assertThat(build.exit()).as(build.err()).isZero();
    assertThat(build.out())
        .contains("pyrelease: Python 3.")
        .contains("pyrelease: built cliflit-0.1.0.tar.gz and cliflit-0.1.0-py2.py3-none-any.whl")
        .endsWith("cliflit-0.1.0-py2.py3-none-any.whl\n");

    Run check =
        run(
            "check",
            dir.toString(),
            "--stage",
            "dist",
            "--dist",
            dir.resolve("out").toString(),
            "--python",
            PYTHON,
            "--format",
            "json");
    assertThat(check.exit()).as(check.out()).isZero();
    assertThat(check.out())
        .contains(
            "PASS  dist-record          RECORD files of cliflit-0.1.0-py2.py3-none-any.whl are valid");
  }

  @Test
  void aBrokenReadmeFailsTheCheckWithExitCodeOne() throws Exception {
    project("cliflit\n====\n\nSee :func:`cliflit.run`.\n");
    assertThat(
            run(
                    "build",
                    dir.toString(),
                    "--python",
                    PYTHON,
                    "--out",
                    dir.resolve("target/dist").toString())
                .exit())
        .isZero();

    Run check =
        run("check", dir.toString(), "--stage", "dist", "--python", PYTHON, "--format", "json");

    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out()).contains("line 2: Warning: Title underline too short.");
  }

  @Test
  void environmentErrorsAreExitCodeTwoAndBackendFailuresOne() throws Exception {
    project("x\n=\n");
    Run missing = run("build", dir.toString(), "--python", "/nowhere/python3");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .startsWith(
            "pyrelease: --python: no Python interpreter: /nowhere/python3 does not exist or is not executable");

    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[build-system]\nrequires = []\nbuild-backend = \"b\"\nbackend-path = [\"be\"]\n");
    Files.createDirectories(dir.resolve("be"));
    Files.writeString(
        dir.resolve("be/b.py"),
        "def build_sdist(out, config=None):\n    raise ValueError('no sdist today')\n");
    Run failed = run("build", dir.toString(), "--python", PYTHON);
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.err())
        .contains("the build backend b failed to build the sdist: exit code 1")
        .contains("| ValueError: no sdist today");

    assertThat(run("build", dir.toString(), "--frontend", "poetry").err())
        .contains("unknown front end 'poetry'; choose from pyrelease, build, uv");
  }

  @Test
  void withoutPythonTheProjectsVenvBuildsThoughPythonOnPathLacksTheBackend() throws Exception {
    project("x\n=\n");
    TestVenvs.withSystemPackages(dir.resolve(".venv"));
    Path bare = TestVenvs.bare(dir.resolve("target/bare"));
    Path path = TestVenvs.pathWithPython3(dir.resolve("target/bin"), TestVenvs.python(bare));
    Run build =
        run(
            Map.of("PATH", path.toString()),
            "build",
            dir.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(build.exit()).as(build.err()).isZero();
    assertThat(build.out())
        .contains("pyrelease: Python: .venv/bin/python (3.")
        .contains("): has flit_core " + TestVenvs.systemVersionOf("flit_core"))
        .contains("pyrelease: built cliflit-0.1.0.tar.gz");
  }

  @Test
  void aTooOldBackendsFixSpeaksTheCommandLine() throws Exception {
    project("x\n=\n");
    Files.writeString(
        dir.resolve("pyproject.toml"),
        Files.readString(dir.resolve("pyproject.toml"))
            .replace("flit_core >=3.2,<4", "flit_core>=999"));
    Run build = run("build", dir.toString(), "--python", PYTHON);
    assertThat(build.exit()).isEqualTo(2);
    assertThat(build.err())
        .contains(
            "flit_core>=999 (version " + TestVenvs.systemVersionOf("flit_core") + " is installed)")
        .contains("then build with it (--python " + dir.resolve(".venv/bin/python") + ")")
        .contains("(--isolated; needs a package index)")
        .doesNotContain("-Dpyrelease")
        .doesNotContain("apt-get");
  }

  @Test
  void rulesListsTheDistRulesWithTheirOptions() {
    Run rules = run("rules");
    assertThat(rules.out())
        .contains("dist-contents        dist     error")
        .contains("option forbid (list of globs, default: [**/.env, **/*.pem")
        .contains("option max-metadata-version (string, default: 2.5)");
  }
}
