package io.github.pyrelease.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How much a rule's findings matter, from most to least severe. */
public enum Level {
  ERROR,
  WARNING,
  INFO,
  OFF;

  /** The name users write in policy files and parameters. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level named {@code text} (case-insensitive), if any. */
  public static Optional<Level> fromId(String text) {
    return Arrays.stream(values()).filter(l -> l.id().equalsIgnoreCase(text.trim())).findFirst();
  }

  /** The valid names, for error messages. */
  public static String choices() {
    return Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", "));
  }

  /** The less severe of this level and {@code other}. */
  public Level atMost(Level other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
