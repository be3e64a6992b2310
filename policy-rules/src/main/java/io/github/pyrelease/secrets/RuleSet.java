package io.github.pyrelease.secrets;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled rules with the keyword automaton of all of them: which rules a file can trigger is
 * decided in one pass over its bytes.
 */
public final class RuleSet {

  private final List<SecretRule> rules;
  private final List<Allowlist> global;
  private final KeywordMatcher keywords;

  /** For each keyword, the rules (by index) that name it. */
  private final int[][] rulesOfKeyword;

  /** For each rule, the keywords (by index) it names. */
  private final int[][] keywordsOfRule;

  /** Rules that run on every file: no keywords. */
  private final BitSet always = new BitSet();

  /** The keywords whose places rules on every path use ({@link #wantsPlaces}). */
  private final boolean[] placesOnEveryPath;

  /** The rules on some paths only whose keywords' places they use. */
  private final List<Integer> placesOnSomePaths = new ArrayList<>();

  RuleSet(List<SecretRule> rules, List<Allowlist> global) {
    this.rules = List.copyOf(rules);
    this.global = List.copyOf(global);
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      SecretRule rule = rules.get(r);
      if (rule.pathOnly()) {
        continue;
      }
      if (rule.keywords().isEmpty()) {
        always.set(r);
      }
      for (String k : rule.keywords()) {
        byKeyword.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      }
    }
    List<String> words = new ArrayList<>(byKeyword.keySet());
    this.keywords = new KeywordMatcher(words);
    this.rulesOfKeyword = new int[words.size()][];
    for (int k = 0; k < words.size(); k++) {
      rulesOfKeyword[k] = byKeyword.get(words.get(k)).stream().mapToInt(i -> i).toArray();
    }
    this.keywordsOfRule = new int[rules.size()][];
    for (int r = 0; r < rules.size(); r++) {
      keywordsOfRule[r] = rules.get(r).keywords().stream().mapToInt(words::indexOf).toArray();
    }
    this.placesOnEveryPath = new boolean[words.size()];
    for (int r = 0; r < rules.size(); r++) {
      SecretRule rule = rules.get(r);
      if (rule.pathOnly() || !wantsPlaces(rule)) {
        continue;
      }
      if (rule.path() == null) {
        for (int k : keywordsOfRule[r]) {
          placesOnEveryPath[k] = true;
        }
      } else {
        placesOnSomePaths.add(r);
      }
    }
  }

  /** Whether a rule runs only at its keywords' lines or offsets, which the keyword pass records. */
  private static boolean wantsPlaces(SecretRule rule) {
    return rule.lineLocal() || rule.keywordAnchored();
  }

  List<SecretRule> rules() {
    return rules;
  }

  List<Allowlist> global() {
    return global;
  }

  public int size() {
    return rules.size();
  }

  /**
   * Where the keywords of all rules occur in the file {@code path}: one pass. Places are recorded
   * only for keywords of rules that use them and look at this path: "=" of the rule for {@code
   * .env} files is on most lines of every other file.
   */
  KeywordMatcher.Hits hits(String path, byte[] bytes, int length) {
    boolean[] wanted = placesOnEveryPath;
    for (int r : placesOnSomePaths) {
      if (rules.get(r).path().matcher(path).find()) {
        if (wanted == placesOnEveryPath) {
          wanted = wanted.clone();
        }
        for (int k : keywordsOfRule[r]) {
          wanted[k] = true;
        }
      }
    }
    return keywords.find(bytes, length, new KeywordMatcher.Hits(rulesOfKeyword.length), wanted);
  }

  /**
   * The starts of the lines holding a keyword of rule {@code r}, in order, each once; null when
   * they were too many to keep (then the rule runs on the whole file).
   */
  int[] lines(int r, KeywordMatcher.Hits hits) {
    return merged(r, hits, hits::lines);
  }

  /**
   * The offsets at which a keyword of rule {@code r} starts, in order, each once; null when they
   * were too many to keep.
   */
  int[] offsets(int r, KeywordMatcher.Hits hits) {
    return merged(r, hits, hits::offsets);
  }

  private int[] merged(
      int r, KeywordMatcher.Hits hits, java.util.function.IntFunction<int[]> perKeyword) {
    int[] merged = new int[0];
    for (int k : keywordsOfRule[r]) {
      if (!hits.found().get(k)) {
        continue;
      }
      int[] lines = perKeyword.apply(k);
      if (lines == null) {
        return null;
      }
      int[] both = new int[merged.length + lines.length];
      System.arraycopy(merged, 0, both, 0, merged.length);
      System.arraycopy(lines, 0, both, merged.length, lines.length);
      merged = both;
    }
    return java.util.Arrays.stream(merged).sorted().distinct().toArray();
  }

  /** The rules (by index) whose regex must run, given the keywords found. */
  BitSet triggered(BitSet found) {
    BitSet triggered = (BitSet) always.clone();
    for (int k = found.nextSetBit(0); k >= 0; k = found.nextSetBit(k + 1)) {
      for (int r : rulesOfKeyword[k]) {
        triggered.set(r);
      }
    }
    return triggered;
  }
}
