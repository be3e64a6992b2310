package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Subcommands are built only when named: the output must not tell. picocli expands an argument file
 * ({@code @file}) itself, so the same arguments given through one take the path that builds every
 * subcommand, which is what the {@code subcommands} annotation used to do.
 */
class SubcommandsTest {

  @TempDir Path dir;

  @Test
  void namesAreTheCommandsOwnNames() {
    assertNames(
        PyreleaseCli.Commands.SUBCOMMANDS,
        List.of("check", "audit", "build", "publish", "version", "rules", "secrets"));
    assertNames(
        VersionCommand.SUBCOMMANDS, List.of("show", "normalize", "compare", "sort", "bump"));
  }

  @Test
  void onlyTheNamedSubcommandIsBuilt() {
    CommandLine root = new CommandLine(new PyreleaseCli(System.in, Map.of(), false));
    PyreleaseCli.Commands.SUBCOMMANDS.addTo(root, "rules");
    assertThat(root.getSubcommands().keySet()).containsExactly("rules");

    CommandLine all = new CommandLine(new PyreleaseCli(System.in, Map.of(), false));
    PyreleaseCli.Commands.SUBCOMMANDS.addTo(all, "chek");
    assertThat(all.getSubcommands().keySet())
        .containsExactly("check", "audit", "build", "publish", "version", "rules", "secrets");
  }

  @Test
  void withoutACommandTheUsageListsEveryCommand() {
    Run run = CliFixture.run(Map.of(), false, "");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("missing command: choose check, audit, build, publish, version, rules or secrets")
        .containsPattern("(?s)Commands:.*check.*build.*version.*rules");
  }

  @Test
  void outputIsTheSameAsWithEverySubcommandBuilt() throws Exception {
    CliFixture.project(dir, "1.2.0", "1.2.0");
    List<List<String>> cases =
        List.of(
            List.of(),
            List.of("--help"),
            List.of("--version"),
            List.of("check", "--help"),
            List.of("check", "--nope"),
            List.of("check", dir.toString(), "--rules", "version-consistent", "--format", "json"),
            List.of("chek"),
            List.of("version"),
            List.of("version", "--help"),
            List.of("version", "bump", "--help"),
            List.of("version", "bmup"),
            List.of("version", "normalize", "1.0-ALPHA.1"),
            List.of("rules"),
            List.of("build", "--help"));
    for (List<String> args : cases) {
      Path file = Files.writeString(dir.resolve("args.txt"), String.join("\n", args));
      Run direct = CliFixture.run(Map.of(), false, "", args.toArray(String[]::new));
      Run viaFile = CliFixture.run(Map.of(), false, "", "@" + file);
      assertThat(direct).as("pyrelease %s", String.join(" ", args)).isEqualTo(viaFile);
    }
  }

  private static void assertNames(Subcommands subcommands, List<String> expected) {
    assertThat(subcommands.all().keySet()).containsExactlyElementsOf(expected);
    for (Map.Entry<String, Supplier<Object>> entry : subcommands.all().entrySet()) {
      CommandLine.Command command =
          entry.getValue().get().getClass().getAnnotation(CommandLine.Command.class);
      assertThat(command.name()).isEqualTo(entry.getKey());
    }
  }
}
