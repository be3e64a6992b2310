package io.github.pyrelease.vuln;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base score of a CVSS v3.0 or v3.1 vector, as FIRST's specification computes it (section 7.1
 * and the Roundup of appendix A), and its qualitative rating.
 */
final class CvssV3 {

  private static final List<String> BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");

  private CvssV3() {}

  /**
   * The base score of {@code vector}, such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}
   * (9.8); empty when it is no complete v3 vector.
   */
  static Optional<Double> baseScore(String vector) {
    if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
      return Optional.empty();
    }
    Map<String, String> metrics = new HashMap<>();
    for (String part : vector.substring("CVSS:3.x/".length()).split("/")) {
      int colon = part.indexOf(':');
      if (colon <= 0 || metrics.put(part.substring(0, colon), part.substring(colon + 1)) != null) {
        return Optional.empty();
      }
    }
    if (!metrics.keySet().containsAll(BASE)) {
      return Optional.empty();
    }
    boolean changed;
    switch (metrics.get("S")) {
      case "U" -> changed = false;
      case "C" -> changed = true;
      default -> {
        return Optional.empty();
      }
    }
    Double av = pick(metrics.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
    Double ac = pick(metrics.get("AC"), "L", 0.77, "H", 0.44);
    Double pr =
        changed
            ? pick(metrics.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
            : pick(metrics.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
    Double ui = pick(metrics.get("UI"), "N", 0.85, "R", 0.62);
    Double c = impact(metrics.get("C"));
    Double i = impact(metrics.get("I"));
    Double a = impact(metrics.get("A"));
    if (av == null
        || ac == null
        || pr == null
        || ui == null
        || c == null
        || i == null
        || a == null) {
      return Optional.empty();
    }
    double iss = 1 - (1 - c) * (1 - i) * (1 - a);
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0) {
      return Optional.of(0.0);
    }
    double score =
        changed
            ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
            : roundUp(Math.min(impact + exploitability, 10));
    return Optional.of(score);
  }

  /** The rating CVSS v3 and v4 give a score. */
  static Severity.Level rating(double score) {
    if (score == 0) {
      return Severity.Level.NONE;
    }
    if (score < 4) {
      return Severity.Level.LOW;
    }
    if (score < 7) {
      return Severity.Level.MEDIUM;
    }
    return score < 9 ? Severity.Level.HIGH : Severity.Level.CRITICAL;
  }

  private static Double impact(String value) {
    return pick(value, "H", 0.56, "L", 0.22, "N", 0.0);
  }

  private static Double pick(String value, Object... choices) {
    for (int k = 0; k < choices.length; k += 2) {
      if (choices[k].equals(value)) {
        return (Double) choices[k + 1];
      }
    }
    return null;
  }

  /** The specification's Roundup: the smallest one-decimal number not below {@code value}. */
  private static double roundUp(double value) {
    long scaled = Math.round(value * 100_000);
    if (scaled % 10_000 == 0) {
      return scaled / 100_000.0;
    }
    return BigDecimal.valueOf((Math.floor(scaled / 10_000.0) + 1) / 10.0)
        .setScale(1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
