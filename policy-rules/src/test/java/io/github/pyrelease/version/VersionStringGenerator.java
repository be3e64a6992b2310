package io.github.pyrelease.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded strings for the differential test: versions built from the PEP 440 grammar with every
 * spelling, separator, case and whitespace variant, near misses made by mutating them, and junk.
 * Nothing here knows the expected answers; packaging decides them.
 */
final class VersionStringGenerator {

  /** Python's \s on str (str.isspace()), and characters that look like space but are not. */
  private static final String SPACES =
      " \t\n\u000b\f\r\u001c\u001d\u001e\u001f\u0085\u00a0\u1680\u2000\u2007\u200a\u2028\u2029"
          + "\u202f\u205f\u3000";

  /** Non-ASCII digits, letters that Unicode case-folds to ASCII, and other near-ASCII traps. */
  private static final String TRAPS =
      "\u0661\u0660\u0967\uff10\uff11\u00b2\u00b9\u017f\u212a\u0130\u0131\u00e9\u200b\ufeff"
          + "\u00a0\u3000\u0085\u001c\u0000\u2212\uff0e";

  private static final String ASCII_NOISE = "$/,*#@~:;=?()[]{}<>'\"\\`^%&|";

  private static final String[] PRE = {"a", "alpha", "b", "beta", "c", "rc", "pre", "preview"};
  private static final String[] POST = {"post", "rev", "r"};
  private static final String[] SEPARATORS = {"", ".", "-", "_"};
  private static final String[] JUNK_TAILS = {
    ".x",
    "-",
    "+",
    "..",
    ".post1",
    "a1",
    ".dev1",
    "-1",
    "+a",
    " x",
    "!",
    "1!",
    ".",
    "_",
    "+a..b",
    "+a.",
    "-SNAPSHOT",
    ".RELEASE",
    "final",
    ".0",
    "b2",
    "rc",
    "post",
    "dev",
    "+1.2",
    "-foo"
  };

  private final Random random;

  /** Small numbers only, so that many versions tie or differ in one late part. */
  private boolean tight;

  VersionStringGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** About {@code count} strings: 45% valid by construction, 40% mutated, 15% junk. */
  List<String> generate(int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(100);
      if (kind < 45) {
        out.add(valid());
      } else if (kind < 85) {
        out.add(mutate(valid()));
      } else {
        out.add(junk());
      }
    }
    // Numbers around Python's int() limit of 4300 digits.
    out.add("1." + "7".repeat(4300));
    out.add("1." + "0".repeat(4301));
    out.add("1.0+" + "1".repeat(4301));
    out.add("1.0+x" + "1".repeat(4301));
    return out;
  }

  String valid() {
    tight = chance(30);
    StringBuilder s = new StringBuilder();
    if (chance(10)) {
      s.append(spaces());
    }
    if (chance(10)) {
      s.append(random.nextBoolean() ? 'v' : 'V');
    }
    if (chance(tight ? 3 : 10)) {
      s.append(number()).append('!');
    }
    int parts = pick(new int[] {10, 25, 45, 15, 5}) + 1;
    for (int i = 0; i < parts; i++) {
      s.append(i == 0 ? "" : ".").append(number());
    }
    if (chance(35)) {
      s.append(separator()).append(pick(PRE)).append(separator());
      if (chance(80)) {
        s.append(number());
      }
    }
    if (chance(25)) {
      if (chance(25)) {
        s.append('-').append(number());
      } else {
        s.append(separator()).append(pick(POST)).append(separator());
        if (chance(80)) {
          s.append(number());
        }
      }
    }
    if (chance(25)) {
      s.append(separator()).append("dev").append(separator());
      if (chance(80)) {
        s.append(number());
      }
    }
    if (chance(20)) {
      s.append('+');
      int segments = 1 + random.nextInt(4);
      for (int i = 0; i < segments; i++) {
        if (i > 0) {
          s.append(pick(new String[] {".", "-", "_"}));
        }
        s.append(localSegment());
      }
    }
    if (chance(10)) {
      s.append(spaces());
    }
    return chance(25) ? randomCase(s.toString()) : s.toString();
  }

  private String mutate(String version) {
    StringBuilder s = new StringBuilder(version);
    int at = s.isEmpty() ? 0 : random.nextInt(s.length());
    switch (random.nextInt(9)) {
      case 0 -> {
        if (!s.isEmpty()) {
          s.deleteCharAt(at);
        }
      }
      case 1 -> {
        if (!s.isEmpty()) {
          s.insert(at, s.charAt(at));
        }
      }
      case 2 -> {
        if (s.length() > 1) {
          int next = Math.min(at + 1, s.length() - 1);
          char c = s.charAt(at);
          s.setCharAt(at, s.charAt(next));
          s.setCharAt(next, c);
        }
      }
      case 3 -> s.insert(at, oddChar());
      case 4 -> {
        if (!s.isEmpty()) {
          s.setCharAt(at, oddChar());
        }
      }
      case 5 -> s.append(pick(JUNK_TAILS));
      case 6 -> s.insert(0, pick(new String[] {"x", ".", "-", "+", "!", "vv", "=="}));
      case 7 -> {
        // Double or change a separator.
        int sep = indexOfSeparator(s);
        if (sep >= 0) {
          s.insert(sep, pick(new String[] {".", "-", "_", "+", "!", " "}));
        }
      }
      default -> s.append(valid());
    }
    return s.toString();
  }

  private String junk() {
    String alphabet = "0123456789.........-_+!abcdeilprstvABCPRV " + TRAPS + ASCII_NOISE;
    int length = random.nextInt(13);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private String number() {
    if (tight) {
      return (chance(10) ? "0" : "") + random.nextInt(3);
    }
    int kind = random.nextInt(100);
    if (kind < 70) {
      return Integer.toString(random.nextInt(kind < 40 ? 10 : 2100));
    }
    if (kind < 85) {
      return "0".repeat(1 + random.nextInt(3)) + random.nextInt(100);
    }
    if (kind < 95) {
      return Long.toString(random.nextLong() & Long.MAX_VALUE);
    }
    StringBuilder big = new StringBuilder();
    int digits = 19 + random.nextInt(30);
    for (int i = 0; i < digits; i++) {
      big.append((char) ('0' + random.nextInt(10)));
    }
    return big.toString();
  }

  private String localSegment() {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789";
    if (chance(40)) {
      return number();
    }
    int length = 1 + random.nextInt(6);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private String spaces() {
    int length = 1 + random.nextInt(2);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(SPACES.charAt(random.nextInt(SPACES.length())));
    }
    return s.toString();
  }

  private char oddChar() {
    String pool = random.nextBoolean() ? TRAPS : ASCII_NOISE + SPACES + ".-_+!aAbBcCrRvV0123456789";
    return pool.charAt(random.nextInt(pool.length()));
  }

  private String randomCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(random.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private static int indexOfSeparator(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (".-_".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private String separator() {
    return pick(SEPARATORS);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** An index drawn with the given weights. */
  private int pick(int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }
}
