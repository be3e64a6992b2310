package io.github.pyrelease.version;

import static io.github.pyrelease.version.VersionScanner.Stage.DEV;
import static io.github.pyrelease.version.VersionScanner.Stage.POST;
import static io.github.pyrelease.version.VersionScanner.Stage.PRE;

import java.util.List;
import java.util.Locale;

/**
 * Where and why a text is not a version, turned into a reason a user can act on: the position
 * (1-based) where parsing stopped and what was expected there, or the rule the text breaks.
 */
final class ScanFailure {

  enum Problem {
    BLANK,
    NUMBER_EXPECTED,
    NUMBER_TOO_LONG,
    UNEXPECTED,
    LOCAL_EMPTY,
    LOCAL_EMPTY_SEGMENT,
    LOCAL_BAD_CHAR
  }

  private enum Label {
    PRE,
    POST,
    DEV
  }

  private static final int TOKEN_CHARS = 20;

  private final String text;
  private final int end;
  private final int at;
  private final Problem problem;
  private final VersionScanner.Stage stage;
  private final int[] labelAt;

  ScanFailure(
      String text, int end, int at, Problem problem, VersionScanner.Stage stage, int[] labelAt) {
    this.text = text;
    this.end = end;
    this.at = at;
    this.problem = problem;
    this.stage = stage;
    this.labelAt = labelAt;
  }

  String reason() {
    String rule = characterRule(at);
    if (rule != null && problem != Problem.NUMBER_TOO_LONG) {
      return rule;
    }
    return switch (problem) {
      case BLANK -> text.isEmpty() ? "the text is empty" : "the text is only whitespace";
      case NUMBER_EXPECTED -> numberExpected();
      case NUMBER_TOO_LONG -> tooLong();
      case UNEXPECTED -> unexpected();
      case LOCAL_EMPTY ->
          "empty local label: '+' at position " + at + " must be followed by letters or digits";
      case LOCAL_EMPTY_SEGMENT ->
          "empty local label segment at position "
              + (at + 1)
              + "; segments are letters or digits separated by one '.', '_' or '-'";
      case LOCAL_BAD_CHAR ->
          "invalid character "
              + describe(at)
              + " at position "
              + (at + 1)
              + " in the local label; use letters a-z, digits 0-9 and '.', '_' or '-' between"
              + " them";
    };
  }

  private String numberExpected() {
    char before = at > 0 ? text.charAt(at - 1) : ' ';
    String found = at < end ? "found " + token(at) : "found the end";
    if (stage == VersionScanner.Stage.START && before == '!') {
      return "expected the release number after the epoch at position " + (at + 1) + ", " + found;
    }
    return "expected a number at position "
        + (at + 1)
        + ", "
        + found
        + "; a version starts with a number, as in 1.0 (optionally after 'v' or an epoch N!)";
  }

  private String tooLong() {
    int digits = 0;
    while (at + digits < end && VersionScanner.isDigit(text.charAt(at + digits))) {
      digits++;
    }
    return "the number at position "
        + (at + 1)
        + " has "
        + digits
        + " digits; Python's int(), and so packaging, reads at most "
        + Numbers.MAX_DIGITS;
  }

  private String unexpected() {
    if (at > 0
        && VersionScanner.isLetter(text.charAt(at - 1))
        && VersionScanner.isLetter(text.charAt(at))) {
      return unexpectedWord();
    }
    int tokenAt = at;
    char c = text.charAt(at);
    if (VersionScanner.isSeparator(c)) {
      if (at + 1 == end) {
        return "'" + c + "' at position " + (at + 1) + " ends the version; expected " + expected();
      }
      tokenAt = at + 1;
      String rule = characterRule(tokenAt);
      if (rule != null) {
        return rule;
      }
      if (VersionScanner.isSeparator(text.charAt(tokenAt))) {
        return "two separators in a row at position " + (at + 1) + "; expected " + expected();
      }
    }
    String order = orderRule(tokenAt);
    if (order != null) {
      return order;
    }
    if (VersionScanner.isDigit(text.charAt(tokenAt)) && tokenAt > at) {
      if (c == '_') {
        return "'_' before the number at position "
            + (tokenAt + 1)
            + "; a post-release without 'post' needs '-', as in 1.0-1 (or write 1.0.post1)";
      }
      if (c == '.') {
        return "number "
            + token(tokenAt)
            + " at position "
            + (tokenAt + 1)
            + " after the "
            + stage.name().toLowerCase(Locale.ROOT)
            + "-release; release numbers must come before the pre-, post- and dev-release"
            + " segments";
      }
    }
    return "unexpected "
        + token(tokenAt)
        + " at position "
        + (tokenAt + 1)
        + "; expected "
        + expected()
        + hint(tokenAt);
  }

  /**
   * Letters glued to a label that was read, as in {@code 1.0.0.RELEASE} (read as post-release "R"):
   * report the whole word, and what was expected before it.
   */
  private String unexpectedWord() {
    int wordAt = at;
    while (wordAt > 0 && VersionScanner.isLetter(text.charAt(wordAt - 1))) {
      wordAt--;
    }
    VersionScanner.Stage before = VersionScanner.Stage.RELEASE;
    for (VersionScanner.Stage label : List.of(PRE, POST, DEV)) {
      int start = labelAt[label.ordinal()];
      if (start >= 0 && start < wordAt) {
        before = label;
      }
    }
    return "unexpected "
        + token(wordAt)
        + " at position "
        + (wordAt + 1)
        + "; expected "
        + expected(before)
        + hint(wordAt);
  }

  /** A specific message when a pre, post or dev label is repeated or out of order. */
  private String orderRule(int tokenAt) {
    Label label = labelAt(tokenAt);
    boolean implicitPost =
        text.charAt(at) == '-' && tokenAt == at + 1 && VersionScanner.isDigit(text.charAt(tokenAt));
    if (implicitPost) {
      label = Label.POST;
    }
    if (label == null) {
      return null;
    }
    String where = " (" + token(tokenAt) + " at position " + (tokenAt + 1) + ")";
    Label current =
        switch (stage) {
          case PRE -> Label.PRE;
          case POST -> Label.POST;
          case DEV -> Label.DEV;
          default -> null;
        };
    if (current == null) {
      return null;
    }
    if (label == current) {
      return "two " + name(label) + " segments" + where + "; a version has at most one";
    }
    if (label.ordinal() < current.ordinal()) {
      return name(label)
          + " after the "
          + name(current)
          + where
          + "; the order is pre-release, post-release, dev-release (1.0a1.post2.dev3)";
    }
    return null;
  }

  /** The pre, post or dev keyword at {@code from} when it stands as a whole word. */
  private Label labelAt(int from) {
    int to = from;
    while (to < end && VersionScanner.isLetter(text.charAt(to))) {
      to++;
    }
    String word = text.substring(from, to).toLowerCase(Locale.ROOT);
    return switch (word) {
      case "a", "alpha", "b", "beta", "c", "rc", "pre", "preview" -> Label.PRE;
      case "post", "rev", "r" -> Label.POST;
      case "dev" -> Label.DEV;
      default -> null;
    };
  }

  private static String name(Label label) {
    return label.name().toLowerCase(Locale.ROOT) + "-release";
  }

  private String expected() {
    return expected(stage);
  }

  private static String expected(VersionScanner.Stage stage) {
    return switch (stage) {
      case RELEASE -> "a pre-release (a, b, rc), .postN, .devN or +local";
      case PRE -> ".postN, .devN or +local";
      case POST -> ".devN or +local";
      default -> "+local or the end";
    };
  }

  /** Maven and SemVer qualifiers that people carry over, and what PEP 440 has instead. */
  private String hint(int tokenAt) {
    int to = tokenAt;
    while (to < end && VersionScanner.isLetter(text.charAt(to))) {
      to++;
    }
    return switch (text.substring(tokenAt, to).toLowerCase(Locale.ROOT)) {
      case "snapshot" -> " (PEP 440 has no SNAPSHOT; use a dev release such as 1.0.dev0)";
      case "final", "release", "ga" -> " (a final release has no suffix: just 1.0)";
      case "m", "milestone" -> " (use a pre-release such as 1.0a1 or 1.0b1)";
      default -> "";
    };
  }

  /** A rule broken by the character itself, whatever was expected there. */
  private String characterRule(int index) {
    if (index >= end) {
      return null;
    }
    char c = text.charAt(index);
    if (c > 0x7f && Character.isDigit(c)) {
      return "non-ASCII digit "
          + describe(index)
          + " at position "
          + (index + 1)
          + "; only the ASCII digits 0-9 are allowed";
    }
    if (VersionScanner.isPythonSpace(c)) {
      return "whitespace at position "
          + (index + 1)
          + "; only leading and trailing whitespace is ignored";
    }
    return null;
  }

  /** The letters and digits from {@code index} (shortened), or the one character there. */
  private String token(int index) {
    int to = index;
    while (to < end
        && (VersionScanner.isLetter(text.charAt(to)) || VersionScanner.isDigit(text.charAt(to)))) {
      to++;
    }
    if (to == index) {
      return describe(index);
    }
    return to - index <= TOKEN_CHARS
        ? "'" + text.substring(index, to) + "'"
        : "'" + text.substring(index, index + TOKEN_CHARS) + "...'";
  }

  private String describe(int index) {
    int code = text.codePointAt(index);
    String unicode = String.format(Locale.ROOT, "U+%04X", code);
    if (code >= 0x20 && code < 0x7f) {
      return "'" + (char) code + "'";
    }
    return Character.isISOControl(code) || Character.getType(code) == Character.SURROGATE
        ? unicode
        : "'" + new String(Character.toChars(code)) + "' (" + unicode + ")";
  }
}
