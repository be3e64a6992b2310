package io.github.pyrelease.deps;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

  private static final java.util.regex.Pattern SEPARATORS =
      java.util.regex.Pattern.compile("[-_.]+");

  public Requirement {
    extras = List.copyOf(extras);
  }

  /** Parses a PEP 508 requirement as Python's {@code packaging} does. */
  public static Requirement parse(String text) {
    return new RequirementParser(text).requirement();
  }

  /** The name normalised as PEP 503 says: lower case, runs of {@code -_.} become {@code -}. */
  public static String normalizeName(String name) {
    return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  /** Whether this is a direct reference ({@code name @ url}), which PyPI refuses. */
  public boolean isDirectReference() {
    return url != null;
  }

  /**
   * The exact version this requirement pins: its {@code ==V} (without a wildcard) or {@code ===V}
   * specifier; empty when it allows more than one version.
   */
  public Optional<String> pinnedVersion() {
    for (String spec : specifier.isEmpty() ? new String[0] : specifier.split(",")) {
      if (spec.startsWith("===")) {
        return Optional.of(spec.substring(3));
      }
      if (spec.startsWith("==") && !spec.endsWith(".*")) {
        return Optional.of(spec.substring(2));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the requirement applies in {@code environment} when wanted for {@code extra} ({@code
   * ""} for none): true without a marker.
   *
   * @throws InvalidRequirementException when the marker cannot be evaluated
   */
  public boolean appliesTo(MarkerEnvironment environment, String extra) {
    return marker == null || Marker.parse(marker).evaluate(environment, extra);
  }
}
