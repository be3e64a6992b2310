package io.github.pyrelease.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether every match of a regex starts where one of its rule's keywords starts: the regex opens
 * (after inline flags) with a literal, or a group of literal alternatives, each beginning with a
 * keyword. Then the regex need only be tried at the keyword hits, not at every position of a line:
 * the generic rules' keywords ("token", "secret") are common words, so this is most of a scan.
 */
final class KeywordAnchor {

  private KeywordAnchor() {}

  static boolean startsAtKeyword(String regex, List<String> keywords) {
    if (keywords.isEmpty()) {
      return false;
    }
    String rest = regex;
    boolean caseless = false;
    if (rest.startsWith("(?i)")) {
      caseless = true;
      rest = rest.substring(4);
    }
    List<String> openings = openings(rest);
    if (openings.isEmpty()) {
      return false;
    }
    for (String literal : openings) {
      if (!startsWithKeyword(caseless ? literal.toLowerCase(Locale.ROOT) : literal, keywords)) {
        return false;
      }
    }
    return true;
  }

  /** The literal each alternative opens with; empty when the regex does not open that way. */
  private static List<String> openings(String regex) {
    List<String> literals = new ArrayList<>();
    if (regex.startsWith("(?:")) {
      int close = regex.indexOf(')');
      if (close < 0 || regex.indexOf('(', 3) >= 0 && regex.indexOf('(', 3) < close) {
        return List.of(); // nested groups: not a plain list of words
      }
      if (close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0) {
        return List.of(); // an optional group is no anchor
      }
      for (String alternative : regex.substring(3, close).split("\\|", -1)) {
        String literal = literal(alternative + "\u0000");
        if (literal.isEmpty() || literal.length() < alternative.length()) {
          return List.of(); // an alternative with more than a word in it
        }
        literals.add(literal);
      }
      return literals;
    }
    String literal = literal(regex);
    return literal.isEmpty() ? List.of() : List.of(literal);
  }

  /** The mandatory literal at the start of {@code regex}: word characters up to a metacharacter. */
  private static String literal(String regex) {
    int end = 0;
    while (end < regex.length() && isPlain(regex.charAt(end))) {
      end++;
    }
    // a quantifier after the last character makes that character optional
    if (end > 0 && end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0) {
      end--;
    }
    return regex.substring(0, end);
  }

  private static boolean isPlain(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean startsWithKeyword(String literal, List<String> keywords) {
    for (String keyword : keywords) {
      if (!keyword.isEmpty() && literal.startsWith(keyword)) {
        return true;
      }
    }
    return false;
  }
}
