package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands answered without picocli print, exit and fail exactly as through picocli; arguments
 * that are not plain go to picocli.
 */
class QuickCommandTest {

  @TempDir Path dir;

  @Test
  void plainArgumentsTakeTheQuickPathAndTheRestPicocli() {
    assertThat(QuickCommand.of(args("version", "normalize", "1.0", "v2"))).isNotNull();
    assertThat(QuickCommand.of(args("version", "normalize"))).isNotNull();
    assertThat(QuickCommand.of(args("version", "compare", "1", "2"))).isNotNull();
    assertThat(QuickCommand.of(args("version", "sort", "-r"))).isNotNull();
    assertThat(QuickCommand.of(args("version", "show"))).isNotNull();
    assertThat(QuickCommand.of(args("rules"))).isNotNull();
    assertThat(QuickCommand.of(args("rules", "--markdown"))).isNotNull();

    assertThat(QuickCommand.of(args("version", "normalize", "--help"))).isNull();
    assertThat(QuickCommand.of(args("version", "normalize", "@list"))).isNull();
    assertThat(QuickCommand.of(args("version", "normalize", "--", "1.0"))).isNull();
    assertThat(QuickCommand.of(args("version", "compare", "1"))).isNull();
    assertThat(QuickCommand.of(args("version", "sort", "-r", "-r"))).isNull();
    assertThat(QuickCommand.of(args("version", "sort", "1.0"))).isNull();
    assertThat(QuickCommand.of(args("version", "show", "a", "b"))).isNull();
    assertThat(QuickCommand.of(args("version", "bump", "minor"))).isNull();
    assertThat(QuickCommand.of(args("check", "normalize"))).isNull();
    assertThat(QuickCommand.of(args("rules", "--markdown", "--markdown"))).isNull();
    assertThat(QuickCommand.of(args("rules", "extra"))).isNull();
  }

  @Test
  void outputExitAndErrorsAreThoseOfPicocli() {
    CliFixture.project(dir, "1.2.0", "1.2");
    String stdin = "1.0\r\n1.0.post1\n\n1.0rc1\r1.0.dev0\nv0.9\n 1.0.0 \nnope\n2.0";
    String sortable = "1.0\n1.0.post1\n\n1.0rc1\n1.0.DEV0\nv0.9\n1.0.0\n";
    List<Case> cases =
        List.of(
            new Case("", "version", "normalize", "1.0-ALPHA.1", "v1.0", " 1.0.0-SNAPSHOT "),
            new Case("", "version", "normalize", "1.0", "2!3.post4+Local.7"),
            new Case(stdin, "version", "normalize"),
            new Case("", "version", "normalize"),
            new Case("", "version", "compare", "1.10", "1.9"),
            new Case("", "version", "compare", "1.0", "1.0.0"),
            new Case("", "version", "compare", "1.0", "banana"),
            new Case(sortable, "version", "sort"),
            new Case(sortable, "version", "sort", "--reverse"),
            new Case(stdin, "version", "sort"),
            new Case("", "version", "show", dir.toString()),
            new Case("", "rules"),
            new Case("", "rules", "--markdown"),
            new Case("", "version", "show", dir.resolve("missing").toString()));
    for (Case c : cases) {
      Run quick = CliFixture.run(Map.of(), false, c.stdin(), c.args());
      Run picocli = withPicocli(c);
      assertThat(quick).as("%s", List.of(c.args())).isEqualTo(picocli);
    }
  }

  @Test
  void standardInputIsSplitIntoLinesAsStringLinesSplitsIt() {
    for (String text :
        List.of(
            "", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb", "\n\n", "a\r", "\r\n\r", "a\n\r\nb")) {
      assertThat(QuickCommand.lines(text))
          .as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(text.lines().toList());
    }
  }

  @Test
  void aFailedQuickRunLeavesPicocliTheInputItHadRead() {
    Run run = CliFixture.run(Map.of(), false, "1.0\nnope\n", "version", "sort");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("1 invalid version(s)").contains("line 2:");
  }

  private static Run withPicocli(Case c) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PyreleaseCli cli =
        new PyreleaseCli(
            new ByteArrayInputStream(c.stdin().getBytes(StandardCharsets.UTF_8)), Map.of(), false);
    int exit = cli.withPicocli(c.args(), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] args(String... args) {
    return args;
  }

  private record Case(String stdin, String... args) {}
}
