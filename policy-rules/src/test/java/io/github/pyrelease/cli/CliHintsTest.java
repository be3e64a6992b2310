package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors the command line shows name its own arguments, never the Maven plugin's properties. */
class CliHintsTest {

  @TempDir Path dir;

  private String errorOf(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new PyreleaseCli(new ByteArrayInputStream(new byte[0]), Map.of(), false)
            .execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).isEqualTo(ExitCode.INPUT_ERROR);
    return err.toString();
  }

  @Test
  void aMissingProjectDirectoryNamesTheDirArgument() {
    assertThat(errorOf("check", dir.resolve("nowhere").toString()))
        .contains("the project directory does not exist")
        .contains("the DIR argument (pyrelease check path)")
        .doesNotContain("-Dpyrelease");
  }

  @Test
  void aDirectoryThatIsNoPythonProjectNamesTheDirArgument() {
    assertThat(errorOf("version", "show", dir.toString()))
        .contains("not a Python project")
        .contains("the DIR argument")
        .doesNotContain("-Dpyrelease");
  }
}
