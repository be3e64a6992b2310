package io.github.pyrelease.vuln;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The severity an OSV record states: the highest CVSS v3 base score of its vectors; else the
 * qualitative word of a v4 vector's record or of its {@code database_specific.severity} (GitHub's
 * advisories write {@code MODERATE} for medium); else unknown. v4 scores are not computed (their
 * lookup tables are not implemented): a v4 vector is kept for reports, its rating taken from the
 * record's words when it has them.
 */
final class Severities {

  private Severities() {}

  static Severity of(Object severity, Object databaseSpecific) {
    Severity best = null;
    String v4 = null;
    if (severity instanceof List<?> items) {
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> entry) || !(entry.get("score") instanceof String score)) {
          continue;
        }
        String type = String.valueOf(entry.get("type"));
        if (type.equals("CVSS_V3")) {
          Optional<Double> base = CvssV3.baseScore(score);
          if (base.isPresent() && (best == null || best.score() < base.get())) {
            best = new Severity(CvssV3.rating(base.get()), base.get(), score);
          }
        } else if (type.equals("CVSS_V4")) {
          v4 = score;
        } else if (type.equals("Ubuntu")) {
          Optional<Severity.Level> word = word(score);
          if (best == null && word.isPresent()) {
            best = new Severity(word.get(), null, null);
          }
        }
      }
    }
    if (best != null && best.score() != null) {
      return best;
    }
    Optional<Severity.Level> stated =
        databaseSpecific instanceof Map<?, ?> specific
                && specific.get("severity") instanceof String s
            ? word(s)
            : Optional.empty();
    if (stated.isPresent()) {
      return new Severity(stated.get(), null, v4);
    }
    if (best != null) {
      return best;
    }
    return v4 == null ? Severity.unknown() : new Severity(Severity.Level.UNKNOWN, null, v4);
  }

  /** A severity word: low, moderate or medium, high, critical, none (any case). */
  static Optional<Severity.Level> word(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "LOW", "NEGLIGIBLE" -> Optional.of(Severity.Level.LOW);
      case "MODERATE", "MEDIUM" -> Optional.of(Severity.Level.MEDIUM);
      case "HIGH" -> Optional.of(Severity.Level.HIGH);
      case "CRITICAL" -> Optional.of(Severity.Level.CRITICAL);
      case "NONE" -> Optional.of(Severity.Level.NONE);
      default -> Optional.empty();
    };
  }
}
