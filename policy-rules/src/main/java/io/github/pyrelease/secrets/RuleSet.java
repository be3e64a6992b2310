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

  /** Rules that run on every file: no keywords. */
  private final BitSet always = new BitSet();

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

  /** The rules (by index) whose regex must run on {@code bytes}. */
  BitSet triggered(byte[] bytes, int length) {
    BitSet found = keywords.find(bytes, length);
    BitSet triggered = (BitSet) always.clone();
    for (int k = found.nextSetBit(0); k >= 0; k = found.nextSetBit(k + 1)) {
      for (int r : rulesOfKeyword[k]) {
        triggered.set(r);
      }
    }
    return triggered;
  }
}
