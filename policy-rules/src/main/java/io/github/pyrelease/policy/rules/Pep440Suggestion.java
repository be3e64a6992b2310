package io.github.pyrelease.policy.rules;

import io.github.pyrelease.version.Version;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests the PEP 440 spelling of versions written the Maven or SemVer way, the usual reason a
 * version is invalid in a project built with Maven.
 */
final class Pep440Suggestion {

  private static final Pattern SNAPSHOT =
      Pattern.compile("(?<base>.+?)[-.]SNAPSHOT", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<base>\\d+(?:\\.\\d+)*)[-.](?<kind>alpha|beta|rc|cr|milestone|m)[-.]?(?<n>\\d*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RELEASE =
      Pattern.compile(
          "(?<base>\\d+(?:\\.\\d+)*)[-.](?:final|release|ga)", Pattern.CASE_INSENSITIVE);

  private Pep440Suggestion() {}

  /** A valid PEP 440 version that says what {@code text} meant, if one can be guessed. */
  static Optional<String> forInvalid(String text) {
    String stripped = text.strip();
    Matcher m = SNAPSHOT.matcher(stripped);
    if (m.matches()) {
      return valid(m.group("base") + ".dev0");
    }
    m = QUALIFIED.matcher(stripped);
    if (m.matches()) {
      String n = m.group("n").isEmpty() ? "1" : m.group("n");
      return valid(m.group("base") + preKind(m.group("kind")) + n);
    }
    m = RELEASE.matcher(stripped);
    if (m.matches()) {
      return valid(m.group("base"));
    }
    return Optional.empty();
  }

  private static String preKind(String kind) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "alpha", "milestone", "m" -> "a";
      case "beta" -> "b";
      default -> "rc";
    };
  }

  private static Optional<String> valid(String candidate) {
    return Version.tryParse(candidate).map(Version::toString);
  }
}
