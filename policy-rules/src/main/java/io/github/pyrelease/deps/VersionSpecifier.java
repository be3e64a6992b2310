package io.github.pyrelease.deps;

import io.github.pyrelease.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version specifier, such as {@code >=3.9} or {@code ==1.4.*}, with the matching rules
 * of Python's {@code packaging.specifiers.Specifier} (pre-releases allowed, as markers ask).
 *
 * @param operator one of {@code ===, ==, !=, ~=, <=, >=, <, >}
 * @param version the version text after the operator, as written
 */
public record VersionSpecifier(String operator, String version) {

  private static final Pattern STOPS = Pattern.compile("[\\s;,)]");
  private static final Pattern ARBITRARY_STOPS = Pattern.compile("[\\s;)]");
  private static final Pattern FORM = Pattern.compile("\\s*(===|==|!=|~=|<=|>=|<|>)\\s*(.*?)\\s*");

  /** Parses one specifier; empty when it is not one packaging accepts. */
  public static Optional<VersionSpecifier> tryParse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches() || m.group(2).isEmpty() && !m.group(1).equals("===")) {
      return Optional.empty();
    }
    String operator = m.group(1);
    String version = m.group(2);
    if (!operator.equals("===") && STOPS.matcher(version).find()) {
      return Optional.empty();
    }
    if (operator.equals("===") && ARBITRARY_STOPS.matcher(version).find()) {
      return Optional.empty();
    }
    return RequirementParser.versionProblem(operator, version) == null
        ? Optional.of(new VersionSpecifier(operator, version))
        : Optional.empty();
  }

  /** Whether {@code candidate} satisfies this specifier (pre-releases included). */
  public boolean contains(Version candidate) {
    return switch (operator) {
      case "===" ->
          candidate.toString().toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
      case "==" -> equal(candidate);
      case "!=" -> !equal(candidate);
      case "<=" -> candidate.publicVersion().compareTo(spec()) <= 0;
      case ">=" -> candidate.publicVersion().compareTo(spec()) >= 0;
      case "<" -> lessThan(candidate);
      case ">" -> greaterThan(candidate);
      case "~=" -> compatible(candidate);
      default -> throw new IllegalStateException(operator);
    };
  }

  private Version spec() {
    return Version.parse(version);
  }

  private boolean equal(Version candidate) {
    if (version.endsWith(".*")) {
      Version prefix = Version.parse(version.substring(0, version.length() - 2));
      return prefixMatches(candidate, prefix.epoch(), prefix.release());
    }
    Version spec = spec();
    Version compared = spec.isLocal() ? candidate : candidate.publicVersion();
    return compared.compareTo(spec) == 0;
  }

  /** The epochs agree and the candidate's release, padded with zeros, starts with the prefix's. */
  private static boolean prefixMatches(
      Version candidate, BigInteger epoch, List<BigInteger> wanted) {
    if (!candidate.epoch().equals(epoch)) {
      return false;
    }
    List<BigInteger> release = new ArrayList<>(candidate.release());
    while (release.size() < wanted.size()) {
      release.add(BigInteger.ZERO);
    }
    return release.subList(0, wanted.size()).equals(wanted);
  }

  private boolean lessThan(Version candidate) {
    Version spec = spec();
    if (candidate.compareTo(spec) >= 0) {
      return false;
    }
    return spec.isPreRelease()
        || !candidate.isPreRelease()
        || candidate.baseVersion().compareTo(spec.baseVersion()) != 0;
  }

  private boolean greaterThan(Version candidate) {
    Version spec = spec();
    if (candidate.compareTo(spec) <= 0) {
      return false;
    }
    boolean sameBase = candidate.baseVersion().compareTo(spec.baseVersion()) == 0;
    if (!spec.isPostRelease() && candidate.isPostRelease() && sameBase) {
      return false;
    }
    return !(candidate.isLocal() && sameBase);
  }

  private boolean compatible(Version candidate) {
    Version spec = spec();
    List<BigInteger> release = spec.release();
    return candidate.publicVersion().compareTo(spec) >= 0
        && prefixMatches(candidate, spec.epoch(), release.subList(0, release.size() - 1));
  }

  @Override
  public String toString() {
    return operator + version;
  }
}
