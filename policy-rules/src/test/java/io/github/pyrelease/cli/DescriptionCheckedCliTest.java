package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import io.github.pyrelease.dist.Archives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before an upload (stage {@code release}), a long description nobody could check is an error; at
 * {@code dist} it stays a warning, and the policy may lower the release rule.
 */
class DescriptionCheckedCliTest {

  /** No interpreter at all, so no readme_renderer anywhere. */
  private static final String NO_PYTHON = "/nonexistent/python3";

  /** A footnote: markup pyrelease's own check leaves to docutils. */
  private static final String UNDECIDED = "Title\n=====\n\nSee [1]_.\n\n.. [1] A footnote.\n";

  @TempDir Path dir;

  private void project() throws Exception {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"1.0.0\"\n");
    Files.createDirectories(dir.resolve("dist"));
    new Archives.Wheel("demo", "1.0.0")
        .metadata(
            "Metadata-Version: 2.1\nName: demo\nVersion: 1.0.0\nSummary: A demo.\n"
                + "Description-Content-Type: text/x-rst\n\n"
                + UNDECIDED)
        .write(dir.resolve("dist"));
  }

  private Run check(String stage, String... more) {
    String[] args = {
      "check",
      dir.toString(),
      "--stage",
      stage,
      "--offline",
      "--python",
      NO_PYTHON,
      "--format",
      "text",
      "--out",
      dir.resolve("out").toString()
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliFixture.run(Map.of(), false, "", all);
  }

  @Test
  void anUncheckedDescriptionFailsTheReleaseStage() throws Exception {
    project();

    Run run = check("release", "--rules", "description-checked");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "FAIL description-checked"
                + ": the long description of demo-1.0.0-py3-none-any.whl could not be checked,"
                + " and PyPI refuses an upload whose description does not render: ")
        .contains("set description-checked: warning in the policy");
  }

  @Test
  void atTheDistStageItStaysAWarning() throws Exception {
    project();

    Run run = check("dist", "--rules", "dist-metadata");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("WARN dist-metadata: the long description could not be fully");
  }

  @Test
  void thePolicyMayLowerIt() throws Exception {
    project();
    Files.writeString(
        dir.resolve("release-policy.yaml"), "rules:\n  description-checked: warning\n");

    Run run = check("release", "--rules", "description-checked");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("WARN description-checked: the long description of demo-1.0.0");
  }

  @Test
  void withNoInterpreterNamedOneThatHasReadmeRendererChecksTheDescription() throws Exception {
    // python3 on the PATH may lack readme_renderer (pyenv); /usr/bin/python3 has it (twine's)
    project();
    String[] args = {
      "check",
      dir.toString(),
      "--stage",
      "release",
      "--rules",
      "description-checked",
      "--offline",
      "--format",
      "text",
      "--out",
      dir.resolve("out").toString()
    };

    Run run = CliFixture.run(Map.of(), false, "", args);

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("PASS  description-checked").doesNotContain("could not be");
  }
}
