package io.github.pyrelease.deps;

import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed PEP 508 environment marker, evaluated as Python's {@code packaging.markers} does:
 * comparisons that form a valid version specifier compare versions, others compare strings, and
 * {@code extra} names compare PEP 685-normalised.
 *
 * @param text the marker as written, whitespace-normalised
 */
public record Marker(String text, Node root) {

  /** A node of the marker's tree. */
  public sealed interface Node permits Or, And, Compare {}

  /** Any term true. */
  public record Or(List<Node> terms) implements Node {}

  /** Every term true. */
  public record And(List<Node> terms) implements Node {}

  /** {@code left op right}. */
  public record Compare(Operand left, String operator, Operand right) implements Node {}

  /**
   * A variable (canonical name: the legacy dotted spellings become their PEP 508 names) or a quoted
   * string.
   */
  public record Operand(String value, boolean variable) {
    public Operand {
      if (variable) {
        value =
            value.equals("python_implementation") || value.equals("platform.python_implementation")
                ? "platform_python_implementation"
                : value.replace('.', '_');
      }
    }
  }

  /**
   * Parses a marker.
   *
   * @throws InvalidRequirementException naming the column and what was expected
   */
  public static Marker parse(String text) {
    Node root = RequirementParser.marker(text);
    // packaging's parser normalises the other side of a comparison with 'extra' in the first
    // comparison only, and only when it is not in parentheses; evaluation handles the rest
    if (!text.strip().startsWith("(")) {
      root = withFirst(root);
    }
    return new Marker(text.strip().replaceAll("\\s+", " "), root);
  }

  private static Node withFirst(Node node) {
    if (node instanceof Compare c) {
      return extraNormalised(c);
    }
    List<Node> terms =
        new java.util.ArrayList<>(node instanceof Or or ? or.terms() : ((And) node).terms());
    terms.set(0, withFirst(terms.get(0)));
    return node instanceof Or ? new Or(List.copyOf(terms)) : new And(List.copyOf(terms));
  }

  /**
   * Whether the marker holds in {@code environment} when the requirement is wanted for {@code
   * extra} ({@code ""} for none).
   *
   * @throws InvalidRequirementException when packaging could not evaluate it either (a comparison
   *     of two strings, an undefined operator, a version specifier against a value that is no
   *     version)
   */
  public boolean evaluate(MarkerEnvironment environment, String extra) {
    return evaluate(environment, extra, Set.of(), Set.of());
  }

  /**
   * As {@link #evaluate(MarkerEnvironment, String)}, with the sets PEP 751 lock files test with
   * {@code 'name' in extras} and {@code 'name' in dependency_groups}.
   */
  public boolean evaluate(
      MarkerEnvironment environment, String extra, Set<String> extras, Set<String> groups) {
    return evaluate(root, new Context(environment, extra, extras, groups));
  }

  private record Context(
      MarkerEnvironment env, String extra, Set<String> extras, Set<String> groups) {}

  private static boolean evaluate(Node node, Context context) {
    // every term is evaluated, as packaging does: one that cannot be is an error even where
    // another term would decide the result
    if (node instanceof Or or) {
      boolean any = false;
      for (Node term : or.terms()) {
        any |= evaluate(term, context);
      }
      return any;
    }
    if (node instanceof And and) {
      boolean all = true;
      for (Node term : and.terms()) {
        all &= evaluate(term, context);
      }
      return all;
    }
    Compare c = (Compare) node;
    Set<String> set = setOperand(c, context);
    if (set != null) {
      String member = Requirement.normalizeName(c.left().value());
      return c.operator().equals("in") == set.contains(member);
    }
    MarkerEnvironment env = context.env();
    String extra = context.extra();
    String key;
    String lhs;
    String rhs;
    if (c.left().variable()) {
      key = c.left().value();
      lhs = lookup(key, env, extra);
      rhs = c.right().value();
    } else {
      lhs = c.left().value();
      key = c.right().value();
      if (!c.right().variable()) {
        throw new InvalidRequirementException(
            "the marker compares two strings ('" + lhs + "' and '" + key + "'); name a variable",
            0);
      }
      rhs = lookup(key, env, extra);
    }
    if (key.equals("extra")) {
      lhs = Requirement.normalizeName(lhs);
      rhs = Requirement.normalizeName(rhs);
    }
    return compare(lhs, c.operator(), rhs);
  }

  /**
   * What packaging's parser makes of a comparison with {@code extra}: the other side becomes a
   * normalised string, even when it is a variable (whose name is then the string).
   */
  private static Compare extraNormalised(Compare c) {
    if (c.left().variable() && c.left().value().equals("extra")) {
      return new Compare(
          c.left(), c.operator(), new Operand(Requirement.normalizeName(c.right().value()), false));
    }
    if (c.right().variable() && c.right().value().equals("extra")) {
      return new Compare(
          new Operand(Requirement.normalizeName(c.left().value()), false), c.operator(), c.right());
    }
    return c;
  }

  /** The set a {@code 'x' in extras} or {@code 'x' not in dependency_groups} tests, or null. */
  private static Set<String> setOperand(Compare c, Context context) {
    if (c.left().variable()
        || !c.right().variable()
        || !c.operator().equals("in") && !c.operator().equals("not in")) {
      return null;
    }
    Set<String> set =
        switch (c.right().value()) {
          case "extras" -> context.extras();
          case "dependency_groups" -> context.groups();
          default -> null;
        };
    return set == null
        ? null
        : set.stream().map(Requirement::normalizeName).collect(java.util.stream.Collectors.toSet());
  }

  private static String lookup(String key, MarkerEnvironment env, String extra) {
    if (key.equals("extra")) {
      return extra;
    }
    String value = env.get(key);
    if (value == null) {
      throw new InvalidRequirementException(
          "the marker variable '" + key + "' has no value in this environment", 0);
    }
    return value;
  }

  private static boolean compare(String lhs, String operator, String rhs) {
    Optional<VersionSpecifier> spec = VersionSpecifier.tryParse(operator + rhs);
    if (spec.isPresent()) {
      Version version;
      try {
        version = Version.parse(lhs);
      } catch (InvalidVersionException e) {
        throw new InvalidRequirementException(
            "the marker compares '"
                + lhs
                + "', which is not a version, with '"
                + operator
                + rhs
                + "'",
            0);
      }
      return spec.get().contains(version);
    }
    return switch (operator) {
      case "in" -> rhs.contains(lhs);
      case "not in" -> !rhs.contains(lhs);
      case "<" -> lhs.compareTo(rhs) < 0;
      case "<=" -> lhs.compareTo(rhs) <= 0;
      case "==" -> lhs.equals(rhs);
      case "!=" -> !lhs.equals(rhs);
      case ">=" -> lhs.compareTo(rhs) >= 0;
      case ">" -> lhs.compareTo(rhs) > 0;
      default ->
          throw new InvalidRequirementException(
              "the marker operator '"
                  + operator
                  + "' is undefined for '"
                  + lhs
                  + "' and '"
                  + rhs
                  + "'",
              0);
    };
  }
}
