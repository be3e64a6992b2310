package io.github.pyrelease.version;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads a version string in one pass, accepting exactly the language of packaging's {@code
 * VERSION_PATTERN} (with its leading and trailing {@code \s*}, ASCII-only letters and digits, as
 * packaging 26.2 has it). The grammar, in order: whitespace, {@code v}, {@code N!}, {@code N(.N)*},
 * pre-release, post-release, dev-release, {@code +local}, whitespace.
 *
 * <p>Every optional part is taken greedily and never given back. That matches the regex, whose
 * optional groups are possessive since packaging 26, and it is also what the backtracking regex of
 * older releases ends up with: no keyword that starts a part can start a later part as well.
 *
 * <p>On failure {@link #scan()} returns {@code null} and records where and why, without building
 * any message, so that {@link Version#tryParse} stays cheap; {@link #failure()} explains it.
 */
final class VersionScanner {

  /** Which parts have been read when parsing stops; it decides what could have come next. */
  enum Stage {
    START,
    RELEASE,
    PRE,
    POST,
    DEV,
    LOCAL
  }

  private static final int STAGES = Stage.values().length;

  private final String text;

  /**
   * The text's characters: read by index in a cold JVM (a command line's run), before the JIT has
   * compiled the scanner, an array element costs a fraction of String.charAt's calls.
   */
  private final char[] chars;

  private int end;
  private int pos;
  private Stage stage = Stage.START;

  /** Where the label of each stage (such as "post" in ".post1") starts, to explain failures. */
  private final int[] labelAt = new int[STAGES];

  private ScanFailure.Problem problem;
  private int problemAt;

  VersionScanner(String text) {
    this.text = text;
    this.chars = text.toCharArray();
    Arrays.fill(labelAt, -1);
  }

  /** The version, or {@code null} when the text is not one (then see {@link #failure()}). */
  Version scan() {
    int start = 0;
    end = text.length();
    while (end > 0 && isPythonSpace(chars[end - 1])) {
      end--;
    }
    while (start < end && isPythonSpace(chars[start])) {
      start++;
    }
    if (start == end) {
      return fail(ScanFailure.Problem.BLANK, start);
    }
    pos = start;
    char first = chars[pos];
    if (first == 'v' || first == 'V') {
      pos++;
    }
    BigInteger epoch = BigInteger.ZERO;
    BigInteger number = requiredNumber();
    if (number == null) {
      return null;
    }
    if (pos < end && chars[pos] == '!') {
      epoch = number;
      pos++;
      number = requiredNumber();
      if (number == null) {
        return null;
      }
    }
    BigInteger[] release = releaseAfter(number);
    if (release == null) {
      return null;
    }
    stage = Stage.RELEASE;
    PreRelease pre = preRelease();
    BigInteger post = problem == null ? postRelease() : null;
    BigInteger dev = problem == null ? devRelease() : null;
    if (problem != null) {
      return null;
    }
    LocalLabel local = null;
    if (pos < end && chars[pos] == '+') {
      pos++;
      local = localLabel();
      if (local == null) {
        return null;
      }
    }
    if (pos != end) {
      return fail(ScanFailure.Problem.UNEXPECTED, pos);
    }
    return new Version(epoch, release, pre, post, dev, local);
  }

  /** Reads a whole text as a local label (without the {@code +}), for building versions. */
  LocalLabel scanLocalLabel() {
    end = text.length();
    pos = 0;
    LocalLabel label = localLabel();
    return label != null && pos == end ? label : null;
  }

  /** Why the text is not a version; only after {@link #scan()} returned {@code null}. */
  ScanFailure failure() {
    return new ScanFailure(text, end, problemAt, problem, stage, labelAt);
  }

  private BigInteger[] releaseAfter(BigInteger first) {
    BigInteger[] release = new BigInteger[] {first, null, null, null};
    int count = 1;
    // A '.' not followed by a digit is a separator before a pre, post or dev label.
    while (pos + 1 < end && chars[pos] == '.' && isDigit(chars[pos + 1])) {
      pos++;
      BigInteger number = requiredNumber();
      if (number == null) {
        return null;
      }
      if (count == release.length) {
        release = Arrays.copyOf(release, count * 2);
      }
      release[count++] = number;
    }
    return count == release.length ? release : Arrays.copyOf(release, count);
  }

  private PreRelease preRelease() {
    int at = afterSeparator(pos);
    PreRelease.Kind kind;
    int length;
    // packaging's alternation order; the first that matches is kept.
    if (matches(at, "alpha")) {
      kind = PreRelease.Kind.ALPHA;
      length = 5;
    } else if (matches(at, "a")) {
      kind = PreRelease.Kind.ALPHA;
      length = 1;
    } else if (matches(at, "beta")) {
      kind = PreRelease.Kind.BETA;
      length = 4;
    } else if (matches(at, "b")) {
      kind = PreRelease.Kind.BETA;
      length = 1;
    } else if (matches(at, "preview")) {
      kind = PreRelease.Kind.RELEASE_CANDIDATE;
      length = 7;
    } else if (matches(at, "pre")) {
      kind = PreRelease.Kind.RELEASE_CANDIDATE;
      length = 3;
    } else if (matches(at, "c")) {
      kind = PreRelease.Kind.RELEASE_CANDIDATE;
      length = 1;
    } else if (matches(at, "rc")) {
      kind = PreRelease.Kind.RELEASE_CANDIDATE;
      length = 2;
    } else {
      return null;
    }
    pos = afterSeparator(at + length);
    BigInteger number = optionalNumber();
    if (number == null) {
      return null;
    }
    enter(Stage.PRE, at);
    return new PreRelease(kind, number);
  }

  private BigInteger postRelease() {
    BigInteger number;
    int at = pos;
    if (pos + 1 < end && chars[pos] == '-' && isDigit(chars[pos + 1])) {
      // Implicit post-release: 1.0-1 (only with '-').
      pos++;
      number = requiredNumber();
    } else {
      at = afterSeparator(pos);
      int length;
      if (matches(at, "post")) {
        length = 4;
      } else if (matches(at, "rev")) {
        length = 3;
      } else if (matches(at, "r")) {
        length = 1;
      } else {
        return null;
      }
      pos = afterSeparator(at + length);
      number = optionalNumber();
    }
    if (number != null) {
      enter(Stage.POST, at);
    }
    return number;
  }

  private BigInteger devRelease() {
    int at = afterSeparator(pos);
    if (!matches(at, "dev")) {
      return null;
    }
    pos = afterSeparator(at + 3);
    BigInteger number = optionalNumber();
    if (number != null) {
      enter(Stage.DEV, at);
    }
    return number;
  }

  /** Segments of letters and digits separated by one of {@code . _ -}, up to the end. */
  private LocalLabel localLabel() {
    stage = Stage.LOCAL;
    int labelStart = pos;
    StringBuilder normal = new StringBuilder(end - pos);
    while (true) {
      int segmentStart = pos;
      boolean numeric = true;
      while (pos < end) {
        char c = chars[pos];
        if (isLetter(c)) {
          numeric = false;
        } else if (!isDigit(c)) {
          break;
        }
        pos++;
      }
      if (pos == segmentStart) {
        boolean separatorOrEnd = pos == end || isSeparator(chars[pos]);
        ScanFailure.Problem why =
            !separatorOrEnd
                ? ScanFailure.Problem.LOCAL_BAD_CHAR
                : pos == labelStart && pos == end
                    ? ScanFailure.Problem.LOCAL_EMPTY
                    : ScanFailure.Problem.LOCAL_EMPTY_SEGMENT;
        return fail(why, pos);
      }
      if (numeric) {
        if (pos - segmentStart > Numbers.MAX_DIGITS) {
          return fail(ScanFailure.Problem.NUMBER_TOO_LONG, segmentStart);
        }
        int digits = segmentStart;
        while (digits < pos - 1 && chars[digits] == '0') {
          digits++;
        }
        normal.append(text, digits, pos);
      } else {
        for (int i = segmentStart; i < pos; i++) {
          normal.append((char) (chars[i] | 0x20));
        }
      }
      if (pos == end) {
        return new LocalLabel(normal.toString());
      }
      if (!isSeparator(chars[pos])) {
        return fail(ScanFailure.Problem.LOCAL_BAD_CHAR, pos);
      }
      normal.append('.');
      pos++;
    }
  }

  private void enter(Stage next, int at) {
    stage = next;
    labelAt[next.ordinal()] = at;
  }

  private BigInteger requiredNumber() {
    if (pos >= end || !isDigit(chars[pos])) {
      return fail(ScanFailure.Problem.NUMBER_EXPECTED, pos);
    }
    return optionalNumber();
  }

  /** The digits at pos, or 0 when there are none; null only when the number is too long. */
  private BigInteger optionalNumber() {
    int start = pos;
    while (pos < end && isDigit(chars[pos])) {
      pos++;
    }
    if (pos == start) {
      return BigInteger.ZERO;
    }
    if (pos - start > Numbers.MAX_DIGITS) {
      return fail(ScanFailure.Problem.NUMBER_TOO_LONG, start);
    }
    return Numbers.parse(chars, start, pos);
  }

  private int afterSeparator(int at) {
    return at < end && isSeparator(chars[at]) ? at + 1 : at;
  }

  /** Whether the lower-case ASCII word is at {@code at}, in any ASCII case. */
  private boolean matches(int at, String word) {
    if (at + word.length() > end) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = chars[at + i];
      // Only ASCII folds: packaging 26 matches letters in ASCII mode, so 'ſ' is not 's'.
      if (c >= 0x80 || (c | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private <T> T fail(ScanFailure.Problem why, int at) {
    problem = why;
    problemAt = at;
    return null;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'z';
  }

  static boolean isSeparator(char c) {
    return c == '.' || c == '-' || c == '_';
  }

  /** Python's {@code \s} on str: the characters for which {@code str.isspace()} is true. */
  static boolean isPythonSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    if (c < 0x85) {
      return false;
    }
    return c == 0x85
        || c == 0xa0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202f
        || c == 0x205f
        || c == 0x3000;
  }
}
