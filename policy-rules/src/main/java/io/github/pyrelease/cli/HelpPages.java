package io.github.pyrelease.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Every command's {@code --help}, rendered by picocli when the jar is built ({@link #main}, run by
 * the build into the classes) and printed from there: building the model of the seven commands by
 * reflection took most of a {@code pyrelease --help}. Only a bare {@code [COMMAND...] -h|--help} is
 * served this way; with {@code picocli.usage.width} set, or without the pages (classes not built by
 * Maven), picocli renders the help as before.
 */
final class HelpPages {

  private static final String FOLDER = "help/";

  private HelpPages() {}

  /** Every command's path under {@code pyrelease}, the root's (empty) first. */
  static List<List<String>> paths() {
    List<List<String>> paths = new ArrayList<>();
    paths.add(List.of());
    for (String name : PyreleaseCli.Commands.SUBCOMMANDS.all().keySet()) {
      paths.add(List.of(name));
    }
    for (String name : VersionCommand.SUBCOMMANDS.all().keySet()) {
      paths.add(List.of("version", name));
    }
    return paths;
  }

  /**
   * The page these arguments ask for, or null when they are not a bare help request. Decided by the
   * pages there are, without loading the commands (their classes and the lambdas that make them).
   */
  static List<String> requested(String[] args) {
    if (args.length == 0 || args.length > 3 || !isHelpOption(args[args.length - 1])) {
      return null;
    }
    List<String> path = Arrays.asList(args).subList(0, args.length - 1);
    for (String name : path) {
      if (!isCommandName(name)) {
        return null;
      }
    }
    return HelpPages.class.getResource(resource(path, Ansi.OFF)) != null ? path : null;
  }

  /** Lower-case letters only: no path a resource name could climb out with. */
  private static boolean isCommandName(String arg) {
    if (arg.isEmpty()) {
      return false;
    }
    for (int i = 0; i < arg.length(); i++) {
      if (arg.charAt(i) < 'a' || arg.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isHelpOption(String arg) {
    return arg.equals("-h") || arg.equals("--help");
  }

  /** Prints the page as picocli would; false when it is not there to print. */
  static boolean print(List<String> path, PrintWriter out) {
    if (System.getProperty("picocli.usage.width") != null) {
      return false;
    }
    String resource = resource(path, Ansi.AUTO.enabled() ? Ansi.ON : Ansi.OFF);
    try (InputStream page = HelpPages.class.getResourceAsStream(resource)) {
      if (page == null) {
        return false;
      }
      out.print(new String(page.readAllBytes(), StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What picocli prints for {@code path --help}, every subcommand built. */
  static String render(List<String> path, Ansi ansi) {
    CommandLine command =
        new PyreleaseCli(InputStream.nullInputStream(), Map.of(), false).commandLine(null, null);
    for (String name : path) {
      command = command.getSubcommands().get(name);
    }
    return command.getUsageMessage(ansi);
  }

  private static String resource(List<String> path, Ansi ansi) {
    String name = String.join("-", path);
    return FOLDER + (name.isEmpty() ? "pyrelease" : name) + (ansi == Ansi.ON ? ".ansi" : ".txt");
  }

  /** Writes every page under the class output directory {@code args[0]}. */
  public static void main(String[] args) {
    Path classes = Path.of(args[0]);
    Path folder = classes.resolve(HelpPages.class.getPackageName().replace('.', '/'));
    try {
      Files.createDirectories(folder.resolve(FOLDER));
      for (List<String> path : paths()) {
        for (Ansi ansi : List.of(Ansi.OFF, Ansi.ON)) {
          Files.writeString(
              folder.resolve(resource(path, ansi)), render(path, ansi), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
