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
 * automaton is a dense table (one lookup per byte), built once per rule set.
 */
final class KeywordMatcher {

  private static final int ALPHABET = 256;

  private final int[] next;
  private final int[][] outputs;
  private final int keywordCount;

  /**
   * @param keywords ASCII keywords; matched case-insensitively
   */
  KeywordMatcher(List<String> keywords) {
    this.keywordCount = keywords.size();
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
    next = new int[states * ALPHABET];
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
    return find(bytes, length, null).found();
  }

  /**
   * Which keywords occur, and (when {@code lines} is not null) the starts of the lines they occur
   * on, per keyword, in order and each line once.
   */
  Hits find(byte[] bytes, int length, Hits lines) {
    BitSet found = new BitSet(keywordCount);
    int[] table = next;
    int[][] out = outputs;
    int state = 0;
    int lineStart = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '\n') {
        lineStart = i + 1;
      }
      state = table[(state << 8) | b];
      int[] hit = out[state];
      if (hit != null) {
        for (int k : hit) {
          found.set(k);
          if (lines != null) {
            lines.add(k, lineStart);
          }
        }
      }
    }
    if (lines == null) {
      return new Hits(keywordCount, found);
    }
    lines.found = found;
    return lines;
  }

  /** Where keywords occur: line starts per keyword, up to a cap (then: everywhere). */
  static final class Hits {
    private static final int CAP = 1 << 14;
    private final int[][] starts;
    private final int[] counts;
    private BitSet found;

    Hits(int keywords) {
      this(keywords, null);
    }

    private Hits(int keywords, BitSet found) {
      this.starts = new int[keywords][];
      this.counts = new int[keywords];
      this.found = found;
    }

    BitSet found() {
      return found;
    }

    private void add(int keyword, int lineStart) {
      int n = counts[keyword];
      if (n < 0) {
        return; // over the cap
      }
      int[] list = starts[keyword];
      if (n > 0 && list[n - 1] == lineStart) {
        return;
      }
      if (list == null || n == list.length) {
        if (n >= CAP) {
          counts[keyword] = -1;
          return;
        }
        list = java.util.Arrays.copyOf(list == null ? new int[8] : list, n == 0 ? 8 : n * 2);
        starts[keyword] = list;
      }
      list[n] = lineStart;
      counts[keyword] = n + 1;
    }

    /** The line starts of {@code keyword}, or null when there were too many to keep. */
    int[] lines(int keyword) {
      int n = counts[keyword];
      return n < 0 ? null : n == 0 ? new int[0] : java.util.Arrays.copyOf(starts[keyword], n);
    }
  }
}
