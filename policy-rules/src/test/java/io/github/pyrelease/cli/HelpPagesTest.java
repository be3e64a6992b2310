package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** The help printed from the pages the build rendered reads exactly as picocli's own. */
class HelpPagesTest {

  @Test
  void everyCommandsHelpIsServedFromItsPageAndReadsAsPicocliPrintsIt() {
    for (List<String> path : HelpPages.paths()) {
      for (String option : List.of("--help", "-h")) {
        String[] args = args(path, option);
        assertThat(HelpPages.requested(args)).as("%s", path).isEqualTo(path);
        StringWriter page = new StringWriter();
        assertThat(HelpPages.print(path, new PrintWriter(page)))
            .as("the build rendered the page of %s", path)
            .isTrue();

        StringWriter picocli = new StringWriter();
        int exit =
            new PyreleaseCli(System.in, Map.of(), false)
                .withPicocli(
                    args, new PrintWriter(picocli, true), new PrintWriter(new StringWriter()));

        assertThat(exit).isZero();
        assertThat(page.toString()).as("%s", path).isEqualTo(picocli.toString()).isNotBlank();
        assertThat(CliFixture.run(Map.of(), false, "", args).out()).isEqualTo(picocli.toString());
      }
    }
  }

  @Test
  void theColouredPagesAreWhatPicocliRendersWithColour() {
    for (List<String> path : HelpPages.paths()) {
      String rendered = HelpPages.render(path, Ansi.ON);
      assertThat(rendered).contains("\u001B[");
      assertThat(HelpPages.render(path, Ansi.OFF)).doesNotContain("\u001B[");
    }
  }

  @Test
  void onlyABareHelpRequestIsServedFromAPage() {
    assertThat(HelpPages.requested(new String[] {"version", "show", "--help"}))
        .containsExactly("version", "show");
    assertThat(HelpPages.requested(new String[] {})).isNull();
    assertThat(HelpPages.requested(new String[] {"version"})).isNull();
    assertThat(HelpPages.requested(new String[] {"chek", "--help"})).isNull();
    assertThat(HelpPages.requested(new String[] {"check", ".", "--help"})).isNull();
    assertThat(HelpPages.requested(new String[] {"--help", "check"})).isNull();
    assertThat(HelpPages.requested(new String[] {"check", "--help=true"})).isNull();
    assertThat(HelpPages.requested(new String[] {"..", "--help"})).isNull();
    assertThat(HelpPages.requested(new String[] {"version", "bump", "minor", "--help"})).isNull();
  }

  private static String[] args(List<String> path, String option) {
    List<String> args = new ArrayList<>(path);
    args.add(option);
    return args.toArray(String[]::new);
  }
}
