package io.github.pyrelease.bump;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) of two texts, computed with Myers' O(ND)
 * algorithm: a bump changes a few lines of each file, so D is small even in large files. Lines are
 * compared with their line ends, so a changed line end shows as a change.
 */
final class UnifiedDiff {

  private static final int CONTEXT = 3;

  /** Beyond this many differing lines the diff is shown as a whole replacement. */
  private static final int MAX_EDITS = 20_000;

  private UnifiedDiff() {}

  /** The diff of {@code before} and {@code after} under {@code a/<name>} and {@code b/<name>}. */
  static String of(String name, String before, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<int[]> script = script(a, b); // pairs (i, j): i >= 0 && j >= 0 keep, else delete/insert
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(name).append('\n');
    out.append("+++ b/").append(name).append('\n');
    int n = script.size();
    int k = 0;
    while (k < n) {
      if (isKeep(script.get(k))) {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // extend the hunk while the next change is within 2 * CONTEXT kept lines
      while (end < n) {
        int next = end;
        while (next < n && !isKeep(script.get(next))) {
          next++;
        }
        int keep = next;
        while (keep < n && isKeep(script.get(keep))) {
          keep++;
        }
        if (keep < n && keep - next <= 2 * CONTEXT) {
          end = keep;
        } else {
          end = Math.min(n, next + CONTEXT);
          break;
        }
      }
      hunk(out, script.subList(start, end), a, b);
      k = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<int[]> ops, List<String> a, List<String> b) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    StringBuilder body = new StringBuilder();
    for (int[] op : ops) {
      if (op[0] >= 0 && aStart < 0) {
        aStart = op[0];
      }
      if (op[1] >= 0 && bStart < 0) {
        bStart = op[1];
      }
      if (isKeep(op)) {
        line(body, ' ', a.get(op[0]));
        aCount++;
        bCount++;
      } else if (op[0] >= 0) {
        line(body, '-', a.get(op[0]));
        aCount++;
      } else {
        line(body, '+', b.get(op[1]));
        bCount++;
      }
    }
    out.append("@@ -")
        .append(range(aStart, aCount))
        .append(" +")
        .append(range(bStart, bCount))
        .append(" @@\n")
        .append(body);
  }

  private static String range(int start, int count) {
    int first = count == 0 ? Math.max(start, 0) : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }

  private static void line(StringBuilder out, char mark, String line) {
    String content = line;
    String end = "";
    if (content.endsWith("\r\n")) {
      end = "\r\n";
    } else if (content.endsWith("\n") || content.endsWith("\r")) {
      end = content.substring(content.length() - 1);
    }
    content = content.substring(0, content.length() - end.length());
    out.append(mark).append(content);
    if (end.equals("\r\n")) {
      out.append("\u240D"); // a visible CR, so CRLF files show they keep CRLF
    }
    out.append('\n');
    if (end.isEmpty()) {
      out.append("\\ No newline at end of file\n");
    }
  }

  private static boolean isKeep(int[] op) {
    return op[0] >= 0 && op[1] >= 0;
  }

  /** Lines with their line ends. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** The edit script as (i, j) pairs: keep (i, j), delete (i, -1), insert (-1, j). */
  private static List<int[]> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> x = a.subList(prefix, a.size() - suffix);
    List<String> y = b.subList(prefix, b.size() - suffix);
    List<int[]> middle = myers(x, y);
    List<int[]> script = new ArrayList<>(prefix + middle.size() + suffix);
    for (int i = 0; i < prefix; i++) {
      script.add(new int[] {i, i});
    }
    for (int[] op : middle) {
      script.add(new int[] {op[0] < 0 ? -1 : op[0] + prefix, op[1] < 0 ? -1 : op[1] + prefix});
    }
    for (int s = suffix; s > 0; s--) {
      script.add(new int[] {a.size() - s, b.size() - s});
    }
    return script;
  }

  private static List<int[]> myers(List<String> x, List<String> y) {
    int n = x.size();
    int m = y.size();
    int max = n + m;
    if (max == 0) {
      return List.of();
    }
    int limit = Math.min(max, MAX_EDITS);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= limit && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int i;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          i = v[offset + k + 1];
        } else {
          i = v[offset + k - 1] + 1;
        }
        int j = i - k;
        while (i < n && j < m && x.get(i).equals(y.get(j))) {
          i++;
          j++;
        }
        v[offset + k] = i;
        if (i >= n && j >= m) {
          found = d;
          break;
        }
      }
    }
    if (found < 0) {
      return replaceAll(n, m);
    }
    List<int[]> ops = new ArrayList<>();
    int i = n;
    int j = m;
    for (int d = found; d > 0; d--) {
      int[] previous = trace.get(d);
      int k = i - j;
      int prevK =
          (k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1]))
              ? k + 1
              : k - 1;
      int prevI = previous[offset + prevK];
      int prevJ = prevI - prevK;
      while (i > prevI && j > prevJ) {
        ops.add(new int[] {--i, --j});
      }
      if (i == prevI) {
        ops.add(new int[] {-1, --j});
      } else {
        ops.add(new int[] {--i, -1});
      }
    }
    while (i > 0 && j > 0) {
      ops.add(new int[] {--i, --j});
    }
    java.util.Collections.reverse(ops);
    return ops;
  }

  private static List<int[]> replaceAll(int n, int m) {
    List<int[]> ops = new ArrayList<>(n + m);
    for (int i = 0; i < n; i++) {
      ops.add(new int[] {i, -1});
    }
    for (int j = 0; j < m; j++) {
      ops.add(new int[] {-1, j});
    }
    return ops;
  }
}
