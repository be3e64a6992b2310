package io.github.pyrelease.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Scans files for secrets: one keyword pass over the bytes picks the rules whose regexes run;
 * binary files (a NUL byte near the start, as git decides) and files over the size limit are passed
 * over, but for rules on file names. Not thread-safe: it reuses one buffer, so the heap it needs is
 * bounded by the size limit, whatever the files.
 */
public final class SecretScanner implements ContentSink {

  /** How far git looks for a NUL byte to call a file binary. */
  private static final int SNIFF = 8000;

  private static final String INLINE_ALLOW = "gitleaks:allow";

  private final RuleSet rules;
  private final int maxFileSize;
  private byte[] buffer = new byte[1 << 16];
  private final Set<SecretMatch> matches = new LinkedHashSet<>();
  private long files;
  private long bytes;
  private long binary;
  private long tooLarge;

  /**
   * @param maxFileSize the largest file whose content is scanned (at most 1 GiB)
   */
  public SecretScanner(RuleSet rules, long maxFileSize) {
    this.rules = rules;
    this.maxFileSize = (int) Math.min(Math.max(maxFileSize, 0), 1L << 30);
  }

  /** What a scan found and passed over. */
  public record Summary(
      List<SecretMatch> matches, long files, long bytes, long binary, long tooLarge) {
    public Summary {
      matches = List.copyOf(matches);
    }
  }

  public Summary summary() {
    return new Summary(new ArrayList<>(matches), files, bytes, binary, tooLarge);
  }

  @Override
  public void accept(String path, String location, String commit, long size, InputStream content)
      throws IOException {
    files++;
    if (globallyAllowed(path)) {
      return;
    }
    pathRules(path, location, commit);
    if (size > maxFileSize) {
      tooLarge++;
      return;
    }
    int length = readBounded(content);
    if (length < 0) {
      tooLarge++;
      return;
    }
    bytes += length;
    if (isBinary(buffer, length)) {
      binary++;
      return;
    }
    scan(path, location, commit, buffer, length);
  }

  /** Scans text already in memory. */
  public void scan(String path, String location, String commit, byte[] content, int length) {
    KeywordMatcher.Hits hits = rules.hits(path, content, length);
    BitSet triggered = rules.triggered(hits.found());
    if (triggered.isEmpty()) {
      return;
    }
    // ISO-8859-1: one char per byte, so offsets are byte offsets; tokens are ASCII
    String text = new String(content, 0, length, StandardCharsets.ISO_8859_1);
    List<SecretRule> all = rules.rules();
    // one finding per secret: the first rule (in order) that matches it; generic rules come last
    List<int[]> spans = new ArrayList<>();
    for (int r = triggered.nextSetBit(0); r >= 0; r = triggered.nextSetBit(r + 1)) {
      SecretRule rule = all.get(r);
      if (rule.path() != null && !rule.path().matcher(path).find()) {
        continue;
      }
      Matcher m = rule.regex().matcher(text);
      Found found = new Found(rule, text, content, path, location, commit, spans);
      int[] starts = rule.keywordAnchored() ? rules.offsets(r, hits) : null;
      if (starts != null) {
        matchAt(starts, m, rule.lineLocal(), text, length, found);
        continue;
      }
      int[] lines = rule.lineLocal() ? rules.lines(r, hits) : null;
      if (lines == null) {
        matchAll(m, found);
        continue;
      }
      for (int start : lines) {
        int end = text.indexOf('\n', start);
        m.region(start, end < 0 ? length : end + 1); // the line with its break, for terminators
        matchAll(m, found);
      }
    }
  }

  /** Where a match is reported to: the rule, the file, and the spans claimed in it so far. */
  private record Found(
      SecretRule rule,
      String text,
      byte[] content,
      String path,
      String location,
      String commit,
      List<int[]> spans) {}

  private void matchAll(Matcher m, Found found) {
    while (m.find()) {
      report(m, found);
    }
  }

  /**
   * Tries a keyword-anchored rule only where its keywords start: the matches {@code find()} would
   * give, as every match starts at one, left to right and none inside the one before.
   */
  private void matchAt(
      int[] starts, Matcher m, boolean lineLocal, String text, int length, Found found) {
    int after = 0;
    for (int start : starts) {
      if (start < after) {
        continue;
      }
      int end = length;
      if (lineLocal) {
        int lineEnd = text.indexOf('\n', start);
        end = lineEnd < 0 ? length : lineEnd + 1;
      }
      m.region(start, end);
      if (m.lookingAt()) {
        after = Math.max(m.end(), start + 1);
        report(m, found);
      }
    }
  }

  private void report(Matcher m, Found found) {
    if (m.end() == m.start()) {
      return;
    }
    SecretRule rule = found.rule();
    int group = secretGroup(rule, m);
    String secret = group < 0 ? m.group() : m.group(group);
    int start = group < 0 ? m.start() : m.start(group);
    if (rule.entropy() > 0 && Entropy.of(secret) <= rule.entropy()) {
      return;
    }
    int end = start + secret.length();
    if (overlaps(found.spans(), start, end)) {
      return;
    }
    // claimed even when allowed: a generic rule must not report what a specific one accepted
    found.spans().add(new int[] {start, end});
    String line = lineAt(found.text(), start);
    if (line.contains(INLINE_ALLOW)
        || allowed(rule, found.path(), found.commit(), secret, m.group(), line)) {
      return;
    }
    matches.add(
        new SecretMatch(
            rule.id(),
            rule.description(),
            found.location(),
            lineNumber(found.content(), start),
            Redaction.redact(secret),
            Redaction.fingerprint(rule.id(), found.path(), secret),
            found.commit()));
  }

  private void pathRules(String path, String location, String commit) {
    for (SecretRule rule : rules.rules()) {
      if (rule.pathOnly()
          && rule.path().matcher(path).find()
          && !allowed(rule, path, commit, "", "", "")) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        matches.add(
            new SecretMatch(
                rule.id(),
                rule.description(),
                location,
                0,
                Redaction.redact(name),
                Redaction.fingerprint(rule.id(), path, ""),
                commit));
      }
    }
  }

  private boolean globallyAllowed(String path) {
    for (Allowlist list : rules.global()) {
      if (list.targetRules().isEmpty() && list.pathsOnly() && list.allowsPath(path)) {
        return true;
      }
    }
    return false;
  }

  private boolean allowed(
      SecretRule rule, String path, String commit, String secret, String match, String line) {
    for (Allowlist list : rules.global()) {
      if (list.appliesTo(rule.id()) && list.allows(path, commit, secret, match, line)) {
        return true;
      }
    }
    for (Allowlist list : rule.allowlists()) {
      if (list.allows(path, commit, secret, match, line)) {
        return true;
      }
    }
    return false;
  }

  /** The group holding the secret: the rule's, else the first that matched text; -1 for all. */
  private static int secretGroup(SecretRule rule, Matcher m) {
    if (rule.secretGroup() > 0) {
      return m.group(rule.secretGroup()) == null ? -1 : rule.secretGroup();
    }
    for (int g = 1; g <= m.groupCount(); g++) {
      String text = m.group(g);
      if (text != null && !text.isEmpty()) {
        return g;
      }
    }
    return -1;
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    for (int[] span : spans) {
      if (start < span[1] && span[0] < end) {
        return true;
      }
    }
    return false;
  }

  private static String lineAt(String text, int offset) {
    int start = text.lastIndexOf('\n', offset - 1) + 1;
    int end = text.indexOf('\n', offset);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  private static int lineNumber(byte[] content, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Whether git would call this content binary: a NUL byte in its first 8000 bytes. */
  static boolean isBinary(byte[] content, int length) {
    int end = Math.min(length, SNIFF);
    for (int i = 0; i < end; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Reads the stream into the buffer; -1 when it holds more than the size limit. */
  private int readBounded(InputStream in) throws IOException {
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (buffer.length > maxFileSize) {
          return -1;
        }
        byte[] bigger = new byte[(int) Math.min((long) buffer.length * 2, (long) maxFileSize + 1)];
        System.arraycopy(buffer, 0, bigger, 0, length);
        buffer = bigger;
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return length > maxFileSize ? -1 : length;
      }
      length += n;
    }
  }
}
