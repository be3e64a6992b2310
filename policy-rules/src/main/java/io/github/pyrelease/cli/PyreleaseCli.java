package io.github.pyrelease.cli;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.FrontEnd;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.check.ToolVersion;
import io.github.pyrelease.python.ProcessFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code pyrelease}: the policy checker without Maven. */
@Command(
    name = "pyrelease",
    mixinStandardHelpOptions = true,
    versionProvider = PyreleaseCli.Version.class,
    description = "Checks and versions a Python project under a release policy.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every rule passed",
      "1:a rule failed (publish: or a stage waits for an approval)",
      "2:usage or input error (bad arguments, bad policy, unreadable project)",
      "3:a fact could not be obtained and the policy made that fatal"
    })
public final class PyreleaseCli implements Runnable {

  /**
   * The subcommands, in the order help lists them; see {@link Subcommands}. In a class of their own
   * so that a run picocli does not parse (a help page, a quick command) loads none of them.
   */
  static final class Commands {
    static final Subcommands SUBCOMMANDS =
        new Subcommands()
            .with("check", CheckCommand::new)
            .with("audit", AuditCommand::new)
            .with("build", BuildCommand::new)
            .with("publish", PublishCommand::new)
            .with("version", VersionCommand::new)
            .with("rules", RulesCommand::new)
            .with("secrets", SecretsCommand::new);

    private Commands() {}
  }

  private final InputStream in;
  private final Map<String, String> environment;
  private final boolean terminal;

  PyreleaseCli(InputStream in, Map<String, String> environment, boolean terminal) {
    this.in = in;
    this.environment = environment;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    boolean terminal = System.console() != null;
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(new PyreleaseCli(System.in, System.getenv(), terminal).execute(args, out, err));
  }

  /** Runs the command line and returns the exit code. */
  int execute(String[] args, PrintWriter out, PrintWriter err) {
    List<String> page = HelpPages.requested(args);
    if (page != null && HelpPages.print(page, out)) {
      return ExitCode.OK;
    }
    QuickCommand quick = QuickCommand.of(args);
    if (quick == null) {
      return withPicocli(args, out, err);
    }
    byte[] input = null;
    if (quick.readsStandardInput()) {
      try {
        input = in.readAllBytes();
      } catch (IOException e) {
        return withPicocli(args, out, err); // which reports it
      }
    }
    QuickCommand.Result result =
        quick.run(
            input == null
                ? List.of()
                : QuickCommand.lines(new String(input, StandardCharsets.UTF_8)));
    if (result == null) {
      PyreleaseCli again =
          input == null
              ? this
              : new PyreleaseCli(new ByteArrayInputStream(input), environment, terminal);
      return again.withPicocli(args, out, err);
    }
    out.print(result.out());
    out.flush();
    return result.exit();
  }

  /** Runs the command line through picocli. */
  int withPicocli(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine =
        commandLine(args.length > 0 ? args[0] : null, args.length > 1 ? args[1] : null);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(this::handle);
    return commandLine.execute(args);
  }

  /**
   * This command with the subcommand {@code first} names, or all when it names none; under {@code
   * version}, likewise the one {@code second} names.
   */
  CommandLine commandLine(String first, String second) {
    CommandLine commandLine = new CommandLine(this);
    CommandLine version = Commands.SUBCOMMANDS.addTo(commandLine, first).get("version");
    if (version != null) {
      VersionCommand.SUBCOMMANDS.addTo(version, "version".equals(first) ? second : null);
    }
    return commandLine;
  }

  @Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command: choose check, audit, build, publish, version, rules or secrets");
  }

  InputStream in() {
    return in;
  }

  Map<String, String> environment() {
    return environment;
  }

  /** Whether a person is at the console, who can answer a question. */
  boolean interactive() {
    return terminal;
  }

  /** Whether to colour the console: a terminal, and the user has not asked for no colour. */
  boolean colour() {
    return terminal
        && !environment.containsKey("NO_COLOR")
        && !"dumb".equals(environment.get("TERM"));
  }

  private int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof PyreleaseException problem) {
      err.println("pyrelease: " + problem.describe(FrontEnd.CLI));
      if (e instanceof FactUnavailableException) {
        return ExitCode.FACT_UNAVAILABLE;
      }
      return e instanceof ProcessFailedException ? ExitCode.RULE_FAILED : ExitCode.INPUT_ERROR;
    }
    err.println(
        "pyrelease: unexpected "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    if (environment.containsKey("PYRELEASE_DEBUG")) {
      e.printStackTrace(err);
    } else {
      err.println("  this is a bug in pyrelease; set PYRELEASE_DEBUG=1 for the stack trace");
    }
    return ExitCode.INPUT_ERROR;
  }

  /** Prints the version recorded at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"pyrelease " + ToolVersion.get()};
    }
  }
}
