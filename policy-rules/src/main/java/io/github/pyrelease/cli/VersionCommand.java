package io.github.pyrelease.cli;

import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.scm.ScmVersions;
import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pyrelease version ...}: PEP 440 versions and the project's version sources. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Shows, normalises, compares, sorts and bumps PEP 440 versions.")
final class VersionCommand implements Runnable {

  /** The subcommands, in the order help lists them; see {@link Subcommands}. */
  static final Subcommands SUBCOMMANDS =
      new Subcommands()
          .with("show", Show::new)
          .with("normalize", Normalize::new)
          .with("compare", Compare::new)
          .with("sort", Sort::new)
          .with("bump", BumpCommand::new);

  @ParentCommand private PyreleaseCli cli;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: choose show, normalize, compare, sort or bump");
  }

  java.util.Map<String, String> environment() {
    return cli.environment();
  }

  /** Lines of standard input, or the arguments when there are any. */
  private List<String> argumentsOrStdin(List<String> arguments) {
    if (!arguments.isEmpty()) {
      return arguments;
    }
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
    try {
      return reader.lines().toList();
    } catch (UncheckedIOException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "cannot read standard input: " + e.getCause().getMessage());
    }
  }

  private static Version parse(CommandLine.Model.CommandSpec spec, String text) {
    try {
      return Version.parse(text);
    } catch (InvalidVersionException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Lists every place the project declares its version, with file and line.")
  static final class Show implements Callable<Integer> {

    @Spec private CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "DIR",
        description = "the Python project (default: the current directory)")
    private Path projectDir = Path.of(".");

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(describe(ScmVersions.read(projectDir)));
      out.flush();
      return ExitCode.OK;
    }

    /** The project's name and version, then one line for each place that declares it. */
    static String describe(PythonProject project) {
      StringBuilder text = new StringBuilder();
      String version = PolicyCheck.declaredVersion(project);
      text.append(project.name() == null ? "(unnamed project)" : project.name())
          .append(' ')
          .append(version == null ? "(version computed at build time)" : version)
          .append('\n');
      for (VersionSource source : project.versionSources()) {
        text.append(
                String.format(
                    Locale.ROOT,
                    "  %-40s %-44s %s%s",
                    source.line() > 0 ? source.location() + ":" + source.column() : source.file(),
                    source.label(),
                    describe(source),
                    source.primary() ? "  (used by the build)" : ""))
            .append('\n');
      }
      return text.toString();
    }

    private static String describe(VersionSource source) {
      if (!source.isLiteral()) {
        return "(from git tags)";
      }
      try {
        Version version = Version.parse(source.text());
        return version.toString().equals(source.text())
            ? source.text()
            : source.text() + " (normalised: " + version + ")";
      } catch (InvalidVersionException e) {
        return source.text() + " (invalid: " + e.reason() + ")";
      }
    }
  }

  @Command(
      name = "normalize",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the normalised form of each version, or 'invalid: <reason>'.",
        "Reads one version per line from standard input when none is given.",
        "Exits with 1 when any version is invalid."
      })
  static final class Normalize implements Callable<Integer> {

    @ParentCommand private VersionCommand parent;

    @Spec private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "VERSION", arity = "0..*", description = "versions to normalise")
    private List<String> versions = List.of();

    @Override
    public Integer call() {
      StringBuilder text = new StringBuilder();
      boolean allValid = normalize(parent.argumentsOrStdin(versions), text);
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return allValid ? ExitCode.OK : ExitCode.RULE_FAILED;
    }

    /**
     * Appends a line for each version, normalised or {@code invalid: <reason>}.
     *
     * @return whether every version was valid
     */
    static boolean normalize(List<String> versions, StringBuilder out) {
      boolean allValid = true;
      for (String text : versions) {
        String normalised = Version.normalize(text);
        if (normalised != null) {
          out.append(normalised).append('\n');
        } else {
          out.append("invalid: ").append(Version.whyInvalid(text)).append('\n');
          allValid = false;
        }
      }
      return allValid;
    }
  }

  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = "Prints <, = or > as A sorts before, equal to or after B under PEP 440.")
  static final class Compare implements Callable<Integer> {

    @Spec private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    private String first;

    @Parameters(index = "1", paramLabel = "B")
    private String second;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(order(parse(spec, first), parse(spec, second)));
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }

    /** {@code <}, {@code =} or {@code >}. */
    static String order(Version first, Version second) {
      int order = Integer.signum(first.compareTo(second));
      return order < 0 ? "<" : order == 0 ? "=" : ">";
    }
  }

  @Command(
      name = "sort",
      mixinStandardHelpOptions = true,
      description = {
        "Sorts the versions on standard input (one per line) in PEP 440 order.",
        "Lines are printed as given; equal versions keep their input order; blank lines are"
            + " skipped."
      })
  static final class Sort implements Callable<Integer> {

    private static final int MAX_REPORTED = 10;

    @ParentCommand private VersionCommand parent;

    @Spec private CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-r", "--reverse"},
        description = "newest first")
    private boolean reverse;

    @Override
    public Integer call() {
      List<Line> lines = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      List<String> input = parent.argumentsOrStdin(List.of());
      for (int i = 0; i < input.size(); i++) {
        String text = input.get(i);
        if (text.isBlank()) {
          continue;
        }
        try {
          lines.add(new Line(text, Version.parse(text)));
        } catch (InvalidVersionException e) {
          invalid.add("line " + (i + 1) + ": " + e.getMessage());
        }
      }
      if (!invalid.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), describe(invalid));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(sorted(lines, reverse));
      out.flush();
      return ExitCode.OK;
    }

    /** The lines' texts in PEP 440 order, one a line; equal versions keep their order. */
    static String sorted(List<Line> lines, boolean reverse) {
      Comparator<Line> order = Comparator.comparing(Line::version);
      lines.sort(reverse ? order.reversed() : order);
      StringBuilder text = new StringBuilder();
      lines.forEach(line -> text.append(line.text()).append('\n'));
      return text.toString();
    }

    private static String describe(List<String> invalid) {
      StringBuilder text =
          new StringBuilder(invalid.size() + " invalid version(s) on standard input:");
      invalid.stream().limit(MAX_REPORTED).forEach(i -> text.append("\n  ").append(i));
      if (invalid.size() > MAX_REPORTED) {
        text.append("\n  ... and ").append(invalid.size() - MAX_REPORTED).append(" more");
      }
      return text.toString();
    }

    record Line(String text, Version version) {}
  }
}
