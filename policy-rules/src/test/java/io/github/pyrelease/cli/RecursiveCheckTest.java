package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyrelease check --recursive}: every project of a monorepo, one summary, one exit code. */
class RecursiveCheckTest {

  @TempDir Path root;

  private Path project(String relative, String version, String moduleVersion) throws Exception {
    Path dir = Files.createDirectories(root.resolve(relative));
    CliFixture.project(dir, version, moduleVersion);
    return dir;
  }

  @Test
  void everyProjectIsCheckedAndWhatIsNeverAProjectIsSkipped() throws Exception {
    project("packages/alpha", "1.0.0", "1.0.0");
    project("packages/beta", "2.0.0", "1.9.0"); // inconsistent
    project("tools/gamma", "0.3.0", "0.3.0");
    project("node_modules/left-pad", "1.0.0", "0.0.1");
    project(".git/modules/x", "1.0.0", "0.0.1");
    project("packages/alpha/target/stage", "1.0.0", "0.0.1");
    Path venv = project("venv-tools", "1.0.0", "0.0.1");
    Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");

    CliFixture.Run run =
        CliFixture.run(
            Map.of(), false, "", "check", root.toString(), "--recursive", "--stage", "source");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.RULE_FAILED);
    String out = run.out();
    assertThat(out.indexOf("in " + root.resolve("packages/alpha")))
        .isPositive()
        .isLessThan(out.indexOf("in " + root.resolve("packages/beta")));
    assertThat(out.indexOf("in " + root.resolve("packages/beta")))
        .isLessThan(out.indexOf("in " + root.resolve("tools/gamma")));
    assertThat(out)
        .contains("FAIL  version-consistent")
        .endsWith(
            "3 projects: 2 passed, 1 failed, 0 with facts not obtained, 0 not checked ("
                + root.resolve("packages/beta")
                + ")\n")
        .doesNotContain("left-pad")
        .doesNotContain("venv-tools")
        .doesNotContain(".git");
    for (String p : new String[] {"packages/alpha", "packages/beta", "tools/gamma"}) {
      assertThat(root.resolve(p).resolve("target/pyrelease/report.json")).exists();
    }
  }

  @Test
  void aProjectThatCannotBeReadDoesNotStopTheOthers() throws Exception {
    project("a", "1.0.0", "1.0.0");
    Path broken = Files.createDirectories(root.resolve("b"));
    Files.writeString(broken.resolve("pyproject.toml"), "[project\nname = \"broken\"\n");
    Path out = root.resolve("reports");

    CliFixture.Run run =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            root.toString(),
            "--recursive",
            "--stage",
            "source",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(run.err()).contains("pyrelease: " + broken + ": ").contains("pyproject.toml:1");
    assertThat(run.out())
        .contains("2 projects: 1 passed, 0 failed, 0 with facts not obtained, 1 not checked");
    assertThat(out.resolve("a/report.json")).exists();
  }

  @Test
  void aDirectoryWithoutProjectsIsAUsageError() throws Exception {
    Files.createDirectories(root.resolve("docs"));
    CliFixture.Run run =
        CliFixture.run(Map.of(), false, "", "check", root.toString(), "--recursive");
    assertThat(run.exit()).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(run.err()).contains("no Python project below " + root);
  }
}
