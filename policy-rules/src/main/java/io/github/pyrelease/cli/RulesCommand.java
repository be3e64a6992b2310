package io.github.pyrelease.cli;

import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pyrelease rules}: every rule with its stage, default level, options and purpose. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists every rule: id, stage, default level, options and what it checks.")
final class RulesCommand implements Callable<Integer> {

  private static final String ROW = "%-20s %-8s %-8s %s";

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--markdown",
      description = "print the table README.md shows (README's rule table is this output)")
  private boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> rules = BuiltInRules.registry().all();
    out.print(markdown ? markdown(rules) : text(rules));
    out.flush();
    return ExitCode.OK;
  }

  static String text(List<Rule> rules) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, ROW, "RULE", "STAGE", "DEFAULT", "CHECKS")).append('\n');
    String indent = " ".repeat(String.format(Locale.ROOT, ROW, "", "", "", "").length());
    for (Rule rule : rules) {
      text.append(
              String.format(
                  Locale.ROOT,
                  ROW,
                  rule.id(),
                  rule.stage().id(),
                  rule.defaultLevel().id(),
                  rule.description()))
          .append('\n');
      for (RuleOption<?> option : rule.options()) {
        text.append(indent).append("option ").append(describe(option)).append('\n');
      }
    }
    return text.toString();
  }

  /** The rule table of README.md, generated from the rules themselves. */
  static String markdown(List<Rule> rules) {
    StringBuilder table = new StringBuilder();
    table.append("| rule | stage | default | checks | options |\n");
    table.append("|---|---|---|---|---|\n");
    for (Rule rule : rules) {
      table
          .append("| `")
          .append(rule.id())
          .append("` | ")
          .append(rule.stage().id())
          .append(" | ")
          .append(rule.defaultLevel().id())
          .append(" | ")
          .append(cell(rule.description()))
          .append(" | ")
          .append(
              rule.options().isEmpty()
                  ? ""
                  : rule.options().stream()
                      .map(o -> cell(describe(o)))
                      .collect(Collectors.joining("<br>")))
          .append(" |\n");
    }
    return table.toString();
  }

  /** {@code file (string, default: none): the changelog ...} */
  static String describe(RuleOption<?> option) {
    return option.name()
        + " ("
        + option.typeName()
        + ", default: "
        + value(option.defaultValue())
        + "): "
        + option.description();
  }

  private static String value(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
