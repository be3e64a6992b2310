package io.github.pyrelease.text;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a Python {@code re} pattern (hatchling's and pdm-backend's version patterns, a user's
 * {@code [tool.hatch.version] pattern}) to a Java pattern that matches the same text: named groups
 * {@code (?P<name>...)} and back-references {@code (?P=name)} are rewritten (Java group names may
 * not contain {@code _}), {@code \Z} becomes {@code \z}, a {@code {} that does not start a
 * quantifier is a literal, {@code .} stops only at {@code \n}, and {@code \d \w \s} and
 * case-insensitivity are Unicode-aware as in Python 3. With {@code re.VERBOSE} (or a leading {@code
 * (?x)}), whitespace and {@code #} comments outside character classes are dropped here, as Python
 * drops them (Java's own comments mode would also drop them inside classes).
 */
public final class PythonRegex {

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d*(,\\d*)?}");
  private static final Pattern JAVA_GROUP_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
  private static final Pattern LEADING_FLAGS = Pattern.compile("\\(\\?([aiLmsux]+)\\)");

  /** The characters Python's {@code re.escape} escapes (Python 3.7 and later). */
  private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";

  private final Pattern pattern;
  private final Map<String, String> groupNames;

  private PythonRegex(Pattern pattern, Map<String, String> groupNames) {
    this.pattern = pattern;
    this.groupNames = groupNames;
  }

  /**
   * @param python the pattern as Python writes it
   * @param multiline whether {@code ^} and {@code $} match at line boundaries ({@code re.M})
   * @throws java.util.regex.PatternSyntaxException when it is not a pattern Java can run
   */
  public static PythonRegex compile(String python, boolean multiline) {
    return compile(python, multiline, false, false);
  }

  /**
   * @param python the pattern as Python writes it
   * @param multiline {@code re.MULTILINE}
   * @param dotAll {@code re.DOTALL}: {@code .} matches a newline too
   * @param verbose {@code re.VERBOSE}: unescaped whitespace and comments are not part of the
   *     pattern
   * @throws java.util.regex.PatternSyntaxException when it is not a pattern Java can run
   */
  public static PythonRegex compile(
      String python, boolean multiline, boolean dotAll, boolean verbose) {
    Map<String, String> names = new HashMap<>();
    Matcher flags = LEADING_FLAGS.matcher(python);
    String body = python;
    String inline = "";
    if (flags.lookingAt()) {
      verbose |= flags.group(1).indexOf('x') >= 0;
      inline = flags.group(1).replace("x", "").replace("a", "").replace("L", "");
      body = python.substring(flags.end());
    }
    String java = translate(body, names, verbose);
    if (!inline.isEmpty()) {
      java = "(?" + inline + ")" + java;
    }
    int javaFlags = Pattern.UNIX_LINES | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    javaFlags |= multiline ? Pattern.MULTILINE : 0;
    javaFlags |= dotAll ? Pattern.DOTALL : 0;
    return new PythonRegex(Pattern.compile(java, javaFlags), names);
  }

  /** Escapes text the way Python's {@code re.escape} does, so it matches itself. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  public boolean hasGroup(String pythonName) {
    return groupNames.containsKey(pythonName);
  }

  public Matcher matcher(CharSequence text) {
    return pattern.matcher(text);
  }

  /** The Java name of a Python group, for {@link Matcher#group(String)}. */
  public String group(String pythonName) {
    return groupNames.get(pythonName);
  }

  /** The Python names of the named groups, in no particular order. */
  public java.util.Set<String> groupNames() {
    return java.util.Set.copyOf(groupNames.keySet());
  }

  private static String translate(String python, Map<String, String> names, boolean verbose) {
    StringBuilder java = new StringBuilder();
    boolean inClass = false;
    int i = 0;
    while (i < python.length()) {
      char c = python.charAt(i);
      if (verbose && !inClass && (Character.isWhitespace(c) || c == '#')) {
        if (c == '#') {
          int end = python.indexOf('\n', i);
          i = end < 0 ? python.length() : end;
        } else {
          i++;
        }
        continue;
      }
      if (c == '\\' && i + 1 < python.length()) {
        char next = python.charAt(i + 1);
        java.append(next == 'Z' && !inClass ? "\\z" : python.substring(i, i + 2));
        i += 2;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        java.append(c == '[' ? "\\[" : String.valueOf(c)); // Java would nest a [ in a class
        i++;
        continue;
      }
      if (c == '[') {
        inClass = true;
        java.append(c);
        i++;
        if (i < python.length() && python.charAt(i) == '^') {
          java.append('^');
          i++;
        }
        if (i < python.length() && python.charAt(i) == ']') {
          java.append("\\]"); // a ] first in a class is a literal in Python
          i++;
        }
        continue;
      }
      if (python.startsWith("(?P<", i)) {
        int close = python.indexOf('>', i);
        if (close > 0) {
          String name = python.substring(i + 4, close);
          java.append("(?<").append(javaName(name, names)).append('>');
          i = close + 1;
          continue;
        }
      }
      if (python.startsWith("(?P=", i)) {
        int close = python.indexOf(')', i);
        if (close > 0) {
          java.append("\\k<").append(javaName(python.substring(i + 4, close), names)).append('>');
          i = close + 1;
          continue;
        }
      }
      if (c == '{' && !QUANTIFIER.matcher(python).region(i, python.length()).lookingAt()) {
        java.append("\\{");
        i++;
        continue;
      }
      java.append(c);
      i++;
    }
    return java.toString();
  }

  private static String javaName(String python, Map<String, String> names) {
    return names.computeIfAbsent(
        python,
        n ->
            JAVA_GROUP_NAME.matcher(n).matches()
                ? n
                : "pyreleaseGroup" + names.size() + n.replaceAll("[^a-zA-Z0-9]", ""));
  }
}
