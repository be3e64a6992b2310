package io.github.pyrelease.secrets;

import java.util.List;
import java.util.Map;

/**
 * How to scan: which rules, which limits, which findings are accepted.
 *
 * @param config a gitleaks configuration file relative to the project, or {@code null} for the
 *     project's {@code .gitleaks.toml} when there is one, else the built-in rules
 * @param rules rules in gitleaks' form added, or merged over those of the same id
 * @param disabled rule ids turned off
 * @param maxFileSize the largest file whose content is scanned, in bytes
 * @param baseline a baseline file of accepted findings relative to the project, or {@code null}
 * @param allowed fingerprints of accepted findings
 */
public record SecretScanRequest(
    String config,
    List<Map<String, Object>> rules,
    List<String> disabled,
    long maxFileSize,
    String baseline,
    List<String> allowed) {

  /** 10 MiB: larger files are data, not configuration. */
  public static final long DEFAULT_MAX_FILE_SIZE = 10L << 20;

  public SecretScanRequest {
    rules = List.copyOf(rules);
    disabled = List.copyOf(disabled);
    allowed = List.copyOf(allowed);
  }

  /** The built-in rules (or the project's .gitleaks.toml), no baseline. */
  public static SecretScanRequest defaults() {
    return new SecretScanRequest(
        null, List.of(), List.of(), DEFAULT_MAX_FILE_SIZE, null, List.of());
  }
}
