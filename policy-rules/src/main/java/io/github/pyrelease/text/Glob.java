package io.github.pyrelease.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob over {@code /}-separated paths or names: {@code *} matches within one segment, {@code **}
 * across segments ({@code **}{@code /} also matches no segment at all), {@code ?} one character,
 * {@code [a-z]} and {@code [!a-z]} a class, {@code {a,b}} alternatives, {@code \} escapes. Pure
 * string matching: no file system is involved.
 */
public final class Glob {

  private final String text;
  private final Pattern pattern;
  private final String prefix;
  private final String suffix;
  private final String[] required;

  private Glob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
    this.prefix = literalPrefix(text);
    this.suffix = literalSuffix(text);
    this.required = literalRuns(text);
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException naming the position of an unclosed bracket or brace, or a
   *     trailing escape
   */
  public static Glob compile(String glob) {
    return new Glob(glob, Pattern.compile(toRegex(glob)));
  }

  public boolean matches(String path) {
    // Most paths fail on the glob's literal ends; checking those first spares the regex engine,
    // which a distribution check runs for every member against every forbidden pattern.
    if (!path.startsWith(prefix) || !path.endsWith(suffix)) {
      return false;
    }
    for (String run : required) {
      if (!path.contains(run)) {
        return false;
      }
    }
    return pattern.matcher(path).matches();
  }

  /** The regular expression alone, without the literal ends checked first (for tests). */
  boolean regexMatches(String path) {
    return pattern.matcher(path).matches();
  }

  /**
   * The literal runs between the wildcards of a glob made of literals, {@code *}, {@code **} and
   * {@code ?} only: every match contains each ({@code **}{@code /x/**} needs "x/"). None for globs
   * with classes, braces or escapes.
   */
  private static String[] literalRuns(String glob) {
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '[' || c == '{' || c == '\\') {
        return new String[0];
      }
      if (c == '*' || c == '?') {
        if (run.length() > 0) {
          runs.add(run.toString());
          run.setLength(0);
        }
        if (c == '*' && glob.startsWith("**/", i)) {
          i += 2; // the slash of "**/" is optional: "**/x" matches "x"
        }
      } else {
        run.append(c);
      }
    }
    if (run.length() > 0) {
      runs.add(run.toString());
    }
    return runs.toArray(new String[0]);
  }

  /** The text before the first special character: every match starts with it. */
  private static String literalPrefix(String glob) {
    for (int i = 0; i < glob.length(); i++) {
      if ("*?[{\\".indexOf(glob.charAt(i)) >= 0) {
        return glob.substring(0, i);
      }
    }
    return glob;
  }

  /**
   * The text after the last special character (or escape, or closing bracket or brace): every match
   * ends with it. Braces anywhere give none, since an alternative may hold a comma or a bracket.
   */
  private static String literalSuffix(String glob) {
    if (glob.indexOf('{') >= 0) {
      return "";
    }
    for (int i = glob.length() - 1; i >= 0; i--) {
      char c = glob.charAt(i);
      if ("*?[]\\".indexOf(c) >= 0) {
        // the slash of "**/" belongs to it: "**/x" matches "x"
        boolean slash = c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '/';
        return glob.substring(slash ? i + 2 : i + 1);
      }
    }
    return glob;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Glob g && g.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int braces = 0;
    int openBrace = -1;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            regex.append(slash ? "(?:.*/)?" : ".*");
            i += slash ? 2 : 1;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '[' -> i = characterClass(glob, i, regex);
        case '{' -> {
          braces++;
          openBrace = i;
          regex.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            regex.append("\\}");
          } else {
            braces--;
            regex.append(')');
          }
        }
        case ',' -> regex.append(braces > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 == glob.length()) {
            throw new IllegalArgumentException(
                "glob '" + glob + "' ends with an escape '\\' that escapes nothing");
          }
          regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) {
      throw new IllegalArgumentException(
          "glob '" + glob + "' has an unclosed '{' at position " + (openBrace + 1));
    }
    return regex.toString();
  }

  /** Appends the class starting at {@code start} and returns the index of its closing ']'. */
  private static int characterClass(String glob, int start, StringBuilder regex) {
    int i = start + 1;
    StringBuilder body = new StringBuilder("[");
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      body.append('^');
      i++;
    }
    boolean first = true;
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == ']' && !first) {
        regex.append(body).append(']');
        return i;
      }
      first = false;
      if (c == '\\' || c == '[' || c == '&' || c == '^' || (c == ']')) {
        body.append('\\');
      }
      body.append(c);
    }
    throw new IllegalArgumentException(
        "glob '" + glob + "' has an unclosed '[' at position " + (start + 1));
  }
}
