package io.github.pyrelease.deps;

import java.util.List;
import java.util.Locale;

/**
 * A PEP 508 dependency specification, such as {@code requests[socks]>=2.31; python_version <
 * "3.13"}. Parsed with {@link RequirementParser}.
 *
 * @param name the distribution name as written
 * @param extras the extras as written, in order
 * @param specifier the version specifiers, comma-separated and without spaces, or empty
 * @param url the direct reference after {@code @}, or {@code null}
 * @param marker the environment marker after {@code ;}, whitespace-normalised, or {@code null}
 */
public record Requirement(
    String name, List<String> extras, String specifier, String url, String marker) {

  public Requirement {
    extras = List.copyOf(extras);
  }

  /** Parses a PEP 508 requirement as Python's {@code packaging} does. */
  public static Requirement parse(String text) {
    return new RequirementParser(text).requirement();
  }

  /** The name normalised as PEP 503 says: lower case, runs of {@code -_.} become {@code -}. */
  public static String normalizeName(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }

  /** Whether this is a direct reference ({@code name @ url}), which PyPI refuses. */
  public boolean isDirectReference() {
    return url != null;
  }
}
