package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyrelease version bump}: arguments, exit codes and output (git is tested in bump/). */
class BumpCommandTest {

  @TempDir Path dir;

  private void project() throws IOException {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project]\nname = \"cli-demo\"\nversion = \"0.3.0\"\n");
  }

  @Test
  void bumpsTheFilesWithoutGit() throws IOException {
    project();
    Run run = run("version", "bump", "minor", dir.toString(), "--no-commit", "--no-tag");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .isEqualTo("pyrelease: bump cli-demo 0.3.0 → 0.4.0\nupdated 1 file(s): pyproject.toml\n");
    assertThat(Files.readString(dir.resolve("pyproject.toml"))).contains("version = \"0.4.0\"");
  }

  @Test
  void explicitVersionAndDryRunChangeNothing() throws IOException {
    project();
    Run run =
        run(
            "version",
            "bump",
            "--to",
            "1.0.0rc1",
            dir.toString(),
            "--dry-run",
            "--no-commit",
            "--no-tag");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out)
        .startsWith("pyrelease: bump cli-demo 0.3.0 → 1.0.0rc1 (dry run: nothing is changed)\n")
        .contains("-version = \"0.3.0\"\n+version = \"1.0.0rc1\"\n");
    assertThat(Files.readString(dir.resolve("pyproject.toml"))).contains("version = \"0.3.0\"");
  }

  @Test
  void preKindWithMinor() throws IOException {
    project();
    Run run =
        run(
            "version",
            "bump",
            "minor",
            "--pre-kind",
            "rc",
            dir.toString(),
            "--no-commit",
            "--no-tag");
    assertThat(run.out).startsWith("pyrelease: bump cli-demo 0.3.0 → 0.4.0rc1\n");
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    project();
    assertThat(run("version", "bump").err)
        .contains("missing KIND: choose major, minor, patch, pre, post, dev, release");
    Run unknown = run("version", "bump", "mayor", dir.toString());
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err).contains("unknown KIND 'mayor'");
    assertThat(run("version", "bump", "pre", "--pre-kind", "gamma", dir.toString()).err)
        .contains("unknown --pre-kind 'gamma'; choose a, b or rc");
    assertThat(run("version", "bump", "minor", dir.toString(), "--to", "1.0").err)
        .contains("give KIND or --to VERSION, not both");
  }

  @Test
  void refusalIsAnInputErrorWithWhereAndFix() throws IOException {
    project();
    Run run = run("version", "bump", "--to", "0.2.0", dir.toString(), "--no-commit", "--no-tag");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err)
        .isEqualTo(
            "pyrelease: the new version 0.2.0 is lower than the current version 0.3.0\n"
                + "  fix: bump to a higher version, or force the bump (--force)\n");
  }

  @Test
  void notAGitRepositorySaysHowToBumpFilesOnly() throws IOException {
    project();
    Run run = run("version", "bump", "patch", dir.toString());
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err)
        .contains("not in a git repository")
        .contains("--no-commit --no-tag")
        .doesNotContain("-Dpyrelease");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PyreleaseCli cli = new PyreleaseCli(new ByteArrayInputStream(new byte[0]), Map.of(), false);
    int exit = cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
