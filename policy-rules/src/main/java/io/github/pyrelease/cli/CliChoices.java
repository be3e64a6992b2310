package io.github.pyrelease.cli;

import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.report.ReportFormat;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns option values into typed choices, or a usage error that lists the valid ones. */
final class CliChoices {

  private CliChoices() {}

  static Set<Stage> stages(CommandSpec spec, List<String> names) {
    Set<Stage> stages = EnumSet.noneOf(Stage.class);
    for (String name : names) {
      stages.add(choose(spec, "stage", name, Stage::fromId, Stage.choices()));
    }
    return stages;
  }

  static Set<ReportFormat> formats(CommandSpec spec, List<String> names) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String name : names) {
      formats.add(
          choose(spec, "report format", name, ReportFormat::fromId, ReportFormat.choices()));
    }
    return formats;
  }

  static Level failOn(CommandSpec spec, String name) {
    Level level = choose(spec, "--fail-on level", name, Level::fromId, "error, warning");
    if (level != Level.ERROR && level != Level.WARNING) {
      throw new ParameterException(
          spec.commandLine(), "--fail-on must be error or warning, not '" + name + "'");
    }
    return level;
  }

  static Set<String> ruleIds(List<String> ids) {
    Set<String> chosen = new LinkedHashSet<>();
    ids.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(chosen::add);
    return chosen;
  }

  private static <T> T choose(
      CommandSpec spec,
      String what,
      String name,
      Function<String, Optional<T>> lookup,
      String choices) {
    return lookup
        .apply(name)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "unknown " + what + " '" + name + "'; choose from " + choices));
  }
}
