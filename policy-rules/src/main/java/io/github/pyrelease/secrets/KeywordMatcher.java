package io.github.pyrelease.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;

/**
 * Aho–Corasick over bytes, ASCII case folded: one pass over a file tells which keywords it holds,
 * whatever their number, so the cost on text without any keyword does not grow with the rules. The
 * automaton is a dense table (one lookup per byte), built once per rule set, over byte classes:
 * each byte that occurs in a keyword has its own class, every other byte shares one, so the table
 * is a few dozen columns wide rather than 256 and stays in the processor's nearest caches.
 */
final class KeywordMatcher {

  private static final int ALPHABET = 256;

  /** For each state (premultiplied by the class count) and byte class: the next state, likewise. */
  private final int[] next;

  private final int[] classOf = new int[ALPHABET];
  private final int classes;
  private final int shift;
  private final int[][] outputs;
  private final int[] lengths;
  private final int keywordCount;

  /**
   * @param keywords ASCII keywords; matched case-insensitively
   */
  KeywordMatcher(List<String> keywords) {
    this.keywordCount = keywords.size();
    this.lengths = keywords.stream().mapToInt(String::length).toArray();
    List<int[]> gotos = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotos.add(newRow());
    out.add(new ArrayList<>());
    for (int k = 0; k < keywords.size(); k++) {
      byte[] word = keywords.get(k).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int state = 0;
      for (byte raw : word) {
        int c = fold(raw & 0xff);
        if (gotos.get(state)[c] < 0) {
          gotos.get(state)[c] = gotos.size();
          gotos.add(newRow());
          out.add(new ArrayList<>());
        }
        state = gotos.get(state)[c];
      }
      out.get(state).add(k);
    }
    int states = gotos.size();
    int[] fail = new int[states];
    int[] next = new int[states * ALPHABET];
    Queue<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int s = gotos.get(0)[c];
      if (s < 0) {
        next[c] = 0;
      } else {
        next[c] = s;
        fail[s] = 0;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int r = queue.remove();
      out.get(r).addAll(out.get(fail[r]));
      for (int c = 0; c < ALPHABET; c++) {
        int s = gotos.get(r)[c];
        if (s < 0) {
          next[r * ALPHABET + c] = next[fail[r] * ALPHABET + c];
        } else {
          next[r * ALPHABET + c] = s;
          fail[s] = next[fail[r] * ALPHABET + c];
          queue.add(s);
        }
      }
    }
    // upper-case bytes go where their lower-case forms go
    for (int s = 0; s < states; s++) {
      for (int c = 'A'; c <= 'Z'; c++) {
        next[s * ALPHABET + c] = next[s * ALPHABET + c + 32];
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] =
          out.get(s).isEmpty() ? null : out.get(s).stream().distinct().mapToInt(i -> i).toArray();
    }
    // class 0: the bytes of no keyword, whose transitions all lead back to the root
    int[] representative = new int[ALPHABET];
    int count = 1;
    for (int c = 0; c < ALPHABET; c++) {
      if (fold(c) == c && usedInAKeyword(gotos, c)) {
        classOf[c] = count;
        representative[count++] = c;
      }
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      classOf[c] = classOf[c + 32];
    }
    // a power of two, so that a premultiplied state gives its number back by a shift
    this.shift = 32 - Integer.numberOfLeadingZeros(Math.max(count - 1, 1));
    this.classes = 1 << shift;
    // a transition into a state where keywords end is stored complemented (negative), so the scan
    // loop looks up outputs only then, not on every byte
    this.next = new int[states * classes];
    for (int s = 0; s < states; s++) {
      for (int k = 0; k < classes; k++) {
        int to = k == 0 || k >= count ? 0 : next[s * ALPHABET + representative[k]];
        this.next[s * classes + k] = outputs[to] != null ? ~(to * classes) : to * classes;
      }
    }
  }

  private static boolean usedInAKeyword(List<int[]> gotos, int c) {
    for (int[] row : gotos) {
      if (row[c] >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  private static int fold(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** The keywords (by index) found anywhere in {@code bytes[0..length)}. */
  BitSet find(byte[] bytes, int length) {
    return find(bytes, length, null, null).found();
  }

  /**
   * Which keywords occur, and (when {@code lines} is not null) where, per keyword: the starts of
   * the lines they occur on, in order and each line once, and the offsets they start at; only for
   * the keywords {@code wanted} marks (all when it is null), as recording costs on common words.
   */
  Hits find(byte[] bytes, int length, Hits lines, boolean[] wanted) {
    boolean[] seen = new boolean[keywordCount]; // a plain array in the loop: hits are frequent
    int[] table = next;
    int[] classes = classOf;
    int[][] out = outputs;
    int shift = this.shift;
    int state = 0;
    int lineStart = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i];
      if (b == '\n') {
        lineStart = i + 1;
      }
      state = table[state + classes[b & 0xff]];
      if (state < 0) {
        state = ~state;
        for (int k : out[state >>> shift]) {
          seen[k] = true;
          if (lines != null && (wanted == null || wanted[k])) {
            lines.add(k, lineStart, i + 1 - lengths[k]);
          }
        }
      }
    }
    BitSet found = new BitSet(keywordCount);
    for (int k = 0; k < seen.length; k++) {
      if (seen[k]) {
        found.set(k);
      }
    }
    if (lines == null) {
      return new Hits(keywordCount, found);
    }
    lines.found = found;
    return lines;
  }

  /** Where keywords occur: line starts and offsets per keyword, up to a cap (then: everywhere). */
  static final class Hits {
    private final Offsets lines;
    private final Offsets offsets;
    private BitSet found;

    Hits(int keywords) {
      this(keywords, null);
    }

    private Hits(int keywords, BitSet found) {
      this.lines = new Offsets(keywords);
      this.offsets = new Offsets(keywords);
      this.found = found;
    }

    BitSet found() {
      return found;
    }

    private void add(int keyword, int lineStart, int offset) {
      lines.add(keyword, lineStart);
      offsets.add(keyword, offset);
    }

    /** The line starts of {@code keyword}, or null when there were too many to keep. */
    int[] lines(int keyword) {
      return lines.of(keyword);
    }

    /** The offsets {@code keyword} starts at, or null when there were too many to keep. */
    int[] offsets(int keyword) {
      return offsets.of(keyword);
    }
  }

  /** Ascending offsets per keyword, each once, up to a cap per keyword. */
  private static final class Offsets {
    private static final int CAP = 1 << 14;
    private final int[][] values;
    private final int[] counts;

    Offsets(int keywords) {
      this.values = new int[keywords][];
      this.counts = new int[keywords];
    }

    void add(int keyword, int value) {
      int n = counts[keyword];
      if (n < 0) {
        return; // over the cap
      }
      int[] list = values[keyword];
      if (n > 0 && list[n - 1] == value) {
        return;
      }
      if (list == null || n == list.length) {
        if (n >= CAP) {
          counts[keyword] = -1;
          return;
        }
        list = Arrays.copyOf(list == null ? new int[8] : list, n == 0 ? 8 : n * 2);
        values[keyword] = list;
      }
      list[n] = value;
      counts[keyword] = n + 1;
    }

    int[] of(int keyword) {
      int n = counts[keyword];
      return n < 0 ? null : n == 0 ? new int[0] : Arrays.copyOf(values[keyword], n);
    }
  }
}
