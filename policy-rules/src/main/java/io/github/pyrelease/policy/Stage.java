package io.github.pyrelease.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** When in the release a rule is evaluated; each goal evaluates the rules of its stage. */
public enum Stage {
  /** The sources: versions, changelog. Goal {@code check}, phase validate. */
  SOURCE,
  /** The built distributions. Goal {@code check-dist}, phase verify. */
  DIST,
  /** The dependencies: vulnerabilities and licences. Goal {@code audit}, phase verify. */
  DEPS,
  /** The repository and the index, just before publishing. Goal {@code publish}. */
  RELEASE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stage> fromId(String text) {
    return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(text.trim())).findFirst();
  }

  public static String choices() {
    return Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "));
  }
}
