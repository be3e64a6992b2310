package io.github.pyrelease.license;

import io.github.pyrelease.text.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An SPDX licence expression as PEP 639 accepts it in {@code License-Expression}: licence ids from
 * the SPDX License List (case-insensitive, written back in canonical case), {@code LicenseRef-}
 * ids, {@code AND}, {@code OR}, {@code WITH} an exception id, parentheses, and the deprecated
 * {@code +} suffix, following the rules of Python's {@code packaging.licenses}.
 *
 * <p>The identifiers come from the SPDX License List bundled at build time ({@link #listVersion()})
 * rather than from org.spdx's java-spdx-library, which is some 4 MB of licence texts and
 * dependencies for what is a list of a thousand names here.
 *
 * @param canonical the expression in canonical form, such as {@code MIT OR Apache-2.0}
 * @param licenses the licence ids it names, in order
 */
public record SpdxExpression(String canonical, List<String> licenses) {

  private static final Map<String, String> LICENSES =
      index(SpdxIds.LICENSES, SpdxIds.DEPRECATED_LICENSES);
  private static final Map<String, String> EXCEPTIONS =
      index(SpdxIds.EXCEPTIONS, SpdxIds.DEPRECATED_EXCEPTIONS);
  private static final Pattern LICENSE_REF = Pattern.compile("(?i)licenseref-([A-Za-z0-9.-]+)");

  public SpdxExpression {
    licenses = List.copyOf(licenses);
  }

  /** The SPDX License List version the identifiers come from. */
  public static String listVersion() {
    return SpdxIds.LIST_VERSION;
  }

  /**
   * Parses and canonicalises an expression.
   *
   * @throws InvalidLicenseExpressionException naming the unknown id or the misplaced operator
   */
  public static SpdxExpression parse(String text) {
    List<String> tokens = tokenize(text);
    if (tokens.isEmpty()) {
      throw new InvalidLicenseExpressionException("the expression is empty");
    }
    Parser parser = new Parser(tokens);
    String canonical = parser.or().render();
    if (parser.pos < tokens.size()) {
      throw new InvalidLicenseExpressionException(
          "unexpected '" + tokens.get(parser.pos) + "' after '" + canonical + "'");
    }
    return new SpdxExpression(canonical, parser.licenses);
  }

  /**
   * One licence of an expression, with its exception: {@code GPL-2.0-only WITH
   * Classpath-exception-2.0}, {@code Apache-2.0+}, {@code LicenseRef-Mine}.
   *
   * @param license the licence id in canonical case, without a {@code +}
   * @param orLater whether it was written with the deprecated {@code +} suffix
   * @param exception the exception id, or {@code null}
   */
  public record Term(String license, boolean orLater, String exception) {

    /** As the expression writes it. */
    public String text() {
      return license + (orLater ? "+" : "") + (exception == null ? "" : " WITH " + exception);
    }
  }

  /**
   * Whether the expression holds when each licence term holds as {@code accepts} says: {@code OR}
   * needs one side (the licensee chooses), {@code AND} needs both.
   */
  public boolean satisfiedBy(Predicate<Term> accepts) {
    Parser parser = new Parser(tokenize(canonical));
    return parser.or().holds(accepts);
  }

  /** The terms {@code accepts} refuses, in order. */
  public List<Term> refusedTerms(Predicate<Term> accepts) {
    Parser parser = new Parser(tokenize(canonical));
    List<Term> refused = new ArrayList<>();
    parser.or().terms(refused);
    refused.removeIf(accepts);
    return refused;
  }

  private sealed interface Node permits Leaf, Group, Join {
    String render();

    boolean holds(Predicate<Term> accepts);

    void terms(List<Term> into);
  }

  private record Leaf(Term term) implements Node {
    public String render() {
      return term.text();
    }

    public boolean holds(Predicate<Term> accepts) {
      return accepts.test(term);
    }

    public void terms(List<Term> into) {
      into.add(term);
    }
  }

  private record Group(Node inner) implements Node {
    public String render() {
      return "(" + inner.render() + ")";
    }

    public boolean holds(Predicate<Term> accepts) {
      return inner.holds(accepts);
    }

    public void terms(List<Term> into) {
      inner.terms(into);
    }
  }

  private record Join(String operator, List<Node> parts) implements Node {
    public String render() {
      StringBuilder out = new StringBuilder();
      for (Node part : parts) {
        if (out.length() > 0) {
          out.append(' ').append(operator).append(' ');
        }
        out.append(part.render());
      }
      return out.toString();
    }

    public boolean holds(Predicate<Term> accepts) {
      return operator.equals("OR")
          ? parts.stream().anyMatch(p -> p.holds(accepts))
          : parts.stream().allMatch(p -> p.holds(accepts));
    }

    public void terms(List<Term> into) {
      parts.forEach(p -> p.terms(into));
    }
  }

  private static List<String> tokenize(String text) {
    String spaced = text.replace("(", " ( ").replace(")", " ) ");
    return Arrays.stream(spaced.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
  }

  private static final class Parser {
    private final List<String> tokens;
    private final List<String> licenses = new ArrayList<>();
    private int pos;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    Node or() {
      List<Node> parts = new ArrayList<>(List.of(and()));
      while (isOperator("OR")) {
        pos++;
        parts.add(and());
      }
      return parts.size() == 1 ? parts.get(0) : new Join("OR", parts);
    }

    Node and() {
      List<Node> parts = new ArrayList<>(List.of(with()));
      while (isOperator("AND")) {
        pos++;
        parts.add(with());
      }
      return parts.size() == 1 ? parts.get(0) : new Join("AND", parts);
    }

    Node with() {
      Node atom = atom();
      while (isOperator("WITH")) {
        pos++;
        String exception = exception();
        if (atom instanceof Leaf leaf && leaf.term().exception() == null) {
          atom = new Leaf(new Term(leaf.term().license(), leaf.term().orLater(), exception));
        } else {
          // packaging accepts a chained or grouped WITH; keep its text, refuse to judge it
          atom = new Leaf(new Term(atom.render(), false, exception));
        }
      }
      return atom;
    }

    Node atom() {
      String token = next("a licence id or '('");
      if (token.equals("(")) {
        Node inner = or();
        String close = next("')'");
        if (!close.equals(")")) {
          throw new InvalidLicenseExpressionException("expected ')' but found '" + close + "'");
        }
        return new Group(inner);
      }
      if (token.equals(")") || isOperatorWord(token)) {
        throw new InvalidLicenseExpressionException(
            "expected a licence id but found '" + token + "'");
      }
      return license(token);
    }

    Leaf license(String token) {
      boolean plus = token.endsWith("+");
      String id = plus ? token.substring(0, token.length() - 1) : token;
      var ref = LICENSE_REF.matcher(id);
      String canonical;
      if (ref.matches()) {
        canonical = "LicenseRef-" + ref.group(1);
      } else if (id.regionMatches(true, 0, "LicenseRef-", 0, 11)) {
        throw new InvalidLicenseExpressionException(
            "'"
                + id
                + "' is not a valid LicenseRef: after 'LicenseRef-' use only letters, digits,"
                + " '.' and '-'");
      } else {
        canonical = LICENSES.get(id.toLowerCase(Locale.ROOT));
        if (canonical == null) {
          throw new InvalidLicenseExpressionException(
              "'"
                  + id
                  + "' is not an SPDX licence identifier"
                  + Suggestions.didYouMean(id, LICENSES.values())
                  + " (SPDX License List "
                  + SpdxIds.LIST_VERSION
                  + "; use LicenseRef-<name> for others)");
        }
      }
      licenses.add(canonical);
      return new Leaf(new Term(canonical, plus, null));
    }

    String exception() {
      String token = next("an exception id after WITH");
      String canonical = EXCEPTIONS.get(token.toLowerCase(Locale.ROOT));
      if (canonical == null) {
        throw new InvalidLicenseExpressionException(
            "'"
                + token
                + "' is not an SPDX licence exception identifier"
                + Suggestions.didYouMean(token, EXCEPTIONS.values()));
      }
      return canonical;
    }

    private String next(String expected) {
      if (pos >= tokens.size()) {
        throw new InvalidLicenseExpressionException("expected " + expected + " at the end");
      }
      return tokens.get(pos++);
    }

    private boolean isOperator(String word) {
      return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private static boolean isOperatorWord(String token) {
      return token.equalsIgnoreCase("AND")
          || token.equalsIgnoreCase("OR")
          || token.equalsIgnoreCase("WITH");
    }
  }

  private static Map<String, String> index(String... lists) {
    Map<String, String> index = new HashMap<>();
    for (String list : lists) {
      for (String id : list.trim().split("\\s+")) {
        if (!id.isEmpty()) {
          index.put(id.toLowerCase(Locale.ROOT), id);
        }
      }
    }
    return Map.copyOf(index);
  }
}
