package io.github.pyrelease.cli;

import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.scm.ScmVersions;
import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code version show|normalize|compare|sort} and {@code rules} run without picocli when their
 * arguments are plain (no option but {@code sort}'s {@code -r} and {@code rules}' {@code
 * --markdown}, no {@code @file}, the right number of operands) and the work succeeds: building
 * picocli's model by reflection costs more than normalising 20,000 versions. Anything else, an
 * error included, is left to picocli, which then prints what it always prints; the quick path has
 * printed nothing by then. The same code does the work on both paths.
 */
final class QuickCommand {

  private final String name;
  private final List<String> operands;
  private final boolean reverse; // sort's -r; rules' --markdown

  private QuickCommand(String name, List<String> operands, boolean reverse) {
    this.name = name;
    this.operands = operands;
    this.reverse = reverse;
  }

  /** The quick command for these arguments, or null when they are for picocli. */
  static QuickCommand of(String[] args) {
    if (args.length >= 1 && "rules".equals(args[0])) {
      boolean markdown = args.length == 2 && args[1].equals("--markdown");
      return args.length == 1 || markdown ? new QuickCommand("rules", List.of(), markdown) : null;
    }
    if (args.length < 2 || !"version".equals(args[0])) {
      return null;
    }
    List<String> operands = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
    boolean reverse = false;
    if ("sort".equals(args[1])) {
      reverse = operands.removeIf(a -> a.equals("-r") || a.equals("--reverse"));
    }
    for (String operand : operands) {
      if (operand.startsWith("-") || operand.startsWith("@")) {
        return null;
      }
    }
    int count = operands.size();
    boolean plain =
        switch (args[1]) {
          case "normalize" -> true;
          case "compare" -> count == 2;
          case "sort" -> count == 0 && args.length <= 3;
          case "show" -> count <= 1;
          default -> false;
        };
    return plain ? new QuickCommand(args[1], operands, reverse) : null;
  }

  /** Whether the command reads its input from standard input. */
  boolean readsStandardInput() {
    return name.equals("sort") || (name.equals("normalize") && operands.isEmpty());
  }

  /**
   * Does the work and returns what to print and the exit code, or null when picocli must run the
   * arguments (an invalid version to compare or sort, a project that cannot be read).
   *
   * @param input the lines of standard input, when {@link #readsStandardInput()}
   */
  Result run(List<String> input) {
    switch (name) {
      case "rules" -> {
        List<Rule> rules = BuiltInRules.registry().all();
        return new Result(
            reverse ? RulesCommand.markdown(rules) : RulesCommand.text(rules), ExitCode.OK);
      }
      case "normalize" -> {
        StringBuilder out = new StringBuilder();
        boolean allValid =
            VersionCommand.Normalize.normalize(operands.isEmpty() ? input : operands, out);
        return new Result(out.toString(), allValid ? ExitCode.OK : ExitCode.RULE_FAILED);
      }
      case "compare" -> {
        try {
          Version first = Version.parse(operands.get(0));
          Version second = Version.parse(operands.get(1));
          return new Result(VersionCommand.Compare.order(first, second) + "\n", ExitCode.OK);
        } catch (InvalidVersionException e) {
          return null;
        }
      }
      case "sort" -> {
        List<VersionCommand.Sort.Line> lines = new ArrayList<>();
        for (String text : input) {
          if (text.isBlank()) {
            continue;
          }
          try {
            lines.add(new VersionCommand.Sort.Line(text, Version.parse(text)));
          } catch (InvalidVersionException e) {
            return null;
          }
        }
        return new Result(VersionCommand.Sort.sorted(lines, reverse), ExitCode.OK);
      }
      default -> {
        try {
          Path dir = Path.of(operands.isEmpty() ? "." : operands.get(0));
          return new Result(VersionCommand.Show.describe(ScmVersions.read(dir)), ExitCode.OK);
        } catch (RuntimeException e) {
          return null; // picocli reads it again and reports the problem as it always does
        }
      }
    }
  }

  /**
   * The lines of {@code text} as {@link String#lines()} splits them (at {@code \n}, {@code \r} and
   * {@code \r\n}), without its stream: the first lambda a cold JVM links costs milliseconds.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < length) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  record Result(String out, int exit) {}
}
