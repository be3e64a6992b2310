package io.github.pyrelease.secrets;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a gitleaks regular expression (Go's RE2 syntax) with {@code java.util.regex}, rewriting
 * what the two spell or mean differently and refusing what has no faithful Java form, so that a
 * rule matches here what it matches in gitleaks.
 *
 * <ul>
 *   <li>{@code (?P<name>...)} and {@code (?<name>...)} become plain groups: group numbers stay, and
 *       Java's names may not hold {@code _}.
 *   <li>POSIX classes {@code [[:alpha:]]} become {@code \p{Alpha}} (Java reads them as characters).
 *   <li>{@code \s} is RE2's {@code [\t\n\f\r ]} (Java's adds the vertical tab).
 *   <li>{@code $} outside multi-line mode is RE2's end of text, {@code \z} (Java's also matches
 *       before a final line break); line anchors and {@code .} know only {@code \n}, as in RE2.
 *   <li>Refused: the flag {@code U} (ungreedy in RE2, Unicode classes in Java) and {@code \C}.
 * </ul>
 */
final class Re2Syntax {

  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alnum", "\\p{Alnum}"),
          Map.entry("alpha", "\\p{Alpha}"),
          Map.entry("ascii", "\\p{ASCII}"),
          Map.entry("blank", "\\p{Blank}"),
          Map.entry("cntrl", "\\p{Cntrl}"),
          Map.entry("digit", "\\p{Digit}"),
          Map.entry("graph", "\\p{Graph}"),
          Map.entry("lower", "\\p{Lower}"),
          Map.entry("print", "\\p{Print}"),
          Map.entry("punct", "\\p{Punct}"),
          Map.entry("space", "\\s"),
          Map.entry("upper", "\\p{Upper}"),
          Map.entry("word", "\\w"),
          Map.entry("xdigit", "\\p{XDigit}"));

  private static final String RE2_SPACE = "\\t\\n\\f\\r ";

  private Re2Syntax() {}

  /** Why a pattern cannot be used, with the part at fault. */
  static final class Re2Exception extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Re2Exception(String message) {
      super(message);
    }
  }

  /**
   * @throws Re2Exception saying what is wrong and how to write it instead
   */
  static Pattern compile(String re2) {
    String java = translate(re2);
    try {
      return Pattern.compile(java, Pattern.UNIX_LINES);
    } catch (PatternSyntaxException e) {
      throw new Re2Exception(
          "is not a valid regular expression: " + e.getDescription() + " at index " + e.getIndex());
    }
  }

  static String translate(String re2) {
    StringBuilder out = new StringBuilder(re2.length() + 16);
    boolean multiline = re2.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z-]*[):].*");
    boolean inClass = false;
    int i = 0;
    while (i < re2.length()) {
      char c = re2.charAt(i);
      if (c == '\\') {
        if (i + 1 >= re2.length()) {
          throw new Re2Exception("ends with a lone backslash");
        }
        char e = re2.charAt(i + 1);
        if (e == 'C') {
          throw new Re2Exception("uses \\C (any byte), which Java cannot match; use . instead");
        }
        if (e == 'Q') {
          int end = re2.indexOf("\\E", i + 2);
          int stop = end < 0 ? re2.length() : end + 2;
          out.append(re2, i, stop);
          i = stop;
          continue;
        }
        if (e == 's') {
          out.append(inClass ? RE2_SPACE : "[" + RE2_SPACE + "]");
        } else {
          out.append(c).append(e);
        }
        i += 2;
        continue;
      }
      if (inClass) {
        if (c == '[' && re2.startsWith("[:", i)) {
          int end = re2.indexOf(":]", i + 2);
          if (end > 0) {
            String name = re2.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String java = POSIX.get(negated ? name.substring(1) : name);
            if (java == null) {
              throw new Re2Exception("uses the unknown POSIX class [:" + name + ":]");
            }
            out.append(
                negated
                    ? java.replace("\\p", "\\P").replace("\\s", "\\S").replace("\\w", "\\W")
                    : java);
            i = end + 2;
            continue;
          }
        }
        if (c == '[') {
          out.append("\\["); // a literal in RE2; Java would open a nested class
          i++;
          continue;
        }
        if (c == ']') {
          inClass = false;
        }
        out.append(c);
        i++;
        continue;
      }
      if (c == '[') {
        inClass = true;
        out.append(c);
        i++;
        if (i < re2.length() && re2.charAt(i) == '^') {
          out.append('^');
          i++;
        }
        if (i < re2.length() && re2.charAt(i) == ']') {
          out.append("\\]"); // RE2 takes a leading ] as a literal
          i++;
        }
        continue;
      }
      if (c == '(' && re2.startsWith("(?", i)) {
        int named = namedGroupEnd(re2, i);
        if (named > 0) {
          out.append('(');
          i = named;
          continue;
        }
        int j = i + 2;
        while (j < re2.length() && (Character.isLetter(re2.charAt(j)) || re2.charAt(j) == '-')) {
          if (re2.charAt(j) == 'U') {
            throw new Re2Exception(
                "uses the flag U (ungreedy in RE2, but Unicode classes in Java); write lazy"
                    + " quantifiers such as *? instead");
          }
          j++;
        }
      }
      if (c == '$' && !multiline) {
        out.append("\\z");
        i++;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Where the name of a named group at {@code i} ends (after its {@code >}), or -1. */
  private static int namedGroupEnd(String re2, int i) {
    int start;
    if (re2.startsWith("(?P<", i)) {
      start = i + 4;
    } else if (re2.startsWith("(?<", i) && i + 3 < re2.length()) {
      char c = re2.charAt(i + 3);
      if (c == '=' || c == '!') {
        return -1; // Java's lookbehind, which RE2 lacks; Java reports nothing wrong with it
      }
      start = i + 3;
    } else {
      return -1;
    }
    int end = re2.indexOf('>', start);
    return end < 0 ? -1 : end + 1;
  }
}
