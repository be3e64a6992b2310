package io.github.pyrelease.project;

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
 * case-insensitivity are Unicode-aware as in Python 3.
 */
final class PythonRegex {

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d*(,\\d*)?}");
  private static final Pattern JAVA_GROUP_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

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
  static PythonRegex compile(String python, boolean multiline) {
    Map<String, String> names = new HashMap<>();
    String java = translate(python, names);
    int flags = Pattern.UNIX_LINES | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    return new PythonRegex(
        Pattern.compile(java, multiline ? flags | Pattern.MULTILINE : flags), names);
  }

  boolean hasGroup(String pythonName) {
    return groupNames.containsKey(pythonName);
  }

  Matcher matcher(CharSequence text) {
    return pattern.matcher(text);
  }

  /** The Java name of a Python group, for {@link Matcher#group(String)}. */
  String group(String pythonName) {
    return groupNames.get(pythonName);
  }

  private static String translate(String python, Map<String, String> names) {
    StringBuilder java = new StringBuilder();
    boolean inClass = false;
    int i = 0;
    while (i < python.length()) {
      char c = python.charAt(i);
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
