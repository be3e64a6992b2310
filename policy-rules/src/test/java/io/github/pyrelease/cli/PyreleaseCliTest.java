package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyreleaseCliTest {

  @TempDir Path dir;

  @Test
  void normalizePrintsEachNormalisedOrWhyNotAndFailsOnInvalid() {
    Run run = run("", "version", "normalize", "1.0-ALPHA.1", "v1.0", " 1.0.0-SNAPSHOT ");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines()[0]).isEqualTo("1.0a1");
    assertThat(run.outLines()[1]).isEqualTo("1.0");
    assertThat(run.outLines()[2]).startsWith("invalid: ");
  }

  @Test
  void normalizeReadsStandardInputWhenGivenNoVersions() {
    Run run = run("1.0c1\n2024.01.15\n", "version", "normalize");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("1.0rc1\n2024.1.15\n");
  }

  @Test
  void compareFollowsPep440Order() {
    assertThat(run("", "version", "compare", "1.10", "1.9").out()).isEqualTo(">\n");
    assertThat(run("", "version", "compare", "1.0", "1.0.0").out()).isEqualTo("=\n");
    assertThat(run("", "version", "compare", "1.0.dev1", "1.0a1").out()).isEqualTo("<\n");
  }

  @Test
  void compareOfAnInvalidVersionIsAUsageError() {
    Run run = run("", "version", "compare", "1.0", "banana");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("invalid version 'banana'");
  }

  @Test
  void sortOrdersStandardInputKeepingTheLinesAsGiven() {
    Run run = run("1.0\n1.0.post1\n\n1.0rc1\n1.0.dev0\nv0.9\n1.0.0\n", "version", "sort");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("v0.9\n1.0.dev0\n1.0rc1\n1.0\n1.0.0\n1.0.post1\n");
    assertThat(run("1.0\n2.0\n", "version", "sort", "-r").out()).isEqualTo("2.0\n1.0\n");
  }

  @Test
  void sortNamesTheInvalidLines() {
    Run run = run("1.0\nnope\n2.0\n1.x\n", "version", "sort");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("2 invalid version(s)")
        .contains("line 2: invalid version 'nope'")
        .contains("line 4:");
  }

  @Test
  void checkPassesAConsistentProjectAndWritesReports() throws Exception {
    project("1.2.0", "1.2.0");

    Run run = run("", "check", dir.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("PASS  version-consistent   both version sources declare 1.2.0");
    assertThat(dir.resolve("target/pyrelease/report.txt")).exists();
    assertThat(dir.resolve("target/pyrelease/report.json")).exists();
  }

  @Test
  void checkFailsAMismatchWithExitCodeOne() throws Exception {
    project("1.2.0", "1.1.0");

    Run run =
        run(
            "",
            "check",
            dir.toString(),
            "--format",
            "json",
            "--out",
            dir.resolve("out").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL  version-consistent")
        .contains("__version__ declares 1.1.0 but [project].version declares 1.2.0");
    assertThat(dir.resolve("out/report.json")).exists();
    assertThat(dir.resolve("out/report.txt")).doesNotExist();
  }

  @Test
  void insideGithubActionsFailuresBecomeAnnotations() throws Exception {
    project("1.2.0", "1.1.0");

    Run run = run(Map.of("GITHUB_ACTIONS", "true"), "", "check", dir.toString());

    assertThat(run.out())
        .containsPattern(
            "(?m)^::error title=pyrelease version-consistent,file=.*src/demo/__init__.py,line=1::");
  }

  @Test
  void aMissingProjectIsAnInputErrorNamingIt() {
    Run run = run("", "check", dir.resolve("nowhere").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("pyrelease: ").contains("nowhere").doesNotContain("Exception");
  }

  @Test
  void unknownRulesStagesAndFormatsAreUsageErrors() throws Exception {
    project("1.0", "1.0");

    Run rule = run("", "check", dir.toString(), "--rules", "version-consistant");
    assertThat(rule.exit()).isEqualTo(2);
    assertThat(rule.err())
        .contains("unknown rule 'version-consistant'; did you mean 'version-consistent'?");

    Run stage = run("", "check", dir.toString(), "--stage", "build");
    assertThat(stage.exit()).isEqualTo(2);
    assertThat(stage.err())
        .contains("unknown stage 'build'; choose from source, dist, deps, release");

    Run format = run("", "check", dir.toString(), "--format", "pdf");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("unknown report format 'pdf'");
  }

  @Test
  void selectedRulesRunAndTheOthersAreSkipped() throws Exception {
    project("1.2.0", "1.1.0");

    Run run = run("", "check", dir.toString(), "--rules", "version-pep440");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("SKIP  version-consistent   not among the rules selected for this run");
  }

  @Test
  void rulesListsEveryRule() {
    Run run = run("", "rules");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("version-pep440")
        .contains("version-consistent")
        .containsPattern("changelog-entry +source +error +the changelog has a section");
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() throws Exception {
    project("1.2.0", "1.1.0");
    String red = "\u001B[31m";

    assertThat(run(Map.of(), true, "", "check", dir.toString()).out()).contains(red);
    assertThat(run(Map.of("NO_COLOR", "1"), true, "", "check", dir.toString()).out())
        .doesNotContain(red);
    assertThat(run(Map.of(), false, "", "check", dir.toString()).out()).doesNotContain(red);
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run("").exit()).isEqualTo(2);
  }

  @Test
  void versionShowListsEverySourceWithItsPlace() throws Exception {
    project("1.2.0", "1.2");

    Run run = run("", "version", "show", dir.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("demo 1.2.0\n");
    assertThat(run.out())
        .containsPattern(
            "pyproject.toml:3:\\d+ +\\[project\\].version +1.2.0  \\(used by the build\\)");
    assertThat(run.out()).containsPattern("src/demo/__init__.py:1:\\d+ +__version__ +1.2");
  }

  private void project(String pyprojectVersion, String moduleVersion) {
    CliFixture.project(dir, pyprojectVersion, moduleVersion);
  }

  private static Run run(String stdin, String... args) {
    return run(Map.of(), false, stdin, args);
  }

  private static Run run(Map<String, String> env, String stdin, String... args) {
    return run(env, false, stdin, args);
  }

  private static Run run(Map<String, String> env, boolean terminal, String stdin, String... args) {
    return CliFixture.run(env, terminal, stdin, args);
  }
}
