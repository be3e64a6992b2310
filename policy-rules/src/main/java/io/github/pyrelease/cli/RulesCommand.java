package io.github.pyrelease.cli;

import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code pyrelease rules}: every rule with its stage, default level and purpose. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists every rule: id, stage, default level and what it checks.")
final class RulesCommand implements Callable<Integer> {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        String.format(Locale.ROOT, "%-20s %-8s %-8s %s", "RULE", "STAGE", "DEFAULT", "CHECKS"));
    for (Rule rule : BuiltInRules.registry().all()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-20s %-8s %-8s %s",
              rule.id(),
              rule.stage().id(),
              rule.defaultLevel().id(),
              rule.description()));
      for (RuleOption<?> option : rule.options()) {
        out.println(
            String.format(
                Locale.ROOT,
                "%-20s   option %s (%s, default %s): %s",
                "",
                option.name(),
                option.typeName(),
                option.defaultValue() == null ? "unset" : option.defaultValue(),
                option.description()));
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
