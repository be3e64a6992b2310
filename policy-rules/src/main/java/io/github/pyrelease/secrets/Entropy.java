package io.github.pyrelease.secrets;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per character, as gitleaks computes it for a rule's threshold. */
final class Entropy {

  private Entropy() {}

  static double of(CharSequence text) {
    int length = text.length();
    if (length == 0) {
      return 0;
    }
    int[] latin = new int[256];
    Map<Character, Integer> other = null;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 256) {
        latin[c]++;
      } else {
        other = other == null ? new HashMap<>() : other;
        other.merge(c, 1, Integer::sum);
      }
    }
    double entropy = 0;
    for (int count : latin) {
      entropy += term(count, length);
    }
    if (other != null) {
      for (int count : other.values()) {
        entropy += term(count, length);
      }
    }
    return entropy;
  }

  private static double term(int count, int length) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / length;
    return -p * (Math.log(p) / Math.log(2));
  }
}
