package io.github.pyrelease.deps;

import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for PEP 508 requirements and PEP 440 specifier sets, following the
 * grammar of Python's {@code packaging} (22 and later): names, extras, specifiers with or without
 * parentheses, {@code @} direct references, and environment markers with {@code and}/{@code or},
 * parentheses and the legacy dotted variable names. Errors name the offset and what was expected.
 */
public final class RequirementParser {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
  private static final Pattern OPERATOR = Pattern.compile("===|==|!=|~=|<=|>=|<|>");
  private static final Pattern VERSION_TEXT = Pattern.compile("[^\\s;,)]+");

  /** What packaging takes after {@code ===}: anything up to a space, ';' or ')', even nothing. */
  private static final Pattern ARBITRARY = Pattern.compile("[^\\s;)]*");

  /** Deeper marker nesting than any real requirement, and well short of a stack overflow. */
  private static final int MAX_DEPTH = 100;

  private static final Pattern MARKER_OPERATOR =
      Pattern.compile("===|==|!=|~=|<=|>=|<|>|in\\b|not[ \\t]+in\\b");
  private static final Set<String> MARKER_VARIABLES =
      Set.of(
          "python_version",
          "python_full_version",
          "os_name",
          "sys_platform",
          "platform_release",
          "platform_system",
          "platform_version",
          "platform_machine",
          "platform_python_implementation",
          "implementation_name",
          "implementation_version",
          "extra",
          "extras",
          "dependency_groups",
          // legacy spellings packaging still accepts
          "os.name",
          "sys.platform",
          "platform.version",
          "platform.machine",
          "platform.python_implementation",
          "python_implementation");
  private static final Pattern MARKER_VARIABLE = Pattern.compile("[a-z_]+(?:\\.[a-z_]+)?");

  private final String text;
  private int pos;
  private int depth;

  RequirementParser(String text) {
    this.text = text;
  }

  /**
   * Checks a PEP 440 specifier set such as {@code >=3.9,!=3.10.*} (an empty set is valid).
   *
   * @throws InvalidRequirementException naming the offending specifier
   */
  public static String specifierSet(String text) {
    RequirementParser parser = new RequirementParser(text);
    parser.skipSpace();
    String specifiers = parser.atEnd() ? "" : parser.specifiers();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.error("expected ',' or the end of the specifiers");
    }
    return specifiers;
  }

  Requirement requirement() {
    skipSpace();
    String name = match(NAME);
    if (name == null) {
      throw error("expected a distribution name (letters, digits, '.', '-', '_')");
    }
    skipSpace();
    List<String> extras = peek('[') ? extras() : List.of();
    skipSpace();
    String specifier = "";
    String url = null;
    if (peek('@')) {
      pos++;
      skipSpace();
      int start = pos;
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      url = text.substring(start, pos);
      if (url.isEmpty()) {
        throw error("expected a URL after '@'");
      }
      boolean spaced = skipSpace();
      if (!atEnd() && !(spaced && peek(';'))) {
        throw error("expected a space and ';' (a marker) or the end after the URL");
      }
    } else if (peek('(')) {
      pos++;
      skipSpace();
      specifier = peek(')') ? "" : specifiers();
      skipSpace();
      expect(')', "expected ')' to close the version specifiers");
    } else if (!atEnd() && !peek(';')) {
      specifier = specifiers();
    }
    skipSpace();
    String marker = null;
    if (peek(';')) {
      pos++;
      skipSpace();
      int start = pos;
      markerOr();
      marker = text.substring(start, pos).strip().replaceAll("\\s+", " ");
      skipSpace();
    }
    if (!atEnd()) {
      throw error(
          url == null && marker == null
              ? "expected a version specifier, '@', ';' or the end"
              : "unexpected text after the requirement");
    }
    return new Requirement(name, extras, specifier, url, marker);
  }

  private List<String> extras() {
    pos++; // [
    skipSpace();
    List<String> extras = new ArrayList<>();
    if (peek(']')) {
      pos++;
      return extras;
    }
    while (true) {
      String extra = match(NAME);
      if (extra == null) {
        throw error("expected an extra name");
      }
      extras.add(extra);
      skipSpace();
      if (peek(',')) {
        pos++;
        skipSpace();
        continue;
      }
      expect(']', "expected ',' or ']' in the extras");
      return extras;
    }
  }

  private String specifiers() {
    List<String> specs = new ArrayList<>();
    while (true) {
      specs.add(specifier());
      skipSpace();
      if (!peek(',')) {
        return String.join(",", specs);
      }
      pos++;
      skipSpace();
    }
  }

  private String specifier() {
    int start = pos;
    String operator = match(OPERATOR);
    if (operator == null) {
      throw error("expected a version operator (==, !=, <=, >=, <, >, ~=, ===)");
    }
    skipSpace();
    if (operator.equals("===")) {
      // packaging's tokenizer takes commas into an arbitrary version; its SpecifierSet then
      // splits at them and checks every piece
      String arbitrary = match(ARBITRARY);
      String[] pieces = arbitrary.split(",", -1);
      for (int i = 1; i < pieces.length; i++) {
        checkPiece(pieces[i].strip(), start);
      }
      return operator + arbitrary;
    }
    String version = match(VERSION_TEXT);
    if (version == null) {
      throw error("expected a version after '" + operator + "'");
    }
    String problem = versionProblem(operator, version);
    if (problem != null) {
      throw new InvalidRequirementException(
          "'" + operator + version + "' is not a valid specifier: " + problem, start);
    }
    return operator + version;
  }

  private static void checkPiece(String piece, int start) {
    Matcher m = OPERATOR.matcher(piece);
    if (!m.lookingAt()) {
      throw new InvalidRequirementException("'" + piece + "' is not a valid specifier", start);
    }
    String version = piece.substring(m.end()).strip();
    String problem = m.group().equals("===") ? null : versionProblem(m.group(), version);
    if (problem != null) {
      throw new InvalidRequirementException(
          "'" + piece + "' is not a valid specifier: " + problem, start);
    }
  }

  /** Why {@code version} cannot follow {@code operator}, as packaging's Specifier decides. */
  static String versionProblem(String operator, String version) {
    if (operator.equals("===")) {
      return null;
    }
    boolean wildcard = version.endsWith(".*");
    String base = wildcard ? version.substring(0, version.length() - 2) : version;
    if (wildcard && !operator.equals("==") && !operator.equals("!=")) {
      return "a '.*' wildcard is allowed only with == and !=";
    }
    Version parsed;
    try {
      parsed = Version.parse(base);
    } catch (InvalidVersionException e) {
      return e.reason();
    }
    if (wildcard
        && (parsed.pre().isPresent()
            || parsed.post().isPresent()
            || parsed.dev().isPresent()
            || parsed.isLocal())) {
      return "a '.*' wildcard follows a release number only (such as 1.2.*)";
    }
    if (parsed.isLocal() && !operator.equals("==") && !operator.equals("!=")) {
      return "a local version label (+...) is allowed only with == and !=";
    }
    if (operator.equals("~=") && parsed.release().size() < 2) {
      return "'~=' needs at least two release numbers (such as ~=1.4)";
    }
    return null;
  }

  /**
   * Parses an environment marker alone, such as {@code python_version < "3.12" and os_name ==
   * "posix"}.
   *
   * @throws InvalidRequirementException naming the offset and what was expected
   */
  static Marker.Node marker(String text) {
    RequirementParser parser = new RequirementParser(text);
    parser.skipSpace();
    Marker.Node node = parser.markerOr();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.error("expected 'and', 'or' or the end of the marker");
    }
    return node;
  }

  private Marker.Node markerOr() {
    List<Marker.Node> terms = new ArrayList<>();
    terms.add(markerAnd());
    while (keyword("or")) {
      terms.add(markerAnd());
    }
    return terms.size() == 1 ? terms.get(0) : new Marker.Or(terms);
  }

  private Marker.Node markerAnd() {
    List<Marker.Node> terms = new ArrayList<>();
    terms.add(markerAtom());
    while (keyword("and")) {
      terms.add(markerAtom());
    }
    return terms.size() == 1 ? terms.get(0) : new Marker.And(terms);
  }

  private Marker.Node markerAtom() {
    skipSpace();
    if (peek('(')) {
      if (++depth > MAX_DEPTH) {
        throw error("markers nest more than " + MAX_DEPTH + " parentheses deep");
      }
      pos++;
      skipSpace();
      Marker.Node inner = markerOr();
      skipSpace();
      expect(')', "expected ')' to close the marker group");
      depth--;
      return inner;
    }
    Marker.Operand left = markerValue();
    skipSpace();
    String operator = match(MARKER_OPERATOR);
    if (operator == null) {
      throw error("expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)");
    }
    skipSpace();
    Marker.Operand right = markerValue();
    return new Marker.Compare(left, operator.replaceAll("[ \\t]+", " "), right);
  }

  private Marker.Operand markerValue() {
    if (peek('"') || peek('\'')) {
      char quote = text.charAt(pos);
      int close = text.indexOf(quote, pos + 1);
      if (close < 0) {
        throw error("the quoted marker value is not closed");
      }
      String value = text.substring(pos + 1, close);
      pos = close + 1;
      return new Marker.Operand(value, false);
    }
    int start = pos;
    String variable = match(MARKER_VARIABLE);
    if (variable == null || !MARKER_VARIABLES.contains(variable)) {
      pos = start;
      throw error(
          "expected a marker variable (python_version, sys_platform, extra, ...) or a quoted"
              + " string");
    }
    return new Marker.Operand(variable, true);
  }

  /** Consumes {@code word} surrounded by whitespace (or a parenthesis), if it is next. */
  private boolean keyword(String word) {
    int save = pos;
    boolean spaced = skipSpace();
    if (text.startsWith(word, pos)) {
      int after = pos + word.length();
      boolean bounded =
          after < text.length()
              && (Character.isWhitespace(text.charAt(after)) || text.charAt(after) == '(');
      if ((spaced || pos > 0 && text.charAt(pos - 1) == ')') && bounded) {
        pos = after;
        return true;
      }
    }
    pos = save;
    return false;
  }

  private String match(Pattern pattern) {
    Matcher m = pattern.matcher(text).region(pos, text.length());
    if (m.lookingAt()) {
      pos = m.end();
      return m.group();
    }
    return null;
  }

  private boolean skipSpace() {
    int start = pos;
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    return pos > start;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private void expect(char c, String message) {
    if (!peek(c)) {
      throw error(message);
    }
    pos++;
  }

  private InvalidRequirementException error(String expected) {
    String at =
        atEnd()
            ? "at the end"
            : "at column "
                + (pos + 1)
                + " ('"
                + text.substring(pos, Math.min(text.length(), pos + 12))
                + "')";
    return new InvalidRequirementException(expected + ", " + at, pos);
  }
}
