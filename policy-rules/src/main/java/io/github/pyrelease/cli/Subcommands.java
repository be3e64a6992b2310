package io.github.pyrelease.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * A command's subcommands, added to its {@link CommandLine} only when needed: picocli builds a
 * command's model by reflection when it is added, which is most of a short run's start-up, so when
 * the next argument names a subcommand only that one is built. Anything else (no argument, an
 * option, a misspelt name, an {@code @file}) gets them all, in this order, so help, errors and
 * suggestions read exactly as with the annotation's {@code subcommands}.
 */
final class Subcommands {

  private final Map<String, Supplier<Object>> commands = new LinkedHashMap<>();

  /**
   * Adds a subcommand; {@code name} must be its {@code @Command} name (a test holds them equal).
   */
  Subcommands with(String name, Supplier<Object> command) {
    commands.put(name, command);
    return this;
  }

  Map<String, Supplier<Object>> all() {
    return commands;
  }

  /**
   * Adds to {@code parent} the subcommand {@code next} names, or all of them.
   *
   * @return the command lines added, by name
   */
  Map<String, CommandLine> addTo(CommandLine parent, String next) {
    Map<String, CommandLine> added = new LinkedHashMap<>();
    Supplier<Object> named = next == null ? null : commands.get(next);
    if (named != null) {
      parent.addSubcommand(named.get());
      added.put(next, parent.getSubcommands().get(next));
      return added;
    }
    for (Map.Entry<String, Supplier<Object>> command : commands.entrySet()) {
      parent.addSubcommand(command.getValue().get());
      added.put(command.getKey(), parent.getSubcommands().get(command.getKey()));
    }
    return added;
  }
}
